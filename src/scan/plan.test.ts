// Range planning: a file is cut into enough ranges that workers finish together, each range ends
// after a newline, and the ranges cover the file exactly.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planFile, rangeBytesFor, RANGE_BYTES } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planFile', () => {
  it('sizes ranges so that a 50 MB dump keeps two workers busy to the end, and a 2 GB one stays within the range cap', () => {
    // 32 MB + 18 MB ranges left one worker alone for the last 14 MB.
    expect(Math.ceil(50e6 / rangeBytesFor(50e6))).toBeGreaterThanOrEqual(12);
    expect(rangeBytesFor(2e9)).toBe(RANGE_BYTES);
    expect(rangeBytesFor(100_000)).toBe(4 << 20);
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
    expect(plan.ranges.length).toBe(3);
    expect(plan.ranges[0]![0]).toBe(0);
    expect(plan.ranges.at(-1)![1]).toBe(size);
    const text = rows.join('');
    for (let r = 1; r < plan.ranges.length; r++) {
      expect(plan.ranges[r]![0]).toBe(plan.ranges[r - 1]![1]);
      expect(text[plan.ranges[r]![0] - 1]).toBe('\n');
    }
  });
});
