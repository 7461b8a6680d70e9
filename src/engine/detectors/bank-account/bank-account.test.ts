import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { bankAccountDetector } from './bank-account.js';

const verdictOf = (text: string, label: string | null = null) => bankAccountDetector.confirm(onlyToken(text), contextFor(label));

describe('bankAccountDetector', () => {
  it('finds 8–16 digit account numbers under an account label', () => {
    for (const [text, label] of [['1234567890', 'no_rek'], ['123-456-7890', 'nomor_rekening'], ['1234 5678 9012 3', 'account number'],
      ['12345678', 'norek'], ['1234567890123456', 'rekening']]) {
      expect(verdictOf(text!, label!)!.confidence, text).toBeGreaterThanOrEqual(0.85);
    }
    expect(bankAccountDetector.normalize(onlyToken('123-456-7890'))).toBe('1234567890');
  });

  it('says nothing without account context, under negative context, or outside 8–16 digits', () => {
    expect(verdictOf('1234567890')).toBeNull();
    expect(verdictOf('1234567890', 'invoice')).toBeNull();
    expect(verdictOf('1234567', 'no_rek')).toBeNull();
    expect(verdictOf('12345678901234567', 'no_rek')).toBeNull();
  });

  it('does not take a date in an account column for an account number', () => {
    expect(verdictOf('2024-01-31', 'no_rek')).toBeNull();
  });
});
