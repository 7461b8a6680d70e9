import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { addressDetector } from './address.js';

const verdictOf = (value: string, label: string | null = 'alamat') => addressDetector.confirmField(value, contextFor(label));

describe('addressDetector', () => {
  it('is most confident about values with address words', () => {
    for (const value of ['Jl. Merdeka No. 10 RT 001/RW 002, Kel. Gambir', 'Gg. Mawar 5, Kec. Coblong, Kota Bandung', 'Perum Griya Asri Blok C2', '12 Baker Street']) {
      const verdict = verdictOf(value);
      expect(verdict!.rule, value).toBe('address.words+label');
      expect(verdict!.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('accepts other text with less confidence, a lone place name least', () => {
    const text = verdictOf('Dusun Krajan Sumberejo')!;
    const place = verdictOf('Jakarta')!;
    expect(place.confidence).toBeGreaterThanOrEqual(0.5);
    expect(place.confidence).toBeLessThan(verdictOf('Perumnas Sumberejo Indah')!.confidence);
    expect(text.confidence).toBeGreaterThan(place.confidence);
  });

  it('rejects placeholders, bare numbers and values without an address label', () => {
    for (const value of ['-', 'NULL', '12345', 'tidak ada']) expect(verdictOf(value), value).toBeNull();
    expect(verdictOf('Jl. Merdeka 10', 'nama')).toBeNull();
  });

  it('normalizes case and spacing', () => {
    expect(addressDetector.normalizeField('  Jl.  Merdeka   10 ')).toBe('jl. merdeka 10');
  });
});
