// Output shape of a scan analysis: status, progress in percent, the stored report and the
// sample verification.
export interface AnalysisRow {
  id: number;
  evidence_id: number;
  incident_id: number;
  status: string;
  progress: number;
  attempts: number;
  runs_completed: number;
  error: string | null;
  report: unknown;
  verification: unknown;
  types: string[] | null;
  created_by: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function presentAnalysis(row: AnalysisRow, withReport = true) {
  return {
    id: row.id,
    evidenceId: row.evidence_id,
    incidentId: row.incident_id,
    status: row.status,
    progress: Math.round(row.progress * 10) / 10,
    attempts: row.attempts,
    error: row.error,
    types: row.types,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ...(withReport ? { report: row.report, verification: row.verification } : {}),
  };
}
