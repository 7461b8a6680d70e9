// Distinct people in a scan, counted by their valid NIKs: how many, women and men, minors, age
// bands and provinces. NIKs are kept exactly (as two 8-digit halves) up to a bound, and decoded
// once at report time; past the bound the counts come from one HyperLogLog per category, which
// each new person feeds as it arrives, so merging workers never decodes every key again.
import type { AsOf } from '../types.js';
import { ageOn, pivotYear } from '../detectors/nik/structure.js';
import { DistinctCounter, type DistinctState } from './distinct.js';

export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export interface SubjectsReport {
  distinct: number;
  female: number;
  male: number;
  minors: number;
  byProvince: Record<string, number>;
  byAgeBand: Record<string, number>;
  /** True when the counts are HyperLogLog estimates (very large inputs). */
  approximate: boolean;
}

export interface SubjectsState {
  all: DistinctState;
  categories: Record<string, DistinctState>;
}

/**
 * The categories a person counts in, as indexes into one array of counters: female, male, minors,
 * the age bands, then the province by its two-digit code. Numbers, not string keys: past the exact
 * bound every merged person is decoded and counted in four of them.
 */
const FEMALE = 0, MALE = 1, MINORS = 2, AGE = 3, PROVINCE = AGE + AGE_BANDS.length, CATEGORIES = PROVINCE + 100;

/** Writes the person's four category indexes to `out`, or three when not a minor (returns how many). */
function categoriesOf(high: number, low: number, asOf: AsOf, out: Int32Array): number {
  let day = high % 100;
  const female = day > 40;
  if (female) day -= 40;
  const month = Math.floor(low / 1_000_000);
  const year = pivotYear(Math.floor(low / 10_000) % 100, asOf);
  const age = ageOn({ year, month, day }, asOf);
  const band = age < 18 ? 0 : age < 25 ? 1 : age < 35 ? 2 : age < 45 ? 3 : age < 55 ? 4 : age < 65 ? 5 : 6;
  out[0] = female ? FEMALE : MALE;
  out[1] = AGE + band;
  out[2] = PROVINCE + Math.floor(high / 1_000_000);
  if (age >= 18) return 3;
  out[3] = MINORS;
  return 4;
}

export class SubjectCounter {
  private readonly all: DistinctCounter;
  /** One estimator per category: the counts once the exact set overflowed. */
  private readonly categories: (DistinctCounter | undefined)[] = new Array<DistinctCounter | undefined>(CATEGORIES);
  private readonly scratch = new Int32Array(4);

  constructor(private readonly asOf: AsOf, exactLimit = 1 << 19) {
    this.all = new DistinctCounter(exactLimit);
  }

  /** Adds a valid NIK given as its 16 digit values. */
  addNik(digits: Uint8Array): void {
    let high = 0, low = 0;
    for (let i = 0; i < 8; i++) high = high * 10 + digits[i]!;
    for (let i = 8; i < 16; i++) low = low * 10 + digits[i]!;
    this.addHalves(high, low);
  }

  /** A person seen for the first time (or any person, once estimating) also goes to their categories. */
  private addHalves(high: number, low: number): void {
    if (!this.all.add(high, low)) return;
    const n = categoriesOf(high, low, this.asOf, this.scratch);
    for (let k = 0; k < n; k++) this.category(this.scratch[k]!).add(high, low);
  }

  private category(index: number): DistinctCounter {
    return (this.categories[index] ??= new DistinctCounter(0));
  }

  get approximate(): boolean {
    return this.all.approximate;
  }

  /** See DistinctCounter.state. */
  state(handOver = false): SubjectsState {
    const categories: Record<string, DistinctState> = {};
    this.categories.forEach((counter, index) => {
      if (counter) categories[index] = counter.state(handOver);
    });
    return { all: this.all.state(handOver), categories };
  }

  merge(other: SubjectsState): void {
    this.all.merge(other.all);
    for (const [index, state] of Object.entries(other.categories)) this.category(Number(index)).merge(state);
  }

  report(): SubjectsReport {
    const counts = new Float64Array(CATEGORIES);
    const scratch = this.scratch;
    if (!this.all.forEachKey((h, l) => {
      const n = categoriesOf(h, l, this.asOf, scratch);
      for (let k = 0; k < n; k++) counts[scratch[k]!]!++;
    })) {
      this.categories.forEach((counter, index) => (counts[index] = counter?.count() ?? 0));
    }
    const byProvince: Record<string, number> = {};
    const byAgeBand: Record<string, number> = {};
    for (let code = 0; code < 100; code++) {
      if (counts[PROVINCE + code]) byProvince[String(code).padStart(2, '0')] = counts[PROVINCE + code]!;
    }
    AGE_BANDS.forEach((band, i) => {
      if (counts[AGE + i]) byAgeBand[band] = counts[AGE + i]!;
    });
    return {
      distinct: this.all.count(),
      female: counts[FEMALE]!,
      male: counts[MALE]!,
      minors: counts[MINORS]!,
      byProvince,
      byAgeBand,
      approximate: this.all.approximate,
    };
  }
}
