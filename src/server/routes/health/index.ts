// GET /health: answers once the database is reachable; used by `telusur serve` readiness and monitors.
import { z } from 'zod';
import { route } from '../../http/route.js';

export const healthRoutes = [
  route({
    operationId: 'health.get',
    method: 'GET',
    path: '/health',
    summary: 'Server and database health',
    tag: 'health',
    response: z.object({ status: z.literal('ok'), database: z.string(), jobs: z.string() }),
    async handler({ services }) {
      await services.db.query('SELECT 1');
      return { status: 'ok', database: services.db.kind, jobs: services.jobs.kind };
    },
  }),
];
