// Range planning: a file is cut into enough ranges that workers finish together, each range ends
// after a newline (after a record, where quoted fields break lines), and the ranges cover the file
// exactly.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineCutIn, planFile, rangeBytesFor, rangeSchedule, RANGE_BYTES, type FilePlan } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rangesOf(plan: FilePlan): Promise<[number, number][]> {
  const ranges: [number, number][] = [];
  for await (const range of plan.ranges) ranges.push(range);
  return ranges;
}

function expectCover(ranges: [number, number][], size: number): void {
  expect(ranges[0]![0]).toBe(0);
  expect(ranges.at(-1)![1]).toBe(size);
  for (let r = 1; r < ranges.length; r++) expect(ranges[r]![0]).toBe(ranges[r - 1]![1]);
}

describe('planFile', () => {
  it('sizes ranges so that a 50 MB dump keeps two workers busy to the end, and a 2 GB one stays within the range cap', () => {
    // 32 MB + 18 MB ranges left one worker alone for the last 14 MB.
    expect(Math.ceil(50e6 / rangeBytesFor(50e6))).toBeGreaterThanOrEqual(12);
    expect(rangeBytesFor(2e9)).toBe(RANGE_BYTES);
    expect(rangeBytesFor(100_000)).toBe(4 << 20);
  });

  it('keeps full ranges until the last few, which shrink to 1 MB so that workers finish together', () => {
    const MB = 1 << 20, size = 512 * MB;
    const lengthAt = rangeSchedule(size, 8 * MB);
    const lengths: number[] = [];
    for (let offset = 0; offset < size; offset += lengths[lengths.push(lengthAt(offset)) - 1]!);
    expect(lengths.slice(0, 60).every((n) => n === 8 * MB)).toBe(true);
    expect(lengths.filter((n) => n < 8 * MB).length).toBeLessThan(16);
    expect(lengths.slice(-3)).toEqual([MB, MB, MB]);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBeLessThanOrEqual(lengths[i - 1]!);
    // Ranges shorter than 1 MB stay as they are: tests cut tiny files into tiny ranges.
    expect(rangeSchedule(10_000, 1000)(9_500)).toBe(1000);
  });

  it('cuts a 9 MB CSV into line-aligned ranges that cover it exactly', async () => {
    const path = join(dir, 'warga.csv');
    const line = (i: number) => `${i},317101${String(i % 10_000).padStart(10, '0')},Warga ${i}\n`;
    const rows: string[] = ['id,nik,nama\n'];
    for (let i = 0, size = 0; size < 9e6; i++) size += (rows[rows.push(line(i)) - 1]!).length;
    writeFileSync(path, rows.join(''));
    const size = statSync(path).size;
    const plan = await planFile({ path, size });
    expect(plan.error).toBeUndefined();
    const ranges = await rangesOf(plan);
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    expectCover(ranges, size);
    const text = rows.join('');
    for (const [start] of ranges.slice(1)) expect(text[start - 1]).toBe('\n');
  });

  it('cuts a CSV whose quoted fields break lines only where records start', async () => {
    const path = join(dir, 'alamat.csv');
    const rows: string[] = ['id,alamat,email\n'];
    const recordStarts = new Set<number>();
    for (let i = 0, size = rows[0]!.length; size < 9e6; i++) {
      recordStarts.add(size);
      size += (rows[rows.push(`${i},"Jl. Contoh ${i},\nRT 01/RW 02",warga${i}@contoh.test\n`) - 1]!).length;
    }
    writeFileSync(path, rows.join(''));
    const size = statSync(path).size;
    const ranges = await rangesOf(await planFile({ path, size }));
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    expectCover(ranges, size);
    for (const [start] of ranges.slice(1)) expect(recordStarts.has(start)).toBe(true);
  });

  it('cuts a line longer than the search window where no identifier is split', () => {
    const bytes = (text: string) => Buffer.from(text);
    expect(lineCutIn(bytes('3171014501900001 a\tb\nc'))).toBe(21);
    expect(lineCutIn(bytes('3171014501900001 3171014501900002,3171014501900003'))).toBe(34);
    expect(lineCutIn(bytes('3171014501900001 3171014501900002'))).toBe(17);
    expect(lineCutIn(bytes('31710145019000013171014501900002'))).toBe(32);
    expect(lineCutIn(bytes('3271040506925320&nik=3271040506925321'))).toBe(17);
    expect(lineCutIn(bytes('3271040506925320xy3271040506925321'))).toBe(17);
    // Never inside a \u escape (was after its backslash: "u0027" + NIK read as a 20-digit run in the next range).
    expect(lineCutIn(bytes('nik\\u00273171014501900001 x'))).toBe(3);
    // Never inside a UTF-8 character: this window has no safe cut.
    expect(lineCutIn(bytes('3271040506925320\u00e9\u00e93271040506925321'))).toBe(36);
  });

  it('keeps a line whole when it ends within two ranges of the cut, and cuts longer ones', async () => {
    const path = join(dir, 'baris-panjang.ndjson');
    const long = `{"nama":"${'Budi, Siti; '.repeat(210_000)}"}\n`; // 2.5 MB: past a 1 MB range and 1 MB search
    writeFileSync(path, `{"a":1}\n${long}${'{"b":2}\n'.repeat(300_000)}`);
    const size = statSync(path).size;
    const lineStarts = new Set([0, 8, 8 + long.length]);
    const ranges = await rangesOf(await planFile({ path, size }, 1 << 20));
    expectCover(ranges, size);
    expect(ranges.length).toBeGreaterThan(1);
    for (const [start] of ranges.slice(1)) expect(lineStarts.has(start) || (start - 8 - long.length) % 8 === 0).toBe(true);
    const cut = await rangesOf(await planFile({ path, size }, 1 << 19));
    expect(cut.some(([start]) => start > 8 && start < 8 + long.length)).toBe(true);
  });

  it('keeps every NIK of a 10 MB text file on one line, which is cut into ranges', async () => {
    const nik = '3171014501900001';
    const path = join(dir, 'satu-baris.txt');
    writeFileSync(path, `${nik} `.repeat(600_000));
    const plan = await planFile({ path, size: statSync(path).size });
    const ranges = await rangesOf(plan);
    expect(ranges.length).toBeGreaterThan(2);
    // Each cut falls after a space, so every range holds whole NIKs.
    for (const [start] of ranges.slice(1)) expect(start % (nik.length + 1)).toBe(0);
  });

  it('reports a file that vanished before its ranges were walked as a read error', async () => {
    const path = join(dir, 'hilang.csv');
    writeFileSync(path, 'id,alamat\n' + '1,"Jl. A\nRT 1"\n'.repeat(400_000));
    const plan = await planFile({ path, size: statSync(path).size }, 1 << 20);
    rmSync(path);
    await expect(rangesOf(plan)).rejects.toThrow(/ENOENT/);
  });
});
