import { describe, expect, it } from 'vitest';
import { contextFor, tokensOf } from '../../prefilter/testing.js';
import { passportDetector } from './passport.js';

function passport(text: string, label: string | null = 'no_paspor') {
  const token = tokensOf(text).find((t) => t.kind === 'number' && t.digitCount >= 6);
  if (!token) return null;
  const verdict = passportDetector.confirm(token, contextFor(label));
  return verdict && { verdict, value: passportDetector.normalize(token) };
}

describe('passportDetector', () => {
  it('finds Indonesian passports (a letter and 7 digits), with or without a space', () => {
    for (const [text, value] of [['B 1234567', 'B1234567'], ['X1234567', 'X1234567'], ['a7654321', 'A7654321'], ['Paspor: C 1234567', 'C1234567']]) {
      const found = passport(text!);
      expect(found?.verdict.confidence, text).toBeGreaterThanOrEqual(0.9);
      expect(found!.value).toBe(value);
    }
  });

  it('accepts other countries’ 1–2 letters and 6–8 digits with less confidence', () => {
    expect(passport('AB123456')!.verdict.confidence).toBeLessThan(0.95);
    expect(passport('AB123456')!.value).toBe('AB123456');
  });

  it('needs passport context and the letters', () => {
    expect(passport('B 1234567', null)).toBeNull();
    expect(passport('B 1234567', 'nik')).toBeNull();
    expect(passport('1234567')).toBeNull();
    expect(passport('paspor 1234567')).toBeNull(); // a word, not a series letter
    expect(passport('B 12345')).toBeNull();
  });
});
