import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'telusur-cli-'));
  writeFileSync(join(dir, 'warga.csv'), 'nik,no_kk\n3171014101900001,3171012301150003\n');
  process.env.TELUSUR_KEY = '11'.repeat(32);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('telusur scan arguments', () => {
  it('rejects bad options with exit 2 and a reason naming the option', async () => {
    for (const [args, reason] of [
      [['scan'], /no PATH/],
      [['scan', dir, '--as-of', '2026-02-30'], /--as-of.*2026-02-30/],
      [['scan', dir, '--workers', '0'], /--workers/],
      [['scan', dir, '--types', 'NIK,SIM'], /unknown type: SIM/],
      [['scan', dir, '--reveal'], /--reveal only applies with --findings/],
      [['scan', dir, '--frobnicate'], /frobnicate/],
      [['nonsense'], /unknown command: nonsense/],
    ] as const) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(reason);
    }
  });

  it('refuses a --findings path it cannot write, or that is one of its inputs, before reading any input', async () => {
    const input = join(dir, 'warga.csv');
    const before = readFileSync(input, 'utf8');
    for (const [findings, reason] of [
      [dir, /--findings .*: .*is a directory/],
      [join(dir, 'tidak-ada', 'temuan.ndjson'), /--findings .*tidak-ada.*: .*not found/],
      [input, /--findings .*warga\.csv: .*is also an input of this scan, not overwritten/],
    ] as const) {
      const result = await cli('scan', dir, '--findings', findings, '--workers', '1');
      expect(result.code, findings).toBe(2);
      expect(result.stderr).toMatch(reason);
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('prints its usage for --help, with exit 0', async () => {
    const help = await cli('scan', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/usage: telusur scan PATH/);
    expect((await cli('scan', '--', '--help')).code).toBe(3); // a path named "--help", which does not exist
  });
});

describe('telusur scan exit status', () => {
  it('0 when done, 1 when a --fail-on type is found, 3 when an input is unreadable', async () => {
    const done = await cli('scan', dir, '--json', '--workers', '1', '--as-of', '2026-11-23');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).totals.subjects.distinct).toBe(1);
    expect((await cli('scan', dir, '--fail-on', 'KK', '--workers', '1')).code).toBe(1);
    expect((await cli('scan', dir, '--fail-on', 'EMAIL', '--workers', '1')).code).toBe(0);
    const missing = await cli('scan', dir, join(dir, 'hilang.csv'), '--workers', '1');
    expect(missing.code).toBe(3);
    expect(missing.stdout).toMatch(/hilang\.csv: UNREADABLE/);
    // A name holding an escape sequence is shown, not obeyed by the terminal.
    const hostile = await cli('scan', join(dir, 'a\x1b]0;owned\x07\x1b[2J.csv'), '--workers', '1');
    expect(hostile.stdout).toContain('a\\x1b]0;owned\\x07\\x1b[2J.csv: UNREADABLE');
    expect([...hostile.stdout].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });

  it('prints a readable table in Indonesian and English', async () => {
    const { stdout } = await cli('scan', dir, '--workers', '1', '--as-of', '2026-11-23');
    expect(stdout).toMatch(/Orang unik \(NIK valid\) \/ distinct people: 1/);
    expect(stdout).toMatch(/NIK\s+1\s+1\s+0\s+umum \/ general/);
    expect(stdout).toContain('Provinsi teratas / top provinces: 31 Daerah Khusus Ibukota Jakarta: 1');
  });

  it('lists the links in a folder under "skipped", with exit 0', async () => {
    const folder = join(dir, 'dengan-tautan');
    mkdirSync(folder);
    symlinkSync(join(dir, 'warga.csv'), join(folder, 'tautan.csv'));
    const { code, stdout } = await cli('scan', folder, '--workers', '1');
    expect(code).toBe(0);
    expect(stdout).toContain(`Dilewati / skipped (1):\n  ${join(folder, 'tautan.csv')}: SKIPPED: tautan simbolik tidak diikuti / symbolic link not followed`);
  });
});

describe('telusur scan stopped by a signal', () => {
  it('stops cleanly on SIGINT: exit 130, the findings file closed, no lines left set aside beside it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'telusur-cli-signal-'));
    try {
      const rows = Array.from({ length: 2000 }, (_, i) => `317101410190${String(1000 + i)},Warga ${i},0812${String(10_000_000 + i)}\n`).join('');
      writeFileSync(join(folder, 'besar.csv'), 'nik,nama,no_hp\n' + rows.repeat(400));
      const findings = join(folder, 'temuan.ndjson');
      const args = ['scan', join(folder, 'besar.csv'), '--workers', '2', '--findings', findings, '--json'];
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./src/cli/main.ts').then((m) => m.main(${JSON.stringify(args)})).then((c) => { process.exitCode = c; })`], {
        cwd: new URL('../..', import.meta.url).pathname, env: { ...process.env, TELUSUR_KEY: '11'.repeat(32) },
      });
      let stderr = '', stdout = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Once findings flow, the scan is under way.
      while (!existsSync(findings) || statSync(findings).size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toMatch(/scan cancelled \(SIGINT\)/);
      expect(stdout).toBe('');
      expect(readdirSync(folder).sort()).toEqual(['besar.csv', 'temuan.ndjson']);
      const lines = readFileSync(findings, 'utf8');
      expect(lines.endsWith('\n')).toBe(true);
      for (const line of lines.trim().split('\n')) JSON.parse(line);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
