// Where monitoring puts alerts: a small interface, implemented over the platform core's `alerts`
// table. Insertion is idempotent on (source, external_id): a re-fetched item never doubles an alert.
import type { Queryable } from '../../server/db/types.js';

export interface NewAlert {
  source: string;
  externalId: string;
  url: string | null;
  title: string;
  text: string;
  seenAt: Date;
  label: string;
  score: number;
  /** Extracted facts plus `severity`, `severityReasons` and `cluster` (the first alert of the cluster). */
  facts: Record<string, unknown>;
  explain: string[];
  victim: string | null;
}

export interface ClusterKeys { victim: string | null; seller: string | null; sampleKey: string | null }

export interface AlertSink {
  /** Creates the alert, or returns the existing one for the same (source, externalId). */
  upsert(tx: Queryable, alert: NewAlert): Promise<{ id: number; created: boolean }>;
  /** The earliest alert in the window that shares the victim, the seller or the sample: the cluster's head. */
  clusterHead(tx: Queryable, keys: ClusterKeys, since: Date): Promise<number | null>;
}

export const sqlAlertSink: AlertSink = {
  async upsert(tx, a) {
    const inserted = await tx.query<{ id: string | number }>(
      `INSERT INTO alerts (source, external_id, url, title, text, seen_at, facts, score, label, explain, victim_organization_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT id FROM organizations WHERE name = $11 LIMIT 1))
       ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
      [a.source, a.externalId, a.url, a.title.slice(0, 500), a.text, a.seenAt.toISOString(), JSON.stringify(a.facts), a.score, a.label, JSON.stringify(a.explain), a.victim],
    );
    if (inserted[0]) return { id: Number(inserted[0].id), created: true };
    const [existing] = await tx.query<{ id: string | number }>('SELECT id FROM alerts WHERE source = $1 AND external_id = $2', [a.source, a.externalId]);
    return { id: Number(existing!.id), created: false };
  },

  async clusterHead(tx, keys, since) {
    if (!keys.victim && !keys.seller && !keys.sampleKey) return null;
    const [row] = await tx.query<{ id: string | number }>(
      `SELECT id FROM alerts WHERE seen_at >= $1 AND (
         ($2::text IS NOT NULL AND facts->>'victim' = $2) OR ($3::text IS NOT NULL AND facts->>'seller' = $3)
         OR ($4::text IS NOT NULL AND facts->>'sampleKey' = $4))
       ORDER BY id LIMIT 1`,
      [since.toISOString(), keys.victim, keys.seller, keys.sampleKey],
    );
    return row ? Number(row.id) : null;
  },
};
