import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSample, SAMPLE_FILES } from './make-sample.js';

const here = dirname(fileURLToPath(import.meta.url));
const fresh = mkdtempSync(join(tmpdir(), 'telusur-sample-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));
const content = (path: string): string => {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};

describe('bundled sample (test-data/sample)', () => {
  it('is what make-sample generates from its fixed seeds, and stays under 200 KB', async () => {
    await makeSample(fresh);
    const committed = readdirSync(join(here, 'sample')).sort();
    expect(committed).toEqual(SAMPLE_FILES.map((f) => f.file).sort());
    let total = 0;
    for (const file of committed) {
      total += statSync(join(here, 'sample', file)).size;
      expect(content(join(here, 'sample', file)), file).toBe(content(join(fresh, 'sample', file)));
    }
    expect(total).toBeLessThan(200_000);
    expect(readFileSync(join(fresh, 'sample-truth.json'), 'utf8')).toBe(readFileSync(join(here, 'sample-truth.json'), 'utf8'));
  });

  it('holds a few hundred people with every target type', () => {
    const summary = JSON.parse(readFileSync(join(here, 'sample-truth.json'), 'utf8')) as { distinctPositives: Record<string, number> };
    expect(summary.distinctPositives.NIK).toBeGreaterThanOrEqual(200);
    for (const type of ['KK', 'NPWP', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'BPJS', 'HEALTH']) expect(summary.distinctPositives[type], type).toBeGreaterThan(0);
  });
});
