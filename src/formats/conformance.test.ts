// One tester for every reader: the same input read through every path (one chunk, byte by
// byte, random chunk cuts, two ranges split at a line boundary, UTF-16 via detectFormat) must
// yield the same fields and records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, readers } from './index.js';
import { fieldLines, memorySource, readRange, utf8, type ReadResult } from './testing.js';
import type { FileState, FormatReader } from './types.js';

interface Sample {
  format: string;
  path: string;
  text: string;
  /** First line boundary where a split range is expected to agree (after DDL, headers…). */
  splitFrom?: string;
}

const SAMPLES: Sample[] = [
  { format: 'text', path: 'app.log', text: 'login nik=3171234567890001\r\n\nhp +62 812-3456-7890 ok\nemail warga@contoh.test' },
  { format: 'csv', path: 'warga.csv', text: 'nik,nama,no_kk\n3171234567890001,"Budi, S",3171234567890009\n3171234567890002,"Siti ""S""",\n,,\n' },
  { format: 'tsv', path: 'warga.tsv', text: 'nik\tnama\temail\n3171234567890001\tBudi\tb@contoh.test\n3171234567890002\tSiti\ts@contoh.test\n3171234567890003\tAni\t\n' },
  { format: 'ndjson', path: 'api.ndjson', text: '{"nik":"3171234567890001","alamat":{"kota":"Bandung"},"hp":["0812"]}\n{"nik":"3171234567890002","x":null}\n[1,"a"]\n' },
  { format: 'json', path: 'api.json', text: '{"data":{"pasien":[{"nik":"3171234567890001","umur":30},{"nik":"3171234567890002","hp":"0812\\"x"}]}}' },
  {
    format: 'sql', path: 'dump.sql', splitFrom: 'INSERT',
    text: "-- MySQL dump\nCREATE TABLE `w` (\n  `id` int,\n  `nik` varchar(16)\n);\nINSERT INTO `w` VALUES (1,'3171234567890001'),(2,'31712345678\\'90002');\nINSERT INTO `w` VALUES (3,NULL);\n",
  },
  {
    format: 'sql', path: 'pg.sql', splitFrom: 'COPY',
    text: '-- PostgreSQL database dump\nCOPY public.w (id, nik) FROM stdin;\n1\t3171234567890001\n2\t\\N\n\\.\nINSERT INTO public.w VALUES (3, \'3171234567890003\');\n',
  },
];

function reader(format: string): FormatReader {
  return readers.find((r) => r.format === format)!;
}

async function stateOf(r: FormatReader, bytes: Uint8Array): Promise<FileState> {
  return r.prepare(memorySource(bytes), bytes);
}

function same(a: ReadResult, b: ReadResult): void {
  expect(a.fields).toEqual(b.fields);
  expect(a.records).toBe(b.records);
}

describe.each(SAMPLES)('read paths agree: $path', (sample) => {
  const bytes = utf8(sample.text);

  it('is detected as its format', () => {
    expect(detectFormat(bytes, sample.path).format).toBe(sample.format);
  });

  it('gives the same fields in one chunk, byte by byte and with random cuts', async () => {
    const r = reader(sample.format);
    const state = await stateOf(r, bytes);
    const whole = readRange(r, state, bytes);
    expect(whole.fields.length).toBeGreaterThan(0);
    same(readRange(r, state, bytes, 0, bytes.length, Array.from({ length: bytes.length }, (_, i) => i)), whole);
    fc.assert(fc.property(fc.array(fc.nat(bytes.length), { maxLength: 8 }), (cuts) => {
      same(readRange(r, state, bytes, 0, bytes.length, cuts), whole);
    }), { numRuns: 200 });
  });

  it('hands a released parser\'s buffers to the next parser, which reads the same', async () => {
    const r = reader(sample.format);
    const state = await stateOf(r, bytes);
    const first = r.createParser(state, 0);
    const fieldArray = first.push(bytes, 0).start;
    first.end();
    first.release?.();
    const second = r.createParser(state, 0);
    expect(second.push(utf8('x'), 0).start).toBe(fieldArray);
    second.release?.();
    // Every read path of this suite releases its parser: the reads agree after many reuses.
    expect(readRange(r, state, bytes, 0, bytes.length, [3, 9])).toEqual(readRange(r, state, bytes));
  });

  it('gives the same fields from two ranges split at any line boundary', async () => {
    const r = reader(sample.format);
    if (!r.splittable) {
      expect(sample.format).toBe('json');
      return;
    }
    const state = await stateOf(r, bytes);
    const whole = readRange(r, state, bytes);
    const first = sample.splitFrom ? sample.text.indexOf(sample.splitFrom) : 0;
    for (let at = sample.text.indexOf('\n', first) + 1; at > 0 && at < bytes.length; at = sample.text.indexOf('\n', at) + 1) {
      const a = readRange(r, state, bytes, 0, at);
      const b = readRange(r, state, bytes, at, bytes.length);
      expect([...fieldLines(a), ...fieldLines(b)]).toEqual(fieldLines(whole));
      expect(a.records + b.records).toBe(whole.records);
    }
  });

  it('reads the same values from UTF-16 with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample.text, 'utf16le')]);
    const wrapped = detectFormat(utf16, sample.path);
    expect(wrapped.format).toBe(sample.format);
    expect(wrapped.splittable).toBe(false);
    const state = await wrapped.prepare(memorySource(utf16), utf16);
    const plain = readRange(reader(sample.format), await stateOf(reader(sample.format), bytes), bytes);
    // Workers look readers up by format name; the state carries the encoding.
    const viaName = readRange(reader(sample.format), state, utf16, 0, utf16.length, [1, 2, 3, 7, 50]);
    expect(fieldLines(viaName)).toEqual(fieldLines(plain));
    expect(viaName.records).toBe(plain.records);
  });
});

describe('a huge line without a newline', () => {
  const LIMIT = 1 << 20;
  const CHUNK = 4 << 20;
  const cases: [string, string, string][] = [
    ['text', '', ''],
    ['csv', '', ''],
    ['ndjson', '{"catatan":"', ''],
    ['json', '{"catatan":"', ''],
    ['sql', "INSERT INTO t VALUES ('", ''],
  ];
  it.each(cases)('%s: memory stays bounded and the bytes are still scanned', (format, prefix) => {
    const r = reader(format);
    const parser = r.createParser({ delimiter: 44, header: null, headerEnd: 0, tables: {}, copies: [], maxRecordBytes: LIMIT }, 0);
    const body = Buffer.alloc(CHUNK, 'kata 3171234567890001 ');
    let covered = 0, largest = 0, records = 0;
    const feed = (chunk: Uint8Array, at: number) => {
      const batch = at < 0 ? parser.end() : parser.push(chunk, at);
      largest = Math.max(largest, batch.bytes.length);
      records += batch.records;
      for (let i = 0; i < batch.count; i++) covered += batch.end[i]! - batch.start[i]!;
    };
    feed(Buffer.from(prefix), 0);
    let at = prefix.length;
    for (let k = 0; k < 16; k++) { feed(body, at); at += body.length; }
    feed(new Uint8Array(0), -1);
    expect(largest).toBeLessThanOrEqual(LIMIT + CHUNK + 64);
    // Every byte of the 64 MB line reaches the engine (bar a few at piece edges).
    expect(covered).toBeGreaterThan(16 * CHUNK - 1024);
    if (format === 'text' || format === 'csv') expect(records).toBe(1);
  });
});

describe('degenerate input never throws', () => {
  const inputs: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['blank lines', utf8('\n\r\n\n')],
    ['invalid UTF-8', Uint8Array.from([0x6e, 0x69, 0x6b, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x22, 0x27, 0x7b, 0x28, 0x5b])],
    ['random bytes', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)],
  ];
  it.each(readers.map((r) => [r.format, r] as const))('%s', async (_format, r) => {
    for (const [, bytes] of inputs) {
      const state = await r.prepare(memorySource(bytes), bytes);
      const result = readRange(r, state, bytes, 0, bytes.length, [1, 2, 3, 100]);
      if (bytes.length === 0) expect(result).toEqual({ fields: [], records: 0, warnings: [] });
      for (const w of result.warnings) expect(w).not.toMatch(/[\uFFFD]/);
    }
  });
});

describe('fuzz: arbitrary bytes', () => {
  const alphabet = [...'{}[]:,"\'\\()\n\r\t ;-0123456789aAnNuUlLeE_.`#*/\\N|+<>!?'].map((c) => c.charCodeAt(0));
  const bytesArb = fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.integer({ min: 0, max: 255 })), { maxLength: 300 }).map((a) => Uint8Array.from(a));
  const states: Record<string, FileState> = {
    csv: { delimiter: 44, header: null, headerEnd: 0 }, tsv: { delimiter: 9, header: null, headerEnd: 0 },
    sql: { tables: {}, copies: [], backslashEscapes: true }, text: {}, json: {}, ndjson: {}, table: {}, xml: {},
  };
  it.each(readers.map((r) => [r.format, r] as const))('%s: never throws, ranges stay in bounds, chunking never changes the fields', (format, r) => {
    fc.assert(fc.property(bytesArb, fc.array(fc.nat(300), { maxLength: 8 }), (bytes, cuts) => {
      const state = states[format]!;
      const parser = r.createParser(state, 0);
      for (const batch of [parser.push(bytes, 0), parser.end()]) {
        for (let i = 0; i < batch.count; i++) {
          expect(batch.start[i]!).toBeGreaterThanOrEqual(0);
          expect(batch.start[i]!).toBeLessThanOrEqual(batch.end[i]!);
          expect(batch.end[i]!).toBeLessThanOrEqual(batch.bytes.length);
          expect(batch.column[i]!).toBeLessThan(batch.columns.length);
        }
      }
      const whole = readRange(r, state, bytes);
      const cut = readRange(r, state, bytes, 0, bytes.length, cuts);
      expect(cut.fields).toEqual(whole.fields);
      expect(cut.records).toBe(whole.records);
    }), { numRuns: 500 });
  });

  it.each(readers.map((r) => [r.format, r] as const))('%s: a tiny record limit (pieces everywhere) stays safe and bounded', (format, r) => {
    const longBytes = fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.integer({ min: 0, max: 255 })), { maxLength: 3000 }).map((a) => Uint8Array.from(a));
    fc.assert(fc.property(longBytes, fc.array(fc.nat(3000), { maxLength: 8 }), (bytes, cuts) => {
      const state = { ...states[format]!, maxRecordBytes: 64 };
      const parser = r.createParser(state, 0);
      let at = 0;
      for (const point of [...cuts.filter((c) => c < bytes.length).sort((a, b) => a - b), bytes.length]) {
        if (point <= at) continue;
        const batch = parser.push(bytes.subarray(at, point), at);
        // The kept tail never outgrows the limit by more than one chunk.
        expect(batch.bytes.length).toBeLessThanOrEqual(64 + (point - at));
        for (let i = 0; i < batch.count; i++) expect(batch.end[i]!).toBeLessThanOrEqual(batch.bytes.length);
        at = point;
      }
      parser.end();
    }), { numRuns: 300 });
  });
});
