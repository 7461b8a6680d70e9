// Row-level scope: which incidents a principal may see. Admins and analysts see all; an
// investigator sees the incidents assigned to them; a PSE officer sees the incidents where their
// organization is a victim. Other tenants' rows answer 404, exactly like rows that do not exist.
import type { Queryable } from '../db/types.js';
import type { Principal } from './roles.js';

/** SQL condition over an incidents alias, with its parameter appended to `params`. */
export function incidentVisibility(user: Principal, alias: string, params: unknown[]): string {
  if (user.role === 'admin' || user.role === 'analyst') return 'TRUE';
  if (user.role === 'investigator') {
    params.push(user.id);
    return `EXISTS (SELECT 1 FROM incident_assignees va WHERE va.incident_id = ${alias}.id AND va.user_id = $${params.length})`;
  }
  params.push(user.organizationId ?? -1);
  return `EXISTS (SELECT 1 FROM incident_organizations vo WHERE vo.incident_id = ${alias}.id AND vo.organization_id = $${params.length})`;
}

/** Resources that live inside an incident, and how to find their incident. */
const incidentOf = {
  incident: 'SELECT id AS incident_id FROM incidents WHERE id = $1',
  evidence: 'SELECT incident_id FROM evidence WHERE id = $1',
  analysis: 'SELECT incident_id FROM analyses WHERE id = $1',
  task: 'SELECT incident_id FROM tasks WHERE id = $1',
  notification: 'SELECT incident_id FROM notifications WHERE id = $1',
} as const;

export type ScopedResource = keyof typeof incidentOf | 'organization';

/** Returns the incident id when `user` may see resource `id`, else null (the caller answers 404). */
export async function resolveScope(db: Queryable, user: Principal, resource: ScopedResource, id: number): Promise<number | null> {
  if (resource === 'organization') {
    if (user.role === 'pse_officer' && user.organizationId !== id) return null;
    const rows = await db.query('SELECT 1 FROM organizations WHERE id = $1', [id]);
    return rows.length ? id : null;
  }
  const params: unknown[] = [id];
  const visible = incidentVisibility(user, 'i', params);
  const rows = await db.query<{ incident_id: number }>(
    `SELECT x.incident_id FROM (${incidentOf[resource]}) x JOIN incidents i ON i.id = x.incident_id WHERE ${visible}`,
    params,
  );
  return rows[0]?.incident_id ?? null;
}
