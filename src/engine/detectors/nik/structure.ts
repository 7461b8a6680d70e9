// NIK structure: PP RR DD DDMMYY SSSS. Decodes region, birth date and gender straight from digit
// values, with no allocation, so the hot path can validate millions of candidates.
import { regions } from '../../regions/regions.js';
import { digitsText } from '../../prefilter/decode.js';
import type { AsOf, Verdict } from '../../types.js';

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!);
}

/** Two-digit years resolve to the latest year not after the as-of date (YY=24 in 2026 → 2024, 30 → 1930). */
export function pivotYear(twoDigits: number, asOf: AsOf): number {
  const century = Math.floor(asOf.year / 100) * 100;
  const year = century + twoDigits;
  return year > asOf.year ? year - 100 : year;
}

const at = (d: Uint8Array, i: number) => d[i]!;
const pair = (d: Uint8Array, i: number) => at(d, i) * 10 + at(d, i + 1);

export function districtCode(digits: Uint8Array): number {
  return pair(digits, 0) * 10_000 + pair(digits, 2) * 100 + pair(digits, 4);
}

export function isKnownDistrict(digits: Uint8Array): boolean {
  return regions().districtValid[districtCode(digits)] === 1;
}

/**
 * A NIK- or KK-shaped verdict whose explanation is written only when read: a dense dump confirms
 * millions of these, and only a findings sink ever reads the text.
 */
export class DistrictVerdict implements Verdict {
  constructor(readonly confidence: number, readonly rule: string, private readonly district: number, private readonly checks: string) {}

  get validator(): string {
    return `region ${this.district} known; ${this.checks}`;
  }
}

export interface NikDate {
  year: number;
  month: number;
  day: number;
  female: boolean;
}

/** The birth date encoded in digits 7–12 (women: day + 40), or null when it is not a real past date. */
export function nikBirthDate(digits: Uint8Array, asOf: AsOf): NikDate | null {
  if (!hasBirthDate(digits, asOf)) return null;
  const coded = pair(digits, 6);
  return { year: pivotYear(pair(digits, 10), asOf), month: pair(digits, 8), day: coded > 40 ? coded - 40 : coded, female: coded > 40 };
}

/** Whether digits 7–12 encode a real past birth date: nikBirthDate's test, without building the date. */
export function hasBirthDate(digits: Uint8Array, asOf: AsOf): boolean {
  let day = pair(digits, 6);
  if (day > 40) day -= 40;
  const month = pair(digits, 8);
  const year = pivotYear(pair(digits, 10), asOf);
  if (!isRealDate(year, month, day)) return false;
  return !(year === asOf.year && (month > asOf.month || (month === asOf.month && day > asOf.day)));
}

export function serialIsValid(digits: Uint8Array): boolean {
  return at(digits, 12) + at(digits, 13) + at(digits, 14) + at(digits, 15) > 0;
}

/** Whole years between a birth date and the as-of date. */
export function ageOn(birth: { year: number; month: number; day: number }, asOf: AsOf): number {
  let age = asOf.year - birth.year;
  if (asOf.month < birth.month || (asOf.month === birth.month && asOf.day < birth.day)) age--;
  return age;
}

/** Digit values of a 16-digit string (for code paths that start from a normalized value). */
export function digitsOf(value: string): Uint8Array {
  const digits = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) digits[i] = value.charCodeAt(i) - 48;
  return digits;
}

export function digitString(digits: Uint8Array, count: number): string {
  return digitsText(digits, 0, count);
}
