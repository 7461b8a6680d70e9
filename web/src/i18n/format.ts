// Number and date formatting shared by every page: numbers always in Indonesian style (1.234.567),
// dates in the time zone the user picked (WIB, WITA or WIT), labelled so nobody has to guess.
import type { Locale } from './messages.js';

export type TimeZoneChoice = 'WIB' | 'WITA' | 'WIT';

/** IANA zones behind Indonesia's three legal time zones (UTC+7, +8, +9). */
export const timeZones: Record<TimeZoneChoice, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const numberFormat = new Intl.NumberFormat('id-ID');
const percentFormat = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });

/** 1234567 → "1.234.567" whatever the interface language, as the issue asks. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat.format(value);
}

/** 0.1234 → "12,3%". */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return percentFormat.format(share);
}

/** Bytes in binary units with Indonesian digits: 1536 → "1,5 KiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${digits.format(value)} ${units[unit]}`;
}

/** A moment as "23 Nov 2026 16.42 WIB" (Indonesian) or "23 Nov 2026, 16:42 WIB" (English). */
export function formatDateTime(iso: string | number | Date | null | undefined, locale: Locale, zone: TimeZoneChoice): string {
  if (iso === null || iso === undefined || iso === '') return '–';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  const text = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: timeZones[zone],
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${text} ${zone}`;
}

/** A signed duration in hours and minutes: 3_780_000 ms → "1 j 3 m" / "1 h 3 m". */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const h = locale === 'id' ? 'j' : 'h';
  return `${formatNumber(hours)} ${h} ${minutes} m`;
}
