// The audit chain: an append-only table where each row's hash covers the previous row's hash
// and the row's canonical JSON. Editing or deleting any row breaks every hash after it, and
// `verifyAuditChain` names the first row where the chain no longer holds.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';

export interface AuditEntry {
  actorId: number | null;
  /** Who acted, as shown to people: an e-mail, "system", or "token:<name>". */
  actor: string;
  action: string;
  targetType: string;
  targetId: string | number | null;
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: number | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

export const genesisHash = '0'.repeat(64);

/**
 * Appends entries inside the caller's transaction. On PostgreSQL the table lock serialises
 * appenders so two transactions never chain onto the same previous row.
 */
export async function appendAudit(tx: Queryable, entries: AuditEntry[], kind: 'postgres' | 'pglite'): Promise<void> {
  if (entries.length === 0) return;
  if (kind === 'postgres') await tx.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
  const [last] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? genesisHash;
  for (const entry of entries) {
    seq += 1;
    const row = {
      seq,
      at: new Date(),
      actor_id: entry.actorId,
      actor: entry.actor,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId === null ? null : String(entry.targetId),
      detail: entry.detail ?? {},
      prev_hash: prev,
    };
    const hash = rowHash(row);
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor, action, target_type, target_id, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [row.seq, row.at, row.actor_id, row.actor, row.action, row.target_type, row.target_id, JSON.stringify(row.detail), prev, hash],
    );
    prev = hash;
  }
}

export type VerifyResult =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenSeq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'missing_row' };

/** Walks the chain in order, in pages, and stops at the first row that does not hold. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = genesisHash;
  let rows = 0;
  for (;;) {
    const page = await db.query<AuditRow>(
      `SELECT seq, at, actor_id, actor, action, target_type, target_id, detail, prev_hash, hash
       FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, pageSize],
    );
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenSeq: expectedSeq, reason: 'missing_row' };
      if (row.prev_hash !== prev) return { ok: false, rows, brokenSeq: row.seq, reason: 'prev_hash_mismatch' };
      if (rowHash(row) !== row.hash) return { ok: false, rows, brokenSeq: row.seq, reason: 'hash_mismatch' };
      prev = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) return { ok: true, rows, head: prev };
  }
}
