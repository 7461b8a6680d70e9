// The scan layer end to end on real files: every read path (in-process, worker threads, split
// ranges, gzip) must agree, and bad input never loses the other files' results.
import { execFileSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaths } from './index.js';
import { planFile } from './plan.js';

const key = Buffer.alloc(32, 7);
let dir: string;
/** Outside `dir`, whose totals other tests count: dumps whose records or statements span lines. */
let multilineDir: string;
let multilineCsv: string;
let multilineSql: string;
let multilinePhpMyAdmin: string;

const header = 'id,nik,no_kk,nama,no_hp,email,catatan\n';
function row(i: number): string {
  const serial = String(i + 1).padStart(4, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  const nik = `317101${i % 2 ? Number(day) + 40 : day}0190${serial}`;
  return `${i},${nik},3171012301150${String(i % 1000).padStart(3, '0')},"Warga ${i}",0812${String(10_000_000 + i)},warga${i}@mail.co.id,"resi 3171010101900009"\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'telusur-scan-'));
  const rows = Array.from({ length: 3000 }, (_, i) => row(i)).join('');
  writeFileSync(join(dir, 'warga.csv'), header + rows);
  writeFileSync(join(dir, 'warga.csv.gz'), gzipSync(header + rows));
  // Addresses that break lines inside quotes, before the KK column that only its name tells apart.
  const multiline = Array.from({ length: 3000 }, (_, i) => row(i).replace(',3171012301150', `,"Jl. Contoh ${i}\nRT 01/RW 02",3171012301150`)).join('');
  multilineDir = mkdtempSync(join(tmpdir(), 'telusur-scan-multiline-'));
  multilineCsv = join(multilineDir, 'alamat.csv');
  writeFileSync(multilineCsv, header.replace('nik,', 'nik,alamat,') + multiline);
  // The same rows as pg_dump --inserts writes them: one INSERT per row, line breaks kept in strings.
  const ddl = 'SET standard_conforming_strings = on;\nCREATE TABLE public.warga (id integer, nik text, alamat text, no_kk text, nama text, no_hp text, email text, catatan text);\n';
  const inserts = Array.from({ length: 3000 }, (_, i) => {
    const [id, nik, kk, nama, hp, email, catatan] = row(i).trim().split(',');
    const values = [nik, `Jl. Contoh ${i}\nRT 01/RW 02`, kk, nama!.replace(/"/g, ''), hp, email, catatan!.replace(/"/g, '')];
    return `INSERT INTO public.warga VALUES (${id}, ${values.map((v) => `'${v}'`).join(', ')});\n`;
  }).join('');
  multilineSql = join(multilineDir, 'warga.sql');
  writeFileSync(multilineSql, ddl + inserts);
  // As phpMyAdmin exports: one tuple per line, a new INSERT every 100 rows.
  const tuples = Array.from({ length: 3000 }, (_, i) => {
    const [id, nik, kk, nama, hp, email, catatan] = row(i).trim().split(',');
    const tuple = `(${id}, '${nik}', 'Jl. Contoh ${i}', '${kk}', ${[nama, hp, email, catatan].map((v) => `'${v!.replace(/"/g, '')}'`).join(', ')})`;
    return i % 100 === 0 ? `INSERT INTO \`warga\` (\`id\`, \`nik\`, \`alamat\`, \`no_kk\`, \`nama\`, \`no_hp\`, \`email\`, \`catatan\`) VALUES\n${tuple}` : `,\n${tuple}`;
  }).map((t, i) => (i % 100 === 99 ? `${t};\n` : t)).join('');
  multilinePhpMyAdmin = join(multilineDir, 'phpmyadmin.sql');
  writeFileSync(multilinePhpMyAdmin, `-- phpMyAdmin SQL Dump\n${tuples}`);
  writeFileSync(join(dir, 'kosong.txt'), '');
  writeFileSync(join(dir, 'foto.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'potong.log.gz'), gzipSync('NIK 3171014101900001\n'.repeat(5000)).subarray(0, 300));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(multilineDir, { recursive: true, force: true });
});

describe('scanPaths', () => {
  it('counts people, types and records in a CSV dump', async () => {
    const report = await scanPaths([join(dir, 'warga.csv')], { workers: 0, asOf: '2026-11-23' });
    expect(report.version).toBe(1);
    expect(report.files).toEqual([{ path: join(dir, 'warga.csv'), format: 'csv', bytes: expect.any(Number), records: 3000, findings: expect.any(Number), error: null }]);
    expect(report.totals.byType.NIK).toMatchObject({ count: 3000, distinct: 3000, category: 'general' });
    // Every thousandth KK has serial 0000: labelled but invalid.
    expect(report.totals.byType.KK).toMatchObject({ count: 2997, distinct: 999, invalid: 3 });
    expect(report.totals.subjects).toMatchObject({ distinct: 3000, female: 1500, male: 1500, minors: 0, byProvince: { '31': 3000 } });
  });

  it('gives the same totals in-process, on worker threads, split into ranges and gzipped', async () => {
    const base = await scanPaths([join(dir, 'warga.csv')], { workers: 0, asOf: '2026-11-23' });
    const split = await scanPaths([join(dir, 'warga.csv')], { workers: 2, asOf: '2026-11-23', rangeBytes: 50_000 });
    const splitInProcess = await scanPaths([join(dir, 'warga.csv')], { workers: 0, asOf: '2026-11-23', rangeBytes: 50_000 });
    const gz = await scanPaths([join(dir, 'warga.csv.gz')], { workers: 1, asOf: '2026-11-23' });
    for (const other of [split, splitInProcess, gz]) {
      expect(other.totals.byType).toEqual(base.totals.byType);
      expect(other.totals.subjects).toEqual(base.totals.subjects);
      expect(other.totals.records).toBe(base.totals.records);
      expect(other.files[0]!.findings).toBe(base.totals.findings);
    }
  });

  // Dumps whose records or statements span lines, with the KK column that only its name tells
  // apart: split on 2 workers into small ranges, each must give exactly the unsplit totals.
  it.each([
    ['a CSV with line breaks in quoted fields, only between records', () => multilineCsv],
    ['a pg_dump with line breaks in strings, only between statements', () => multilineSql],
    ['a phpMyAdmin export with one tuple per line, only between statements', () => multilinePhpMyAdmin],
  ])('splits %s', async (_name, file) => {
    const base = await scanPaths([file()], { workers: 0, asOf: '2026-11-23' });
    const split = await scanPaths([file()], { workers: 2, asOf: '2026-11-23', rangeBytes: 50_000 });
    expect(base.totals.records).toBe(3000);
    expect(base.totals.byType.KK).toMatchObject({ count: 2997 });
    expect(split.totals.byType).toEqual(base.totals.byType);
    expect(split.totals.subjects).toEqual(base.totals.subjects);
    expect(split.totals.records).toBe(3000);
    expect(split.files[0]!.warnings).toBeUndefined();
  });

  // A gzip stream is inflated and cut on the main thread, its ranges' bytes handed to workers.
  it.each([
    ['a gzipped CSV with line breaks in quoted fields', () => multilineCsv, (text: string) => text],
    ['a gzipped NDJSON dump', () => multilineCsv, (text: string) => toNdjson(text)],
  ])('splits %s across workers, with the unsplit totals and finding lines', async (_name, file, shape) => {
    const text = shape(readFileSync(file(), 'utf8'));
    const plain = join(multilineDir, `plain-${text.length}.${text.startsWith('{') ? 'ndjson' : 'csv'}`);
    writeFileSync(plain, text);
    writeFileSync(`${plain}.gz`, gzipSync(text));
    const plan = await planFile({ path: `${plain}.gz`, size: gzipSync(text).length }, 50_000);
    let ranges = 0;
    for await (const range of plan.streamed!) ranges += range.bytes.length > 0 ? 1 : 0;
    expect(ranges).toBeGreaterThan(5);

    const outPlain = join(multilineDir, 'plain.ndjson'), outSplit = join(multilineDir, 'split.ndjson');
    const base = await scanPaths([plain], { workers: 0, asOf: '2026-11-23', findingsFile: outPlain, key });
    let last = { bytesDone: 0, bytesTotal: -1 };
    const split = await scanPaths([`${plain}.gz`], {
      workers: 2, asOf: '2026-11-23', rangeBytes: 50_000, findingsFile: outSplit, key, onProgress: (p) => (last = p),
    });
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(base.totals.byType.NIK).toMatchObject({ count: 3000 });
    expect(split.totals.byType).toEqual(base.totals.byType);
    expect(split.totals.subjects).toEqual(base.totals.subjects);
    expect(split.totals.records).toBe(base.totals.records);
    expect(split.files[0]).toMatchObject({ error: null, findings: base.files[0]!.findings });
    const where = (out: string) => readFileSync(out, 'utf8').trim().split('\n').map((l) => {
      const f = JSON.parse(l) as Record<string, unknown>;
      return `${f.line} ${f.offset} ${f.type} ${f.hash}`;
    }).sort();
    expect(where(outSplit)).toEqual(where(outPlain));
  });

  it('keeps the findings before the cut of a truncated gzip split across workers, and says it was cut', async () => {
    const gz = gzipSync(readFileSync(multilineCsv));
    const path = join(multilineDir, 'potong.csv.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.6)));
    let last = { bytesDone: 0, bytesTotal: -1 };
    const split = await scanPaths([path], { workers: 2, asOf: '2026-11-23', rangeBytes: 50_000, onProgress: (p) => (last = p) });
    expect(last.bytesDone).toBe(last.bytesTotal);
    // A range as big as the file: one worker inflates the whole stream itself, as before.
    const whole = await scanPaths([path], { workers: 1, asOf: '2026-11-23', rangeBytes: 1 << 30 });
    expect(split.files[0]!.error).toMatch(/^TRUNCATED/);
    expect(whole.files[0]!.error).toMatch(/^TRUNCATED/);
    expect(split.totals.byType.NIK!.count).toBeGreaterThan(1000);
    expect(split.totals.byType).toEqual(whole.totals.byType);
    expect(split.totals.records).toBe(whole.totals.records);
  });

  it('keeps every finding of a gzip followed by bytes that are not gzip, split or whole, and names what was left', async () => {
    const path = join(multilineDir, 'ekor.csv.gz');
    writeFileSync(path, Buffer.concat([gzipSync(readFileSync(multilineCsv)), Buffer.from('sampah\n')]));
    const plain = await scanPaths([multilineCsv], { workers: 0, asOf: '2026-11-23' });
    const split = await scanPaths([path], { workers: 2, asOf: '2026-11-23', rangeBytes: 50_000 });
    const whole = await scanPaths([path], { workers: 1, asOf: '2026-11-23', rangeBytes: 1 << 30 });
    for (const report of [split, whole]) {
      expect(report.files[0]!.error).toMatch(/^TRAILING: 7 byte/);
      expect(report.totals.byType).toEqual(plain.totals.byType);
      expect(report.totals.records).toBe(plain.totals.records);
    }
  });

  it('writes findings with correct lines across split ranges, masked and hashed, values only on request', async () => {
    const out = join(dir, 'findings.ndjson');
    await scanPaths([join(dir, 'warga.csv')], { workers: 2, asOf: '2026-11-23', rangeBytes: 50_000, findingsFile: out, key, types: ['NIK'] });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3000);
    const byLine = new Map(lines.map((f) => [f.line, f]));
    expect(byLine.get(2)).toMatchObject({ type: 'NIK', field: 'nik', masked: '317101********01', length: 16 });
    expect(byLine.get(3001)).toBeDefined();
    expect(lines.every((f) => !('value' in f) && /^[0-9a-f]{64}$/.test(f.hash as string))).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('3171010101900001');

    await scanPaths([join(dir, 'warga.csv')], { workers: 0, asOf: '2026-11-23', findingsFile: out, key, types: ['NIK'], reveal: true });
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!) as Record<string, unknown>;
    expect(first.value).toBe('3171010101900001');
  });

  it('writes the same findings file, in file and offset order, however many workers scan and in what order ranges finish', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'telusur-scan-order-'));
    try {
      const written: string[] = [];
      let listed: string[] = [];
      for (const workers of [0, 2]) {
        const out = join(outDir, `temuan-${written.length}.ndjson`);
        const report = await scanPaths([join(dir, 'warga.csv'), multilineDir], { workers, asOf: '2026-11-23', rangeBytes: 20_000, findingsFile: out, key });
        written.push(readFileSync(out, 'utf8'));
        listed = report.files.map((f) => f.path);
      }
      expect(written[1]).toBe(written[0]);
      const findings = written[0]!.trim().split('\n').map((l) => JSON.parse(l) as { file: string; offset: number });
      expect(findings.length).toBeGreaterThan(10_000);
      const files = [...new Set(findings.map((f) => f.file))];
      expect(files).toEqual(listed.filter((path) => files.includes(path)));
      for (let i = 1; i < findings.length; i++) {
        if (findings[i]!.file === findings[i - 1]!.file) expect(findings[i]!.offset).toBeGreaterThanOrEqual(findings[i - 1]!.offset);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('scans a pipe as it arrives (plain, gzip, or a JSON document read whole) with the totals of the file', async () => {
    const pipes = mkdtempSync(join(tmpdir(), 'telusur-scan-pipes-'));
    try {
      const csv = readFileSync(join(dir, 'warga.csv'));
      const json = Buffer.from(JSON.stringify({ data: csv.toString().trim().split('\n').slice(1).map((line) => ({ nik: line.split(',')[1] })) }));
      const pipe = (name: string, data: Buffer) => {
        const path = join(pipes, name);
        execFileSync('mkfifo', [path]);
        createWriteStream(path).end(data);
        return path;
      };
      const options = { workers: 2, asOf: '2026-11-23', rangeBytes: 20_000 };
      const file = await scanPaths([join(dir, 'warga.csv')], options);
      for (const data of [csv, gzipSync(csv)]) {
        const piped = await scanPaths([pipe(`warga-${data.length}`, data)], options);
        expect(piped.files[0]).toMatchObject({ format: 'csv', bytes: data.length, records: 3000, error: null });
        expect(piped.totals.byType).toEqual(file.totals.byType);
        expect(piped.totals.subjects).toEqual(file.totals.subjects);
      }
      const document = await scanPaths([pipe('warga-json', json)], options);
      expect(document.files[0]).toMatchObject({ format: 'json', bytes: json.length, records: 3000, error: null });
      expect(document.totals.subjects).toEqual(file.totals.subjects);
    } finally {
      rmSync(pipes, { recursive: true, force: true });
    }
  });

  it('reports each bad input with its reason and still scans the rest', async () => {
    const missing = join(dir, 'tidak-ada.csv');
    const report = await scanPaths([dir, missing], { workers: 1, asOf: '2026-11-23' });
    const byName = new Map(report.files.map((f) => [f.path.split('/').pop(), f]));
    expect(byName.get('foto.jpg')!.error).toMatch(/^BINARY: .*jpeg/);
    expect(byName.get('potong.log.gz')!.error).toMatch(/^TRUNCATED/);
    expect(byName.get('tidak-ada.csv')!.error).toMatch(/^UNREADABLE: .*not found/);
    expect(byName.get('kosong.txt')).toMatchObject({ error: null, records: 0, findings: 0 });
    expect(byName.get('warga.csv')!.error).toBeNull();
    // The truncated gzip's readable part holds one more person: findings before the cut are kept.
    expect(report.totals.subjects.distinct).toBe(3001);
  });

  it('lists the links and pipes of a folder as skipped, reads none of them, and counts no error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'telusur-scan-links-'));
    try {
      writeFileSync(join(folder, 'warga.csv'), header + row(0));
      symlinkSync(join(dir, 'warga.csv'), join(folder, 'lain.csv'));
      execFileSync('mkfifo', [join(folder, 'pipa')]);
      for (const workers of [0, 1]) {
        const report = await scanPaths([folder], { workers, asOf: '2026-11-23' });
        expect(report.files.map((f) => [f.path.slice(folder.length + 1), f.error, f.skipped])).toEqual([
          ['lain.csv', null, expect.stringMatching(/symbolic link not followed/)],
          ['pipa', null, expect.stringMatching(/pipe \(FIFO\), not a regular file/)],
          ['warga.csv', null, undefined],
        ]);
        expect(report.totals.subjects.distinct).toBe(1);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the same report when the workers take every core and plan the small files themselves', async () => {
    const missing = join(dir, 'tidak-ada.csv');
    const inProcess = await scanPaths([dir, missing], { workers: 0, asOf: '2026-11-23' });
    let last = { bytesDone: 0, bytesTotal: -1 };
    const everyCore = await scanPaths([dir, missing], { workers: availableParallelism(), asOf: '2026-11-23', onProgress: (p) => (last = p) });
    expect(everyCore.files).toEqual(inProcess.files);
    expect(everyCore.totals).toEqual(inProcess.totals);
    expect(last.bytesDone).toBe(last.bytesTotal);
  });

  it('reports an unreadable file and goes on', async () => {
    if (process.getuid?.() === 0) {
      // root reads anything: use a path whose parent is a file instead.
      const report = await scanPaths([join(dir, 'warga.csv', 'x')], { workers: 0 });
      expect(report.files[0]!.error).toMatch(/^UNREADABLE/);
      return;
    }
    const locked = join(dir, 'locked.csv');
    writeFileSync(locked, header);
    chmodSync(locked, 0);
    const report = await scanPaths([locked], { workers: 0 });
    expect(report.files[0]!.error).toMatch(/permission denied/);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scanPaths([dir], { workers: 1, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});

/** The CSV rows (quoted fields may hold line breaks) as NDJSON objects keyed by the header. */
function toNdjson(csv: string): string {
  const [head, ...records] = csv.split(/\n(?=\d+,)/);
  const names = head!.split(',');
  return records.map((record) => {
    const cells = record.trim().match(/"[^"]*"|[^,]+|(?<=,)(?=,)/g) ?? [];
    return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').replace(/^"|"$/g, '')]))) + '\n';
  }).join('');
}
