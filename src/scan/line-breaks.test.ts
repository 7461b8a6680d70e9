// Lone-CR line breaks (Excel's "CSV (Macintosh)"): every read path (in-process, a small file
// planned by its worker, ranges cut for 2 workers, gzip inflated whole or cut in a stream) must
// give exactly the findings, labels and lines of the same file with LF line breaks.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanPaths, type ScanOptions } from './index.js';
import { planFile, type FilePlan } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-cr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = Buffer.alloc(32, 7);

/** A CSV whose addresses break lines inside quotes, before the KK column that only its name tells apart. */
function csv(rows: number): string {
  const lines = ['nik,nama,alamat,no_kk,telp'];
  for (let i = 0; i < rows; i++) {
    const serial = String(i + 1).padStart(4, '0');
    lines.push(`317101410190${serial},Budi Santoso,"Jl. Contoh ${i}\nRT 01/RW 02",3171012301150${String((i % 999) + 1).padStart(3, '0')},0812${10_000_000 + i}`);
  }
  return lines.join('\n') + '\n';
}

function write(name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Each finding's line, offset (unless `offsets` is false), type, column and value hash, sorted; and the report's totals. */
async function scanned(path: string, options: ScanOptions, offsets = true): Promise<{ findings: string[]; records: number; byType: unknown }> {
  const out = `${path}.${options.workers}.${options.rangeBytes ?? 0}.ndjson`;
  const report = await scanPaths([path], { asOf: '2026-11-23', key, findingsFile: out, ...options });
  expect(report.files[0]).toMatchObject({ error: null });
  const findings = readFileSync(out, 'utf8').trim().split('\n').map((l) => {
    const f = JSON.parse(l) as Record<string, unknown>;
    return `${f.line} ${offsets ? f.offset : ''} ${f.type} ${f.field} ${f.hash}`;
  }).sort();
  return { findings, records: report.totals.records, byType: report.totals.byType };
}

async function rangeCount(plan: FilePlan): Promise<number> {
  let ranges = 0;
  if (plan.streamed) for await (const range of plan.streamed) ranges += range.bytes.length > 0 ? 1 : 0;
  else for await (const _range of plan.ranges) ranges++;
  return ranges;
}

describe('a file whose lines end with a lone CR', () => {
  const lf = csv(3000), cr = lf.replaceAll('\n', '\r');
  const lfPath = write('warga-lf.csv', lf);
  const crPath = write('warga-cr.csv', cr);
  const crGzipPath = write('warga-cr.csv.gz', gzipSync(cr));

  it('is read like its LF twin: names under nama, KKs under no_kk, each finding on its own line', async () => {
    const expected = await scanned(lfPath, { workers: 0 });
    expect(expected.records).toBe(3000);
    expect(expected.byType).toMatchObject({ PERSON_NAME: { count: 3000 }, KK: { count: 3000 }, NIK: { count: 3000 } });
    expect(expected.findings.filter((f) => f.startsWith('3 ')).length).toBeGreaterThan(0);
    expect(await scanned(crPath, { workers: 0 })).toEqual(expected);
  });

  it('is cut into ranges on 2 workers, plain and gzipped, with the LF totals and finding lines', async () => {
    expect(await rangeCount(await planFile({ path: crPath, size: cr.length }, 50_000))).toBeGreaterThan(3);
    const gzipSize = gzipSync(cr).length;
    expect(await rangeCount(await planFile({ path: crGzipPath, size: gzipSize }, 50_000))).toBeGreaterThan(3);
    const expected = await scanned(lfPath, { workers: 0 });
    expect(await scanned(crPath, { workers: 2, rangeBytes: 50_000 })).toEqual(expected);
    expect(await scanned(crGzipPath, { workers: 2, rangeBytes: 50_000 })).toEqual(expected);
    // A range as big as the file: one worker inflates the whole stream itself.
    expect(await scanned(crGzipPath, { workers: 1, rangeBytes: 1 << 30 })).toEqual(expected);
  });

  it('is planned by the worker that scans it when small, with its header found', async () => {
    const small = csv(3);
    const expected = await scanned(write('kecil-lf.csv', small), { workers: 2 });
    expect(expected.byType).toMatchObject({ PERSON_NAME: { count: 3 }, KK: { count: 3 } });
    expect(await scanned(write('kecil-cr.csv', small.replaceAll('\n', '\r')), { workers: 2 })).toEqual(expected);
  });

  it('is read like its LF twin when its rows end with LF, CRLF and CR in turn, split or gzipped', async () => {
    const endings = ['\r\n', '\r', '\n'];
    let row = 0;
    const mixed = lf.replace(/\n(?=\d)|\n$/g, () => endings[row++ % 3]!);
    const mixedPath = write('warga-campur.csv', mixed);
    const mixedGzipPath = write('warga-campur.csv.gz', gzipSync(mixed));
    const expected = await scanned(lfPath, { workers: 0 }, false);
    expect(await scanned(mixedPath, { workers: 0 }, false)).toEqual(expected);
    expect(await scanned(mixedPath, { workers: 2, rangeBytes: 50_000 }, false)).toEqual(expected);
    expect(await scanned(mixedGzipPath, { workers: 2, rangeBytes: 50_000 }, false)).toEqual(expected);
  });

  it('cuts a text file at its lone CRs into ranges with the LF twin\'s findings and lines', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `pelanggan ${i} Budi Santoso NIK 317101410190${String(i + 1).padStart(4, '0')} telp 0812${10_000_000 + i}`);
    const lfText = write('log-lf.txt', `${lines.join('\n')}\n`);
    const crText = write('log-cr.txt', `${lines.join('\r')}\r`);
    expect(await rangeCount(await planFile({ path: crText, size: readFileSync(crText).length }, 50_000))).toBeGreaterThan(3);
    expect(await scanned(crText, { workers: 2, rangeBytes: 50_000 })).toEqual(await scanned(lfText, { workers: 0 }));
  });
});
