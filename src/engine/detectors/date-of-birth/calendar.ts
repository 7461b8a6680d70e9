// Calendar rules for birth dates: real dates (leap years included), not after the as-of day and
// at most 120 years before it; plus Indonesian and English month names for written dates.
import type { AsOf } from '../../types.js';

export const MAX_AGE = 120;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A plausible birth date: real, not after `asOf`, and no more than MAX_AGE years before it. */
export function isBirthDate(year: number, month: number, day: number, asOf: AsOf): boolean {
  if (!isRealDate(year, month, day)) return false;
  const date = year * 10000 + month * 100 + day;
  const today = asOf.year * 10000 + asOf.month * 100 + asOf.day;
  return date <= today && date >= today - MAX_AGE * 10000;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month names and common abbreviations, Indonesian and English, lowercase → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1], ['january', 1], ['jan', 1],
  ['februari', 2], ['pebruari', 2], ['february', 2], ['feb', 2], ['peb', 2],
  ['maret', 3], ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['mei', 5], ['may', 5],
  ['juni', 6], ['june', 6], ['jun', 6],
  ['juli', 7], ['july', 7], ['jul', 7],
  ['agustus', 8], ['august', 8], ['agu', 8], ['agt', 8], ['ags', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9],
  ['oktober', 10], ['october', 10], ['okt', 10], ['oct', 10],
  ['november', 11], ['nopember', 11], ['nov', 11], ['nop', 11],
  ['desember', 12], ['december', 12], ['des', 12], ['dec', 12],
]);

/**
 * Reads day, month, year from three numbers in written order: year first when the first has 4
 * digits (Y-M-D), else day first (Indonesian D-M-Y) unless only month-first (US M/D/Y) makes a date.
 * Returns year * 10000 + month * 100 + day, or -1.
 */
export function orderDate(a: number, aDigits: number, b: number, c: number, cDigits: number): number {
  if (aDigits === 4 && cDigits <= 2) return isRealDate(a, b, c) ? a * 10000 + b * 100 + c : -1;
  if (cDigits !== 4 || aDigits > 2) return -1;
  if (isRealDate(c, b, a)) return c * 10000 + b * 100 + a;
  if (isRealDate(c, a, b)) return c * 10000 + a * 100 + b;
  return -1;
}
