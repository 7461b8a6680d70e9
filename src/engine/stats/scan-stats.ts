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

/**
 * The arrays a state holds, to move with it to another thread: copying tens of megabytes of
 * tables through postMessage takes longer than the merge.
 */
export function stateBuffers(state: StatsState): ArrayBuffer[] {
  const counters = [...Object.values(state.distinct), state.subjects.all, ...Object.values(state.subjects.categories)];
  return counters.flatMap((c) => [c.slots, c.registers]).filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer);
}

/** Index of each type in PII_TYPES: the hot path counts into arrays, not maps keyed by strings. */
export const TYPE_INDEX = Object.fromEntries(PII_TYPES.map((type, i) => [type, i])) as Record<PiiType, number>;
const NIK_INDEX = TYPE_INDEX.NIK;

export class ScanStats {
  private readonly counts = new Float64Array(PII_TYPES.length);
  private readonly invalid = new Float64Array(PII_TYPES.length);
  private readonly distinct: (DistinctCounter | undefined)[] = PII_TYPES.map(() => undefined);
  private readonly categories: (PdpCategory | undefined)[] = PII_TYPES.map(() => undefined);
  readonly subjects: SubjectCounter;

  constructor(asOf: AsOf) {
    this.subjects = new SubjectCounter(asOf);
  }

  /** Counts a finding. NIK values go to the subject counter (which is also their distinct count). */
  addFinding(type: PiiType, category: PdpCategory, normalized: string, nikDigits: Uint8Array | null): void {
    this.addFindingAt(TYPE_INDEX[type], category, normalized, nikDigits);
  }

  /**
   * addFinding by type index (TYPE_INDEX). A NIK with its digits needs no normalized string
   * (pass ''): its 16 digits are the subject key.
   */
  addFindingAt(index: number, category: PdpCategory, normalized: string, nikDigits: Uint8Array | null): void {
    this.counts[index] = this.counts[index]! + 1;
    this.categories[index] = category;
    if (index === NIK_INDEX && nikDigits) return this.subjects.addNik(nikDigits);
    this.counter(index).addString(normalized);
  }

  /** addFindingAt for a value told by its digits, digits[from, to): no string is built to count it. */
  addDigitsFindingAt(index: number, category: PdpCategory, digits: Uint8Array, from: number, to: number): void {
    this.counts[index] = this.counts[index]! + 1;
    this.categories[index] = category;
    this.counter(index).addDigits(digits, from, to);
  }

  addInvalid(type: PiiType): void {
    const i = TYPE_INDEX[type];
    this.invalid[i] = this.invalid[i]! + 1;
  }

  private counter(index: number): DistinctCounter {
    return (this.distinct[index] ??= new DistinctCounter());
  }

  get findings(): number {
    let total = 0;
    for (const n of this.counts) total += n;
    return total;
  }

  /**
   * The totals, their tables copied; with `handOver`, the tables themselves, for stats that are
   * dropped right after (a worker's, once collected: copying them delayed the end of every scan).
   */
  state(handOver = false): StatsState {
    const state: StatsState = { counts: {}, invalid: {}, distinct: {}, categories: {}, subjects: this.subjects.state(handOver) };
    PII_TYPES.forEach((type, i) => {
      if (this.counts[i]) state.counts[type] = this.counts[i]!;
      if (this.invalid[i]) state.invalid[type] = this.invalid[i]!;
      const counter = this.distinct[i], category = this.categories[i];
      if (counter) state.distinct[type] = counter.state(handOver);
      if (category) state.categories[type] = category;
    });
    return state;
  }

  merge(other: StatsState): void {
    for (const [type, n] of Object.entries(other.counts)) this.counts[TYPE_INDEX[type as PiiType]]! += n;
    for (const [type, n] of Object.entries(other.invalid)) this.invalid[TYPE_INDEX[type as PiiType]]! += n;
    for (const [type, c] of Object.entries(other.categories)) this.categories[TYPE_INDEX[type as PiiType]] = c;
    for (const [type, state] of Object.entries(other.distinct)) this.counter(TYPE_INDEX[type as PiiType]).merge(state);
    this.subjects.merge(other.subjects);
  }

  /** Totals per type in the fixed PII_TYPES order, only for types that were seen. */
  byType(categoryOf: (type: PiiType) => PdpCategory): Record<string, TypeTotals> {
    const subjects = this.subjects.report();
    const out: Record<string, TypeTotals> = {};
    PII_TYPES.forEach((type, i) => {
      const count = this.counts[i]!;
      const invalid = this.invalid[i]!;
      if (count === 0 && invalid === 0) return;
      const counter = this.distinct[i];
      out[type] = {
        count,
        distinct: type === 'NIK' ? subjects.distinct : (counter?.count() ?? 0),
        category: this.categories[i] ?? categoryOf(type),
        invalid,
        approximate: type === 'NIK' ? subjects.approximate : (counter?.approximate ?? false),
      };
    });
    return out;
  }

  subjectsReport(): SubjectsReport {
    return this.subjects.report();
  }
}
