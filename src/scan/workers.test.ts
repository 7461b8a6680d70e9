import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER, defaultWorkers, estimateInputBytes, MIN_RANGE_BYTES, scanWorkerCount } from './workers.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sparse file of `bytes` bytes: no disk used. */
function file(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

describe('defaultWorkers', () => {
  it('gives a worker for every 40 MB of input begun, from one up to the cores', () => {
    expect(defaultWorkers([file('a.csv', 1000)], 8)).toBe(1);
    expect(defaultWorkers([file('b.csv', BYTES_PER_WORKER)], 8)).toBe(1);
    expect(defaultWorkers([file('c.csv', BYTES_PER_WORKER + 1)], 8)).toBe(2);
    expect(defaultWorkers([file('d.csv', 100 * BYTES_PER_WORKER)], 8)).toBe(8);
    expect(defaultWorkers([join(dir, 'missing.csv')], 8)).toBe(1);
    expect(defaultWorkers([], 2)).toBe(1);
  });

  it('counts a gzip file at three times its size', () => {
    expect(defaultWorkers([file('e.csv.gz', BYTES_PER_WORKER)], 8)).toBe(3);
    expect(defaultWorkers([file('plain.csv', BYTES_PER_WORKER)], 8)).toBe(1);
  });
});

describe('scanWorkerCount', () => {
  it('gives --workers N, but no more threads than the input has ranges for', () => {
    const tiny = file('tiny.csv', 57), big = file('big.csv', 10 * MIN_RANGE_BYTES);
    expect([scanWorkerCount([tiny], 100), scanWorkerCount([tiny], 1), scanWorkerCount([big], 100), scanWorkerCount([big], 3)]).toEqual([1, 1, 10, 3]);
    expect(scanWorkerCount([tiny, file('tiny2.csv', MIN_RANGE_BYTES)], 8)).toBe(2);
    expect(scanWorkerCount([big], undefined, 2)).toBe(defaultWorkers([big], 2));
  });
});

describe('estimateInputBytes', () => {
  it('adds up the files of folders and paths', () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'x.csv'), '12345');
    writeFileSync(join(folder, 'sub', 'y.json'), '123');
    writeFileSync(join(dir, 'z.txt'), '1');
    expect(estimateInputBytes([folder, join(dir, 'z.txt'), join(dir, 'nope')])).toBe(9);
  });

  it('stops once it has seen enough, and counts a folder of many entries as enough', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 300; i++) writeFileSync(join(many, `${i}.csv`), 'x');
    expect(estimateInputBytes([many], 1e9)).toBe(1e9);
    expect(estimateInputBytes([file('f.csv', 10), file('g.csv', 10), file('h.csv', 10)], 15)).toBe(20);
  });
});
