// Test harness: the same integration suite runs on both backends. Every call makes a fresh
// database — a random-named PostgreSQL database at 127.0.0.1:5432, or an in-memory PGlite —
// migrated and ready, and drops it afterwards. A missing PostgreSQL fails the run, never skips it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './pg.js';
import type { Database } from './types.js';

export const testBackends = ['pglite', 'postgres'] as const;
export type TestBackend = (typeof testBackends)[number];

export const postgresAdminUrl = process.env.TELUSUR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  /** The connection string, for PostgreSQL (to hand to a child process). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: TestBackend, options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openPglite(options.dataDir);
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `telusur_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = postgresAdminUrl.replace(/\/[^/]*$/, `/${name}`);
  const db = openPostgres(url);
  await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
