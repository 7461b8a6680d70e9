import { describe, expect, it } from 'vitest';
import { PostAnalyser } from './analyse.js';
import { classifyStream } from './classify-stream.js';

async function* linesOf(...lines: string[]) {
  yield* lines;
}

async function classify(...lines: string[]) {
  const out: string[] = [];
  const summary = await classifyStream(new PostAnalyser({ scanPii: false }), linesOf(...lines), (l) => { out.push(l); });
  return { summary, results: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('posts classify stream (contract v1)', () => {
  it('answers each input line in order with label, score, facts and explanation', async () => {
    const { summary, results } = await classify(
      JSON.stringify({ id: 'p1', text: 'INDONESIA BPJS TK MEMBERS DATABASE 19 MILLION' }),
      JSON.stringify({ id: 'p2', text: 'Jual motor Honda Beat 2019, surat lengkap. 11,5jt nego' }),
    );
    expect(summary).toEqual({ lines: 2, classified: 2, failed: 0 });
    expect(results.map((r) => r.id)).toEqual(['p1', 'p2']);
    const first = results[0]!;
    expect(first).toMatchObject({ version: 1, label: 'offer', facts: { recordCount: 19_000_000, victim: 'BPJS Ketenagakerjaan', price: null, bytes: null, seller: null } });
    expect(typeof first.score).toBe('number');
    expect((first.explain as string[]).length).toBeGreaterThan(1);
    expect(Object.keys(first.facts as object)).toEqual(expect.arrayContaining(['recordCount', 'bytes', 'price', 'dataTypes', 'victim', 'platform', 'seller']));
  });

  it('turns bad lines into error lines with a stable shape and carries on', async () => {
    const { summary, results } = await classify('{not json', JSON.stringify({ id: 'x' }), JSON.stringify({ text: 'no id' }), '', JSON.stringify({ id: 'ok', text: 'WTB db nasabah' }));
    expect(summary).toEqual({ lines: 4, classified: 1, failed: 3 });
    expect(results[0]).toEqual({ version: 1, id: null, line: 1, error: { code: 'invalid_json', message: expect.stringContaining('line 1') } });
    expect(results[1]).toMatchObject({ id: 'x', line: 2, error: { code: 'invalid_input' } });
    expect(results[2]).toMatchObject({ id: null, line: 3, error: { code: 'invalid_input' } });
    expect(results[3]).toMatchObject({ id: 'ok', label: 'other' });
  });

  it('never echoes the post text in an error message', async () => {
    const text = 'x'.repeat(1_000_001);
    const { results } = await classify(JSON.stringify({ id: 'big', text }));
    expect(results[0]).toMatchObject({ id: 'big', error: { code: 'text_too_long' } });
    expect(JSON.stringify(results[0]).length).toBeLessThan(400);
  });
});
