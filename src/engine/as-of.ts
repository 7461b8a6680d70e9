// The as-of date: the day a scan treats as today (year pivot of NIK dates, who counts as a minor).
import type { AsOf } from './types.js';

export function asOfFromDate(date: Date): AsOf {
  const year = date.getUTCFullYear(), month = date.getUTCMonth() + 1, day = date.getUTCDate();
  return { year, month, day, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Parses YYYY-MM-DD strictly; returns null for anything else or an impossible date. */
export function parseAsOf(text: string): AsOf | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const asOf = asOfFromDate(date);
  return asOf.iso === text ? asOf : null;
}
