// `telusur worker` on another process: the server only enqueues (TELUSUR_SERVE_WORKERS=false),
// a separate worker process on the same PostgreSQL, Redis and blob folder runs the scan.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/worker.js';
import { createTestServer, multipartBody, waitForAnalysis, type TestServer } from '../testing.js';

const prefix = `telusur-test-${randomBytes(4).toString('hex')}`;

describe('telusur worker (BullMQ on Redis)', () => {
  let s: TestServer;
  beforeAll(async () => {
    process.env.TELUSUR_KEY ??= randomBytes(32).toString('hex');
    s = await createTestServer('postgres', { config: { redisUrl: 'redis://127.0.0.1:6379' }, workers: false, bullPrefix: prefix });
  });
  afterAll(async () => {
    await s?.close();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('refuses to start without REDIS_URL and DATABASE_URL', async () => {
    const saved = { ...process.env };
    delete process.env.REDIS_URL;
    delete process.env.DATABASE_URL;
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect((await run([])).exitCode).toBe(2);
    } finally {
      process.stderr.write = write;
      Object.assign(process.env, saved);
    }
  });

  it('runs the scan queued by the server in a separate worker process', async () => {
    expect(s.runtime.services.jobs.kind).toBe('bullmq');
    const incident = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Pekerja terpisah' })).json();
    const body = multipartBody('sampel.csv', Buffer.from('nik,nama\n3174015708900001,Siti Contoh\n'));
    const evidence = (await s.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/evidence`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${s.users.analyst.token}` } })).json();
    const analysis = (await s.call('analyst', 'POST', `/api/v1/evidence/${evidence.id}/analyses`, {})).json();
    await new Promise((r) => setTimeout(r, 500));
    expect((await s.call('analyst', 'GET', `/api/v1/analyses/${analysis.id}`)).json().status).toBe('queued');

    const mainTs = resolve(import.meta.dirname, '../../cli/main.ts');
    const code = `import { main } from ${JSON.stringify(mainTs)}; process.exitCode = await main(['worker']);`;
    const worker = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, DATABASE_URL: s.databaseUrl, REDIS_URL: 'redis://127.0.0.1:6379', TELUSUR_QUEUE_PREFIX: prefix, TELUSUR_DATA: s.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const done = await waitForAnalysis(s, analysis.id, 60_000);
      expect(done.status).toBe('done');
      expect((done.report as { totals: { byType: { NIK: { count: number } } } }).totals.byType.NIK.count).toBe(1);
    } finally {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    expect(worker.exitCode).toBe(0);
  }, 90_000);
});
