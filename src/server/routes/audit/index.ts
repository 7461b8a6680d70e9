// The audit log viewer and chain verification (admins only).
import { z } from 'zod';
import { verifyAuditChain, type AuditRow } from '../../audit/chain.js';
import { route } from '../../http/route.js';

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Rows with seq below this, newest first. */
  before: z.coerce.number().int().positive().optional(),
};

export const auditRoutes = [
  route({
    operationId: 'audit.list',
    method: 'GET',
    path: '/audit',
    summary: 'Audit rows, newest first; filter by action, target, actor',
    tag: 'audit',
    query: z.object({
      ...pageQuery,
      action: z.string().max(100).optional(),
      targetType: z.string().max(50).optional(),
      targetId: z.string().max(50).optional(),
      actorId: z.coerce.number().int().positive().optional(),
    }),
    async handler({ query, services }) {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (value: unknown, sql: (p: string) => string) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.before) add(query.before, (p) => `seq < ${p}`);
      if (query.action) add(query.action, (p) => `action = ${p}`);
      if (query.targetType) add(query.targetType, (p) => `target_type = ${p}`);
      if (query.targetId) add(query.targetId, (p) => `target_id = ${p}`);
      if (query.actorId) add(query.actorId, (p) => `actor_id = ${p}`);
      params.push(query.limit + 1);
      const rows = await services.db.query<AuditRow>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
        params,
      );
      const more = rows.length > query.limit;
      const items = rows.slice(0, query.limit).map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: r.detail,
        hash: r.hash,
        prevHash: r.prev_hash,
      }));
      return { items, nextCursor: more ? String(items[items.length - 1]!.seq) : null };
    },
  }),
  route({
    operationId: 'audit.verify',
    method: 'POST',
    path: '/audit/verify',
    summary: 'Verify the audit hash chain; names the first broken row',
    tag: 'audit',
    async handler({ services }) {
      return verifyAuditChain(services.db);
    },
  }),
];
