// Scan analyses of evidence: start (queued to the job runner), follow progress, read the report
// and the aggregated findings (masked values and keyed hashes only), cancel.
import { z } from 'zod';
import { PII_TYPES } from '../../../engine/index.js';
import { recordEvent } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { presentAnalysis, type AnalysisRow } from '../../presenters/analyses.js';

const analysisScope = { resource: 'analysis' as const, param: 'id' };

export const analysisRoutes = [
  route({
    operationId: 'analyses.create',
    method: 'POST',
    path: '/evidence/:id/analyses',
    summary: 'Start a scan of an evidence file; returns the queued analysis',
    tag: 'analyses',
    params: idParam,
    body: z.object({ types: z.array(z.enum(PII_TYPES as unknown as [string, ...string[]])).min(1).optional() }),
    scope: { resource: 'evidence', param: 'id' },
    successStatus: 202,
    async handler({ params, body, user, services, incidentId, write }) {
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<AnalysisRow>(
          `INSERT INTO analyses (evidence_id, incident_id, types, created_by) VALUES ($1, $2, $3, $4) RETURNING *`,
          [params.id, incidentId, body.types ?? null, user.id],
        );
        await recordEvent(tx, incidentId!, user.id, 'analysis_started', { analysisId: created!.id, evidenceId: params.id });
        audit({ action: 'analysis.create', targetType: 'analysis', targetId: created!.id, detail: { evidenceId: params.id } });
        return created!;
      });
      await services.jobs.enqueueScan(row.id);
      return presentAnalysis(row);
    },
  }),
  route({
    operationId: 'analyses.list',
    method: 'GET',
    path: '/incidents/:id/analyses',
    summary: 'Analyses of an incident, newest first (without the full report)',
    tag: 'analyses',
    params: idParam,
    query: z.object({ ...pageQuery, evidenceId: z.coerce.number().int().positive().optional() }),
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const where = ['a.incident_id = $1'];
      if (query.evidenceId) {
        sqlParams.push(query.evidenceId);
        where.push(`a.evidence_id = $${sqlParams.length}`);
      }
      const rows = await services.db.query<AnalysisRow>(
        `SELECT a.id, a.evidence_id, a.incident_id, a.status, a.progress, a.attempts, a.runs_completed, a.error, a.types, a.created_by,
                a.created_at, a.started_at, a.finished_at, a.verification, NULL AS report
         FROM analyses a ${pageClause('a', query, where, sqlParams)}`,
        sqlParams,
      );
      return toPage(rows, query.limit, (r) => ({ ...presentAnalysis(r, false), verification: r.verification }));
    },
  }),
  route({
    operationId: 'analyses.get',
    method: 'GET',
    path: '/analyses/:id',
    summary: 'One analysis with progress, the scan report, sample verification, and the record count the seller claimed',
    tag: 'analyses',
    params: idParam,
    scope: analysisScope,
    async handler({ params, services }) {
      const [row] = await services.db.query<AnalysisRow & { claimed: number | null }>(
        // What the offer claimed (largest recordCount among the incident's alerts), to set beside what the sample holds.
        `SELECT a.*, (SELECT max((al.facts->>'recordCount')::numeric) FROM alerts al
                      WHERE al.incident_id = a.incident_id AND jsonb_typeof(al.facts->'recordCount') = 'number') AS claimed
         FROM analyses a WHERE a.id = $1`,
        [params.id],
      );
      return { ...presentAnalysis(row!), claimedRecords: row!.claimed === null ? null : Number(row!.claimed) };
    },
  }),
  route({
    operationId: 'analyses.findings',
    method: 'GET',
    path: '/analyses/:id/findings',
    summary: 'Aggregated findings: type, masked value, keyed hash, occurrences (never raw values)',
    tag: 'analyses',
    params: idParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      type: z.string().max(40).optional(),
    }),
    scope: analysisScope,
    async handler({ params, query, services, write }) {
      // Findings are derived from leaked data (masked, hashed): reading them is audited like evidence.
      await write(async (_tx, audit) => audit({ action: 'analysis.findings_read', targetType: 'analysis', targetId: params.id, detail: { type: query.type ?? null, offset: query.offset } }));
      const sqlParams: unknown[] = [params.id, query.limit + 1, query.offset];
      const typeFilter = query.type ? `AND type = $${sqlParams.push(query.type)}` : '';
      const rows = await services.db.query<{ type: string; masked: string; hash: string; occurrences: number }>(
        `SELECT type, masked, hash, occurrences FROM analysis_findings WHERE analysis_id = $1 ${typeFilter}
         ORDER BY occurrences DESC, type, hash LIMIT $2 OFFSET $3`,
        sqlParams,
      );
      const more = rows.length > query.limit;
      return { items: rows.slice(0, query.limit), nextOffset: more ? query.offset + query.limit : null };
    },
  }),
  route({
    operationId: 'analyses.cancel',
    method: 'POST',
    path: '/analyses/:id/cancel',
    summary: 'Cancel a queued or running analysis',
    tag: 'analyses',
    params: idParam,
    scope: analysisScope,
    async handler({ params, user, services, incidentId, write }) {
      const row = await write(async (tx, audit) => {
        const [updated] = await tx.query<AnalysisRow>(
          `UPDATE analyses SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING *`,
          [params.id],
        );
        if (!updated) throw errors.conflict('ANALYSIS_NOT_CANCELLABLE', 'Analisis sudah selesai', 'Analysis has already finished');
        await recordEvent(tx, incidentId!, user.id, 'analysis_cancelled', { analysisId: params.id });
        audit({ action: 'analysis.cancel', targetType: 'analysis', targetId: params.id });
        return updated;
      });
      await services.jobs.cancelScan(params.id);
      return presentAnalysis(row);
    },
  }),
];
