// Commands on incidents that span tables: creation with victims and assignees, the status
// machine, and the timeline every change appends to.
import type { Queryable } from '../db/types.js';
import { errors } from '../errors.js';
import { transitions, type IncidentStatus } from './incident-states.js';

export async function recordEvent(tx: Queryable, incidentId: number, actorId: number | null, kind: string, detail: Record<string, unknown> = {}) {
  await tx.query('INSERT INTO incident_events (incident_id, actor_id, kind, detail) VALUES ($1, $2, $3, $4)', [
    incidentId,
    actorId,
    kind,
    JSON.stringify(detail),
  ]);
}

export interface IncidentInput {
  title: string;
  summary?: string | undefined;
  severity?: string | undefined;
  tlp?: string | undefined;
  victimOrganizationIds?: number[] | undefined;
  assigneeIds?: number[] | undefined;
}

async function checkIds(tx: Queryable, table: 'organizations' | 'users', ids: number[], resource: string) {
  if (!ids.length) return;
  const extra = table === 'users' ? ` AND role IN ('admin', 'analyst', 'investigator') AND NOT disabled` : '';
  const found = await tx.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = ANY($1)${extra}`, [ids]);
  if (found.length !== new Set(ids).size) throw errors.notFound(resource);
}

export async function setVictims(tx: Queryable, incidentId: number, ids: number[]) {
  await checkIds(tx, 'organizations', ids, 'organization');
  await tx.query('DELETE FROM incident_organizations WHERE incident_id = $1', [incidentId]);
  if (ids.length) {
    await tx.query('INSERT INTO incident_organizations (incident_id, organization_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING', [incidentId, ids]);
  }
}

export async function setAssignees(tx: Queryable, incidentId: number, ids: number[]) {
  await checkIds(tx, 'users', ids, 'user');
  await tx.query('DELETE FROM incident_assignees WHERE incident_id = $1', [incidentId]);
  if (ids.length) {
    await tx.query('INSERT INTO incident_assignees (incident_id, user_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING', [incidentId, ids]);
  }
}

export async function createIncident(tx: Queryable, input: IncidentInput, actorId: number): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO incidents (title, summary, severity, tlp, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.title, input.summary ?? '', input.severity ?? 'medium', input.tlp ?? 'amber', actorId],
  );
  const id = row!.id;
  await setVictims(tx, id, input.victimOrganizationIds ?? []);
  await setAssignees(tx, id, input.assigneeIds ?? []);
  await recordEvent(tx, id, actorId, 'created', { title: input.title });
  return id;
}

/** Moves an incident along the status machine; entering pse_notified starts the UU PDP clock. */
export async function transitionIncident(
  tx: Queryable,
  incidentId: number,
  to: IncidentStatus,
  actorId: number,
  options: { duplicateOf?: number | undefined; reason?: string | undefined; now: Date },
): Promise<IncidentStatus> {
  const [row] = await tx.query<{ status: IncidentStatus }>('SELECT status FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
  if (!row) throw errors.notFound('incident');
  if (!transitions[row.status].includes(to)) throw errors.invalidTransition(row.status, to);
  if (to === 'duplicate') {
    if (!options.duplicateOf || options.duplicateOf === incidentId) {
      throw errors.validation([{ path: 'body.duplicateOf', message: 'wajib diisi id insiden lain / required: another incident id' }]);
    }
    const target = await tx.query('SELECT 1 FROM incidents WHERE id = $1', [options.duplicateOf]);
    if (!target.length) throw errors.notFound('incident');
  }
  await tx.query(
    `UPDATE incidents SET status = $2, duplicate_of = $3, updated_at = now(),
       pse_notified_at = CASE WHEN $2 = 'pse_notified' THEN COALESCE(pse_notified_at, $4) ELSE pse_notified_at END
     WHERE id = $1`,
    [incidentId, to, to === 'duplicate' ? options.duplicateOf : null, options.now],
  );
  await recordEvent(tx, incidentId, actorId, 'status_changed', { from: row.status, to, reason: options.reason ?? null });
  return row.status;
}
