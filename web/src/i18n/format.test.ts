// Formatting as a reader in Indonesia expects it: dot thousands, comma decimals, zone-labelled times.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatNumber, formatPercent } from './format.js';

describe('formatNumber', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
  });
  it('shows a dash for a missing value', () => {
    expect(formatNumber(undefined)).toBe('–');
  });
});

describe('formatPercent and formatBytes', () => {
  it('uses a decimal comma', () => {
    expect(formatPercent(0.1234).replace(/\s/g, '')).toBe('12,3%');
    expect(formatBytes(1536)).toBe('1,5 KiB');
  });
});

describe('formatDateTime', () => {
  const moment = '2026-11-23T09:00:00Z';
  it('shows the same moment in each of the three zones', () => {
    expect(formatDateTime(moment, 'id', 'WIB')).toMatch(/16[.:]00 WIB$/);
    expect(formatDateTime(moment, 'id', 'WITA')).toMatch(/17[.:]00 WITA$/);
    expect(formatDateTime(moment, 'en', 'WIT')).toMatch(/18:00 WIT$/);
  });
  it('names the month in the interface language', () => {
    expect(formatDateTime('2026-08-17T03:00:00Z', 'id', 'WIB')).toContain('Agu');
    expect(formatDateTime('2026-08-17T03:00:00Z', 'en', 'WIB')).toContain('Aug');
  });
});

describe('formatDuration', () => {
  it('reads as hours and minutes', () => {
    expect(formatDuration(3_780_000, 'id')).toBe('1 j 3 m');
    expect(formatDuration(-73 * 3_600_000, 'en')).toBe('73 h 0 m');
  });
});
