import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER } from '../scan/workers.js';
import { relaunch, relaunchEnv, relaunchStdio, scanWorkers, v8FlagsFor } from './launch.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('v8FlagsFor', () => {
  const inline = ['--no-concurrent-recompilation', '--single-threaded-gc'];

  it('asks for inline background work only when a scan\'s workers take every core', () => {
    const dump = join(dir, 'dump.csv');
    writeFileSync(dump, '');
    truncateSync(dump, BYTES_PER_WORKER); // sparse: ranges for many workers, no disk used
    expect(v8FlagsFor(['scan', dump, '--workers', '2'], 2, {}, [])).toEqual(inline);
    expect(v8FlagsFor(['scan', dump, '--workers=4'], 2, {}, [])).toEqual(inline);
    expect(v8FlagsFor(['scan', dump, '--workers', '1'], 2, {}, [])).toEqual([]);
    expect(v8FlagsFor(['scan', dump, '--workers=1'], 8, {}, [])).toEqual([]);
    expect(v8FlagsFor(['serve'], 2, {}, [])).toEqual([]);
  });

  it('gives a scan without --workers the default for its paths: no relaunch for a small input', () => {
    const small = join(dir, 'small.csv'), large = join(dir, 'large.csv');
    writeFileSync(small, 'nik\n3171014101900001\n');
    writeFileSync(large, '');
    truncateSync(large, BYTES_PER_WORKER + 1); // sparse: no disk used
    expect(v8FlagsFor(['scan', small], 2, {}, [])).toEqual([]);
    expect(v8FlagsFor(['scan', '--json', large], 2, {}, [])).toEqual(inline);
    expect(v8FlagsFor(['scan', large, '--workers', '2'], 2, {}, [])).toEqual(inline);
    expect(v8FlagsFor(['scan', small, '--workers', '2'], 2, {}, [])).toEqual([]); // one range: one thread
    expect(v8FlagsFor(['scan', small, '--workers', 'x'], 2, {}, [])).toEqual([]); // the command reports it
    // The threads the command starts before it loads the scan: as many as the scan will use, or none.
    expect([scanWorkers(['scan', small], 2), scanWorkers(['scan', large], 2), scanWorkers(['scan', large, '--workers', '3'], 2), scanWorkers(['scan', small, '--workers', '3'], 2)]).toEqual([1, 2, 3, 1]);
    expect([scanWorkers(['serve'], 2), scanWorkers(['scan', small, '--workers', 'x'], 2)]).toEqual([0, 0]);
  });

  it('never relaunches a relaunched process, nor one under a debugger', () => {
    expect(v8FlagsFor(['scan', 'dump.csv'], 2, { TELUSUR_V8_TUNED: '1' })).toEqual([]);
    expect(v8FlagsFor(['scan', 'dump.csv'], 2, {}, ['--inspect-brk'])).toEqual([]);
  });
});

describe('relaunch', () => {
  it('starts Node with the flags and the arguments, and gives back the exit status', async () => {
    const script = join(dir, 'child.mjs'), out = join(dir, 'out.json');
    writeFileSync(script, `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(out)}, JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2), tuned: process.env.TELUSUR_V8_TUNED }));
process.exitCode = 3;\n`);
    expect(await relaunch(['--single-threaded-gc'], script, ['scan', 'a b.csv'])).toBe(3);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { execArgv: string[]; args: string[]; tuned: string };
    expect(seen.execArgv).toContain('--single-threaded-gc');
    expect(seen.args).toEqual(['scan', 'a b.csv']);
    expect(seen.tuned).toBe('1');
  });

  it('marks the child as relaunched and spares it the extra CA bundle (a scan opens no TLS connection)', () => {
    const env = relaunchEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', TELUSUR_KEY: 'k' });
    expect(env).toEqual({ PATH: '/bin', TELUSUR_KEY: 'k', TELUSUR_V8_TUNED: '1' });
  });

  it('passes on the descriptors the arguments name as /dev/fd/N, as process substitution gives them', async () => {
    expect(relaunchStdio(['scan', 'a.csv', '--findings', '/dev/fd/5'])).toEqual(['inherit', 'inherit', 'inherit', 'ignore', 'ignore', 5]);
    expect(relaunchStdio(['scan', '/proc/self/fd/3', '--findings=/dev/fd/1'])).toEqual(['inherit', 'inherit', 'inherit', 3]);
    const script = join(dir, 'fd.mjs'), out = join(dir, 'fd.txt');
    writeFileSync(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], 'temuan');\n`);
    const fd = openSync(out, 'w');
    try {
      expect(await relaunch([], script, [`/dev/fd/${fd}`])).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out, 'utf8')).toBe('temuan');
  });

  it('reports a child ended by a signal as 128 + its number', async () => {
    const script = join(dir, 'killed.mjs');
    writeFileSync(script, `process.kill(process.pid, 'SIGTERM');\nsetTimeout(() => {}, 10_000);\n`);
    expect(await relaunch([], script, [])).toBe(143);
  });
});
