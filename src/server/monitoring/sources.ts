// The monitoring sources as the server shows them: the configured sources file (TELUSUR_SOURCES)
// joined with the monitor's health rows and alert counts. Secrets in a source's settings (bot
// tokens, bearer tokens, cookies, URL credentials) never leave the server, not even inside errors.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Queryable } from '../db/types.js';
import { parseSourceConfigs, platformOf, type SourceConfig } from '../../monitor/ingest/sources-config.js';

export type SourceHealthLabel = 'ok' | 'stale' | 'failing' | 'pending' | 'unconfigured';

export interface SourceView {
  id: string;
  name: string;
  /** The connector kind, `push` for items pushed to POST /ingest, null for a source no longer configured. */
  kind: string | null;
  platform: string | null;
  url: string | null;
  intervalSeconds: number | null;
  health: SourceHealthLabel;
  lastSeenAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  nextRunAt: string | null;
  itemsTotal: number;
  alerts: number;
}

let cache: { path: string; mtimeMs: number; sources: SourceConfig[] } | null = null;

/** The configured sources (empty without a sources file). Re-read when the file changes. */
export function configuredSources(sourcesFile: string | undefined): SourceConfig[] {
  if (!sourcesFile) return [];
  const path = resolve(sourcesFile);
  const mtimeMs = statSync(path).mtimeMs;
  if (cache?.path !== path || cache.mtimeMs !== mtimeMs) {
    cache = { path, mtimeMs, sources: parseSourceConfigs(JSON.parse(readFileSync(path, 'utf8'))) };
  }
  return cache.sources;
}

const secretParam = /token|key|secret|pass|auth|sig|session|cookie/i;

/** A URL with credentials and secret-looking query values replaced. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) { url.username = '***'; url.password = ''; }
    for (const name of [...url.searchParams.keys()]) if (secretParam.test(name)) url.searchParams.set(name, '***');
    return url.toString().replace(/\/bot[^/]+\//, '/bot***/');
  } catch {
    return '***';
  }
}

/** The secrets of one source, to be struck from anything shown (error messages quote URLs). */
function secretsOf(c: SourceConfig): string[] {
  const values = [c.kind === 'telegram-bot' ? c.token : null, c.kind === 'x' ? c.bearerToken : null, c.kind === 'html' ? c.cookie : null];
  return values.filter((v): v is string => !!v && v.length >= 4);
}

export function redactText(text: string, c: SourceConfig | undefined): string {
  let out = text.replace(/\/bot[^/\s]+\//g, '/bot***/').replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@');
  for (const secret of c ? secretsOf(c) : []) out = out.split(secret).join('***');
  return out;
}

/** Where a source reads from, without its secrets. */
export function sourceUrl(c: SourceConfig): string {
  switch (c.kind) {
    case 'rss':
    case 'html': return redactUrl(c.url);
    case 'telegram-preview': return `${(c.baseUrl ?? 'https://t.me').replace(/\/$/, '')}/s/${encodeURIComponent(c.channel)}`;
    case 'telegram-bot': return redactUrl(c.baseUrl ?? 'https://api.telegram.org');
    case 'x': return redactUrl(c.baseUrl ?? 'https://api.twitter.com');
    case 'reddit': return `${(c.baseUrl ?? 'https://www.reddit.com').replace(/\/$/, '')}/r/${encodeURIComponent(c.subreddit)}`;
    case 'paste': return redactUrl(c.baseUrl);
  }
}

interface HealthRow {
  id: string; state: Record<string, unknown> | null; next_run_at: string | Date | null; last_success_at: string | Date | null;
  last_error: string | null; last_error_at: string | Date | null; consecutive_failures: number; items_total: number | string;
}

const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);

/** A push source is alive while pushes keep coming: quiet for a day means stale. */
const PUSH_STALE_MS = 86_400_000;

/**
 * Health of a polled source: failing after a failed poll, pending before the first poll, stale
 * when the last success is older than three intervals (the poller is not running), else ok.
 */
export function healthOf(c: SourceConfig | undefined, row: HealthRow | undefined, push: boolean, now: Date): SourceHealthLabel {
  if (push) {
    const last = row?.last_success_at ? new Date(row.last_success_at).getTime() : 0;
    return now.getTime() - last <= PUSH_STALE_MS ? 'ok' : 'stale';
  }
  if (!c) return 'unconfigured';
  if (!row) return 'pending';
  if (Number(row.consecutive_failures) > 0) return 'failing';
  if (!row.last_success_at) return 'pending';
  return now.getTime() - new Date(row.last_success_at).getTime() <= 3 * c.intervalSeconds * 1000 ? 'ok' : 'stale';
}

/** Every source: configured ones, push sources that have received items, and retired ones still holding history. */
export async function listSources(db: Queryable, sources: readonly SourceConfig[], now: Date): Promise<SourceView[]> {
  const rows = await db.query<HealthRow>('SELECT * FROM monitor_sources');
  const counts = await db.query<{ source: string; n: number | string }>('SELECT source, count(*) AS n FROM alerts GROUP BY source');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const alerts = new Map(counts.map((r) => [r.source, Number(r.n)]));
  const ids = [...new Set([...sources.map((s) => s.id), ...rows.map((r) => r.id)])].sort();
  return ids.map((id) => {
    const c = sources.find((s) => s.id === id);
    const row = byId.get(id);
    const push = !c && row?.state?.push === true;
    const lastSuccessAt = iso(row?.last_success_at);
    return {
      id,
      name: id,
      kind: c ? c.kind : push ? 'push' : null,
      platform: c ? platformOf(c) : null,
      url: c ? sourceUrl(c) : null,
      intervalSeconds: c ? c.intervalSeconds : null,
      health: healthOf(c, row, push, now),
      lastSeenAt: lastSuccessAt,
      lastSuccessAt,
      lastError: row?.last_error ? redactText(row.last_error, c) : null,
      lastErrorAt: iso(row?.last_error_at),
      failures: Number(row?.consecutive_failures ?? 0),
      nextRunAt: c && row ? iso(row.next_run_at) : null,
      itemsTotal: Number(row?.items_total ?? 0),
      alerts: alerts.get(id) ?? 0,
    };
  });
}
