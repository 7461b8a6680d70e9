// The served web app and `telusur serve` itself: static files with CSP headers, client-side
// routes fall back to index.html, unknown API paths stay JSON; the real CLI starts on embedded
// defaults, prints a one-time admin password on first run, and answers /api/v1/health.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testing.js';

describe('web app serving', () => {
  const web = mkdtempSync(join(tmpdir(), 'telusur-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(web, { recursive: true, force: true }));

  it('serves web/dist with CSP on every response and falls back to index.html for client routes', async () => {
    const s = await createTestServer('pglite', { config: { webDist: web } });
    try {
      for (const url of ['/', '/incidents/12', '/assets/app.js']) {
        const res = await s.app.inject({ url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      expect((await s.app.inject({ url: '/incidents/12' })).body).toContain('id="root"');
      const api = await s.app.inject({ url: '/api/v1/tidak-ada' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await s.close();
    }
  });
});

describe('telusur serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'telusur-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on embedded defaults, prints a one-time admin password, answers health, and signs the admin in', async () => {
    const port = await new Promise<number>((ok) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => ok(p));
      });
    });
    const mainTs = resolve(import.meta.dirname, '../cli/main.ts');
    const code = `import { main } from ${JSON.stringify(mainTs)}; process.exitCode = await main(['serve']);`;
    const env: NodeJS.ProcessEnv = { ...process.env, TELUSUR_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', TELUSUR_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.TELUSUR_ADMIN_PASSWORD;
    delete env.TELUSUR_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      for (let i = 0; ; i++) {
        const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
        if (ok) break;
        if (i > 300) throw new Error(`server did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', database: 'pglite', jobs: 'in-process' });
      const password = /password: (\S+)/.exec(out)?.[1];
      expect(password).toBeDefined();
      const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@telusur.local', password }) });
      expect(login.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(child.exitCode).toBe(0);
  }, 90_000);
});
