// Running totals of one scan: findings per type, distinct values per type, identifiers that
// carried a type's label but failed its validation, and the distinct people (valid NIKs).
// Each worker keeps its own; `merge` folds them together in the main thread.
import { PII_TYPES, type AsOf, type PdpCategory, type PiiType } from '../types.js';
import { DistinctCounter, type DistinctState } from './distinct.js';
import { SubjectCounter, type SubjectsReport, type SubjectsState } from './subjects.js';

export interface TypeTotals {
  count: number;
  distinct: number;
  category: PdpCategory;
  /** Values under this type's label (column or context words) that failed its validation. */
  invalid: number;
  approximate: boolean;
}

export interface StatsState {
  counts: Record<string, number>;
  invalid: Record<string, number>;
  distinct: Record<string, DistinctState>;
  categories: Record<string, PdpCategory>;
  subjects: SubjectsState;
}

export class ScanStats {
  private readonly counts = new Map<PiiType, number>();
  private readonly invalid = new Map<PiiType, number>();
  private readonly distinct = new Map<PiiType, DistinctCounter>();
  private readonly categories = new Map<PiiType, PdpCategory>();
  readonly subjects: SubjectCounter;

  constructor(asOf: AsOf) {
    this.subjects = new SubjectCounter(asOf);
  }

  /** Counts a finding. NIK values go to the subject counter (which is also their distinct count). */
  addFinding(type: PiiType, category: PdpCategory, normalized: string, nikDigits: Uint8Array | null): void {
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    this.categories.set(type, category);
    if (type === 'NIK' && nikDigits) return this.subjects.addNik(nikDigits);
    let counter = this.distinct.get(type);
    if (!counter) this.distinct.set(type, (counter = new DistinctCounter()));
    counter.addString(normalized);
  }

  addInvalid(type: PiiType): void {
    this.invalid.set(type, (this.invalid.get(type) ?? 0) + 1);
  }

  get findings(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  state(): StatsState {
    return {
      counts: Object.fromEntries(this.counts),
      invalid: Object.fromEntries(this.invalid),
      distinct: Object.fromEntries([...this.distinct].map(([t, c]) => [t, c.state()])),
      categories: Object.fromEntries(this.categories),
      subjects: this.subjects.state(),
    };
  }

  merge(other: StatsState): void {
    for (const [type, n] of Object.entries(other.counts)) this.counts.set(type as PiiType, (this.counts.get(type as PiiType) ?? 0) + n);
    for (const [type, n] of Object.entries(other.invalid)) this.invalid.set(type as PiiType, (this.invalid.get(type as PiiType) ?? 0) + n);
    for (const [type, c] of Object.entries(other.categories)) this.categories.set(type as PiiType, c);
    for (const [type, state] of Object.entries(other.distinct)) {
      let counter = this.distinct.get(type as PiiType);
      if (!counter) this.distinct.set(type as PiiType, (counter = new DistinctCounter()));
      counter.merge(state);
    }
    this.subjects.merge(other.subjects);
  }

  /** Totals per type in the fixed PII_TYPES order, only for types that were seen. */
  byType(categoryOf: (type: PiiType) => PdpCategory): Record<string, TypeTotals> {
    const subjects = this.subjects.report();
    const out: Record<string, TypeTotals> = {};
    for (const type of PII_TYPES) {
      const count = this.counts.get(type) ?? 0;
      const invalid = this.invalid.get(type) ?? 0;
      if (count === 0 && invalid === 0) continue;
      const counter = this.distinct.get(type);
      out[type] = {
        count,
        distinct: type === 'NIK' ? subjects.distinct : (counter?.count() ?? 0),
        category: this.categories.get(type) ?? categoryOf(type),
        invalid,
        approximate: type === 'NIK' ? subjects.approximate : (counter?.approximate ?? false),
      };
    }
    return out;
  }

  subjectsReport(): SubjectsReport {
    return this.subjects.report();
  }
}
