import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { motherMaidenNameDetector } from './mother-maiden-name.js';

describe('motherMaidenNameDetector', () => {
  it('accepts a name under a mother’s-name label only', () => {
    expect(motherMaidenNameDetector.confirmField('Sri Wahyuni', contextFor('nama_ibu_kandung'))!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(motherMaidenNameDetector.confirmField('Sri Wahyuni', contextFor('mother_maiden_name'))!.rule).toBe('mother-maiden-name.letters+label');
    expect(motherMaidenNameDetector.confirmField('Sri Wahyuni', contextFor('nama'))).toBeNull();
  });

  it('rejects placeholders and numbers', () => {
    for (const value of ['-', 'NULL', 'tidak tahu', '12345']) expect(motherMaidenNameDetector.confirmField(value, contextFor('nama_ibu_kandung')), value).toBeNull();
  });

  it('normalizes like a person name', () => {
    expect(motherMaidenNameDetector.normalizeField(' SRI  wahyuni')).toBe('sri wahyuni');
  });
});
