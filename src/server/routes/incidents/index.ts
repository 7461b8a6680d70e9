// Incidents: list with filters (scoped per role), create, read, and change fields.
import { createIncident, recordEvent, setAssignees, setVictims } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { incidentVisibility } from '../../policies/scope.js';
import { incidentSelect, presentIncident, type IncidentRow } from '../../presenters/incidents.js';
import type { Services } from '../../services.js';
import { incidentCreateBody, incidentListQuery, incidentPatchBody } from './schema.js';

export async function loadIncident(services: Services, id: number) {
  const [row] = await services.db.query<IncidentRow>(`${incidentSelect} WHERE i.id = $1`, [id]);
  if (!row) throw errors.notFound('incident');
  return presentIncident(row, services.now());
}

const deadlineSql: Record<string, string> = {
  not_started: 'i.pse_notified_at IS NULL',
  running: `i.pse_notified_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.incident_id = i.id) AND i.pse_notified_at + interval '72 hours' >= $NOW`,
  overdue: `i.pse_notified_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.incident_id = i.id) AND i.pse_notified_at + interval '72 hours' < $NOW`,
  met: `(SELECT min(n.filed_at) FROM notifications n WHERE n.incident_id = i.id) <= i.pse_notified_at + interval '72 hours'`,
  met_late: `(SELECT min(n.filed_at) FROM notifications n WHERE n.incident_id = i.id) > i.pse_notified_at + interval '72 hours'`,
};

export const incidentRoutes = [
  route({
    operationId: 'incidents.list',
    method: 'GET',
    path: '/incidents',
    summary: 'List incidents visible to you, filtered by status, severity, TLP, organization, assignee, text, deadline state',
    tag: 'incidents',
    query: incidentListQuery,
    async handler({ query, user, services }) {
      const params: unknown[] = [];
      const where = [incidentVisibility(user, 'i', params)];
      const add = (value: unknown, sql: (p: string) => string) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.status) add(query.status, (p) => `i.status = ANY(${p})`);
      if (query.severity) add(query.severity, (p) => `i.severity = ANY(${p})`);
      if (query.tlp) add(query.tlp, (p) => `i.tlp = ANY(${p})`);
      if (query.organizationId) add(query.organizationId, (p) => `EXISTS (SELECT 1 FROM incident_organizations f WHERE f.incident_id = i.id AND f.organization_id = ${p})`);
      if (query.assigneeId) add(query.assigneeId, (p) => `EXISTS (SELECT 1 FROM incident_assignees f WHERE f.incident_id = i.id AND f.user_id = ${p})`);
      if (query.q) add(`%${query.q.toLowerCase()}%`, (p) => `lower(i.title) LIKE ${p}`);
      if (query.deadline) add(services.now(), (p) => `(${deadlineSql[query.deadline!]!.replaceAll('$NOW', `${p}::timestamptz`)})`);
      const rows = await services.db.query<IncidentRow>(`${incidentSelect} ${pageClause('i', query, where, params)}`, params);
      const now = services.now();
      return toPage(rows, query.limit, (row) => presentIncident(row, now));
    },
  }),
  route({
    operationId: 'incidents.create',
    method: 'POST',
    path: '/incidents',
    summary: 'Open an incident',
    tag: 'incidents',
    body: incidentCreateBody,
    successStatus: 201,
    async handler({ body, user, services, write }) {
      const id = await write(async (tx, audit) => {
        const created = await createIncident(tx, body, user.id);
        audit({ action: 'incident.create', targetType: 'incident', targetId: created, detail: { title: body.title } });
        return created;
      });
      return loadIncident(services, id);
    },
  }),
  route({
    operationId: 'incidents.get',
    method: 'GET',
    path: '/incidents/:id',
    summary: 'One incident with victims, assignees and the UU PDP clock',
    tag: 'incidents',
    params: idParam,
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, services }) {
      return loadIncident(services, params.id);
    },
  }),
  route({
    operationId: 'incidents.update',
    method: 'PATCH',
    path: '/incidents/:id',
    summary: 'Change title, summary, severity, TLP, victim organizations or assignees',
    tag: 'incidents',
    params: idParam,
    body: incidentPatchBody,
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, body, user, services, write }) {
      await write(async (tx, audit) => {
        await tx.query(
          `UPDATE incidents SET title = COALESCE($2, title), summary = COALESCE($3, summary), severity = COALESCE($4, severity),
             tlp = COALESCE($5, tlp), updated_at = now() WHERE id = $1`,
          [params.id, body.title ?? null, body.summary ?? null, body.severity ?? null, body.tlp ?? null],
        );
        if (body.victimOrganizationIds) await setVictims(tx, params.id, body.victimOrganizationIds);
        if (body.assigneeIds) await setAssignees(tx, params.id, body.assigneeIds);
        const changed = Object.keys(body);
        await recordEvent(tx, params.id, user.id, 'updated', { changed });
        audit({ action: 'incident.update', targetType: 'incident', targetId: params.id, detail: { ...body } });
      });
      return loadIncident(services, params.id);
    },
  }),
];
