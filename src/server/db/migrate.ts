// Versioned migrations: plain .sql files in ./migrations, applied in name order, each recorded
// in schema_migrations so that a second run applies nothing twice.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './types.js';

/** The migrations folder: beside this file in the source tree (tsc does not copy .sql into dist). */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here.replace(/[\\/]dist[\\/]src[\\/]/, '/src/'), 'migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`folder migrasi tidak ditemukan / migrations folder not found: ${candidates.join(', ')}`);
  return found;
}

export async function migrate(db: Database, dir = migrationsDir()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const files = readdirSync(dir).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    // Serialise concurrent starters on PostgreSQL; the whole file and its record commit together.
    await db.exec(`BEGIN;\n${db.kind === 'postgres' ? 'SELECT pg_advisory_xact_lock(7375);\n' : ''}${sql}\n;INSERT INTO schema_migrations(version) VALUES ('${version}') ON CONFLICT DO NOTHING;\nCOMMIT;`);
    applied.push(version);
  }
  return applied;
}
