// The data-access layer behaves the same on PGlite and PostgreSQL: migrations, parameters,
// transactions, and the append-only audit table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { createTestDatabase, testBackends, type TestDatabase } from './testing.js';

describe.each(testBackends)('data-access layer on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it('records each migration once and applies nothing on a second run', async () => {
    const versions = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toContain('001_core');
    expect(await migrate(t.db)).toEqual([]);
  });

  it('returns ids as numbers and arrays/json as values', async () => {
    const [org] = await t.db.query<{ id: number; aliases: string[]; contacts: unknown }>(
      `INSERT INTO organizations (name, aliases, contacts) VALUES ($1, $2, $3) RETURNING id, aliases, contacts`,
      ['Kementerian Contoh', ['Kemencon'], JSON.stringify([{ email: 'dpo@contoh.go.id' }])],
    );
    expect(typeof org!.id).toBe('number');
    expect(org!.aliases).toEqual(['Kemencon']);
    expect(org!.contacts).toEqual([{ email: 'dpo@contoh.go.id' }]);
  });

  it('rolls back a failed transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO organizations (name) VALUES ('Rollback Org')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.query(`SELECT 1 FROM organizations WHERE name = 'Rollback Org'`)).toHaveLength(0);
  });

  it('refuses updates and deletes on the audit table', async () => {
    await t.db.query(
      `INSERT INTO audit_log (seq, at, actor, action, target_type, prev_hash, hash) VALUES (1, now(), 'test', 'x', 'y', '', 'h')`,
    );
    await expect(t.db.query(`UPDATE audit_log SET action = 'z'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
