import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/open.js';
import { startFixtureInternet } from '../monitor/sources/fixture-internet.js';
import { parsePostsArgs } from './posts.js';

const cwd = new URL('../..', import.meta.url).pathname;
const script = (args: string[]) => `import('./src/cli/main.ts').then((m) => m.main(${JSON.stringify(args)})).then((c) => { process.exitCode = c; })`;

function telusur(args: string[], input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script(args)], { input, encoding: 'utf8', cwd });
}

/** Asynchronous, so the fixture server in this process keeps answering the child. */
function telusurAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script(args)], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('telusur posts', () => {
  it('parses its options and names bad ones', () => {
    expect(parsePostsArgs(['classify'])).toEqual({ subcommand: 'classify', scanPii: true });
    expect(parsePostsArgs(['classify', '--no-pii'])).toMatchObject({ scanPii: false });
    expect(parsePostsArgs(['sort'])).toMatch(/unknown sub-command: sort/);
    expect(parsePostsArgs(['classify', '--as-of', '2024-13-45'])).toMatch(/--as-of/);
    expect(parsePostsArgs(['poll'])).toMatch(/--sources FILE is required/);
    expect(parsePostsArgs(['poll', '--sources', 's.json', '--socks5', 'tor'])).toMatch(/HOST:PORT/);
    expect(parsePostsArgs(['poll', '--sources', 's.json', '--allow', '127.0.0.1, fixture.local', '--socks5', '127.0.0.1:9050'])).toEqual({
      subcommand: 'poll', sourcesFile: 's.json', once: false, allow: ['127.0.0.1', 'fixture.local'], socks5: { host: '127.0.0.1', port: 9050 },
    });
  });

  it('classifies NDJSON from stdin and exits 1 when a line fails', () => {
    const ok = telusur(['posts', 'classify'], '{"id":"a","text":"READY KTP + SELFIE HD fresh, minat PM"}\n');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim())).toMatchObject({ id: 'a', label: 'offer' });
    const bad = telusur(['posts', 'classify'], '{"id":"a","text":"halo"}\nnope\n');
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(2);
    expect(bad.stderr).toMatch(/1 of 2 lines failed/);
  });

  it('poll --once fetches the sources into alerts; without the allow-list the SSRF guard stops it', async () => {
    const net = await startFixtureInternet();
    const dir = mkdtempSync(join(tmpdir(), 'telusur-poll-'));
    try {
      const sourcesFile = join(dir, 'sources.json');
      writeFileSync(sourcesFile, JSON.stringify([{ id: 'forum', kind: 'rss', url: `${net.base}/forum/syndication.php` }]));
      const env = { TELUSUR_DATA: dir, TELUSUR_KEY: 'ab'.repeat(32), DATABASE_URL: '' };
      const blocked = await telusurAsync(['posts', 'poll', '--sources', sourcesFile, '--once'], env);
      expect(blocked.status).toBe(1);
      expect(blocked.stderr).toMatch(/internal address blocked/);
      const ok = await telusurAsync(['posts', 'poll', '--sources', sourcesFile, '--once', '--allow', '127.0.0.1'], env);
      expect(ok.stderr).toMatch(/forum: 3 item, 2 alert/);
      expect(ok.status).toBe(0);
      const db = await openDatabase({ dataDir: dir });
      try {
        expect(await db.query('SELECT external_id FROM alerts ORDER BY id')).toEqual([{ external_id: 'thread-1' }, { external_id: 'thread-2' }]);
      } finally {
        await db.close();
      }
    } finally {
      await net.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 2 on a usage error', () => {
    expect(telusur(['posts', 'frobnicate'], '').status).toBe(2);
  });
});
