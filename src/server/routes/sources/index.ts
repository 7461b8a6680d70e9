// The monitoring sources and their health, for the Sources page: configured sources
// (TELUSUR_SOURCES), push sources that have received items, and retired sources still holding alerts.
import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { route } from '../../http/route.js';
import { configuredSources, listSources } from '../../monitoring/sources.js';

const sourceListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Sources are few and named, so they page by id (ascending): the cursor is the last id seen. */
  cursor: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'cursor tidak valid / invalid cursor').optional(),
});

export const sourceRoutes = [
  route({
    operationId: 'sources.list',
    method: 'GET',
    path: '/sources',
    summary:
      'Monitoring sources with health (`ok`, `stale`, `failing`, `pending` before the first poll, `unconfigured` when removed ' +
      'from the sources file), last success and error (secrets removed), failures, schedule and alert count; ordered by id',
    tag: 'monitoring',
    query: sourceListQuery,
    async handler({ query, services }) {
      let configured;
      try {
        configured = configuredSources(services.config.sourcesFile);
      } catch {
        throw new ApiError(503, 'SOURCES_FILE_UNREADABLE', 'Berkas sumber (TELUSUR_SOURCES) tidak terbaca atau tidak valid', 'The sources file (TELUSUR_SOURCES) is unreadable or invalid');
      }
      const all = await listSources(services.db, configured, services.now());
      const after = query.cursor === undefined ? all : all.filter((s) => s.id > query.cursor!);
      const items = after.slice(0, query.limit);
      return { items, nextCursor: after.length > query.limit ? items[items.length - 1]!.id : null };
    },
  }),
];
