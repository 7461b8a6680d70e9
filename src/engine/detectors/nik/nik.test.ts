import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { describeNik, nikDetector } from './nik.js';
import { isRealDate, pivotYear } from './structure.js';
import { parseAsOf } from '../../as-of.js';

const verdict = (text: string, label: string | null = null, asOf?: string) => nikDetector.confirm(onlyToken(text), contextFor(label, asOf));

describe('NIK detector', () => {
  it('accepts a valid NIK and decodes region, birth date and gender', () => {
    expect(verdict('3171014101900001')?.confidence).toBeGreaterThanOrEqual(0.85);
    expect(describeNik('3171014101900001', parseAsOf('2026-11-23')!)).toMatchObject({
      provinceCode: '31', gender: 'F', birthDate: '1990-01-01', age: 36,
    });
    expect(describeNik('3171010101100001', parseAsOf('2026-11-23')!)).toMatchObject({ gender: 'M', birthDate: '2010-01-01', age: 16 });
  });

  it('rejects unknown regions, impossible dates and serial 0000', () => {
    expect(verdict('3199010101900001')).toBeNull(); // no such district
    expect(verdict('3171013102900001')).toBeNull(); // 31 February
    expect(verdict('3171017201900001')).toBeNull(); // day 72 (women: 41–71)
    expect(verdict('3171010113900001')).toBeNull(); // month 13
    expect(verdict('3171010101900000')).toBeNull(); // serial 0000
  });

  it('checks leap days against the pivoted year', () => {
    expect(verdict('3171012902000001')).not.toBeNull(); // 29 Feb 2000
    expect(verdict('3171012902010001')).toBeNull(); // 29 Feb 2001
    expect(verdict('3171016902960001')).not.toBeNull(); // woman, 29 Feb 1996
  });

  it('pivots two-digit years on the as-of date and refuses births after it', () => {
    expect(verdict('3171012511260001', null, '2026-11-23')).toBeNull(); // 25 Nov 2026 is after the as-of day
    expect(verdict('3171012511260001', null, '2026-11-25')).not.toBeNull();
    expect(pivotYear(30, parseAsOf('2026-01-01')!)).toBe(1930);
    expect(pivotYear(26, parseAsOf('2026-01-01')!)).toBe(2026);
  });

  it('accepts historical district codes from older Kemendagri lists', () => {
    expect(verdict('9201010101900001')).not.toBeNull(); // Papua Barat code before the 2022 split
  });

  it('scores by context: NIK label high, KK or negative context low', () => {
    expect(verdict('3171014101900001', 'nik')?.confidence).toBeGreaterThan(0.95);
    expect(verdict('3171014101900001', 'no_kk')!.confidence).toBeLessThan(0.5);
    expect(verdict('3171014101900001', 'no_resi')!.confidence).toBeLessThan(0.5);
  });

  it('normalizes formatted NIKs to 16 digits', () => {
    expect(nikDetector.normalize(onlyToken('3171 0141 0190 0001'))).toBe('3171014101900001');
  });

  it('agrees with a plain date check for every day code (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (dd, mm, yy) => {
        const nik = `317101${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(yy).padStart(2, '0')}0001`;
        const day = dd > 40 ? dd - 40 : dd;
        const year = yy > 26 ? 1900 + yy : 2000 + yy;
        const notFuture = year < 2026 || (year === 2026 && (mm < 11 || (mm === 11 && day <= 23)));
        const expected = (dd <= 31 || dd >= 41) && dd <= 71 && isRealDate(year, mm, day) && notFuture;
        expect(verdict(nik) !== null).toBe(expected);
      }),
    );
  });
});
