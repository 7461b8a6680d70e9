// Restart test on the production path (PostgreSQL + BullMQ on the real Redis): the server is
// killed (SIGKILL) in the middle of a scan job; after a restart the job completes exactly once —
// one report, one set of findings, one audit row, one custody "scan" event.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticPatientCsv } from '../demo/sample.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { scanTempRoot } from './scan-job.js';
import { existsSync, readdirSync } from 'node:fs';

const mainTs = resolve(import.meta.dirname, '../../cli/main.ts');
const password = 'restart-test-password-1';

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const code = `import { main } from ${JSON.stringify(mainTs)}; process.exitCode = await main(['serve']);`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('scan job across a server crash (PostgreSQL + BullMQ)', () => {
  const prefix = `telusur-test-${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'telusur-restart-'));
  const children: ChildProcess[] = [];
  let database: TestDatabase | undefined;

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await database?.drop();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the killed job exactly once after restart', async () => {
    database = await createTestDatabase('postgres');
    const db = database.db;
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      TELUSUR_QUEUE_PREFIX: prefix,
      TELUSUR_DATA: dataDir,
      TELUSUR_KEY: randomBytes(32).toString('hex'),
      TELUSUR_ADMIN_PASSWORD: password,
      TELUSUR_JOB_LOCK_MS: '5000',
      TELUSUR_JOB_STALLED_MS: '1000',
      TELUSUR_LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    const base = `http://127.0.0.1:${port}/api/v1`;
    const first = startServer(env);
    children.push(first);
    await until('first server', async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 60_000);

    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@telusur.local', password }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const incident = (await (await fetch(`${base}/incidents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Uji restart' }) })).json()) as { id: number };
    const form = new FormData();
    form.append('file', new Blob([syntheticPatientCsv(400_000, 7)]), 'besar.csv');
    const evidence = (await (await fetch(`${base}/incidents/${incident.id}/evidence`, { method: 'POST', headers, body: form })).json()) as { id: number };
    const analysis = (await (await fetch(`${base}/evidence/${evidence.id}/analyses`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' })).json()) as { id: number };

    // Kill the server once the scan is under way.
    await until('scan progress', async () => {
      const [row] = await db.query<{ status: string; progress: number }>('SELECT status, progress FROM analyses WHERE id = $1', [analysis.id]);
      return row?.status === 'running' && row.progress > 0 ? row : undefined;
    }, 60_000);
    const leftovers = () => (existsSync(scanTempRoot()) ? readdirSync(scanTempRoot()).filter((d) => d.startsWith(`${first.pid}-`)) : []);
    await until('plaintext temp copy', async () => (leftovers().length ? true : undefined), 10_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(leftovers()).toHaveLength(1); // the killed process could not clean up…
    const [killed] = await db.query<{ status: string; runs_completed: number }>('SELECT status, runs_completed FROM analyses WHERE id = $1', [analysis.id]);
    expect(killed).toEqual({ status: 'running', runs_completed: 0 });

    const second = startServer(env);
    children.push(second);
    const done = await until('scan completion after restart', async () => {
      const [row] = await db.query<{ status: string; runs_completed: number; attempts: number; report: { totals: { byType: { NIK: { distinct: number } } } } }>(
        'SELECT status, runs_completed, attempts, report FROM analyses WHERE id = $1',
        [analysis.id],
      );
      return row && row.status !== 'running' && row.status !== 'queued' ? row : undefined;
    }, 120_000);
    // Give a duplicate run time to show itself, if there were one.
    await new Promise((r) => setTimeout(r, 3000));
    expect(done.status).toBe('done');
    expect(leftovers()).toEqual([]); // …the restarted server removed it
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const count = async (sql: string) => (await db.query<{ n: number }>(sql, [analysis.id]))[0]!.n;
    expect(await count('SELECT runs_completed AS n FROM analyses WHERE id = $1')).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'analysis.complete' AND target_id = $1::text`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM incident_events WHERE kind = 'analysis_done' AND (detail->>'analysisId')::bigint = $1`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM custody_events c JOIN analyses a ON a.evidence_id = c.evidence_id WHERE a.id = $1 AND c.action = 'scan'`)).toBe(1);
    const [stored] = await db.query<{ n: number; s: number }>(
      `SELECT count(*)::int AS n, (SELECT (verification->'storedFindings'->>'stored')::int FROM analyses WHERE id = $1) AS s
       FROM analysis_findings WHERE analysis_id = $1`,
      [analysis.id],
    );
    expect(stored!.n).toBe(stored!.s);
    expect(stored!.n).toBeGreaterThan(0);
    const nikFindings = await count(`SELECT count(*)::int AS n FROM analysis_findings WHERE analysis_id = $1 AND type = 'NIK'`);
    expect(nikFindings).toBeLessThanOrEqual(done.report.totals.byType.NIK.distinct);
  }, 240_000);
});
