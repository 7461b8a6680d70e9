import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroundTruth } from './generator/truth.js';
import { checkTargets, mergeTruth, scoreFindings, type TypeScore } from './scoring.js';

function truthOf(positives: GroundTruth['positives'], negatives: GroundTruth['negatives'] = {}, format = 'csv'): GroundTruth {
  return {
    version: 1, format, gzip: false, seed: 's', asOf: '2025-12-31', mode: 'full', records: 1, columns: {},
    positives, negatives, counts: { positives: {}, negatives: {} },
  };
}

const NIK_A = '3171010101900001', NIK_B = '3171014101900002', NIK_C = '3273010202850003', NIK_D = '3273015202850004';
const KK_1 = '3171011203150005', ORDER = '3171010505050505';

describe('scoreFindings', () => {
  const truth = mergeTruth([truthOf(
    { NIK: [NIK_A, NIK_B, NIK_C, NIK_D], KK: [KK_1], EMAIL: ['budi.santoso@suratku.id'], PHONE: ['+6281234567890'], PERSON_NAME: ['Budi Santoso'] },
    { NIK: { [ORDER]: 'order id in an order column' } },
  )]);

  it('counts distinct values: two hits, a planted negative and a KK reported as NIK', () => {
    const scores = scoreFindings(truth, [
      { type: 'NIK', value: NIK_A }, { type: 'NIK', value: NIK_A }, { type: 'NIK', value: NIK_B },
      { type: 'NIK', value: ORDER }, { type: 'NIK', value: KK_1 },
    ]);
    const nik = scores.get('NIK') as TypeScore;
    expect(nik).toMatchObject({ positives: 4, reported: 4, truePositives: 2, falsePositives: 2, falseNegatives: 2, precision: 0.5, recall: 0.5 });
    expect(nik.falsePositiveReasons).toEqual({ 'hard negative: order id in an order column': 1, 'is KK': 1 });
    expect([...nik.missedExamples].sort()).toEqual([NIK_C, NIK_D]);
    expect(scores.get('KK')).toMatchObject({ positives: 1, reported: 0, recall: 0, precision: null });
  });

  it('compares contract types byte for byte and says when only normalization is wrong', () => {
    const scores = scoreFindings(truth, [
      { type: 'EMAIL', value: 'Budi.Santoso@suratku.id' }, { type: 'PHONE', value: '081234567890' },
    ]);
    expect(scores.get('EMAIL')).toMatchObject({ truePositives: 0, falsePositives: 1, recall: 0 });
    expect(scores.get('EMAIL')?.falsePositiveReasons).toEqual({ 'positive, but not normalized as the contract says': 1 });
    expect(scores.get('PHONE')?.falsePositiveReasons).toEqual({ 'positive, but not normalized as the contract says': 1 });
  });

  it('folds case and spaces for free-text types', () => {
    const scores = scoreFindings(truth, [{ type: 'PERSON_NAME', value: '  BUDI   santoso ' }]);
    expect(scores.get('PERSON_NAME')).toMatchObject({ truePositives: 1, precision: 1, recall: 1 });
  });

  it('lists a type the truth does not know as all false positives', () => {
    const scores = scoreFindings(truth, [{ type: 'PASSPORT', value: 'B1234567' }]);
    expect(scores.get('PASSPORT')).toMatchObject({ positives: 0, reported: 1, precision: 0, recall: null });
    expect(scores.get('PASSPORT')?.falsePositiveReasons).toEqual({ 'unlisted (not in the ground truth)': 1 });
  });

  it('refuses findings without values (scan run without --reveal)', () => {
    expect(() => scoreFindings(truth, [{ type: 'NIK' }])).toThrow(/--reveal/);
  });

  it('matches an independent set computation on random inputs', () => {
    const value = fc.stringMatching(/^\d{3}$/);
    fc.assert(fc.property(fc.uniqueArray(value, { maxLength: 40 }), fc.array(value, { maxLength: 60 }), (pos, rep) => {
      const s = scoreFindings(mergeTruth([truthOf({ NIK: pos })]), rep.map((v) => ({ type: 'NIK', value: v }))).get('NIK');
      const distinct = new Set(rep);
      const hits = [...distinct].filter((v) => pos.includes(v)).length;
      if (pos.length === 0 && distinct.size === 0) return s === undefined || (s.precision === null && s.recall === null);
      expect(s?.truePositives).toBe(hits);
      expect(s?.falsePositives).toBe(distinct.size - hits);
      expect(s?.falseNegatives).toBe(pos.length - hits);
      expect(s?.precision).toBe(distinct.size === 0 ? null : hits / distinct.size);
      expect(s?.recall).toBe(pos.length === 0 ? null : hits / pos.length);
      return true;
    }));
  });
});

describe('mergeTruth', () => {
  it('unions positives of several dumps, so a value found in one format counts once', () => {
    const merged = mergeTruth([truthOf({ NIK: [NIK_A, NIK_B] }), truthOf({ NIK: [NIK_B, NIK_C] }, {}, 'json')]);
    expect([...(merged.positives.get('NIK') ?? [])].sort()).toEqual([NIK_A, NIK_B, NIK_C]);
  });

  it('rejects a counts-only truth, which cannot be scored', () => {
    expect(() => mergeTruth([{ ...truthOf({}), mode: 'counts' }])).toThrow(/counts only/);
  });
});

describe('checkTargets', () => {
  const score = (type: string, precision: number, recall: number): [string, TypeScore] => [type, {
    type, positives: 100, reported: 100, truePositives: 0, falsePositives: 0, falseNegatives: 0, precision, recall,
    falsePositiveReasons: {}, falsePositiveExamples: [], missedExamples: [],
  }];
  const all = (p: number, r: number, kk: [number, number] = [p, r]): Map<string, TypeScore> =>
    new Map([score('NIK', p, r), score('PHONE', p, r), score('EMAIL', p, r), score('NPWP', p, r), score('CREDIT_CARD', p, r), score('KK', ...kk)]);

  it('passes at exactly the targets (0.99, and 0.95 for KK)', () => {
    expect(checkTargets(all(0.99, 0.99, [0.95, 0.95]))).toEqual({ pass: true, failures: [] });
  });

  it('fails a type just below its target and names it', () => {
    const scores = all(1, 1);
    scores.set('NPWP', score('NPWP', 1, 0.989)[1]);
    scores.set('KK', score('KK', 0.949, 1)[1]);
    const verdict = checkTargets(scores);
    expect(verdict.pass).toBe(false);
    expect(verdict.failures).toEqual(['NPWP recall 0.9890 < 0.99', 'KK precision 0.9490 < 0.95']);
  });

  it('fails when a target type has nothing to find or nothing reported', () => {
    const scores = all(1, 1);
    scores.delete('EMAIL');
    scores.set('PHONE', { ...score('PHONE', 1, 1)[1], precision: null, recall: 0 });
    const verdict = checkTargets(scores);
    expect(verdict.pass).toBe(false);
    expect(verdict.failures).toContain('EMAIL: no positives in the ground truth');
    expect(verdict.failures).toContain('PHONE precision - < 0.99');
  });
});
