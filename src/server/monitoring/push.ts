// Items pushed by external crawlers (AIL feeders and the like) through POST /api/v1/ingest go
// through the monitor's own Poller.ingestPushed: same classifier, facts, dedupe, clustering and
// idempotent alert creation as polled items. The work runs inside the request's transaction, so
// the alert, its monitor_items row, the push source's health and the audit entry commit together.
import { findingHasher } from '../../config/key.js';
import { PostAnalyser } from '../../monitor/analyse.js';
import { seedVictimResolver, victimResolverFromDatabase } from '../../monitor/extract/index.js';
import { Poller } from '../../monitor/ingest/poller.js';
import type { SourceConfig } from '../../monitor/ingest/sources-config.js';
import type { SourceItem } from '../../monitor/sources/connector.js';
import { HttpClient } from '../../monitor/sources/http-client.js';
import type { Database, Queryable } from '../db/types.js';
import type { Services } from '../services.js';
import { configuredSources } from './sources.js';

export type PushOutcome = 'alert' | 'duplicate' | 'ignored' | 'seen';

export interface PushResult {
  outcome: PushOutcome;
  /** The alert this item created, or the earlier alert it duplicates; null when it is no alert. */
  alertId: number | null;
  label: string | null;
}

const analysers = new WeakMap<Services, Promise<PostAnalyser>>();

/**
 * One analyser per server, resolving victims against the organizations table as it was at the
 * first push (the seed PSE registry while that table is empty), like `telusur posts poll`.
 */
export function analyserFor(services: Services): Promise<PostAnalyser> {
  let made = analysers.get(services);
  if (!made) {
    made = (async () => {
      const [row] = await services.db.query<{ n: number | string }>('SELECT count(*) AS n FROM organizations');
      const victims = Number(row?.n ?? 0) > 0 ? await victimResolverFromDatabase(services.db) : seedVictimResolver();
      return new PostAnalyser({ victims, findingHash: findingHasher(services.projectKey) });
    })();
    made.catch(() => analysers.delete(services));
    analysers.set(services, made);
  }
  return made;
}

/** The request transaction seen as a Database, so the poller's own transaction joins it. */
function asDatabase(tx: Queryable, kind: Database['kind']): Database {
  return {
    kind,
    query: (sql, params) => tx.query(sql, params),
    transaction: (work) => work(tx),
    exec: () => Promise.reject(new Error('exec is not available inside a request transaction')),
    close: () => Promise.resolve(),
  };
}

/**
 * A push source needs no connector: it is never polled. It is declared as the monitor's feed kind
 * only to satisfy the poller's source type; its id and platform are what ingestion reads.
 */
function pushSource(id: string, platform: string | undefined): SourceConfig {
  return { id, kind: 'rss', url: 'https://push.invalid/', intervalSeconds: 900, ...(platform ? { platform } : {}) };
}

/**
 * Ingests one pushed item inside the request transaction `tx`. Get `analyser` from analyserFor()
 * before opening the transaction: with PGlite (one connection) a query outside `tx` would wait
 * for `tx` to end.
 */
export async function ingestPushedItem(
  services: Services,
  analyser: PostAnalyser,
  tx: Queryable,
  sourceId: string,
  item: SourceItem,
  platform: string | undefined,
): Promise<PushResult> {
  const configured = configuredSources(services.config.sourcesFile).find((s) => s.id === sourceId);
  const source = configured ?? pushSource(sourceId, platform);
  const db = asDatabase(tx, services.db.kind);
  // Never used to fetch: a push poller only ingests. The SSRF policy is the strictest one.
  const poller = new Poller({ db, sources: [source], client: new HttpClient({ ssrf: { allow: [] } }), analyser, now: services.now });
  const outcome = await poller.ingestPushed(sourceId, item);
  if (!configured) {
    // Push-only sources appear in GET /sources with the time of their last push. A configured
    // (polled) source's saved state is left alone: its ETag and cursor belong to the poller.
    await tx.query(
      `INSERT INTO monitor_sources (id, state, next_run_at, last_success_at, items_total) VALUES ($1, '{"push":true}', 'infinity', $2, 1)
       ON CONFLICT (id) DO UPDATE SET last_success_at = EXCLUDED.last_success_at, items_total = monitor_sources.items_total + 1
       WHERE monitor_sources.state->>'push' = 'true'`,
      [sourceId, services.now().toISOString()],
    );
  }
  const [row] = await tx.query<{ alert_id: number | string | null; duplicate_of: number | string | null; label: string }>(
    'SELECT alert_id, duplicate_of, label FROM monitor_items WHERE source = $1 AND external_id = $2',
    [sourceId, item.externalId],
  );
  const alertId = row?.alert_id ?? row?.duplicate_of ?? null;
  return { outcome, alertId: alertId === null ? null : Number(alertId), label: row?.label ?? null };
}
