// Scores scanner findings against ground truth: precision and recall per type over DISTINCT
// normalized values, with every false positive explained (a planted hard negative, a value of
// another type, a value not normalized as the contract says, or unlisted) and every miss listed.
import type { PiiType } from '../src/engine/types.js';
import type { GroundTruth } from './generator/truth.js';

/** The release targets of issue 2 (precision and recall both). */
export const TARGETS: Partial<Record<PiiType, number>> = {
  NIK: 0.99, PHONE: 0.99, EMAIL: 0.99, NPWP: 0.99, CREDIT_CARD: 0.99, KK: 0.95,
};

/** Types whose normalized value is fixed by the output contract: compared byte for byte. */
const STRICT = new Set<string>(['NIK', 'KK', 'NPWP', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'BPJS', 'DATE_OF_BIRTH']);

/** For the other types the contract fixes no normalization: compare case- and space-folded. */
export function comparable(type: string, value: string): string {
  return STRICT.has(type) ? value : value.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface ReportedValue {
  readonly type: string;
  readonly value?: string | null;
}

export interface TruthSet {
  readonly positives: Map<string, Set<string>>;
  readonly negatives: Map<string, Map<string, string>>;
}

/** Unions the ground truth of several dumps (values are compared in `comparable` form). */
export function mergeTruth(truths: readonly GroundTruth[]): TruthSet {
  const positives = new Map<string, Set<string>>();
  const negatives = new Map<string, Map<string, string>>();
  for (const truth of truths) {
    if (truth.mode !== 'full') throw new Error(`ground truth of ${truth.format} hanya hitungan / holds counts only: generate it with truth 'full'`);
    for (const [type, values] of Object.entries(truth.positives)) {
      let set = positives.get(type);
      if (!set) positives.set(type, (set = new Set()));
      for (const v of values ?? []) set.add(comparable(type, v));
    }
    for (const [type, values] of Object.entries(truth.negatives)) {
      let map = negatives.get(type);
      if (!map) negatives.set(type, (map = new Map()));
      for (const [v, reason] of Object.entries(values ?? {})) if (!map.has(comparable(type, v))) map.set(comparable(type, v), reason);
    }
  }
  return { positives, negatives };
}

export interface TypeScore {
  readonly type: string;
  /** Distinct positives in the truth, distinct values reported, and the split. */
  readonly positives: number;
  readonly reported: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** null when undefined (nothing reported / nothing to find). */
  readonly precision: number | null;
  readonly recall: number | null;
  /** Why each false positive is wrong → how many distinct values. */
  readonly falsePositiveReasons: Readonly<Record<string, number>>;
  /** Up to `examples` false positives and misses, for the report (values are synthetic). */
  readonly falsePositiveExamples: readonly { value: string; reason: string }[];
  readonly missedExamples: readonly string[];
}

export interface ScoreOptions {
  /** How many examples of each error to keep per type (default 5). */
  readonly examples?: number;
}

export function scoreFindings(truth: TruthSet, findings: Iterable<ReportedValue>, options: ScoreOptions = {}): Map<string, TypeScore> {
  const examples = options.examples ?? 5;
  const reported = new Map<string, Set<string>>();
  for (const f of findings) {
    if (typeof f.value !== 'string') throw new Error(`temuan ${f.type} tanpa nilai / finding without value: scan with --reveal`);
    let set = reported.get(f.type);
    if (!set) reported.set(f.type, (set = new Set()));
    set.add(comparable(f.type, f.value));
  }
  const types = [...new Set([...truth.positives.keys(), ...reported.keys()])].sort();
  const scores = new Map<string, TypeScore>();
  for (const type of types) {
    const positives = truth.positives.get(type) ?? new Set<string>();
    const found = reported.get(type) ?? new Set<string>();
    let tp = 0;
    const reasons: Record<string, number> = {};
    const fpExamples: { value: string; reason: string }[] = [];
    for (const value of found) {
      if (positives.has(value)) { tp++; continue; }
      const reason = whyFalse(truth, type, value);
      reasons[reason] = (reasons[reason] ?? 0) + 1;
      if (fpExamples.length < examples) fpExamples.push({ value, reason });
    }
    const missed: string[] = [];
    for (const value of positives) {
      if (missed.length >= examples) break;
      if (!found.has(value)) missed.push(value);
    }
    const fp = found.size - tp;
    scores.set(type, {
      type, positives: positives.size, reported: found.size, truePositives: tp, falsePositives: fp,
      falseNegatives: positives.size - tp,
      precision: found.size === 0 ? null : tp / found.size,
      recall: positives.size === 0 ? null : tp / positives.size,
      falsePositiveReasons: reasons, falsePositiveExamples: fpExamples, missedExamples: missed,
    });
  }
  return scores;
}

function whyFalse(truth: TruthSet, type: string, value: string): string {
  const planted = truth.negatives.get(type)?.get(value);
  if (planted) return `hard negative: ${planted}`;
  for (const [other, set] of truth.positives) if (other !== type && set.has(value)) return `is ${other}`;
  const positives = truth.positives.get(type);
  if (positives) {
    const digits = value.replace(/\D/g, '');
    const lowered = value.toLowerCase();
    if (positives.has(lowered) || (digits.length > 0 && (positives.has(digits) || positives.has(`+62${digits.replace(/^(62|0)/, '')}`)))) {
      return 'positive, but not normalized as the contract says';
    }
  }
  return 'unlisted (not in the ground truth)';
}

export interface Verdict {
  readonly pass: boolean;
  /** One line per missed target, e.g. `NIK recall 0.9812 < 0.99`. */
  readonly failures: readonly string[];
}

/** Checks precision and recall of every target type; a type with nothing to find fails too. */
export function checkTargets(scores: ReadonlyMap<string, TypeScore>, targets = TARGETS): Verdict {
  const failures: string[] = [];
  for (const [type, target] of Object.entries(targets)) {
    const s = scores.get(type);
    if (!s || s.positives === 0) { failures.push(`${type}: no positives in the ground truth`); continue; }
    if (s.recall === null || s.recall < (target ?? 1)) failures.push(`${type} recall ${fmt(s.recall)} < ${target}`);
    if (s.precision === null || s.precision < (target ?? 1)) failures.push(`${type} precision ${fmt(s.precision)} < ${target}`);
  }
  return { pass: failures.length === 0, failures };
}

export function fmt(n: number | null): string {
  return n === null ? '-' : n.toFixed(4);
}
