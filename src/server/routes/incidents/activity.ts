// What happens on an incident over time: status changes, the PSE's acknowledgement, notes and the timeline.
import { z } from 'zod';
import { recordEvent, transitionIncident } from '../../commands/incidents.js';
import { alertListColumns, presentAlert, type AlertRow } from '../../presenters/alerts.js';
import { idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { loadIncident } from './index.js';
import { noteBody, transitionBody } from './schema.js';

const incidentScope = { resource: 'incident' as const, param: 'id' };
const listQuery = z.object({ ...pageQuery });
const pseTimelineKinds = ['created', 'status_changed', 'acknowledged', 'notification_filed', 'evidence_added', 'analysis_done'];

export const incidentActivityRoutes = [
  route({
    operationId: 'incidents.transition',
    method: 'POST',
    path: '/incidents/:id/status',
    summary: 'Move the incident along new → triage → investigating → pse_notified → closed (or false_positive / duplicate)',
    tag: 'incidents',
    params: idParam,
    body: transitionBody,
    scope: incidentScope,
    async handler({ params, body, user, services, write }) {
      await write(async (tx, audit) => {
        const from = await transitionIncident(tx, params.id, body.status, user.id, { ...body, now: services.now() });
        audit({ action: 'incident.status', targetType: 'incident', targetId: params.id, detail: { from, to: body.status } });
      });
      return loadIncident(services, params.id);
    },
  }),
  route({
    operationId: 'incidents.acknowledge',
    method: 'POST',
    path: '/incidents/:id/acknowledge',
    summary: 'The PSE acknowledges the incident',
    tag: 'incidents',
    params: idParam,
    scope: incidentScope,
    async handler({ params, user, services, write }) {
      await write(async (tx, audit) => {
        const [row] = await tx.query<{ acknowledged_at: Date | null }>(
          'UPDATE incidents SET acknowledged_at = COALESCE(acknowledged_at, $2), updated_at = now() WHERE id = $1 RETURNING acknowledged_at',
          [params.id, services.now()],
        );
        await recordEvent(tx, params.id, user.id, 'acknowledged', { by: user.role });
        audit({ action: 'incident.acknowledge', targetType: 'incident', targetId: params.id, detail: { at: row?.acknowledged_at } });
      });
      return loadIncident(services, params.id);
    },
  }),
  route({
    operationId: 'incidents.timeline',
    method: 'GET',
    path: '/incidents/:id/timeline',
    summary: 'Timeline of the incident, newest first',
    tag: 'incidents',
    params: idParam,
    query: listQuery,
    scope: incidentScope,
    async handler({ params, query, user, services }) {
      const sqlParams: unknown[] = [params.id];
      const where = ['e.incident_id = $1'];
      // The PSE sees the steps that concern it, not the regulator's internal notes, tasks and alerts.
      if (user.role === 'pse_officer') {
        sqlParams.push(pseTimelineKinds);
        where.push(`e.kind = ANY($${sqlParams.length})`);
      }
      const rows = await services.db.query<{ id: number; kind: string; detail: unknown; actor_id: number | null; actor_name: string | null; created_at: Date }>(
        `SELECT e.id, e.kind, e.detail, e.actor_id, u.name AS actor_name, e.created_at
         FROM incident_events e LEFT JOIN users u ON u.id = e.actor_id ${pageClause('e', query, where, sqlParams)}`,
        sqlParams,
      );
      return toPage(rows, query.limit, (r) => ({ id: r.id, kind: r.kind, detail: r.detail, actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null, at: r.created_at }));
    },
  }),
  route({
    operationId: 'notes.list',
    method: 'GET',
    path: '/incidents/:id/notes',
    summary: 'Internal notes on the incident',
    tag: 'incidents',
    params: idParam,
    query: listQuery,
    scope: incidentScope,
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const rows = await services.db.query<{ id: number; body: string; author_id: number | null; author_name: string | null; created_at: Date }>(
        `SELECT n.id, n.body, n.author_id, u.name AS author_name, n.created_at
         FROM incident_notes n LEFT JOIN users u ON u.id = n.author_id ${pageClause('n', query, ['n.incident_id = $1'], sqlParams)}`,
        sqlParams,
      );
      return toPage(rows, query.limit, (r) => ({ id: r.id, body: r.body, author: r.author_id ? { id: r.author_id, name: r.author_name } : null, createdAt: r.created_at }));
    },
  }),
  route({
    operationId: 'notes.create',
    method: 'POST',
    path: '/incidents/:id/notes',
    summary: 'Add a note',
    tag: 'incidents',
    params: idParam,
    body: noteBody,
    scope: incidentScope,
    successStatus: 201,
    async handler({ params, body, user, write }) {
      return write(async (tx, audit) => {
        const [row] = await tx.query<{ id: number; created_at: Date }>(
          'INSERT INTO incident_notes (incident_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at',
          [params.id, user.id, body.body],
        );
        await recordEvent(tx, params.id, user.id, 'note_added', { noteId: row!.id });
        audit({ action: 'note.create', targetType: 'incident', targetId: params.id, detail: { noteId: row!.id } });
        return { id: row!.id, body: body.body, author: { id: user.id, name: user.name }, createdAt: row!.created_at };
      });
    },
  }),
  route({
    operationId: 'incidents.alerts',
    method: 'GET',
    path: '/incidents/:id/alerts',
    summary: 'Alerts linked to the incident (promoted or merged)',
    tag: 'incidents',
    params: idParam,
    query: listQuery,
    scope: incidentScope,
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const rows = await services.db.query<AlertRow>(`SELECT ${alertListColumns} FROM alerts a ${pageClause('a', query, ['a.incident_id = $1'], sqlParams)}`, sqlParams);
      return toPage(rows, query.limit, presentAlert);
    },
  }),
];
