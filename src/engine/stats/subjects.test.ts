import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../as-of.js';
import { digitsOf } from '../detectors/nik/structure.js';
import { SubjectCounter } from './subjects.js';

const asOf = parseAsOf('2026-11-23')!;

describe('SubjectCounter', () => {
  it('counts each person once and decodes gender, minors, age bands and provinces', () => {
    const subjects = new SubjectCounter(asOf);
    for (const nik of ['3171014101900001', '3171014101900001', '3273010101100002', '5171015505600003']) subjects.addNik(digitsOf(nik));
    expect(subjects.report()).toEqual({
      distinct: 3, female: 2, male: 1, minors: 1,
      byProvince: { '31': 1, '32': 1, '51': 1 },
      byAgeBand: { '0-17': 1, '35-44': 1, '65+': 1 },
      approximate: false,
    });
  });

  it('estimates every category once past its exact bound, and merges workers', () => {
    const a = new SubjectCounter(asOf, 2_000), b = new SubjectCounter(asOf);
    const nik = (i: number, female: boolean) => `3171${female ? '41' : '01'}0101${String(90 + (i % 10)).slice(-2)}${String(i).padStart(4, '0')}`.slice(0, 16);
    for (let i = 1; i <= 3000; i++) a.addNik(digitsOf(`317101${i % 2 ? '41' : '01'}0190${String(i).padStart(4, '0')}`));
    for (let i = 1; i <= 10; i++) b.addNik(digitsOf(nik(i, false)));
    a.merge(b.state());
    const report = a.report();
    expect(report.approximate).toBe(true);
    expect(Math.abs(report.distinct - 3010) / 3010).toBeLessThan(0.03);
    expect(Math.abs(report.female - 1500) / 1500).toBeLessThan(0.05);
    expect(report.byProvince['31']).toBeGreaterThan(2900);
  });

  it('property: people split over workers and merged report exactly what one counter reports', () => {
    const people = fc.array(fc.tuple(fc.integer({ min: 0, max: 4999 }), fc.integer({ min: 0, max: 2 })), { minLength: 1500, maxLength: 4000 });
    fc.assert(fc.property(people, fc.constantFrom(100, 1_000, 1 << 19), (rows, limit) => {
      const one = new SubjectCounter(asOf, limit);
      const workers = [new SubjectCounter(asOf, limit), new SubjectCounter(asOf, limit), new SubjectCounter(asOf, limit)];
      for (const [person, worker] of rows) {
        // Varied provinces, birth years, genders and serials; the same person may turn up on any worker.
        const province = 11 + (person % 7), year = String(person % 100).padStart(2, '0'), day = String(1 + (person % 28) + (person % 2 ? 40 : 0));
        const nik = digitsOf(`${province}7101${day.padStart(2, '0')}01${year}${String(1 + person).padStart(4, '0')}`);
        one.addNik(nik);
        workers[worker]!.addNik(nik);
      }
      const merged = new SubjectCounter(asOf, limit);
      for (const worker of workers) merged.merge(worker.state());
      expect(merged.report()).toEqual(one.report());
    }), { numRuns: 40 });
  });
});
