// The scan job: decrypts one evidence file to a private temp file (0600, removed afterwards),
// runs the scan engine on it, and stores the report, the sample verification and aggregated
// findings (masked value + keyed hash). Idempotent: a claim takes a fresh run token, and only the
// latest claimant may record the result, once; progress writes double as the cancellation check.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeToFile } from '../evidence/pipe-to-file.js';
import { scanPaths, type FindingRecord, type ScanReport } from '../../scan/index.js';
import type { PiiType } from '../../engine/index.js';
import { appendAudit } from '../audit/chain.js';
import { recordEvent } from '../commands/incidents.js';
import type { Database } from '../db/types.js';
import type { BlobStore } from '../evidence/store.js';
import { verifySample } from './verification.js';

export interface ScanJobDeps {
  db: Database;
  blobs: BlobStore;
  projectKey: Buffer;
  /** Cap on distinct findings kept per analysis (the report still counts all of them). */
  maxStoredFindings?: number;
}

/** Plaintext copies live here only while a scan runs, in a folder named after the scanning process. */
export function scanTempRoot(): string {
  return join(tmpdir(), 'telusur-scan');
}

/**
 * Removes plaintext left behind by scanning processes that died (SIGKILL, power loss): any folder
 * whose process id is no longer alive. Runs when a server or worker starts.
 */
export async function sweepScanTemp(root = scanTempRoot()): Promise<number> {
  const entries = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const name of entries) {
    const pid = Number(name.split('-')[0]);
    if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && alive(pid))) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ScanCancelledError extends Error {
  readonly code = 'SCAN_CANCELLED';
}

export type ScanOutcome = 'done' | 'skipped' | 'cancelled';

export async function runScanAnalysis(deps: ScanJobDeps, analysisId: number, signal?: AbortSignal): Promise<ScanOutcome> {
  const { db } = deps;
  const token = randomBytes(12).toString('hex');
  const [claim] = await db.query<{ sha256: string; file_name: string; incident_id: number; evidence_id: number; types: string[] | null }>(
    `UPDATE analyses a SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()), run_token = $2, error = NULL
     FROM evidence e WHERE a.id = $1 AND e.id = a.evidence_id AND a.status IN ('queued', 'running')
     RETURNING e.sha256, e.file_name, a.incident_id, a.evidence_id, a.types`,
    [analysisId, token],
  );
  if (!claim) return 'skipped'; // done, failed for good, or cancelled: nothing to do
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });

  await mkdir(scanTempRoot(), { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(scanTempRoot(), `${process.pid}-`));
  await chmod(dir, 0o700);
  const ext = extname(claim.file_name).replace(/[^.\w]/g, '').slice(0, 12);
  const plainPath = join(dir, `evidence${ext}`);
  const findings = new Map<string, { type: string; hash: string; masked: string; occurrences: number }>();
  const cap = deps.maxStoredFindings ?? 200_000;
  let lastWrite = 0;
  let pendingProgress: Promise<void> = Promise.resolve();
  try {
    await pipeToFile([deps.blobs.open(claim.sha256)], plainPath);
    const onProgress = (p: { bytesDone: number; bytesTotal: number }) => {
      const now = Date.now();
      if (now - lastWrite < 250) return;
      lastWrite = now;
      const percent = p.bytesTotal > 0 ? Math.min(99.9, (p.bytesDone / p.bytesTotal) * 100) : 0;
      pendingProgress = pendingProgress.then(async () => {
        const rows = await db.query(`UPDATE analyses SET progress = $2 WHERE id = $1 AND status = 'running' AND run_token = $3 RETURNING id`, [analysisId, percent, token]);
        if (!rows.length) controller.abort(); // cancelled, or another worker took over
      }).catch(() => undefined);
    };
    const onFinding = (f: FindingRecord) => {
      const key = `${f.type}:${f.hash}`;
      const seen = findings.get(key);
      if (seen) seen.occurrences += 1;
      else if (findings.size < cap) findings.set(key, { type: f.type, hash: f.hash, masked: f.masked, occurrences: 1 });
    };
    const report: ScanReport = await scanPaths([plainPath], {
      workers: 1,
      key: deps.projectKey,
      onProgress,
      onFinding,
      signal: controller.signal,
      ...(claim.types ? { types: claim.types as PiiType[] } : {}),
    });
    await pendingProgress;
    // The report names the temp file; record the evidence's own name instead.
    for (const file of report.files) file.path = claim.file_name;
    const verification = {
      ...verifySample(report),
      // Distinct findings beyond the cap are counted in the report but not listed one by one.
      storedFindings: { stored: findings.size, truncated: findings.size >= cap },
    };
    return await db.transaction(async (tx) => {
      const [done] = await tx.query(
        `UPDATE analyses SET status = 'done', progress = 100, report = $3, verification = $4, finished_at = now(),
           runs_completed = runs_completed + 1
         WHERE id = $1 AND status = 'running' AND run_token = $2 RETURNING id`,
        [analysisId, token, JSON.stringify(report), JSON.stringify(verification)],
      );
      if (!done) return 'cancelled' as const;
      const rows = [...findings.values()];
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        await tx.query(
          `INSERT INTO analysis_findings (analysis_id, type, hash, masked, occurrences)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) ON CONFLICT DO NOTHING`,
          [analysisId, batch.map((r) => r.type), batch.map((r) => r.hash), batch.map((r) => r.masked), batch.map((r) => r.occurrences)],
        );
      }
      await tx.query(`INSERT INTO custody_events (evidence_id, user_id, action) VALUES ($1, NULL, 'scan')`, [claim.evidence_id]);
      await recordEvent(tx, claim.incident_id, null, 'analysis_done', { analysisId, findings: report.totals.findings, subjects: report.totals.subjects.distinct });
      await appendAudit(tx, [{ actorId: null, actor: 'system', action: 'analysis.complete', targetType: 'analysis', targetId: analysisId, detail: { evidenceId: claim.evidence_id, findings: report.totals.findings } }], db.kind);
      return 'done' as const;
    });
  } catch (error) {
    if (controller.signal.aborted) return 'cancelled';
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Marks an analysis failed for good after its last retry; the message never quotes file content. */
export async function failScanAnalysis(db: Database, analysisId: number, error: unknown): Promise<void> {
  const code = (error as { code?: string }).code ?? (error as Error).name ?? 'Error';
  await db.query(`UPDATE analyses SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`, [
    analysisId,
    `analisis gagal / analysis failed (${code})`,
  ]);
}
