// Embedded backend of the data-access layer: PGlite (PostgreSQL compiled to WASM) in a data folder.
// PGlite has one connection, so transactions are serialised by PGlite itself.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './types.js';

/** Opens PGlite in `dataDir`, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const run = async <T>(target: Pick<PGlite, 'query'>, sql: string, params?: unknown[]): Promise<T[]> =>
    (await target.query<Row>(sql, params)).rows.map(normalizeRow) as T[];
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const wrapped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return work(wrapped);
      }),
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

// PGlite returns int8 as bigint; the pg backend returns numbers. Make them agree.
function normalizeRow<T extends Row>(row: T): T {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (typeof value === 'bigint') (row as Row)[key] = Number(value);
  }
  return row;
}
