// Sample verification from a scan report: of the identifiers found under their label, how many
// are valid, how many failed validation, and how many are repeats. A post claiming a million
// records may hold a tenth of that in valid, distinct identifiers.
import type { ScanReport } from '../../scan/index.js';

export interface TypeVerification {
  valid: number;
  invalid: number;
  distinct: number;
  /** valid / (valid + invalid) */
  validShare: number;
  invalidShare: number;
  /** 1 − distinct / valid: the share of valid values that repeat an earlier one. */
  duplicateShare: number;
  approximate: boolean;
}

export interface SampleVerification {
  records: number;
  /** Distinct people by NIK (the subjects of the report). */
  distinctSubjects: number;
  /** Over the identifiers (NIK, KK, NPWP, phone, e-mail, …) taken together. */
  overall: Omit<TypeVerification, 'approximate'>;
  byType: Record<string, TypeVerification>;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

export function verifySample(report: ScanReport): SampleVerification {
  const byType: Record<string, TypeVerification> = {};
  let valid = 0;
  let invalid = 0;
  let distinct = 0;
  for (const [type, totals] of Object.entries(report.totals.byType)) {
    const t = totals as { count: number; distinct: number; invalid?: number; approximate?: boolean };
    const bad = t.invalid ?? 0;
    byType[type] = {
      valid: t.count,
      invalid: bad,
      distinct: t.distinct,
      validShare: share(t.count, t.count + bad),
      invalidShare: share(bad, t.count + bad),
      duplicateShare: share(t.count - t.distinct, t.count),
      approximate: Boolean(t.approximate),
    };
    valid += t.count;
    invalid += bad;
    distinct += t.distinct;
  }
  return {
    records: report.totals.records,
    distinctSubjects: report.totals.subjects?.distinct ?? 0,
    overall: {
      valid,
      invalid,
      distinct,
      validShare: share(valid, valid + invalid),
      invalidShare: share(invalid, valid + invalid),
      duplicateShare: share(valid - distinct, valid),
    },
    byType,
  };
}
