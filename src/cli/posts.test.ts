import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parsePostsArgs } from './posts.js';

function telusur(args: string[], input: string) {
  const script = `import('./src/cli/main.ts').then((m) => m.main(${JSON.stringify(args)})).then((c) => { process.exitCode = c; })`;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { input, encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname });
}

describe('telusur posts', () => {
  it('parses its options and names bad ones', () => {
    expect(parsePostsArgs(['classify'])).toEqual({ subcommand: 'classify', scanPii: true });
    expect(parsePostsArgs(['classify', '--no-pii'])).toMatchObject({ scanPii: false });
    expect(parsePostsArgs(['sort'])).toMatch(/unknown sub-command: sort/);
    expect(parsePostsArgs(['classify', '--as-of', '2024-13-45'])).toMatch(/--as-of/);
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

  it('exits 2 on a usage error', () => {
    expect(telusur(['posts', 'frobnicate'], '').status).toBe(2);
  });
});
