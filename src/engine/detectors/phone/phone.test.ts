import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken, tokensOf } from '../../prefilter/testing.js';
import { libraryValidates, operatorOf, phoneDetector } from './phone.js';

const verdictOf = (text: string, label: string | null = null) => phoneDetector.confirm(onlyToken(text), contextFor(label));
const normalized = (text: string) => phoneDetector.normalize(onlyToken(text));
const asOf = contextFor(null).asOf;
const subscriber = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const knownPrefix = fc.constantFrom(811, 812, 813, 814, 815, 816, 817, 818, 819, 821, 822, 823, 831, 832, 833, 838, 851, 852, 853,
  855, 856, 857, 858, 859, 877, 878, 881, 882, 883, 884, 885, 886, 887, 888, 889, 895, 896, 897, 898, 899);

describe('phone normalization', () => {
  it('gives the same E.164 number for every common way of writing a mobile', () => {
    fc.assert(fc.property(knownPrefix, subscriber(7, 8), (prefix, rest) => {
      const e164 = `+62${prefix}${rest}`;
      const head = rest.slice(0, 4), tail = rest.slice(4);
      const shapes = [`0${prefix}${rest}`, `+62 ${prefix} ${head} ${tail}`, `+62-${prefix}-${head}-${tail}`, `62${prefix}${rest}`,
        `(0${prefix}) ${head}-${tail}`, `0${prefix}.${head}.${tail}`, `+62${prefix}${rest}`];
      for (const shape of shapes) {
        expect(verdictOf(shape), shape).not.toBeNull();
        expect(normalized(shape)).toBe(e164);
      }
      // Round trip: the normalized form is itself found and normalizes to itself.
      expect(normalized(e164)).toBe(e164);
    }));
  });

  it('agrees with libphonenumber-js on every prefix and length (the memo is exact)', () => {
    fc.assert(fc.property(fc.integer({ min: 800, max: 899 }), subscriber(6, 9), (prefix, rest) => {
      const e164 = `+62${prefix}${rest}`;
      expect(verdictOf(`0${prefix}${rest}`) !== null).toBe(libraryValidates(e164));
    }), { numRuns: 300 });
  });
});

describe('phoneDetector', () => {
  it('names the operator from the prefix', () => {
    expect(operatorOf(812)).toBe('Telkomsel');
    expect(operatorOf(857)).toBe('Indosat');
    expect(operatorOf(878)).toBe('XL');
    expect(operatorOf(896)).toBe('Tri');
    expect(operatorOf(881)).toBe('Smartfren');
    expect(operatorOf(838)).toBe('Axis');
    expect(phoneDetector.describe!('+6281234567890', asOf)).toEqual({ kind: 'mobile', operator: 'Telkomsel' });
  });

  it('is confident without context for 08… and +62 8…, less so for a bare 62…, and sure with a phone label', () => {
    expect(verdictOf('081234567890')!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(verdictOf('+62 812-3456-7890')!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(verdictOf('6281234567890')!.confidence).toBeLessThan(0.85);
    expect(verdictOf('081234567890', 'no_hp')!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('reads a mobile without its leading 0 only under a phone label', () => {
    expect(verdictOf('81234567890')).toBeNull();
    expect(verdictOf('81234567890', 'no_hp')).not.toBeNull();
    expect(normalized('81234567890')).toBe('+6281234567890');
  });

  it('does not report landlines or toll-free numbers, even under a phone label', () => {
    expect(verdictOf('(021) 555-1234', 'telepon')).toBeNull();
    expect(verdictOf('0800-1-234-567', 'telepon')).toBeNull();
    expect(verdictOf('+62 21 5551234', 'telepon')).toBeNull();
  });

  it('rejects foreign numbers, wrong lengths and invalid mobile prefixes', () => {
    expect(verdictOf('+1 415 555 2671')).toBeNull();
    expect(verdictOf('0812345')).toBeNull();
    expect(verdictOf('08123456789012345')).toBeNull();
    expect(verdictOf('08012345678')).toBeNull();
  });

  it('ignores the digits at the end of an invoice or order id', () => {
    const tail = (text: string) => tokensOf(text).filter((t) => t.digitCount >= 9).map((t) => phoneDetector.confirm(t, contextFor(null)));
    expect(tail('INV/20190718/MPL/0892537543')).toEqual([null]);
    expect(tail('ORD_081234567890')).toEqual([null]);
    expect(tail('hp/wa: 081234567890')[0]).not.toBeNull();
  });

  it('ignores digits inside a hex digest', () => {
    const inHash = tokensOf('c419741b6e0a13051d70d08652378439').filter((t) => t.digitCount >= 9);
    expect(inHash.length).toBeGreaterThan(0);
    for (const token of inHash) expect(phoneDetector.confirm(token, contextFor(null))).toBeNull();
    expect(verdictOf('HP081234567890')).not.toBeNull();
  });

  it('drops below the threshold under negative context (resi, order)', () => {
    expect(verdictOf('081234567890', 'no_resi')!.confidence).toBeLessThan(0.5);
    expect(verdictOf('081234567890', 'order_id')!.confidence).toBeLessThan(0.5);
  });
});
