// SQL range cuts: every cut is a statement start or a COPY row start, whatever the strings hold
// or the block size, and ranges read apart give the fields of the whole dump.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, memorySource, prepareState, readRange, utf8 } from '../testing.js';
import { prepareSql, type SqlState } from './prepare.js';
import { endsBeforeStatement, followsStatementEnd, sqlCuts } from './cuts.js';
import { sqlReader } from './sql.js';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const HEAD = "SET standard_conforming_strings = on;\nCREATE TABLE public.warga (\n    id integer,\n    alamat text,\n    catatan text\n);\n";
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A pg_dump --inserts dump (one INSERT per row, line breaks kept in strings), with its statement starts. */
function insertsDump(rows: string[][], copyRows: string[] = []): { text: string; starts: Set<number> } {
  let text = HEAD;
  const starts = new Set([HEAD.indexOf('CREATE')]);
  rows.forEach((row, i) => {
    starts.add(Buffer.byteLength(text));
    text += `INSERT INTO public.warga VALUES (${i}, ${row.map(literal).join(', ')});\n`;
  });
  if (copyRows.length) {
    starts.add(Buffer.byteLength(text));
    text += 'COPY public.warga (id, alamat, catatan) FROM stdin;\n';
    for (const row of [...copyRows, '\\.']) {
      starts.add(Buffer.byteLength(text));
      text += `${row}\n`;
    }
  }
  return { text, starts };
}

async function cutsOf(bytes: Uint8Array, rangeBytes: number, blockBytes?: number) {
  const state = await prepareState(sqlReader, bytes) as SqlState;
  // Range lengths vary along the dump, as the scan's shrinking last ranges do.
  const lengthAt = (offset: number) => 1 + (offset % rangeBytes);
  const cuts = await all(sqlCuts(memorySource(bytes), state, { rangeBytes: lengthAt, ...(blockBytes ? { blockBytes } : {}) }));
  const bounds = [0, ...cuts, bytes.length];
  const apart = bounds.slice(1).flatMap((end, i) => fieldLines(readRange(sqlReader, state, bytes, bounds[i]!, end)));
  return { state, cuts, apart, whole: fieldLines(readRange(sqlReader, state, bytes)) };
}

describe('sqlCuts', () => {
  it('property: cuts fall on statement or COPY row starts, and ranges read apart give the whole dump\'s fields', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', "'", '\n', ';', '(', ')', 'é'), maxLength: 14 });
    const copyRow = fc.tuple(fc.nat(99), fc.stringMatching(/^[a-z0-9 ]{0,12}$/)).map(([id, s]) => `${id}\tJl. ${s}\\nRT 1\t${s}`);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 30 }),
      fc.array(copyRow, { maxLength: 10 }),
      fc.integer({ min: 1, max: 150 }),
      fc.integer({ min: 9, max: 64 }),
      async (rows, copyRows, rangeBytes, blockBytes) => {
        const { text: dump, starts } = insertsDump([['Jl. A\nRT 1', 'x'], ...rows], copyRows);
        const { cuts, apart, whole } = await cutsOf(utf8(dump), rangeBytes, blockBytes);
        for (const cut of cuts) expect(starts.has(cut)).toBe(true);
        expect(cuts).toEqual([...new Set(cuts)].sort((a, b) => a - b));
        expect(apart).toEqual(whole);
      },
    ), { numRuns: 300 });
  });

  it('property: a note whose lines quote SQL after a line of text gets no cut and no COPY block', async () => {
    // Before, a range started at such a line inside the string (and prepare took a quoted COPY line
    // for a COPY block up to the file's end), and read the rest of the range's quotes the wrong way round.
    // A quoted statement right after a `;` or a blank line of the note is still taken for a statement.
    const note = fc.array(fc.constantFrom('a', ' ', ',', "'", '(', ')', '\n', 'x\nINSERT INTO x VALUES (', 'x\nCOPY x (a) FROM stdin;'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(note, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 1, max: 150 }),
      async (rows, rangeBytes) => {
        const { text: dump, starts } = insertsDump(rows);
        const { state, cuts, apart, whole } = await cutsOf(utf8(dump), rangeBytes, 64);
        expect(state.copies).toEqual([]);
        for (const cut of cuts) expect(starts.has(cut), dump.slice(cut, cut + 30)).toBe(true);
        expect(apart).toEqual(whole);
      },
    ), { numRuns: 300 });
  });

  it('a statement line may follow a `;`, a blank line, a comment, a COPY terminator or the start, not a line of text', () => {
    const follows = (before: string) => followsStatementEnd(utf8(`${before}\nINSERT INTO t VALUES (1);`), utf8(before).length + 1);
    for (const before of ['SELECT 1;', 'SELECT 1; \r', 'x\n', 'x\n  \t', '-- Data for Name: warga', 'x\n  # catatan', '\\.', '/*!40000 ALTER TABLE `t` DISABLE KEYS */', '']) {
      expect(follows(before), before).toBe(true);
    }
    for (const before of ["'lihat baris", 'x;\ny', '\\.x', `-${'-'.repeat(2000)}x`]) expect(follows(before), before).toBe(false);
  });

  it("never cuts at a string's line that quotes SQL after a `;` line (the row's later values lost their column)", async () => {
    const note = (i: number) => `INSERT INTO catatan VALUES (${i}, 'Rapat RT;\nINSERT INTO warga VALUES (''3171014507900003'');\nselesai', 'warga${i}@contoh.test');\n`;
    const text = Array.from({ length: 50 }, (_, i) => note(i)).join('');
    for (const rangeBytes of [37, 53, 71, 97]) {
      const { cuts, apart, whole } = await cutsOf(utf8(text), rangeBytes);
      expect(cuts.length).toBeGreaterThan(10);
      for (const cut of cuts) expect(text.slice(cut, cut + 20)).toBe('INSERT INTO catatan ');
      expect(apart).toEqual(whole);
    }
  });

  it('a candidate statement ends where a statement, a comment or the end follows it, or runs past what was read', () => {
    const ends = (text: string) => endsBeforeStatement(utf8(text), true);
    expect(["INSERT INTO t VALUES (1);\nUPDATE t SET a=1;", "INSERT INTO t VALUES ('a;b');\n-- x", 'INSERT [t] VALUES (1)\nGO', 'INSERT INTO t VALUES (1);', "INSERT INTO t VALUES ('open",
      'COPY t (a) FROM stdin;\n1\tx', 'INSERT INTO t VALUES (1)\nINSERT INTO t VALUES (2)'].map(ends)).toEqual([true, true, true, true, true, true, true]);
    expect(["INSERT INTO warga VALUES (''1'');\nselesai', 'x');", 'INSERT INTO t VALUES (1);\n(2)'].map(ends)).toEqual([false, false]);
  });

  it('never starts a range inside a string with line breaks, where a newline cut would', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`Jl. Melati ${i},\nRT 0${i % 9}/RW 01;\n(belakang) 'pasar'`, `warga${i}@contoh.test`]);
    const { text, starts } = insertsDump(rows);
    const bytes = utf8(text);
    const { cuts, apart, whole } = await cutsOf(bytes, 2000);
    expect(cuts.length).toBeGreaterThan(10);
    for (const cut of cuts) expect(starts.has(cut)).toBe(true);
    expect(apart).toEqual(whole);
    // What this replaces: cutting at the first newline after each 2000 bytes reads other fields.
    const state = await prepareState(sqlReader, bytes);
    const naive: number[] = [];
    for (let at = 2000; at < bytes.length; at = naive[naive.length - 1]! + 2000) naive.push(text.indexOf('\n', at) + 1);
    const bounds = [0, ...naive.filter((c) => c > 0), bytes.length];
    const naiveApart = bounds.slice(1).flatMap((end, i) => fieldLines(readRange(sqlReader, state, bytes, bounds[i]!, end)));
    expect(naiveApart).not.toEqual(whole);
  });

  it('cuts at indented statements too', async () => {
    // Before, only a keyword at the line's first byte started a statement: an indented dump got no cut.
    const rows = Array.from({ length: 300 }, (_, i) => `  INSERT INTO public.warga VALUES (${i}, 'Jl. Melati ${i},\nRT 01', 'warga${i}@contoh.test');\n`);
    const text = HEAD + rows.join('');
    const starts = new Set([HEAD.indexOf('CREATE'), ...rows.map((_, i) => HEAD.length + rows.slice(0, i).join('').length)]);
    const { cuts, apart, whole } = await cutsOf(utf8(text), 2000);
    expect(cuts.length).toBeGreaterThan(10);
    for (const cut of cuts) expect(starts.has(cut), text.slice(cut, cut + 20)).toBe(true);
    expect(apart).toEqual(whole);
  });

  it('cuts inside COPY data at row starts', async () => {
    const copyRows = Array.from({ length: 500 }, (_, i) => `${i}\tJl. Mawar ${i}\\nRT 02\tcatatan ${i}`);
    const { text, starts } = insertsDump([['Jl. A', 'x']], copyRows);
    const { state, cuts, apart, whole } = await cutsOf(utf8(text), 1000);
    const [dataStart, dataEnd] = state.copies[0]!;
    expect(cuts.filter((c) => c > dataStart && c < dataEnd).length).toBeGreaterThan(10);
    for (const cut of cuts) expect(starts.has(cut)).toBe(true);
    expect(apart).toEqual(whole);
  });

  it('property: an INSERT longer than the statement search is cut between its rows, and the ranges keep its columns', async () => {
    // Before, the cut fell on a newline or any byte inside it, and the range after it read the rest
    // of the statement as free text (mysqldump writes one 50 MB INSERT with a large net_buffer_length).
    const text = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', "\\'", "''", '\\\\', '),(', ';', '\n', '"'), maxLength: 12 });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(text, fc.boolean()), { minLength: 20, maxLength: 80 }),
      fc.integer({ min: 40, max: 300 }),
      async (rows, rangeBytes) => {
        const head = 'CREATE TABLE `warga` (\n  `id` int,\n  `catatan` text\n);\nINSERT INTO `warga` VALUES ';
        const starts = new Set<number>([0, head.indexOf('INSERT')]);
        let dump = head;
        rows.forEach(([note, newline], i) => {
          if (i > 0) dump += newline ? ',\n' : ',';
          starts.add(Buffer.byteLength(dump));
          dump += `(${i},'${note}')`;
        });
        dump += ';\nUNLOCK TABLES;\n';
        starts.add(dump.length - 'UNLOCK TABLES;\n'.length);
        const bytes = utf8(dump);
        const state = await prepareSql(memorySource(bytes), bytes, 30);
        const cuts = await all(sqlCuts(memorySource(bytes), state, { rangeBytes: () => rangeBytes, statementSearch: rangeBytes }));
        expect(cuts.length).toBeGreaterThan(0);
        for (const cut of cuts) expect(starts.has(cut), dump.slice(cut, cut + 20)).toBe(true);
        const bounds = [0, ...cuts, bytes.length];
        const apart = bounds.slice(1).flatMap((end, i) => fieldLines(readRange(sqlReader, state, bytes, bounds[i]!, end)));
        expect(apart).toEqual(fieldLines(readRange(sqlReader, state, bytes)));
        expect(apart.filter((f) => f.startsWith('warga.id=')).length).toBe(rows.length);
      },
    ), { numRuns: 200 });
  });

  it('falls back to a newline when one statement is longer than a range', async () => {
    const tuples = Array.from({ length: 200 }, (_, i) => `(${i}, 'Jl. Kenanga ${i}', 'x')`).join(',\n');
    const text = `${HEAD}INSERT INTO public.warga VALUES\n${tuples};\n`;
    const bytes = utf8(text);
    const state = await prepareState(sqlReader, bytes) as SqlState;
    const cuts = await all(sqlCuts(memorySource(bytes), state, { rangeBytes: () => 500, statementSearch: 500 }));
    expect(cuts.length).toBeGreaterThan(5);
    for (const cut of cuts) expect(text[cut - 1]).toBe('\n');
  });
});
