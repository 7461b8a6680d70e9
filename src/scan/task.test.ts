import fc from 'fast-check';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAsOf } from '../engine/as-of.js';
import { ScanStats } from '../engine/stats/scan-stats.js';
import { PLAN_HERE, planFile } from './plan.js';
import { runTask, TextChunks, type ScanTask, type TaskEvents } from './task.js';

describe('TextChunks', () => {
  it('property: the chunks handed on hold exactly the lines, newline-terminated, in order', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 })), fc.integer({ min: 1, max: 64 }), (lines, chunkBytes) => {
      const chunks: Uint8Array[] = [];
      const text = new TextChunks((bytes) => chunks.push(bytes), chunkBytes);
      for (const line of lines) text.addLine(line);
      text.flush();
      expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
      // Each chunk owns its buffer, so a worker can transfer it.
      expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    }), { numRuns: 300 });
  });
});

describe('runTask on a small file planned where it runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telusur-task-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const asOf = '2026-11-23';
  const csv = 'nik;no_hp;catatan\n3171014101900001;0812-1000-2000;"resi\n3171010101900009"\n3171010101900002;;\n';
  const files: Record<string, string | Buffer> = {
    'warga.csv': csv,
    'warga.ndjson': '{"nik":"3171014101900001","kontak":{"email":"A@Mail.co.id"}}\n',
    'warga.csv.gz': gzipSync(csv),
    'foto.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]),
    'kosong.txt': '',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const quiet: TaskEvents = { progress: () => {}, findings: () => {} };
  const task = (path: string, format: string, fields: Partial<ScanTask> = {}): ScanTask => ({
    id: 1, path, format, state: {}, start: 0, end: statSync(path).size, gzip: false, lineBase: 1, asOf, types: null, findings: null, ...fields,
  });

  it.each(Object.keys(files))('sniffs and scans %s as a task planned beforehand does', async (name) => {
    const path = join(dir, name);
    const plan = await planFile({ path, size: statSync(path).size });
    const planned = new ScanStats(parseAsOf(asOf)!), here = new ScanStats(parseAsOf(asOf)!);
    const before = plan.error
      ? null
      : await runTask(task(path, plan.format, { state: plan.state, gzip: plan.gzip, ...(plan.bytes ? { bytes: plan.bytes } : {}) }), quiet, planned);
    const result = await runTask(task(path, PLAN_HERE), quiet, here);
    expect(result.format).toBe(plan.format);
    expect(result.error).toBe(plan.error ?? before!.error);
    expect(result.bytes).toBeUndefined();
    if (before) expect({ ...result, format: undefined }).toEqual({ ...before, bytes: undefined, format: undefined });
    expect(here.state()).toEqual(planned.state());
  });

  it('finds what the file holds, and reports binary content as the plan does', async () => {
    const stats = new ScanStats(parseAsOf(asOf)!);
    const csvResult = await runTask(task(join(dir, 'warga.csv'), PLAN_HERE), quiet, stats);
    expect(csvResult).toMatchObject({ format: 'csv', records: 2, error: null });
    expect(csvResult.findings).toBeGreaterThanOrEqual(3);
    const jpeg = await runTask(task(join(dir, 'foto.jpg'), PLAN_HERE), quiet, stats);
    expect(jpeg.error).toMatch(/^BINARY: .*jpeg/);
  });

  it('reports a planned range whose file is gone, or is a folder now, as a read error of that task', async () => {
    const stats = new ScanStats(parseAsOf(asOf)!);
    const plan = await planFile({ path: join(dir, 'warga.csv'), size: csv.length });
    const read = (path: string) => runTask({ ...task(join(dir, 'warga.csv'), plan.format, { state: plan.state }), path }, quiet, stats);
    expect(await read(join(dir, 'gone.csv'))).toMatchObject({ records: 0, findings: 0, error: expect.stringMatching(/^ENOENT: /) });
    expect(await read(dir)).toMatchObject({ records: 0, findings: 0, error: expect.stringMatching(/^EISDIR: /) });
  });
});
