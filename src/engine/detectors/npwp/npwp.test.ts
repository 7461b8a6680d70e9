import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { luhnCheckDigit } from '../credit-card/digits.js';
import { legacyNpwpValid, npwpDetector } from './npwp.js';

/** A legacy NPWP (15 digits) with a correct check digit, from 8 + 6 digits. */
function legacy(first8: number[], officeBranch: number[]): string {
  return [...first8, luhnCheckDigit(first8, 0, 8), ...officeBranch].join('');
}
const formatted = (n: string) => `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}.${n.slice(8, 9)}-${n.slice(9, 12)}.${n.slice(12)}`;
const verdictOf = (text: string, label: string | null = null) => npwpDetector.confirm(onlyToken(text), contextFor(label));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
const SAMPLE = legacy([0, 9, 2, 5, 4, 1, 7, 3], [4, 0, 7, 0, 0, 0]);

describe('NPWP check digit', () => {
  it('accepts the generated check digit and rejects every other one', () => {
    fc.assert(fc.property(digits(8), digits(6), fc.integer({ min: 1, max: 9 }), (first8, rest, delta) => {
      const valid = Array.from(legacy(first8, rest), Number);
      expect(legacyNpwpValid(valid, 0)).toBe(true);
      const wrong = valid.slice();
      wrong[8] = (wrong[8]! + delta) % 10;
      expect(legacyNpwpValid(wrong, 0)).toBe(false);
    }));
  });

  it('finds formatted legacy NPWPs with a valid check digit, and normalizes to digits', () => {
    fc.assert(fc.property(digits(8), digits(6), (first8, rest) => {
      const n = legacy(first8, rest);
      const token = onlyToken(`NPWP ${formatted(n)}`);
      expect(npwpDetector.confirm(token, contextFor(null))!.confidence).toBeGreaterThanOrEqual(0.95);
      expect(npwpDetector.normalize(token)).toBe(n);
    }));
  });
});

describe('npwpDetector', () => {
  it('rates a bare 15-digit number moderately without context and high with NPWP context', () => {
    expect(verdictOf(SAMPLE)!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(verdictOf(SAMPLE)!.confidence).toBeLessThan(0.85);
    expect(verdictOf(SAMPLE, 'npwp')!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects a wrong check digit even under NPWP context', () => {
    const wrong = SAMPLE.slice(0, 8) + ((Number(SAMPLE[8]) + 1) % 10) + SAMPLE.slice(9);
    expect(verdictOf(formatted(wrong), 'npwp')).toBeNull();
  });

  it('accepts the 16-digit form 0 + legacy 15', () => {
    expect(verdictOf(`0${SAMPLE}`, 'npwp')!.rule).toBe('npwp.checksum+context');
    expect(npwpDetector.normalize(onlyToken(`0${SAMPLE}`))).toBe(`0${SAMPLE}`);
  });

  it('claims a NIK-form 16-digit NPWP only under NPWP context', () => {
    expect(verdictOf('3171014501900003')).toBeNull();
    expect(verdictOf('3171014501900003', 'no_npwp')!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(verdictOf('0000000000000000', 'no_npwp')).toBeNull();
    expect(verdictOf('00.000.000.0-000.000', 'no_npwp')).toBeNull();
  });

  it('drops below the threshold under negative context, and ignores card-style groups', () => {
    expect(verdictOf(formatted(SAMPLE), 'id_transaksi')!.confidence).toBeLessThan(0.5);
    expect(verdictOf(`${SAMPLE.slice(0, 4)} ${SAMPLE.slice(4, 8)} ${SAMPLE.slice(8, 12)} ${SAMPLE.slice(12)}`)).toBeNull();
  });

  it('describes tax office and head-office branch', () => {
    expect(npwpDetector.describe!(SAMPLE, contextFor(null).asOf)).toEqual({ form: 'legacy', taxOffice: '407', headOffice: true });
  });
});
