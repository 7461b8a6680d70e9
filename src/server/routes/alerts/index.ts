// The alerts inbox: what monitoring (or a person) reports, triaged into incidents.
import { createIncident, recordEvent } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { alertListColumns, presentAlert, type AlertRow } from '../../presenters/alerts.js';
import type { Queryable } from '../../db/types.js';
import { loadIncident } from '../incidents/index.js';
import { alertCreateBody, alertListQuery, dismissBody, mergeBody, promoteBody } from './schema.js';

async function lockAlert(tx: Queryable, id: number, allowed: string[]): Promise<AlertRow> {
  const [row] = await tx.query<AlertRow>('SELECT * FROM alerts WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw errors.notFound('alert');
  if (!allowed.includes(row.status)) {
    throw errors.conflict('ALERT_ALREADY_TRIAGED', `Peringatan sudah berstatus "${row.status}"`, `Alert is already "${row.status}"`);
  }
  return row;
}

export const alertRoutes = [
  route({
    operationId: 'alerts.list',
    method: 'GET',
    path: '/alerts',
    summary: 'List alerts, filtered by status, source, label, victim, incident, score, time, text',
    tag: 'alerts',
    query: alertListQuery,
    async handler({ query, services }) {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (value: unknown, sql: (p: string) => string) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.status) add(query.status, (p) => `a.status = ANY(${p})`);
      if (query.source) add(query.source, (p) => `a.source = ${p}`);
      if (query.label) add(query.label, (p) => `a.label = ${p}`);
      if (query.victimOrganizationId) add(query.victimOrganizationId, (p) => `a.victim_organization_id = ${p}`);
      if (query.incidentId) add(query.incidentId, (p) => `a.incident_id = ${p}`);
      if (query.minScore !== undefined) add(query.minScore, (p) => `a.score >= ${p}`);
      if (query.seenAfter) add(query.seenAfter, (p) => `a.seen_at >= ${p}`);
      if (query.seenBefore) add(query.seenBefore, (p) => `a.seen_at < ${p}`);
      if (query.q) add(`%${query.q.toLowerCase()}%`, (p) => `(lower(a.title) LIKE ${p} OR lower(a.text) LIKE ${p})`);
      const rows = await services.db.query<AlertRow>(`SELECT ${alertListColumns} FROM alerts a ${pageClause('a', query, where, params)}`, params);
      return toPage(rows, query.limit, presentAlert);
    },
  }),
  route({
    operationId: 'alerts.create',
    method: 'POST',
    path: '/alerts',
    summary: 'Report an alert; repeated (source, externalId) returns the existing alert with 200',
    tag: 'alerts',
    body: alertCreateBody,
    successStatus: 201,
    async handler({ body, reply, write }) {
      const result = await write(async (tx, audit) => {
        const [row] = await tx.query<AlertRow>(
          `INSERT INTO alerts (source, url, title, text, seen_at, facts, score, label, explain, external_id, victim_organization_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING *`,
          [body.source, body.url ?? null, body.title, body.text, body.seenAt, JSON.stringify(body.facts), body.score, body.label ?? null,
            JSON.stringify(body.explain), body.externalId ?? null, body.victimOrganizationId ?? null],
        );
        if (!row) {
          const [existing] = await tx.query<AlertRow>('SELECT * FROM alerts WHERE source = $1 AND external_id = $2', [body.source, body.externalId]);
          return { row: existing!, created: false };
        }
        audit({ action: 'alert.create', targetType: 'alert', targetId: row.id, detail: { source: body.source } });
        return { row, created: true };
      });
      const alert = presentAlert(result.row);
      if (!result.created) {
        reply.code(200);
        return { ...alert, duplicate: true };
      }
      return alert;
    },
  }),
  route({
    operationId: 'alerts.get',
    method: 'GET',
    path: '/alerts/:id',
    summary: 'One alert',
    tag: 'alerts',
    params: idParam,
    async handler({ params, services }) {
      const [row] = await services.db.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [params.id]);
      if (!row) throw errors.notFound('alert');
      return presentAlert(row);
    },
  }),
  route({
    operationId: 'alerts.dismiss',
    method: 'POST',
    path: '/alerts/:id/dismiss',
    summary: 'Dismiss an alert, with a reason',
    tag: 'alerts',
    params: idParam,
    body: dismissBody,
    async handler({ params, body, write }) {
      const row = await write(async (tx, audit) => {
        await lockAlert(tx, params.id, ['new']);
        const [updated] = await tx.query<AlertRow>(
          `UPDATE alerts SET status = 'dismissed', dismiss_reason = $2, updated_at = now() WHERE id = $1 RETURNING *`,
          [params.id, body.reason],
        );
        audit({ action: 'alert.dismiss', targetType: 'alert', targetId: params.id, detail: { reason: body.reason } });
        return updated!;
      });
      return presentAlert(row);
    },
  }),
  route({
    operationId: 'alerts.promote',
    method: 'POST',
    path: '/alerts/:id/promote',
    summary: 'Promote an alert to a new incident',
    tag: 'alerts',
    params: idParam,
    body: promoteBody,
    successStatus: 201,
    async handler({ params, body, user, services, write }) {
      const { alert, incidentId } = await write(async (tx, audit) => {
        const current = await lockAlert(tx, params.id, ['new', 'dismissed']);
        const victims = body.victimOrganizationIds ?? (current.victim_organization_id ? [current.victim_organization_id] : []);
        const id = await createIncident(tx, { ...body, title: body.title ?? (current.title || `Alert #${current.id}`), victimOrganizationIds: victims }, user.id);
        const [updated] = await tx.query<AlertRow>(
          `UPDATE alerts SET status = 'promoted', incident_id = $2, updated_at = now() WHERE id = $1 RETURNING *`,
          [params.id, id],
        );
        await recordEvent(tx, id, user.id, 'alert_linked', { alertId: params.id, how: 'promoted' });
        audit({ action: 'alert.promote', targetType: 'alert', targetId: params.id, detail: { incidentId: id } });
        return { alert: updated!, incidentId: id };
      });
      return { alert: presentAlert(alert), incident: await loadIncident(services, incidentId) };
    },
  }),
  route({
    operationId: 'alerts.merge',
    method: 'POST',
    path: '/alerts/:id/merge',
    summary: 'Merge an alert into an existing incident',
    tag: 'alerts',
    params: idParam,
    body: mergeBody,
    async handler({ params, body, user, write }) {
      const row = await write(async (tx, audit) => {
        await lockAlert(tx, params.id, ['new', 'dismissed']);
        const target = await tx.query('SELECT 1 FROM incidents WHERE id = $1', [body.incidentId]);
        if (!target.length) throw errors.notFound('incident');
        const [updated] = await tx.query<AlertRow>(
          `UPDATE alerts SET status = 'merged', incident_id = $2, updated_at = now() WHERE id = $1 RETURNING *`,
          [params.id, body.incidentId],
        );
        await recordEvent(tx, body.incidentId, user.id, 'alert_linked', { alertId: params.id, how: 'merged' });
        audit({ action: 'alert.merge', targetType: 'alert', targetId: params.id, detail: { incidentId: body.incidentId } });
        return updated!;
      });
      return presentAlert(row);
    },
  }),
];
