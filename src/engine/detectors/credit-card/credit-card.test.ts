import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { creditCardDetector } from './credit-card.js';
import { groupLengths, luhnCheckDigit, luhnValid } from './digits.js';

const verdictOf = (text: string, label: string | null = null) => creditCardDetector.confirm(onlyToken(text), contextFor(label));
const digitArray = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });

describe('Luhn', () => {
  it('accepts a number completed with its check digit and rejects every single-digit change', () => {
    fc.assert(fc.property(digitArray(15), fc.nat(15), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
      const card = [...body, luhnCheckDigit(body, 0, body.length)];
      expect(luhnValid(card, 0, card.length)).toBe(true);
      const changed = card.slice();
      changed[position] = (changed[position]! + delta) % 10;
      expect(luhnValid(changed, 0, changed.length)).toBe(false);
    }));
  });

  it('agrees with the published test card numbers', () => {
    for (const pan of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) {
      expect(luhnValid(Array.from(pan, Number), 0, pan.length)).toBe(true);
    }
    expect(luhnValid(Array.from('4111111111111112', Number), 0, 16)).toBe(false);
  });
});

describe('creditCardDetector', () => {
  it('finds test cards of each issuer, bare or grouped, and names the issuer', () => {
    const cards: Array<[string, string]> = [
      ['4111111111111111', 'Visa'], ['5555 5555 5555 4444', 'Mastercard'], ['2223003122003222', 'Mastercard'],
      ['3782 822463 10005', 'American Express'], ['3566 0020 2036 0505', 'JCB'], ['6011-1111-1111-1117', 'Discover'],
    ];
    for (const [text, issuer] of cards) {
      const verdict = verdictOf(text);
      expect(verdict?.confidence, text).toBeGreaterThanOrEqual(0.8);
      const normalized = creditCardDetector.normalize(onlyToken(text));
      expect(normalized).toBe(text.replace(/\D/g, ''));
      expect(creditCardDetector.describe!(normalized, contextFor(null).asOf)).toEqual({ issuer });
    }
  });

  it('rejects a failed Luhn check, an unknown issuer prefix or a wrong length', () => {
    expect(verdictOf('4111111111111112')).toBeNull();
    expect(verdictOf('1111111111111117')).toBeNull(); // Luhn-valid, no issuer starts with 1
    expect(verdictOf('55555555555544440')).toBeNull(); // Mastercard is 16 digits
  });

  it('keeps a bare NIK-shaped Mastercard number below a validated NIK (0.85) without card context', () => {
    const body = Array.from('517101010190001', Number);
    const pan = body.join('') + luhnCheckDigit(body, 0, 15);
    expect(verdictOf(pan)!.confidence).toBeLessThan(0.85);
    expect(verdictOf(pan, 'nomor_kartu_kredit')!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(verdictOf(pan.replace(/(\d{4})(?=\d)/g, '$1 '))!.confidence).toBeGreaterThan(0.85);
  });

  it('trusts an obsolete 13-digit Visa number only a little without card context', () => {
    expect(verdictOf('4222222222222')!.confidence).toBeLessThan(0.6);
    expect(verdictOf('4222222222222', 'cc_number')!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('drops below the threshold under negative or other-identifier context', () => {
    expect(verdictOf('4111111111111111', 'order_id')!.confidence).toBeLessThan(0.5);
    expect(verdictOf('4111111111111111', 'nik')!.confidence).toBeLessThan(0.5);
  });

  it('ignores groupings no card uses', () => {
    expect(verdictOf('41-1111-1111-111111')).toBeNull();
  });

  it('measures digit groups of a token', () => {
    const lengths = new Int32Array(8);
    expect(groupLengths(onlyToken('01.234.567.8-901.000'), lengths)).toBe(6);
    expect(Array.from(lengths.subarray(0, 6))).toEqual([2, 3, 3, 1, 3, 3]);
  });
});
