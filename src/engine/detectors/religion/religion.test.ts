import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { religionDetector, religionTerm } from './religion.js';

describe('religionDetector', () => {
  it('maps Indonesian and English spellings in any case to the KTP term', () => {
    const cases: Array<[string, string]> = [['ISLAM', 'islam'], ['Moslem', 'islam'], ['Kristen Protestan', 'kristen'], ['protestant', 'kristen'],
      ['Katholik', 'katolik'], ['Roman Catholic', 'katolik'], ['Hindu', 'hindu'], ['Budha', 'buddha'], ['Kong Hu Cu', 'konghucu'],
      ['Kepercayaan Terhadap Tuhan YME', 'kepercayaan'], ['  buddhist ', 'buddha'], ['"Katolik"', 'katolik']];
    for (const [value, term] of cases) {
      expect(religionTerm(value), value).toBe(term);
      expect(religionDetector.confirmField(value, contextFor('agama'))!.confidence).toBeGreaterThanOrEqual(0.9);
      expect(religionDetector.normalizeField(value)).toBe(term);
    }
  });

  it('rejects values outside the closed list and values without a religion label', () => {
    for (const value of ['-', 'NULL', 'Jedi', 'Islamic Center Jakarta', '0', '8', '12']) {
      expect(religionDetector.confirmField(value, contextFor('agama')), value).toBeNull();
    }
    expect(religionDetector.confirmField('Islam', contextFor('nama'))).toBeNull();
  });

  it('reads the register codes 1-7 of an AGAMA column, and not a digit after "agama" in running text', () => {
    const coded: Array<[string, string]> = [['1', 'islam'], ['2', 'kristen'], ['3', 'katolik'], ['5', 'buddha'], [' 7 ', 'kepercayaan']];
    for (const [value, term] of coded) {
      expect(religionDetector.confirmField(value, contextFor('AGAMA'))!.rule, value).toBe('religion.register-code+column');
      expect(religionDetector.normalizeField(value)).toBe(term);
    }
    expect(religionDetector.confirmField('1', contextFor('agama', undefined, 'text'))).toBeNull();
    expect(religionDetector.confirmField('1', contextFor('no_hp'))).toBeNull();
  });
});
