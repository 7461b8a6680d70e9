// Seeds a benchmark database in SQL (fast, set-based): 100 organizations, 10,000 incidents with
// victims and assignees, 100,000 alerts (one in ten linked to an incident), plus an admin and an
// API token for the load generator. All text is synthetic.
import { hashSecret, newSecret, apiTokenPrefix } from '../../src/server/auth/secrets.js';
import type { Database } from '../../src/server/db/types.js';

export interface SeedCounts {
  organizations: number;
  incidents: number;
  alerts: number;
}

export async function seedBench(db: Database, counts: SeedCounts): Promise<{ token: string }> {
  await db.query(
    `INSERT INTO organizations (name, aliases, sector, ownership, domains)
     SELECT 'Organisasi Bench ' || g, ARRAY['OB' || g], (ARRAY['health', 'finance', 'government', 'telco'])[1 + g % 4],
            CASE WHEN g % 3 = 0 THEN 'public' ELSE 'private' END, ARRAY['ob' || g || '.example']
     FROM generate_series(1, $1::int) g`,
    [counts.organizations],
  );
  const [admin] = await db.query<{ id: number }>(`INSERT INTO users (email, name, role) VALUES ('bench@telusur.local', 'Bench', 'admin') RETURNING id`);
  await db.query(
    `INSERT INTO users (email, name, role) SELECT 'penyidik' || g || '@bench.example', 'Penyidik ' || g, 'investigator' FROM generate_series(1, 20) g`,
  );
  await db.query(
    `INSERT INTO incidents (title, summary, severity, tlp, status, pse_notified_at, created_at)
     SELECT 'Insiden bench ' || g, 'Ringkasan insiden sintetis nomor ' || g,
            (ARRAY['low', 'medium', 'high', 'critical'])[1 + g % 4], (ARRAY['green', 'amber', 'red'])[1 + g % 3],
            (ARRAY['new', 'triage', 'investigating', 'pse_notified', 'closed', 'false_positive'])[1 + g % 6],
            CASE WHEN g % 6 = 3 THEN now() - (g % 100) * interval '1 hour' END,
            now() - g * interval '1 minute'
     FROM generate_series(1, $1::int) g`,
    [counts.incidents],
  );
  await db.query(
    `INSERT INTO incident_organizations (incident_id, organization_id)
     SELECT i.id, 1 + (i.id % $1::int) FROM incidents i`,
    [counts.organizations],
  );
  await db.query(
    `INSERT INTO incident_assignees (incident_id, user_id)
     SELECT i.id, u.id FROM incidents i JOIN users u ON u.role = 'investigator' AND u.id % 20 = i.id % 20`,
  );
  await db.query(
    `INSERT INTO alerts (source, url, title, text, seen_at, facts, score, label, status, victim_organization_id, incident_id)
     SELECT (ARRAY['forum', 'telegram', 'paste', 'rss'])[1 + g % 4], 'https://forum.example/t/' || g,
            'Dijual data ' || g, 'Ready data pelanggan sintetis nomor ' || g || ', minat PM. Sampel tersedia.',
            now() - g * interval '30 seconds', jsonb_build_object('recordCount', g * 10, 'dataTypes', jsonb_build_array('NIK', 'PHONE')),
            (g % 100) / 100.0, 'offer',
            CASE WHEN g % 10 = 0 THEN 'promoted' WHEN g % 10 = 1 THEN 'dismissed' ELSE 'new' END,
            1 + (g % $2::int), CASE WHEN g % 10 = 0 THEN 1 + (g % $3::int) END
     FROM generate_series(1, $1::int) g`,
    [counts.alerts, counts.organizations, counts.incidents],
  );
  await db.query('ANALYZE');
  const token = newSecret(apiTokenPrefix);
  await db.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, 'bench', $2, $3)`, [admin!.id, hashSecret(token), token.slice(0, 8)]);
  return { token };
}
