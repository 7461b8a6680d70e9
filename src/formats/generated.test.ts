// The readers against the repo's test-data generator: every dump format it writes is detected
// as the right format, parses without warnings, and yields named columns (not free text) where
// the format has names. Regression: JSON arrays with one object per line were taken for NDJSON,
// Java log lines (a comma in every timestamp) for two-column CSV, and a PostgreSQL dump mixing
// COPY blocks and INSERTs lost its columns (two SIMD indexes sharing memory, a stale INSERT head).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDump } from '../../test-data/generator/dump.js';
import { detectFormat } from './index.js';
import { fieldLines, memorySource, readRange } from './testing.js';

const EXPECTED = { csv: 'csv', tsv: 'tsv', json: 'json', ndjson: 'ndjson', mysql: 'sql', postgres: 'sql', text: 'text', log: 'text' } as const;

let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'telusur-formats-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe.each(Object.entries(EXPECTED))('generated %s dumps', (format, expected) => {
  it.each([1, 2, 3])('seed %i: detected as ' + expected + ', read without warnings', async (seed) => {
    const { path } = await generateDump({ format: format as keyof typeof EXPECTED, rows: 1000, seed, path: join(dir, `dump-${seed}.${format}`) });
    const bytes = await readFile(path);
    const reader = detectFormat(bytes.subarray(0, 65536), path);
    expect(reader.format).toBe(expected);
    const state = await reader.prepare(memorySource(bytes), bytes.subarray(0, 65536));
    // Chunks of 64 KB plus odd cuts: several statements, blocks and chunk edges per run.
    const cuts = [1000, 5000, 5001, ...Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, k) => k * 65536 + 777)];
    const result = readRange(reader, state, bytes, 0, bytes.length, cuts);
    expect(result.warnings).toEqual([]);
    // One chunk for the whole file (long runs inside one buffer) must agree with the 64 KB chunks.
    if (seed === 1) expect(fieldLines(readRange(reader, state, bytes))).toEqual(fieldLines(result));
    expect(result.records).toBeGreaterThanOrEqual(1000);
    const named = result.fields.filter((f) => f.column !== null).length;
    if (expected === 'text') expect(named).toBe(0);
    else expect(named / result.fields.length).toBeGreaterThan(0.99);
  });
});
