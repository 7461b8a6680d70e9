// A detector's ceiling is a promise the engine acts on: under a label whose ceiling is below the
// threshold, the detector is never asked. So no verdict may ever exceed it, whatever the hints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFamily, makePerson } from '../../../test-data/generator/people.js';
import { Random } from '../../../test-data/generator/random.js';
import { regionData } from '../../../test-data/generator/regions.js';
import { buildRow, chooseStyle } from '../../../test-data/generator/rows.js';
import { TruthRecorder } from '../../../test-data/generator/truth.js';
import {
  bpjs, cardNumber, formatNpwp, kk, mobileNsn, nik, npwpLegacy, randomDate, shapeCard, shapePhone,
} from '../../../test-data/generator/identifiers.js';
import { parseAsOf } from '../as-of.js';
import { Engine } from '../pipeline.js';
import { tokensOf } from '../prefilter/testing.js';
import { NEGATIVE_HINT, PII_TYPES, type DetectionContext, type FieldBatch, type Finding } from '../types.js';
import { detectors, isTokenDetector, type Detector } from './index.js';

const asOf = parseAsOf('2026-11-23')!;
const withCeiling = detectors.filter(isTokenDetector).filter((d) => d.ceiling);

/** Text holding an identifier most token detectors would accept, in one of its written shapes. */
function identifierText(seed: number): string {
  const rng = new Random(seed);
  const district = rng.pick(regionData().districts);
  const values = [
    () => nik(rng, district, randomDate(rng, 1950, 2020), rng.chance(0.5)),
    () => kk(rng, district),
    () => shapePhone(rng, mobileNsn(rng)).text,
    () => formatNpwp(npwpLegacy(rng)),
    () => npwpLegacy(rng),
    () => shapeCard(rng, cardNumber(rng)),
    () => bpjs(rng),
    () => `B${rng.digits(7)}`,
    () => rng.digits(rng.range(8, 16)),
    () => isoDateText(rng),
    () => `${rng.range(1, 223)}.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}`,
    () => `2001:db8:${rng.range(1, 9999)}::${rng.range(1, 99)}`,
    () => `user${rng.digits(3)}@contoh.co.id`,
  ];
  return rng.pick(values)();
}

function isoDateText(rng: Random): string {
  const d = randomDate(rng, 1940, 2024);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Any mix of type bits and the negative bit. */
const hintsArb = fc.tuple(fc.integer({ min: 0, max: (1 << PII_TYPES.length) - 1 }), fc.boolean())
  .map(([types, negative]) => types | (negative ? NEGATIVE_HINT : 0));

describe('detector ceilings', () => {
  it('cover the detectors whose label can rule them out', () => {
    expect(withCeiling.map((d) => d.type).sort()).toEqual(
      ['BANK_ACCOUNT', 'BPJS', 'CREDIT_CARD', 'DATE_OF_BIRTH', 'IP_ADDRESS', 'KK', 'NIK', 'NPWP', 'PASSPORT', 'PHONE'],
    );
  });

  it('property: no verdict is above the ceiling of its hints', () => {
    let confirmed = 0;
    fc.assert(fc.property(fc.nat(), hintsArb, fc.constantFrom('column' as const, 'text' as const), (seed, hints, source) => {
      const context: DetectionContext = { asOf, hints, source, label: 'x' };
      for (const token of tokensOf(identifierText(seed))) {
        for (const detector of withCeiling) {
          if (!detector.tokenKinds.includes(token.kind)) continue;
          const verdict = detector.confirm(token, context);
          if (!verdict) continue;
          confirmed++;
          expect(verdict.confidence, `${detector.type} under hints ${hints}`).toBeLessThanOrEqual(detector.ceiling!(hints));
        }
      }
    }), { numRuns: 3000 });
    // The property means something only if many candidates were confirmed.
    expect(confirmed).toBeGreaterThan(2000);
  });

  it('change nothing an engine finds in generated dumps (every column name the generator knows)', () => {
    const withoutCeilings = detectors.map((d): Detector => (isTokenDetector(d) && d.ceiling ? { ...d, ceiling: undefined } : d));
    for (let seed = 0; seed < 12; seed++) {
      const batch = generatedBatch(seed, 300);
      const scan = (list: readonly Detector[]) => {
        const found: string[] = [];
        const engine = new Engine({ asOf, detectors: list, onFinding: (f: Finding) => found.push(`${f.type} ${f.offset} ${f.length} ${f.confidence} ${f.value}`) });
        engine.scanBatch(batch);
        return { found, stats: { byType: engine.stats.byType((t) => engine.category(t)), subjects: engine.stats.subjectsReport() } };
      };
      const pruned = scan(detectors), full = scan(withoutCeilings);
      expect(pruned.found.length).toBeGreaterThan(3000);
      expect(pruned.found).toEqual(full.found);
      expect(pruned.stats).toEqual(full.stats);
    }
  });

  it('rule out what the labels say: a NIK in a KK column, a phone in a shipping-receipt column', () => {
    const ceilingOf = (type: string, hints: number) => withCeiling.find((d) => d.type === type)!.ceiling!(hints);
    const bit = (type: (typeof PII_TYPES)[number]) => 1 << PII_TYPES.indexOf(type);
    expect(ceilingOf('NIK', bit('KK'))).toBeLessThan(0.5);
    expect(ceilingOf('NIK', bit('NIK') | bit('KK'))).toBe(1);
    expect(ceilingOf('PHONE', NEGATIVE_HINT)).toBeLessThan(0.5);
    expect(ceilingOf('BPJS', 0)).toBe(0);
    expect(ceilingOf('IP_ADDRESS', 0)).toBe(1);
  });
});

/** `rows` generated rows (one column-name style per seed) as one batch, a field per value. */
function generatedBatch(seed: number, rows: number): FieldBatch {
  const rng = new Random(`ceiling:${seed}`);
  const style = chooseStyle(rng);
  const truth = new TruthRecorder('counts');
  const start: number[] = [], end: number[] = [], column: number[] = [];
  let text = '';
  for (let id = 1; id <= rows; id++) {
    buildRow(rng, makePerson(rng, makeFamily(rng), 2026), id, style, truth).forEach((value, c) => {
      if (value === null) return;
      start.push(text.length);
      text += value;
      end.push(text.length);
      column.push(c);
      text += '\n';
    });
  }
  // ASCII only in the generator's values, so string offsets are byte offsets.
  const bytes = new TextEncoder().encode(text);
  expect(bytes.length).toBe(text.length);
  return {
    bytes, fileOffset: 0, count: start.length, start: Int32Array.from(start), end: Int32Array.from(end),
    column: Int32Array.from(column), columns: style.names, records: rows,
  };
}
