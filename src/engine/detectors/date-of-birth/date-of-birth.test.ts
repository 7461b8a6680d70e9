import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { daysInMonth, isBirthDate, isRealDate } from './calendar.js';
import { dateOfBirthDetector } from './date-of-birth.js';

const asOf = contextFor(null, '2026-11-23').asOf;
const tokenVerdict = (text: string, label: string | null = 'tgl_lahir') => dateOfBirthDetector.confirm(onlyToken(text), contextFor(label, '2026-11-23'));
const fieldVerdict = (text: string, label: string | null = 'tempat_tanggal_lahir') => dateOfBirthDetector.confirmField(text, contextFor(label, '2026-11-23'));
const pad = (n: number) => String(n).padStart(2, '0');

describe('calendar', () => {
  it('agrees with the JavaScript calendar on which dates are real', () => {
    fc.assert(fc.property(fc.integer({ min: 1800, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      expect(isRealDate(y, m, d)).toBe(real);
    }));
  });

  it('knows leap years: 29 February 2000 and 2024 exist, 1900 and 2023 do not', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(isRealDate(2023, 2, 29)).toBe(false);
  });

  it('accepts only past dates within 120 years of the as-of day', () => {
    expect(isBirthDate(2026, 11, 23, asOf)).toBe(true);
    expect(isBirthDate(2026, 11, 24, asOf)).toBe(false);
    expect(isBirthDate(1906, 11, 23, asOf)).toBe(true);
    expect(isBirthDate(1906, 11, 22, asOf)).toBe(false);
  });
});

describe('dateOfBirthDetector tokens', () => {
  it('reads every written order to the same ISO date', () => {
    fc.assert(fc.property(fc.integer({ min: 1910, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      for (const text of [iso, `${pad(d)}-${pad(m)}-${y}`, `${pad(d)}/${pad(m)}/${y}`, `${pad(d)}.${pad(m)}.${y}`, `${y}${pad(m)}${pad(d)}`, `${y}/${m}/${d}`]) {
        expect(tokenVerdict(text), text).not.toBeNull();
        expect(dateOfBirthDetector.normalize(onlyToken(text))).toBe(iso);
      }
    }));
  });

  it('reads US month-first order when day-first makes no date', () => {
    expect(dateOfBirthDetector.normalize(onlyToken('12/31/1990'))).toBe('1990-12-31');
  });

  it('rejects impossible and future dates, great ages and mixed separators', () => {
    expect(tokenVerdict('1990-02-30')).toBeNull();
    expect(tokenVerdict('29-02-2023')).toBeNull();
    expect(tokenVerdict('29-02-2024')).not.toBeNull();
    expect(tokenVerdict('2027-01-01')).toBeNull();
    expect(tokenVerdict('1899-12-31')).toBeNull();
    expect(tokenVerdict('1990-01/31')).toBeNull();
  });

  it('needs a birth-date label', () => {
    expect(tokenVerdict('1990-01-31', null)).toBeNull();
    expect(tokenVerdict('1990-01-31', 'created_at')).toBeNull();
  });

  it('describes age and minority on the as-of day', () => {
    expect(dateOfBirthDetector.describe!('2008-11-23', asOf)).toEqual({ age: 18, minor: false });
    expect(dateOfBirthDetector.describe!('2008-11-24', asOf)).toEqual({ age: 17, minor: true });
  });

  it('takes the date of a timestamp in a birth-date column', () => {
    expect(tokenVerdict('1990-01-31 00')).not.toBeNull();
  });
});

describe('dateOfBirthDetector fields', () => {
  it('reads written dates and TTL values', () => {
    const cases: Array<[string, string]> = [
      ['12 Januari 1990', '1990-01-12'], ['Jakarta, 12-01-1990', '1990-01-12'], ['Surabaya, 3 Agustus 1985', '1985-08-03'],
      ['January 12, 1990', '1990-01-12'], ['12 Des. 2001', '2001-12-12'], ['BANDUNG, 1 PEBRUARI 1970', '1970-02-01'], ['19900112', '1990-01-12'],
    ];
    for (const [text, iso] of cases) {
      expect(fieldVerdict(text), text).not.toBeNull();
      expect(dateOfBirthDetector.normalizeField(text)).toBe(iso);
    }
  });

  it('rejects values that are no birth date', () => {
    for (const text of ['Jakarta', '-', '31 Februari 1990', '12 Foo 1990', '12-01-90', '1 Januari 2030']) expect(fieldVerdict(text), text).toBeNull();
    expect(fieldVerdict('12 Januari 1990', 'nama')).toBeNull();
  });
});
