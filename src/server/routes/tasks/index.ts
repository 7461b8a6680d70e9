// Tasks on an incident ("coordinate with BSSN", "summon the PSE"): assignee, due date, status.
import { z } from 'zod';
import { recordEvent } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { csv, idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { incidentVisibility } from '../../policies/scope.js';
import type { Queryable } from '../../db/types.js';

const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
interface TaskRow {
  id: number;
  incident_id: number;
  title: string;
  description: string;
  assignee_id: number | null;
  due_at: Date | null;
  status: string;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}
const present = (t: TaskRow) => ({
  id: t.id,
  incidentId: t.incident_id,
  title: t.title,
  description: t.description,
  assigneeId: t.assignee_id,
  dueAt: t.due_at,
  status: t.status,
  createdBy: t.created_by,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});

const taskBody = z.object({
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  status: z.enum(taskStatuses).optional(),
});

async function checkAssignee(tx: Queryable, id: number | null | undefined) {
  if (id == null) return;
  const rows = await tx.query('SELECT 1 FROM users WHERE id = $1 AND NOT disabled', [id]);
  if (!rows.length) throw errors.notFound('user');
}

export const taskRoutes = [
  route({
    operationId: 'tasks.list',
    method: 'GET',
    path: '/tasks',
    summary: 'Tasks on incidents visible to you; filter by incident, assignee, status, overdue',
    tag: 'tasks',
    query: z.object({
      ...pageQuery,
      incidentId: z.coerce.number().int().positive().optional(),
      assigneeId: z.coerce.number().int().positive().optional(),
      status: csv(taskStatuses).optional(),
      overdue: z.enum(['true', 'false']).optional(),
    }),
    async handler({ query, user, services }) {
      const params: unknown[] = [];
      const where = [`EXISTS (SELECT 1 FROM incidents i WHERE i.id = t.incident_id AND ${incidentVisibility(user, 'i', params)})`];
      const add = (value: unknown, sql: (p: string) => string) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.incidentId) add(query.incidentId, (p) => `t.incident_id = ${p}`);
      if (query.assigneeId) add(query.assigneeId, (p) => `t.assignee_id = ${p}`);
      if (query.status) add(query.status, (p) => `t.status = ANY(${p})`);
      if (query.overdue === 'true') add(services.now(), (p) => `t.due_at < ${p} AND t.status IN ('open', 'in_progress')`);
      const rows = await services.db.query<TaskRow>(`SELECT t.* FROM tasks t ${pageClause('t', query, where, params)}`, params);
      return toPage(rows, query.limit, present);
    },
  }),
  route({
    operationId: 'tasks.listForIncident',
    method: 'GET',
    path: '/incidents/:id/tasks',
    summary: 'Tasks of one incident',
    tag: 'tasks',
    params: idParam,
    query: z.object({ ...pageQuery, status: csv(taskStatuses).optional() }),
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const where = ['t.incident_id = $1'];
      if (query.status) where.push(`t.status = ANY($${sqlParams.push(query.status)})`);
      const rows = await services.db.query<TaskRow>(`SELECT t.* FROM tasks t ${pageClause('t', query, where, sqlParams)}`, sqlParams);
      return toPage(rows, query.limit, present);
    },
  }),
  route({
    operationId: 'tasks.create',
    method: 'POST',
    path: '/incidents/:id/tasks',
    summary: 'Add a task to an incident',
    tag: 'tasks',
    params: idParam,
    body: taskBody,
    scope: { resource: 'incident', param: 'id' },
    successStatus: 201,
    async handler({ params, body, user, write }) {
      const row = await write(async (tx, audit) => {
        await checkAssignee(tx, body.assigneeId);
        const [created] = await tx.query<TaskRow>(
          `INSERT INTO tasks (incident_id, title, description, assignee_id, due_at, status, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [params.id, body.title, body.description ?? '', body.assigneeId ?? null, body.dueAt ?? null, body.status ?? 'open', user.id],
        );
        await recordEvent(tx, params.id, user.id, 'task_added', { taskId: created!.id, title: body.title });
        audit({ action: 'task.create', targetType: 'task', targetId: created!.id, detail: { incidentId: params.id } });
        return created!;
      });
      return present(row);
    },
  }),
  route({
    operationId: 'tasks.get',
    method: 'GET',
    path: '/tasks/:id',
    summary: 'One task',
    tag: 'tasks',
    params: idParam,
    scope: { resource: 'task', param: 'id' },
    async handler({ params, services }) {
      const [row] = await services.db.query<TaskRow>('SELECT * FROM tasks WHERE id = $1', [params.id]);
      return present(row!);
    },
  }),
  route({
    operationId: 'tasks.update',
    method: 'PATCH',
    path: '/tasks/:id',
    summary: 'Change a task (status, assignee, due date…)',
    tag: 'tasks',
    params: idParam,
    body: taskBody.partial(),
    scope: { resource: 'task', param: 'id' },
    async handler({ params, body, user, write }) {
      const row = await write(async (tx, audit) => {
        await checkAssignee(tx, body.assigneeId);
        const [current] = await tx.query<TaskRow>('SELECT * FROM tasks WHERE id = $1 FOR UPDATE', [params.id]);
        const [updated] = await tx.query<TaskRow>(
          `UPDATE tasks SET title = $2, description = $3, assignee_id = $4, due_at = $5, status = $6, updated_at = now()
           WHERE id = $1 RETURNING *`,
          [
            params.id,
            body.title ?? current!.title,
            body.description ?? current!.description,
            body.assigneeId !== undefined ? body.assigneeId : current!.assignee_id,
            body.dueAt !== undefined ? body.dueAt : current!.due_at,
            body.status ?? current!.status,
          ],
        );
        if (body.status && body.status !== current!.status) {
          await recordEvent(tx, current!.incident_id, user.id, 'task_status', { taskId: params.id, from: current!.status, to: body.status });
        }
        audit({ action: 'task.update', targetType: 'task', targetId: params.id, detail: { changed: Object.keys(body) } });
        return updated!;
      });
      return present(row);
    },
  }),
];
