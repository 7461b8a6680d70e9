// Tamper test: edit or delete an audit row below the append-only trigger (as a database owner
// could) and both verifyAuditChain and `telusur audit verify` fail at that row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../cli/audit.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../db/testing.js';
import type { Database } from '../db/types.js';
import { appendAudit, canonicalJson, verifyAuditChain } from './chain.js';

async function seed(db: Database, n: number) {
  for (let i = 1; i <= n; i++) {
    await db.transaction((tx) =>
      appendAudit(tx, [{ actorId: null, actor: 'uji', action: 'incident.update', targetType: 'incident', targetId: i, detail: { step: i, nested: { b: 2, a: [1, 'x'] } } }], db.kind),
    );
  }
}

async function cliVerify(env: Record<string, string | undefined>): Promise<{ exitCode: number; stderr: string }> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, TELUSUR_DATA: process.env.TELUSUR_DATA };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const { exitCode } = await run(['verify']);
    return { exitCode, stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe.each(testBackends)('audit chain on %s', (backend) => {
  let t: TestDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.drop().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
    t = undefined;
    dir = undefined;
  });

  /** Opens a database the CLI can also reach: a PostgreSQL URL, or a PGlite data folder. */
  async function open(): Promise<{ db: Database; env: Record<string, string | undefined>; release(): Promise<void> }> {
    if (backend === 'postgres') {
      t = await createTestDatabase('postgres');
      return { db: t.db, env: { DATABASE_URL: t.url, TELUSUR_DATA: undefined }, release: async () => undefined };
    }
    dir = mkdtempSync(join(tmpdir(), 'telusur-audit-'));
    t = await createTestDatabase('pglite', { dataDir: join(dir, 'db') });
    const db = t.db;
    // PGlite allows one process per folder: close before the CLI opens it.
    return { db, env: { DATABASE_URL: undefined, TELUSUR_DATA: dir }, release: async () => { await db.close(); t = undefined; } };
  }

  it('verifies an intact chain, in the API and on the command line', async () => {
    const { db, env, release } = await open();
    await seed(db, 6);
    expect(await verifyAuditChain(db, 4)).toMatchObject({ ok: true, rows: 6 });
    await release();
    expect((await cliVerify(env)).exitCode).toBe(0);
  });

  it('fails at the edited row', async () => {
    const { db, env, release } = await open();
    await seed(db, 6);
    await expect(db.query(`UPDATE audit_log SET detail = '{"step":99}' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await db.query(`UPDATE audit_log SET detail = '{"step":99}' WHERE seq = 3`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 2, brokenSeq: 3, reason: 'hash_mismatch' });
    await release();
    const cli = await cliVerify(env);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toContain('row 3');
  });

  it('fails at a deleted row', async () => {
    const { db, env, release } = await open();
    await seed(db, 6);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await db.query('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenSeq: 4, reason: 'missing_row' });
    await release();
    const cli = await cliVerify(env);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toContain('row 4');
  });

  it('catches a rewritten row whose own hash was fixed up: the next row no longer links', async () => {
    const { db, release } = await open();
    await seed(db, 5);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await db.query(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenSeq: 2 });
    await release();
  });
});

