// Ground truth of a generated dump: for every type, the distinct normalized values that ARE
// personal data of that type (positives), and the hard negatives planted to tempt the detector
// (value → why it is not that type). In `counts` mode (benchmarks of hundreds of MB) only
// occurrence counts are kept, so memory stays flat.
import type { PiiType } from '../../src/engine/types.js';

export type TruthMode = 'full' | 'counts';

export interface GroundTruth {
  readonly version: 1;
  readonly format: string;
  readonly gzip: boolean;
  readonly seed: string;
  readonly asOf: string;
  readonly mode: TruthMode;
  /** Records written (rows, objects, tuples, log events). */
  readonly records: number;
  /** Column name chosen for each column key in this dump (aliases vary by seed). */
  readonly columns: Readonly<Record<string, string>>;
  /** Distinct normalized positives per type, sorted (empty in `counts` mode). */
  readonly positives: Partial<Record<PiiType, string[]>>;
  /** Hard negatives per type: normalized value → reason (empty in `counts` mode). */
  readonly negatives: Partial<Record<PiiType, Record<string, string>>>;
  /** Occurrences written, per type. */
  readonly counts: {
    readonly positives: Partial<Record<PiiType, number>>;
    readonly negatives: Partial<Record<PiiType, number>>;
  };
}

export class TruthRecorder {
  private readonly pos = new Map<PiiType, Set<string>>();
  private readonly neg = new Map<PiiType, Map<string, string>>();
  private readonly posCount: Partial<Record<PiiType, number>> = {};
  private readonly negCount: Partial<Record<PiiType, number>> = {};
  records = 0;

  constructor(readonly mode: TruthMode) {}

  positive(type: PiiType, value: string): void {
    this.posCount[type] = (this.posCount[type] ?? 0) + 1;
    if (this.mode === 'counts') return;
    let set = this.pos.get(type);
    if (!set) this.pos.set(type, (set = new Set()));
    set.add(value);
  }

  negative(type: PiiType, value: string, reason: string): void {
    this.negCount[type] = (this.negCount[type] ?? 0) + 1;
    if (this.mode === 'counts') return;
    let map = this.neg.get(type);
    if (!map) this.neg.set(type, (map = new Map()));
    if (!map.has(value)) map.set(value, reason);
  }

  finish(meta: { format: string; gzip: boolean; seed: string; asOf: string; columns: Record<string, string> }): GroundTruth {
    // A KK passes the NIK structure check; listing it makes "KK reported as NIK" countable.
    const nik = this.pos.get('NIK') ?? new Set<string>();
    for (const kk of this.pos.get('KK') ?? []) if (!nik.has(kk)) this.negative('NIK', kk, 'KK number (kartu keluarga)');
    const positives: Partial<Record<PiiType, string[]>> = {};
    for (const [type, set] of this.pos) positives[type] = [...set].sort();
    const negatives: Partial<Record<PiiType, Record<string, string>>> = {};
    for (const [type, map] of this.neg) {
      // A value that is a positive of the same type is personal data however else it appears.
      const keep = this.pos.get(type) ?? new Set<string>();
      const entries = [...map].filter(([v]) => !keep.has(v)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      negatives[type] = Object.fromEntries(entries);
    }
    return {
      version: 1, ...meta, mode: this.mode, records: this.records, positives, negatives,
      counts: { positives: { ...this.posCount }, negatives: { ...this.negCount } },
    };
  }
}
