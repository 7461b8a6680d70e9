// Evidence on an incident: streamed encrypted uploads, metadata, downloads, and the chain of
// custody. Every read and download is written to the custody log and the audit chain.
import { z } from 'zod';
import { recordEvent } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { presentEvidence, type EvidenceRow } from '../../presenters/evidence.js';
import type { Queryable } from '../../db/types.js';

const evidenceScope = { resource: 'evidence' as const, param: 'id' };

async function custody(tx: Queryable, evidenceId: number, userId: number, action: string, ip: string) {
  await tx.query('INSERT INTO custody_events (evidence_id, user_id, action, ip) VALUES ($1, $2, $3, $4)', [evidenceId, userId, action, ip]);
}

/** A file name safe to keep and to put in a header: no path, no control characters, bounded. */
function cleanFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'unnamed').slice(0, 255);
}

export const evidenceRoutes = [
  route({
    operationId: 'evidence.list',
    method: 'GET',
    path: '/incidents/:id/evidence',
    summary: 'Evidence files of an incident',
    tag: 'evidence',
    params: idParam,
    query: z.object({ ...pageQuery }),
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const rows = await services.db.query<EvidenceRow>(`SELECT * FROM evidence e ${pageClause('e', query, ['e.incident_id = $1'], sqlParams)}`, sqlParams);
      return toPage(rows, query.limit, presentEvidence);
    },
  }),
  route({
    operationId: 'evidence.upload',
    method: 'POST',
    path: '/incidents/:id/evidence',
    summary: 'Upload one evidence file (multipart field "file"; optional "description" field before it). Streamed and encrypted.',
    tag: 'evidence',
    params: idParam,
    scope: { resource: 'incident', param: 'id' },
    multipart: true,
    successStatus: 201,
    async handler({ params, user, services, req, write }) {
      if (!req.isMultipart()) throw errors.badRequest('MULTIPART_REQUIRED', 'Unggahan harus multipart/form-data', 'Upload must be multipart/form-data');
      const file = await req.file();
      if (!file) throw errors.badRequest('EVIDENCE_FILE_MISSING', 'Tidak ada berkas dalam unggahan (field "file")', 'No file in the upload (field "file")');
      const max = services.config.evidenceMaxBytes;
      const stored = await services.blobs.put(file.file, max);
      if (file.file.truncated) throw errors.tooLarge(max);
      const described = file.fields.description;
      const description = described && 'value' in described ? String(described.value).slice(0, 2000) : '';
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<EvidenceRow>(
          `INSERT INTO evidence (incident_id, sha256, file_name, media_type, size_bytes, description, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [params.id, stored.sha256, cleanFileName(file.filename), file.mimetype.slice(0, 200) || 'application/octet-stream', stored.sizeBytes, description, user.id],
        );
        await custody(tx, created!.id, user.id, 'upload', req.ip);
        await recordEvent(tx, params.id, user.id, 'evidence_added', { evidenceId: created!.id, sha256: stored.sha256 });
        audit({ action: 'evidence.upload', targetType: 'evidence', targetId: created!.id, detail: { incidentId: params.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes } });
        return created!;
      });
      return { ...presentEvidence(row), deduplicated: !stored.created };
    },
  }),
  route({
    operationId: 'evidence.get',
    method: 'GET',
    path: '/evidence/:id',
    summary: 'Evidence metadata (recorded in the chain of custody)',
    tag: 'evidence',
    params: idParam,
    scope: evidenceScope,
    async handler({ params, user, req, write }) {
      return write(async (tx, audit) => {
        const [row] = await tx.query<EvidenceRow>('SELECT * FROM evidence WHERE id = $1', [params.id]);
        await custody(tx, params.id, user.id, 'read', req.ip);
        audit({ action: 'evidence.read', targetType: 'evidence', targetId: params.id });
        return presentEvidence(row!);
      });
    },
  }),
  route({
    operationId: 'evidence.download',
    method: 'GET',
    path: '/evidence/:id/content',
    summary: 'Download the decrypted file (recorded in the chain of custody)',
    tag: 'evidence',
    params: idParam,
    scope: evidenceScope,
    rawResponse: true,
    async handler({ params, user, services, req, reply, write }) {
      const row = await write(async (tx, audit) => {
        const [found] = await tx.query<EvidenceRow>('SELECT * FROM evidence WHERE id = $1', [params.id]);
        await custody(tx, params.id, user.id, 'download', req.ip);
        audit({ action: 'evidence.download', targetType: 'evidence', targetId: params.id });
        return found!;
      });
      const ascii = row.file_name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('X-Content-SHA256', row.sha256)
        .header('Content-Length', String(row.size_bytes));
      return reply.send(services.blobs.open(row.sha256));
    },
  }),
  route({
    operationId: 'evidence.custody',
    method: 'GET',
    path: '/evidence/:id/custody',
    summary: 'Chain of custody: who uploaded, read, downloaded or scanned the file, and when',
    tag: 'evidence',
    params: idParam,
    query: z.object({ ...pageQuery }),
    scope: evidenceScope,
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const rows = await services.db.query<{ id: number; action: string; at: Date; ip: string | null; user_id: number | null; user_name: string | null }>(
        `SELECT c.id, c.action, c.at, c.ip, c.user_id, u.name AS user_name
         FROM custody_events c LEFT JOIN users u ON u.id = c.user_id ${pageClause('c', query, ['c.evidence_id = $1'], sqlParams)}`,
        sqlParams,
      );
      return toPage(rows, query.limit, (r) => ({ id: r.id, action: r.action, at: r.at, ip: r.ip, user: r.user_id ? { id: r.user_id, name: r.user_name } : null }));
    },
  }),
];
