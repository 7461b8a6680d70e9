// Monitoring state in the platform database: per-source schedule, saved state and health, and
// the ingested items (for at-least-once idempotency and duplicate detection). Alerts themselves go
// to the server's `alerts` table, whose unique (source, external_id) makes ingestion idempotent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../../server/db/migrate.js';
import type { Queryable } from '../../server/db/types.js';
import { INITIAL_STATE, type SourceState } from '../sources/connector.js';

/**
 * Idempotent DDL for the monitor's own tables (the server migrations own `alerts`): the server's
 * migration file itself, so the poller can also run against a database the server never migrated.
 */
export const MONITOR_SCHEMA = readFileSync(join(migrationsDir(), '003_monitor.sql'), 'utf8');

export interface SourceHealth {
  id: string;
  nextRunAt: Date;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  itemsTotal: number;
}

export class MonitorStore {
  constructor(private readonly db: Queryable & { exec(sql: string): Promise<void> }) {}

  async init(): Promise<void> {
    await this.db.exec(MONITOR_SCHEMA);
  }

  /** Registers a source; a new one is due at once (`now`). */
  async ensureSource(id: string, now: Date): Promise<void> {
    await this.db.query('INSERT INTO monitor_sources (id, next_run_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, now.toISOString()]);
  }

  async loadState(id: string): Promise<SourceState> {
    const [row] = await this.db.query<{ state: Partial<SourceState> }>('SELECT state FROM monitor_sources WHERE id = $1', [id]);
    return { ...INITIAL_STATE, ...(row?.state ?? {}) };
  }

  async recordSuccess(id: string, state: SourceState, items: number, nextRunAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE monitor_sources SET state = $2, last_success_at = now(), consecutive_failures = 0, next_run_at = $3,
         items_total = items_total + $4 WHERE id = $1`,
      [id, JSON.stringify(state), nextRunAt.toISOString(), items],
    );
  }

  /** The error message is the connector's, which names the URL and status, never post content. */
  async recordFailure(id: string, message: string, nextRunAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE monitor_sources SET last_error = $2, last_error_at = now(), consecutive_failures = consecutive_failures + 1,
         next_run_at = $3 WHERE id = $1`,
      [id, message.slice(0, 500), nextRunAt.toISOString()],
    );
  }

  async health(): Promise<SourceHealth[]> {
    const rows = await this.db.query<Record<string, unknown>>('SELECT * FROM monitor_sources ORDER BY id');
    return rows.map((r) => ({
      id: r.id as string, nextRunAt: new Date(r.next_run_at as string), lastSuccessAt: r.last_success_at ? new Date(r.last_success_at as string) : null,
      lastError: (r.last_error as string | null) ?? null, lastErrorAt: r.last_error_at ? new Date(r.last_error_at as string) : null,
      consecutiveFailures: Number(r.consecutive_failures), itemsTotal: Number(r.items_total),
    }));
  }

  async dueSources(ids: readonly string[], now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM monitor_sources WHERE next_run_at <= $1 ORDER BY next_run_at', [now.toISOString()]);
    return rows.map((r) => r.id).filter((id) => ids.includes(id));
  }

  async itemSeen(source: string, externalId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM monitor_items WHERE source = $1 AND external_id = $2', [source, externalId]);
    return rows.length > 0;
  }

  /** An earlier alerted item with the same content, or a near-identical one in the recent window. */
  async recentAlertedItems(since: Date, limit = 5000): Promise<Array<{ contentHash: string; simhash: string; alertId: number }>> {
    const rows = await this.db.query<{ content_hash: string; simhash: string; alert_id: string | number }>(
      'SELECT content_hash, simhash, alert_id FROM monitor_items WHERE alert_id IS NOT NULL AND ingested_at >= $1 ORDER BY ingested_at DESC LIMIT $2',
      [since.toISOString(), limit],
    );
    return rows.map((r) => ({ contentHash: r.content_hash, simhash: r.simhash, alertId: Number(r.alert_id) }));
  }
}

export interface ItemRecord {
  source: string; externalId: string; contentHash: string; simhash: string; label: string; alertId: number | null; duplicateOf: number | null;
}

export async function recordItem(db: Queryable, item: ItemRecord): Promise<void> {
  await db.query(
    `INSERT INTO monitor_items (source, external_id, content_hash, simhash, label, alert_id, duplicate_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source, external_id) DO NOTHING`,
    [item.source, item.externalId, item.contentHash, item.simhash, item.label, item.alertId, item.duplicateOf],
  );
}
