import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { healthDetector, isIcd10List } from './health.js';

const verdictOf = (value: string, label: string | null = 'diagnosa', source?: 'column' | 'text') =>
  healthDetector.confirmField(value, contextFor(label, undefined, source ?? (label ? 'column' : 'none')));

describe('healthDetector', () => {
  it('recognizes ICD-10 codes, alone or listed', () => {
    for (const value of ['J18.9', 'U07.1', 'A09', 'e11.9', 'I10, E11.9; J45.909']) {
      expect(isIcd10List(value), value).toBe(true);
      expect(verdictOf(value)!.rule).toBe('health.icd10+label');
    }
    expect(healthDetector.normalizeField('j18.9')).toBe('J18.9');
  });

  it('accepts any generated ICD-10 code', () => {
    const code = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.integer({ min: 0, max: 99 }), fc.option(fc.integer({ min: 0, max: 9999 })))
      .map(([letter, n, sub]) => `${letter}${String(n).padStart(2, '0')}${sub === null ? '' : `.${sub}`}`);
    fc.assert(fc.property(code, (c) => {
      expect(isIcd10List(c)).toBe(true);
    }));
  });

  it('accepts diagnosis text, lab results and blood types under medical labels', () => {
    expect(verdictOf('Demam berdarah dengue')!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(verdictOf('Positif COVID-19', 'hasil_lab')).not.toBeNull();
    expect(verdictOf('rontgen_thorax_0012.dcm', 'rontgen')).not.toBeNull();
    expect(verdictOf('AB+', 'golongan_darah')).not.toBeNull();
    expect(verdictOf('12.5', 'hasil_lab')!.confidence).toBeLessThan(0.8);
  });

  it('reads quoted log values', () => {
    expect(verdictOf('"Persalinan normal"')).not.toBeNull();
    expect(healthDetector.normalizeField('"Persalinan  normal"')).toBe('persalinan normal');
  });

  it('rejects placeholders and anything without a medical label', () => {
    for (const value of ['-', 'NULL', 'tidak ada', '']) expect(verdictOf(value), value).toBeNull();
    expect(verdictOf('J18.9', 'nama')).toBeNull();
    expect(verdictOf('12.5', 'diagnosa', 'text')).toBeNull();
  });
});
