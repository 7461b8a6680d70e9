// Distinct people in a scan, counted by their valid NIKs: how many, women and men, minors, age
// bands and provinces. NIKs are kept exactly (as two 8-digit halves) up to a bound, and decoded
// once at report time; past the bound every category switches to its own HyperLogLog.
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
  categories: Record<string, DistinctState> | null;
}

interface Decoded {
  province: string;
  female: boolean;
  ageBand: string;
  minor: boolean;
}

function decode(high: number, low: number, asOf: AsOf): Decoded {
  const province = String(Math.floor(high / 1_000_000));
  let day = high % 100;
  const female = day > 40;
  if (female) day -= 40;
  const month = Math.floor(low / 1_000_000);
  const year = pivotYear(Math.floor(low / 10_000) % 100, asOf);
  const age = ageOn({ year, month, day }, asOf);
  const band = age < 18 ? 0 : age < 25 ? 1 : age < 35 ? 2 : age < 45 ? 3 : age < 55 ? 4 : age < 65 ? 5 : 6;
  return { province, female, ageBand: AGE_BANDS[band]!, minor: age < 18 };
}

function categoriesOf(d: Decoded): string[] {
  const keys = [d.female ? 'female' : 'male', `province:${d.province}`, `age:${d.ageBand}`];
  if (d.minor) keys.push('minors');
  return keys;
}

export class SubjectCounter {
  private readonly all: DistinctCounter;
  /** Only once the exact set overflowed: one estimator per category. */
  private categories: Map<string, DistinctCounter> | null = null;

  constructor(private readonly asOf: AsOf, private readonly exactLimit = 1 << 19) {
    this.all = new DistinctCounter(exactLimit);
  }

  /** Adds a valid NIK given as its 16 digit values. */
  addNik(digits: Uint8Array): void {
    let high = 0, low = 0;
    for (let i = 0; i < 8; i++) high = high * 10 + digits[i]!;
    for (let i = 8; i < 16; i++) low = low * 10 + digits[i]!;
    this.addHalves(high, low);
  }

  private addHalves(high: number, low: number): void {
    if (this.categories) return this.addToCategories(high, low);
    if (this.all.count() >= this.exactLimit) {
      this.startEstimating();
      return this.addToCategories(high, low);
    }
    this.all.add(high, low);
  }

  private addToCategories(high: number, low: number): void {
    this.all.add(high, low);
    for (const key of categoriesOf(decode(high, low, this.asOf))) this.category(key).add(high, low);
  }

  private category(key: string): DistinctCounter {
    let counter = this.categories!.get(key);
    if (!counter) this.categories!.set(key, (counter = new DistinctCounter(0)));
    return counter;
  }

  /** The exact set is full: seed one estimator per category from what it holds, then estimate. */
  private startEstimating(): void {
    this.categories = new Map();
    this.all.forEachKey((high, low) => {
      for (const key of categoriesOf(decode(high, low, this.asOf))) this.category(key).add(high, low);
    });
  }

  get approximate(): boolean {
    return this.all.approximate;
  }

  state(): SubjectsState {
    const categories = this.categories ? Object.fromEntries([...this.categories].map(([k, c]) => [k, c.state()])) : null;
    return { all: this.all.state(), categories };
  }

  merge(other: SubjectsState): void {
    if (other.all.keys) {
      const keys = other.all.keys;
      for (let i = 0; i < keys.length; i += 2) this.addHalves(keys[i]!, keys[i + 1]!);
      return;
    }
    // The other side estimates: so must we, from now on.
    if (!this.categories) this.startEstimating();
    this.all.merge(other.all);
    for (const [key, state] of Object.entries(other.categories ?? {})) this.category(key).merge(state);
  }

  report(): SubjectsReport {
    const counts = new Map<string, number>();
    if (!this.all.forEachKey((h, l) => {
      for (const key of categoriesOf(decode(h, l, this.asOf))) counts.set(key, (counts.get(key) ?? 0) + 1);
    })) {
      for (const [key, counter] of this.categories ?? []) counts.set(key, counter.count());
    }
    const byProvince: Record<string, number> = {};
    const byAgeBand: Record<string, number> = {};
    for (const [key, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      if (key.startsWith('province:')) byProvince[key.slice(9)] = n;
      else if (key.startsWith('age:')) byAgeBand[key.slice(4)] = n;
    }
    return {
      distinct: this.all.count(),
      female: counts.get('female') ?? 0,
      male: counts.get('male') ?? 0,
      minors: counts.get('minors') ?? 0,
      byProvince,
      byAgeBand,
      approximate: this.all.approximate,
    };
  }
}
