// The readers against the repo's test-data generator: every dump format it writes is detected
// as the right format, parses without warnings, and yields named columns (not free text) where
// the format has names. Regression: JSON arrays with one object per line were taken for NDJSON,
// and Java log lines (a comma in every timestamp) for two-column CSV.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDump } from '../../test-data/generator/dump.js';
import { detectFormat } from './index.js';
import { memorySource, readRange } from './testing.js';

const EXPECTED = { csv: 'csv', tsv: 'tsv', json: 'json', ndjson: 'ndjson', mysql: 'sql', postgres: 'sql', text: 'text', log: 'text' } as const;

let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'telusur-formats-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe.each(Object.entries(EXPECTED))('generated %s dumps', (format, expected) => {
  it.each([1, 2, 3])('seed %i: detected as ' + expected + ', read without warnings', async (seed) => {
    const { path } = await generateDump({ format: format as keyof typeof EXPECTED, rows: 400, seed, path: join(dir, `dump-${seed}.${format}`) });
    const bytes = await readFile(path);
    const reader = detectFormat(bytes.subarray(0, 65536), path);
    expect(reader.format).toBe(expected);
    const state = await reader.prepare(memorySource(bytes), bytes.subarray(0, 65536));
    const result = readRange(reader, state, bytes, 0, bytes.length, [1000, 5000, 5001, 20000]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toBeGreaterThanOrEqual(400);
    const named = result.fields.filter((f) => f.column !== null).length;
    if (expected === 'text') expect(named).toBe(0);
    else expect(named / result.fields.length).toBeGreaterThan(0.99);
  });
});
