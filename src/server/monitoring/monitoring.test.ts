// Monitoring inside the server, against the monitor's fixture internet (loopback servers speaking
// the real formats): alerts appear at GET /api/v1/alerts, GET /api/v1/sources shows each source's
// health without its secrets, and `telusur serve` with TELUSUR_SOURCES polls and stops cleanly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureInternet, type FixtureInternet } from '../../monitor/sources/fixture-internet.js';
import { ConfigError, loadConfig } from '../config.js';
import { testBackends } from '../db/testing.js';
import { createTestServer, type TestServer } from '../testing.js';
import { startServerMonitoring, type ServerMonitoring } from './run.js';

let net: FixtureInternet;
let dir: string;
beforeAll(async () => { net = await startFixtureInternet(); dir = mkdtempSync(join(tmpdir(), 'telusur-monitoring-')); });
afterAll(async () => { await net?.close(); rmSync(dir, { recursive: true, force: true }); });

function writeSources(name: string, sources: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(sources));
  return file;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(testBackends)('in-process monitoring on %s', (backend) => {
  let s: TestServer;
  let monitoring: ServerMonitoring | null;
  beforeAll(async () => {
    const file = writeSources(`sources-${backend}.json`, [
      { id: 'forum-rss', kind: 'rss', url: `${net.base}/forum/syndication.php` },
      { id: 'tg-bot', kind: 'telegram-bot', token: 'TESTTOKEN', baseUrl: net.base },
      { id: 'tg-bot-broken', kind: 'telegram-bot', token: 'RAHASIA-BOT-9f3k', baseUrl: net.base },
    ]);
    s = await createTestServer(backend, { config: { sourcesFile: file, monitorAllow: ['127.0.0.1'] } });
    monitoring = startServerMonitoring(s.runtime.services, { log: () => {} });
  });
  afterAll(async () => { await monitoring?.stop(); await s?.close(); });

  it('polls the configured sources and the alerts show in the inbox', async () => {
    expect(monitoring).not.toBeNull();
    const items = await until('alerts from both working sources', async () => {
      const res = (await s.call('analyst', 'GET', '/api/v1/alerts?limit=200')).json().items as Array<{ source: string; label: string; facts: Record<string, unknown> }>;
      return new Set(res.map((a) => a.source)).size === 2 ? res : undefined;
    });
    expect(items.find((a) => a.source === 'forum-rss' && a.facts.recordCount === 19_000_000)).toMatchObject({ label: 'offer' });
    expect(items.some((a) => a.source === 'tg-bot')).toBe(true);
  });

  it('lists the sources with health, counts and no secrets', async () => {
    const body = await until('a failed poll of the broken source', async () => {
      const res = await s.call('analyst', 'GET', '/api/v1/sources');
      return (res.json().items as Array<{ id: string; health: string }>).some((x) => x.id === 'tg-bot-broken' && x.health === 'failing') ? res : undefined;
    });
    const items = body.json().items as Array<Record<string, unknown>>;
    expect(items.map((x) => x.id)).toEqual(['forum-rss', 'tg-bot', 'tg-bot-broken']);
    const forum = items[0]!;
    expect(forum).toMatchObject({ name: 'forum-rss', kind: 'rss', health: 'ok', failures: 0, lastError: null, intervalSeconds: 900, url: `${net.base}/forum/syndication.php` });
    expect(forum.alerts).toBeGreaterThanOrEqual(1);
    expect(Date.parse(forum.lastSeenAt as string)).toBeGreaterThan(Date.now() - 60_000);
    const broken = items[2]!;
    expect(broken).toMatchObject({ kind: 'telegram-bot', health: 'failing', failures: 1, alerts: 0 });
    expect(broken.lastError).toMatch(/404/);
    expect(body.body).not.toContain('RAHASIA-BOT-9f3k');
    expect(body.body).not.toContain('TESTTOKEN');
    const page = (await s.call('admin', 'GET', '/api/v1/sources?limit=2')).json();
    expect(page.items.map((x: { id: string }) => x.id)).toEqual(['forum-rss', 'tg-bot']);
    const rest = (await s.call('admin', 'GET', `/api/v1/sources?limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ id: 'tg-bot-broken' })], nextCursor: null });
  });

  it('is refused to investigators and PSE officers', async () => {
    expect((await s.call('investigator', 'GET', '/api/v1/sources')).statusCode).toBe(403);
    expect((await s.call('pse_officer', 'GET', '/api/v1/sources')).statusCode).toBe(403);
  });
});

describe('TELUSUR_SOURCES in the server configuration', () => {
  it('accepts a valid sources file and a comma-separated allow-list', () => {
    const file = writeSources('ok.json', [{ id: 'forum-rss', kind: 'rss', url: 'https://forum.example/feed' }]);
    expect(loadConfig({ TELUSUR_SOURCES: file, TELUSUR_MONITOR_ALLOW: '127.0.0.1, intranet.example' })).toMatchObject({
      sourcesFile: file, monitorAllow: ['127.0.0.1', 'intranet.example'],
    });
    expect(loadConfig({}).sourcesFile).toBeUndefined();
  });

  it('names the setting and the problem for a missing, non-JSON or invalid file', () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '[{"id": ');
    const invalid = writeSources('invalid.json', [{ id: 'Forum X', kind: 'rss', url: 'https://forum.example/feed' }]);
    const unknownKind = writeSources('kind.json', [{ id: 'a', kind: 'gopher', url: 'gopher://x' }]);
    for (const [file, reason] of [[join(dir, 'none.json'), /tidak terbaca/], [notJson, /JSON/], [invalid, /0\.id/], [unknownKind, /0\.kind/]] as const) {
      let error: unknown;
      try { loadConfig({ TELUSUR_SOURCES: file }); } catch (e) { error = e; }
      expect(error, file).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(`TELUSUR_SOURCES ${file}`);
      expect((error as Error).message).toMatch(reason);
    }
  });
});

describe('telusur serve with TELUSUR_SOURCES', () => {
  it('polls the fixture feed in-process, serves the alerts, and stops on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'telusur-serve-'));
    const file = writeSources('serve.json', [{ id: 'forum-rss', kind: 'rss', url: `${net.base}/forum/syndication.php` }]);
    const password = 'kata-sandi-serve-uji-1';
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./src/cli/main.ts').then((m) => m.main(['serve'])).then((c) => { process.exitCode = c; })`], {
      cwd: process.cwd(),
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TELUSUR_DATA: data, TELUSUR_KEY: '', DATABASE_URL: '', REDIS_URL: '', TELUSUR_SOURCES: file,
        TELUSUR_MONITOR_ALLOW: '127.0.0.1', TELUSUR_ADMIN_PASSWORD: password, TELUSUR_WEB_DIST: join(data, 'no-web'), TELUSUR_LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const base = await until('the server to listen', async () => /ready: (http:\/\/localhost:\d+)\//.exec(out)?.[1], 40_000);
      // The line after "ready" is a separate write: it may arrive a poll later.
      await until('the monitoring line', async () => (out.includes('monitoring sources from') ? true : undefined), 10_000);
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@telusur.local', password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const alerts = await until('alerts from the feed', async () => {
        const items = ((await (await fetch(`${base}/api/v1/alerts`, { headers: { cookie } })).json()) as { items: Array<{ source: string; label: string }> }).items;
        return items.length > 0 ? items : undefined;
      });
      expect(alerts.every((a) => a.source === 'forum-rss')).toBe(true);
      expect(alerts.map((a) => a.label)).toContain('offer');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(data, { recursive: true, force: true });
    }
  }, 90_000);
});
