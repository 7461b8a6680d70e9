// Dashboard figures in one call: open incidents by status, new alerts per day, affected people by
// province (from finished analyses), and UU PDP deadlines due or overdue.
import { z } from 'zod';
import { route } from '../../http/route.js';
import { pdpClock } from '../../pdp/clock.js';

export const statsRoutes = [
  route({
    operationId: 'stats.summary',
    method: 'GET',
    path: '/stats',
    summary: 'Dashboard summary: incidents by status, alerts per day, subjects by province, deadlines',
    tag: 'stats',
    query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }),
    async handler({ query, services }) {
      const now = services.now();
      const [byStatus, alertsPerDay, provinces, deadlines] = await Promise.all([
        services.db.query<{ status: string; count: number }>('SELECT status, count(*)::int AS count FROM incidents GROUP BY status'),
        services.db.query<{ day: string; count: number }>(
          `SELECT to_char(date_trunc('day', seen_at), 'YYYY-MM-DD') AS day, count(*)::int AS count FROM alerts
           WHERE seen_at >= $1::timestamptz - make_interval(days => $2) GROUP BY 1 ORDER BY 1`,
          [now, query.days],
        ),
        services.db.query<{ province: string; count: number }>(
          `SELECT p.key AS province, sum((p.value)::bigint)::bigint AS count
           FROM analyses a, jsonb_each_text(COALESCE(a.report #> '{totals,subjects,byProvince}', '{}'::jsonb)) p
           WHERE a.status = 'done' GROUP BY p.key ORDER BY 2 DESC`,
        ),
        services.db.query<{ id: number; title: string; status: string; pse_notified_at: Date; first_notification_at: Date | null }>(
          `SELECT i.id, i.title, i.status, i.pse_notified_at, (SELECT min(n.filed_at) FROM notifications n WHERE n.incident_id = i.id) AS first_notification_at
           FROM incidents i WHERE i.pse_notified_at IS NOT NULL AND i.status NOT IN ('closed', 'false_positive', 'duplicate')
           ORDER BY i.pse_notified_at LIMIT 200`,
        ),
      ]);
      return {
        incidentsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.count])),
        alertsPerDay,
        subjectsByProvince: Object.fromEntries(provinces.map((r) => [r.province, Number(r.count)])),
        deadlines: deadlines
          .map((r) => ({ incidentId: r.id, title: r.title, status: r.status, deadline: pdpClock(r.pse_notified_at, r.first_notification_at, now) }))
          .filter((d) => d.deadline.state === 'running' || d.deadline.state === 'overdue'),
      };
    },
  }),
];
