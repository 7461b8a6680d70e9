import { describe, expect, it } from 'vitest';
import { regions } from './regions.js';

describe('regions', () => {
  it('knows the current 38 provinces, including the 2022 Papua split', () => {
    const { provinceNames } = regions();
    expect(provinceNames.size).toBe(38);
    for (const code of [11, 31, 36, 51, 64, 65, 91, 92, 93, 94, 95, 96]) expect(provinceNames.has(code)).toBe(true);
    expect(provinceNames.get(31)).toBe('Daerah Khusus Ibukota Jakarta');
  });

  it('accepts current district codes and rejects made-up ones', () => {
    const { districtValid, districtNames } = regions();
    expect(districtValid[317101]).toBe(1); // Jakarta Selatan, Jagakarsa
    expect(districtNames.get(317101)).toBeTruthy();
    expect(districtValid[319901]).toBe(0);
    expect(districtValid[990101]).toBe(0);
  });

  it('keeps codes that only older lists hold (the union is larger than the newest list)', () => {
    const { districtValid, sources } = regions();
    expect(sources).toHaveLength(3);
    const count = districtValid.reduce((sum, v) => sum + v, 0);
    expect(count).toBeGreaterThan(7_277);
  });
});
