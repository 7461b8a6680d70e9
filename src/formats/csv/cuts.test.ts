// Record-exact cuts: every cut is where a record starts, whatever the quoting, the block size or
// an unbalanced quote; ranges read separately give the fields of the whole file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, memorySource, prepareState, readRange, utf8 } from '../testing.js';
import { csvReader } from './csv.js';
import type { CsvState } from './csv.js';
import { recordCuts } from './cuts.js';

// A quote inside an unquoted cell (`5" layar`) stays bare: readers take it as a literal byte.
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const quote = (s: string) => (/[,\n\r]/.test(s) || s.startsWith('"') ? `"${s.replace(/"/g, '""')}"` : s);

/** A table as a quoting writer lays it out, with the offset where each record starts. */
function table(rows: string[][]): { text: string; recordStarts: Set<number> } {
  let text = 'id,alamat,catatan\n';
  const recordStarts = new Set<number>();
  for (const row of rows) {
    recordStarts.add(Buffer.byteLength(text));
    text += row.map(quote).join(',') + '\n';
  }
  return { text, recordStarts };
}

describe('recordCuts', () => {
  it('property: cuts fall on record starts, and ranges read apart give the whole file\'s fields', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', 'é'), maxLength: 14 });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 4, max: 64 }),
      async (rows, rangeBytes, blockBytes) => {
        const { text, recordStarts } = table([['1', 'Jl. A\nRT 1', 'x'], ...rows]);
        const bytes = utf8(text);
        const state = await prepareState(csvReader, bytes) as CsvState;
        // Range lengths vary along the file, as the scan's shrinking last ranges do.
        const lengthAt = (offset: number) => 1 + (offset % rangeBytes);
        const cuts = await all(recordCuts(memorySource(bytes), { delimiter: 44, start: state.headerEnd, rangeBytes: lengthAt, limit: 1 << 20, blockBytes }));
        for (const cut of cuts) expect(recordStarts.has(cut)).toBe(true);
        expect(cuts).toEqual([...cuts].sort((a, b) => a - b));
        const bounds = [0, ...cuts, bytes.length];
        const apart = bounds.slice(1).flatMap((end, i) => fieldLines(readRange(csvReader, state, bytes, bounds[i]!, end)));
        expect(apart).toEqual(fieldLines(readRange(csvReader, state, bytes)));
      },
    ), { numRuns: 300 });
  });

  it('cuts about every rangeBytes, at the first newline outside quotes', async () => {
    const { text, recordStarts } = table(Array.from({ length: 200 }, (_, i) => [String(i), `Jl. Contoh ${i}\nRT 0${i % 9}/RW 01`, `"kutip" ${i}`]));
    const bytes = utf8(text);
    const cuts = await all(recordCuts(memorySource(bytes), { delimiter: 44, start: 18, rangeBytes: () => 1000, limit: 1 << 20 }));
    expect(cuts.length).toBeGreaterThan(6);
    let from = 0;
    for (const cut of cuts) {
      expect(recordStarts.has(cut)).toBe(true);
      expect(cut - from).toBeGreaterThanOrEqual(1000);
      expect(cut - from).toBeLessThan(1100);
      from = cut;
    }
  });

  it('treats a quote left open past the record limit as a literal, as the reader does, and cuts after it', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${i},warga${i}@contoh.test,"catatan\n${i}"`).join('\n');
    const text = `id,email,catatan\n0,"terbuka\n${rows}\n`;
    const bytes = utf8(text);
    const cuts = await all(recordCuts(memorySource(bytes), { delimiter: 44, start: 17, rangeBytes: () => 500, limit: 256, blockBytes: 100 }));
    expect(cuts.length).toBeGreaterThan(10);
    for (const cut of cuts.slice(1)) expect(text.slice(cut)).toMatch(/^\d+,warga/);
  });

  it('walks back over a run of doubled quotes longer than the record limit, across blocks, and cuts at records after it', async () => {
    // The walk passes the run twice (quoted, then as literal bytes); it once searched the rest of
    // the block for a newline at each quote of it: a 10 MB run took over a minute.
    const rows = Array.from({ length: 300 }, (_, i) => `${i},warga${i}\n`).join('');
    const text = `id,nama\n"${'""'.repeat(2000)}",x\n${rows}`;
    const bytes = utf8(text);
    const state = await prepareState(csvReader, bytes) as CsvState;
    const cuts = await all(recordCuts(memorySource(bytes), { delimiter: 44, start: 8, rangeBytes: () => 700, limit: 1000, blockBytes: 300 }));
    expect(cuts.length).toBeGreaterThan(5);
    for (const cut of cuts) expect(text.slice(cut)).toMatch(/^\d+,warga/);
    const bounds = [0, ...cuts, bytes.length];
    const apart = bounds.slice(1).flatMap((end, i) => fieldLines(readRange(csvReader, { ...state, maxRecordBytes: 1000 }, bytes, bounds[i]!, end)));
    expect(apart).toEqual(fieldLines(readRange(csvReader, { ...state, maxRecordBytes: 1000 }, bytes)));
  });

  it('walks a file whose head quotes nothing, with a multi-line field deep inside', async () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `${i},Warga ${i}\n`).join('');
    const text = `id,nama\n${plain}3000,"Jl. Baru\nRT 1"\n${plain}`;
    const bytes = utf8(text);
    const state = await prepareState(csvReader, bytes, 4096);
    // The first cut's target falls inside the late multi-line field: a newline cut would start at "RT 1".
    const target = text.indexOf('Jl. Baru');
    expect(target).toBeGreaterThan(4096);
    const cuts = await all(csvReader.cuts!(state, memorySource(bytes), () => target));
    expect(cuts[0]).toBe(text.indexOf('RT 1"\n') + 6);
    expect(cuts.every((c) => text[c - 1] === '\n' && /^\d+,/.test(text.slice(c)))).toBe(true);
  });

  it('starts after a byte-order mark when the file has no header row', async () => {
    const text = '\ufeff"a\nb",1\n"c\nd",2\n"e\nf",3\n';
    const bytes = utf8(text);
    const state = await prepareState(csvReader, bytes) as CsvState;
    expect(state.header).toBeNull();
    const cuts = await all(csvReader.cuts!(state, memorySource(bytes), () => 2));
    expect(cuts).toEqual([text.indexOf('"c') + 2, text.indexOf('"e') + 2]); // + 2: the mark is 3 bytes, 1 character
  });
});
