// PostgreSQL backend of the data-access layer, over a `pg` connection pool.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './types.js';

// bigint ids and counts come back as JS numbers: ids stay far below 2^53 here.
pg.types.setTypeParser(20, (v) => Number(v));

export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined); // an idle client's error must not crash the server; the next query reports it
  // Named (prepared) statements: each connection plans a statement once and reuses the plan,
  // which matters for the list queries whose planning costs as much as their execution.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) {
      name = `t${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
      if (names.size < 5000) names.set(sql, name);
    }
    return name;
  };
  const query = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<T[]> =>
    (await client.query({ name: nameOf(sql), text: sql, values: (params ?? []) as unknown[] })).rows as T[];
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => query(client, sql, params) };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
