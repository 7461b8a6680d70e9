import { describe, expect, it } from 'vitest';
import { regionNames, regions } from './regions.js';

describe('regions', () => {
  it('knows the current 38 provinces, including the 2022 Papua split', () => {
    const { provinceNames } = regionNames();
    expect(provinceNames.size).toBe(38);
    for (const code of [11, 31, 36, 51, 64, 65, 91, 92, 93, 94, 95, 96]) expect(provinceNames.has(code)).toBe(true);
    expect(provinceNames.get(31)).toBe('Daerah Khusus Ibukota Jakarta');
  });

  it('accepts current district codes and rejects made-up ones', () => {
    const { districtValid } = regions();
    expect(districtValid[317101]).toBe(1); // Jakarta Pusat, Gambir
    expect(regionNames().districtNames.get(317101)).toBe('Gambir');
    expect(districtValid[319901]).toBe(0);
    expect(districtValid[990101]).toBe(0);
  });

  it('keeps codes that only older lists hold (the union is larger than the newest list)', () => {
    const { districtValid, sources } = regions();
    expect(sources).toHaveLength(3);
    const count = districtValid.reduce((sum, v) => sum + v, 0);
    expect(count).toBeGreaterThan(7_277);
  });

  it('marks exactly the districts the lists name', () => {
    const { districtValid } = regions();
    const named = [...regionNames().districtNames.keys()].filter((code) => code < 1_000_000);
    expect(new Set(named).size).toBe(districtValid.reduce((sum, v) => sum + v, 0));
    for (const code of named) expect(districtValid[code], String(code)).toBe(1);
  });
});
