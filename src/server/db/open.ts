// Chooses the database backend from the configuration: PostgreSQL when DATABASE_URL is set,
// otherwise PGlite in <dataDir>/db. Migrations run on open.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './pg.js';
import type { Database } from './types.js';

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  let db: Database;
  if (options.databaseUrl) {
    db = openPostgres(options.databaseUrl);
  } else {
    const dir = join(resolve(options.dataDir), 'db');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    db = await openPglite(dir);
  }
  await migrate(db);
  return db;
}
