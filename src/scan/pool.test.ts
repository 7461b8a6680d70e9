// Which compiled worker the pool starts, and that the built command (bundled worker, relaunched
// Node) reports what the sources report on the bundled sample.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scanPaths } from './index.js';
import { workerScript } from './pool.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'telusur-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workerScript', () => {
  const here = pathToFileURL(join(dir, 'pool.js'));
  const modules = join(dir, 'worker.js'), bundle = join(dir, 'worker.bundle.js');
  const at = (path: string, seconds: number) => {
    writeFileSync(path, '');
    utimesSync(path, seconds, seconds);
  };

  it('starts the bundle when it was built with or after the modules', () => {
    at(modules, 1000);
    at(bundle, 1000);
    expect(workerScript(here).pathname).toBe(bundle);
    at(bundle, 2000);
    expect(workerScript(here).pathname).toBe(bundle);
  });

  it('starts the modules when the bundle is older (compiled without bundling) or missing', () => {
    at(modules, 3000);
    at(bundle, 2000);
    expect(workerScript(here).pathname).toBe(modules);
    rmSync(bundle);
    expect(workerScript(here).pathname).toBe(modules);
  });
});

describe('the built telusur command', () => {
  it('finds and counts what the sources do, on worker threads started from the bundle', async () => {
    const built = join(root, 'dist/src/scan/worker.bundle.js');
    expect(existsSync(built), `${built} is missing: run npm run build`).toBe(true);
    const sample = join(root, 'test-data/sample');
    const run = spawnSync(process.execPath, [join(root, 'bin/telusur.js'), 'scan', sample, '--json', '--workers', '2', '--as-of', '2026-11-23'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const cli = JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanPaths>>;
    const library = await scanPaths([sample], { asOf: '2026-11-23', workers: 0 });
    expect(cli.totals).toEqual(library.totals);
    expect(cli.files).toEqual(library.files);
  });

  it('exits at once when the scan ends before taking the worker threads started for it', () => {
    const sample = join(root, 'test-data/sample');
    const run = spawnSync(process.execPath, [join(root, 'bin/telusur.js'), 'scan', sample, '--workers', '2', '--findings', join(dir, 'f.ndjson')], {
      encoding: 'utf8', env: { ...process.env, TELUSUR_KEY: 'not-a-key' }, timeout: 20_000,
    });
    expect(run.error).toBeUndefined(); // ETIMEDOUT when the threads hold the process open
    expect(run.stderr).toMatch(/TELUSUR_KEY/);
  });
});
