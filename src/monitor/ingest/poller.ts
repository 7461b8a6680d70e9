// Polls the configured sources on their schedules and turns posts into alerts. At-least-once:
// a source's state (ETag, cursor) is saved only after all its items are ingested, and each item is
// ingested in one transaction keyed by (source, external id), so a crash re-reads items but never
// doubles an alert. Exact and near-duplicates (content hash, simhash) join the first alert.
import type { Database } from '../../server/db/types.js';
import type { PostAnalyser } from '../analyse.js';
import type { HttpClient } from '../sources/http-client.js';
import type { SourceItem } from '../sources/connector.js';
import { sqlAlertSink, type AlertSink } from './alerts.js';
import { contentHash, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from './similarity.js';
import { severityOf } from './severity.js';
import { connectorFor, platformOf, type SourceConfig } from './sources-config.js';
import { createHash } from 'node:crypto';
import type { PostPii } from '../extract/index.js';
import { MonitorStore, recordItem } from './store.js';

export interface PollerOptions {
  db: Database;
  sources: readonly SourceConfig[];
  client: HttpClient;
  analyser: PostAnalyser;
  alerts?: AlertSink;
  /** Offers and reports at or above this score become alerts. */
  threshold?: number;
  /** Window for clustering and near-duplicate detection. */
  windowDays?: number;
  now?: () => Date;
}

export interface PollReport { source: string; items: number; alerts: number; duplicates: number; error: string | null }

export class Poller {
  private readonly store: MonitorStore;
  private readonly alerts: AlertSink;
  private readonly now: () => Date;

  constructor(private readonly o: PollerOptions) {
    this.store = new MonitorStore(o.db);
    this.alerts = o.alerts ?? sqlAlertSink;
    this.now = o.now ?? (() => new Date());
  }

  async init(): Promise<void> {
    await this.store.init();
    for (const s of this.o.sources) await this.store.ensureSource(s.id, this.now());
  }

  /** Runs every source whose time has come; one source's failure never stops the others. */
  async runDue(): Promise<PollReport[]> {
    const due = await this.store.dueSources(this.o.sources.map((s) => s.id), this.now());
    const reports: PollReport[] = [];
    for (const id of due) reports.push(await this.runSource(this.o.sources.find((s) => s.id === id)!));
    return reports;
  }

  /** Runs every source now, whatever its schedule (`telusur posts poll --once`). */
  async runAll(): Promise<PollReport[]> {
    const reports: PollReport[] = [];
    for (const source of this.o.sources) reports.push(await this.runSource(source));
    return reports;
  }

  async runSource(source: SourceConfig): Promise<PollReport> {
    const report: PollReport = { source: source.id, items: 0, alerts: 0, duplicates: 0, error: null };
    try {
      const state = await this.store.loadState(source.id);
      const outcome = await connectorFor(source).fetch(this.o.client, state);
      for (const item of outcome.items) {
        const r = await this.ingest(source, item);
        report.items++;
        if (r === 'alert') report.alerts++;
        if (r === 'duplicate') report.duplicates++;
      }
      await this.store.recordSuccess(source.id, outcome.state, report.items, new Date(this.now().getTime() + source.intervalSeconds * 1000));
    } catch (error) {
      report.error = (error as Error).message;
      const failures = ((await this.store.health()).find((h) => h.id === source.id)?.consecutiveFailures ?? 0) + 1;
      // Back off a failing source: interval × 2^failures, at most a day.
      const delay = Math.min(source.intervalSeconds * 2 ** failures, 86_400) * 1000;
      await this.store.recordFailure(source.id, report.error, new Date(this.now().getTime() + delay));
    }
    return report;
  }

  health() {
    return this.store.health();
  }

  /**
   * Ingests one item for a configured source, e.g. from the push endpoint (POST /api/v1/ingest):
   * idempotent on (source, externalId) like polled items.
   */
  async ingestPushed(sourceId: string, item: SourceItem): Promise<'seen' | 'ignored' | 'duplicate' | 'alert'> {
    const source = this.o.sources.find((s) => s.id === sourceId);
    if (!source) throw new Error(`sumber tidak dikenal / unknown source: ${sourceId}`);
    return this.ingest(source, item);
  }

  private async ingest(source: SourceConfig, item: SourceItem): Promise<'seen' | 'ignored' | 'duplicate' | 'alert'> {
    if (await this.store.itemSeen(source.id, item.externalId)) return 'seen';
    const text = item.title && !item.text.startsWith(item.title) ? `${item.title}\n${item.text}` : item.text;
    const analysis = this.o.analyser.analyse(text);
    const hash = contentHash(text);
    const sim = simhash(text);
    const record = { source: source.id, externalId: item.externalId, contentHash: hash, simhash: sim, label: analysis.label, alertId: null as number | null, duplicateOf: null as number | null };
    const alertable = analysis.label !== 'other' && analysis.score >= (this.o.threshold ?? 0.6);
    if (!alertable) { await recordItem(this.o.db, record); return 'ignored'; }

    const since = new Date(this.now().getTime() - (this.o.windowDays ?? 14) * 86_400_000);
    const earlier = (await this.store.recentAlertedItems(since)).find((e) => e.contentHash === hash || hammingDistance(e.simhash, sim) <= NEAR_DUPLICATE_BITS);
    if (earlier) {
      await recordItem(this.o.db, { ...record, duplicateOf: earlier.alertId });
      return 'duplicate';
    }
    const facts = { ...analysis.facts, platform: analysis.facts.platform ?? platformOf(source), sampleKey: sampleKey(analysis.facts.pii) };
    const severity = severityOf(text, facts);
    return this.o.db.transaction(async (tx) => {
      const cluster = await this.alerts.clusterHead(tx, { victim: facts.victim, seller: facts.seller, sampleKey: facts.sampleKey }, since);
      const { id } = await this.alerts.upsert(tx, {
        source: source.id, externalId: item.externalId, url: item.url, title: item.title || text.slice(0, 120), text,
        seenAt: this.now(), label: analysis.label, score: analysis.score,
        facts: { ...facts, publishedAt: item.publishedAt, author: item.author, severity: severity.level, severityReasons: severity.reasons, cluster },
        explain: analysis.explain, victim: facts.victim,
      });
      await recordItem(tx, { ...record, alertId: id });
      return 'alert' as const;
    });
  }
}

/**
 * Identifies a pasted sample: the keyed hashes of its values when the project key is in use,
 * else its masked values. Two posts showing the same sample rows share the key.
 */
function sampleKey(pii: readonly PostPii[]): string | null {
  const parts = pii.flatMap((p) => p.hashes ?? p.masked.map((m) => `${p.type}:${m}`)).sort();
  return parts.length === 0 ? null : createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
