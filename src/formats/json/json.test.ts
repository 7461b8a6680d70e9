// JSON/NDJSON reader: field paths, records, sniffing documents vs lines, broken input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, readRange, utf8 } from '../testing.js';
import { JsonParser, jsonReader, ndjsonReader } from './json.js';
import { isDataKey } from './paths.js';
import { isFieldName } from './tables.js';
import { unescapeJsonField } from './unicode-escapes.js';

describe('json reader', () => {
  it('names values by their field path, with arrays as [] and keys only in paths', () => {
    const doc = utf8('{"status":"ok","data":{"pasien":[{"nik":"3171234567890001","umur":34,"aktif":true,"hp":["0812","0813"]},' +
      '{"nik":"3171234567890002","alamat":{"jalan":"Jl. A"},"catatan":null}]}}');
    const result = readRange(jsonReader, {}, doc);
    expect(fieldLines(result)).toEqual([
      'status=ok', 'data.pasien[].nik=3171234567890001', 'data.pasien[].umur=34', 'data.pasien[].hp[]=0812',
      'data.pasien[].hp[]=0813', 'data.pasien[].nik=3171234567890002', 'data.pasien[].alamat.jalan=Jl. A',
    ]);
    expect(result.records).toBe(2);
    expect(result.fields[1]!.offset).toBe(41);
  });

  it('interns a path once however many elements share it', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `{"nik":"31712345678900${String(i).padStart(2, '0')}"}`);
    const parser = new JsonParser(false, 0);
    const batch = parser.push(utf8(`[${rows.join(',')}]`), 0);
    expect(batch.columns).toEqual(['nik']);
    expect(batch.records).toBe(100);
  });

  it('keeps escapes inside the range, a \\u one as its character padded to its length, and ends strings at the right quote', () => {
    const result = readRange(jsonReader, {}, utf8('{"a":"x\\"y\\\\","b":"\\u0041"}'), 0, undefined, [8, 9, 10]);
    expect(fieldLines(result)).toEqual(['a=x\\"y\\\\', 'b=A\t\t\t\t\t']);
  });

  it('counts NDJSON lines as records and drops only the broken line', () => {
    const bytes = utf8('{"nik":"3171234567890001","x":{"y":1}}\n{"nik":"3171234567890002","x":{"y":\n{"nik":"3171234567890003"}\n');
    const result = readRange(ndjsonReader, {}, bytes);
    expect(fieldLines(result)).toEqual(['nik=3171234567890001', 'x.y=1', 'nik=3171234567890002', 'nik=3171234567890003']);
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual(['incomplete JSON value on the line ending at byte 74']);
  });

  it('ends an NDJSON record at its newline even after a backslash: its value is read, the next records keep their paths', () => {
    const bytes = utf8('{"nama":"Budi Santoso\\\n{"nama":"Rina Lestari"}\n{"nama":"Agus Tarigan"}\n');
    const result = readRange(ndjsonReader, {}, bytes);
    expect(fieldLines(result)).toEqual(['nama=Budi Santoso', 'nama=Rina Lestari', 'nama=Agus Tarigan']);
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual(['incomplete JSON value on the line ending at byte 22']);
  });

  it('counts no record for the bare words of a range that starts inside a long string', () => {
    const result = readRange(ndjsonReader, {}, utf8('kata kata kata kata\n{"nama":"Rina Lestari"}\n'));
    expect(fieldLines(result)).toEqual(['nama=Rina Lestari']);
    expect(result.records).toBe(1);
  });

  it('tells a pretty-printed document from NDJSON and from bracketed log lines', () => {
    const pretty = utf8('{\n  "data": [\n    {"nik": "3171234567890001"}\n  ]\n}\n');
    const lines = utf8('{"a":1}\n{"a":2}\n{"a":3}\n');
    const log = utf8('[2024-01-01 10:00:00] INFO user login\n[2024-01-01 10:00:01] INFO done\n');
    expect(jsonReader.sniff(pretty, 'x')).toBeGreaterThan(ndjsonReader.sniff(pretty, 'x'));
    expect(ndjsonReader.sniff(lines, 'x')).toBeGreaterThan(jsonReader.sniff(lines, 'x'));
    expect(jsonReader.sniff(log, 'app.log')).toBe(0);
    // An array with one object per line is one document, not NDJSON with a broken first line.
    const array = utf8('[\n{"a":1},\n{"a":2},\n{"a":3}\n]\n');
    expect(jsonReader.sniff(array, 'x')).toBeGreaterThan(ndjsonReader.sniff(array, 'x'));
    // Pretty-printed key lines ("a": 1) are not top-level values either.
    const keys = utf8('{\n"a": "x",\n"b": "y",\n"c": "z",\n"d": "w"\n}\n');
    expect(jsonReader.sniff(keys, 'x')).toBeGreaterThan(ndjsonReader.sniff(keys, 'x'));
    expect(ndjsonReader.sniff(log, 'app.log')).toBe(0);
  });

  it('takes a .ndjson file whose first line outruns the sniffed head for NDJSON, not one JSON document', () => {
    const head = utf8(`{"catatan":"${'kata '.repeat(20000)}`);
    expect(ndjsonReader.sniff(head, 'dump.ndjson')).toBeGreaterThan(jsonReader.sniff(head, 'dump.ndjson'));
    expect(jsonReader.sniff(head, 'dump.json')).toBeGreaterThan(ndjsonReader.sniff(head, 'dump.json'));
  });

  it('emits a string longer than the record limit in pieces under its path', () => {
    const big = 'kata '.repeat(5000);
    const bytes = utf8(`{"catatan":"${big}","nik":"3171234567890001"}`);
    const result = readRange(jsonReader, { maxRecordBytes: 2000 }, bytes, 0, bytes.length, Array.from({ length: 30 }, (_, i) => i * 1000));
    const pieces = result.fields.filter((f) => f.column === 'catatan');
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.map((f) => f.value).join('')).toBe(big);
    expect(fieldLines(result).at(-1)).toBe('nik=3171234567890001');
  });

  it('ends an NDJSON string longer than the record limit at its newline, so the next records keep their paths', () => {
    const big = 'kata '.repeat(1000);
    const bytes = utf8(`{"catatan":"${big}\n{"nama":"Rina Lestari","nik":"3171234567890001"}\n`);
    const result = readRange(ndjsonReader, { maxRecordBytes: 2000 }, bytes, 0, bytes.length, Array.from({ length: 6 }, (_, i) => i * 1000));
    expect(result.fields.filter((f) => f.column === 'catatan').map((f) => f.value).join('')).toBe(big);
    expect(fieldLines(result).slice(-2)).toEqual(['nama=Rina Lestari', 'nik=3171234567890001']);
    expect(result.records).toBe(1);
  });

  it('reads NDJSON sniffed as a document (a first line longer than the head) with a broken long line: the next records keep their paths', () => {
    const big = 'kata '.repeat(1000);
    const bytes = utf8(`{"catatan":"${big}\n{"nama":"Rina Lestari","nik":"3171014101900001"}\n{"nama":"Agus Tarigan"}\n`);
    for (const options of [{}, { maxRecordBytes: 2000 }]) {
      const result = readRange(jsonReader, options, bytes, 0, bytes.length, Array.from({ length: 6 }, (_, i) => i * 1000));
      expect(result.fields.filter((f) => f.column === 'catatan').map((f) => f.value).join('')).toBe(big);
      expect(fieldLines(result).slice(-3)).toEqual(['nama=Rina Lestari', 'nik=3171014101900001', 'nama=Agus Tarigan']);
      expect(result.records).toBe(2);
    }
  });

  it('lets a raw newline stay inside a string of a pretty-printed document or before a line that opens nothing', () => {
    const pretty = utf8('[\n  {"catatan":"baris satu\n{baris dua}","nik":"3171014101900001"}\n]\n');
    expect(fieldLines(readRange(jsonReader, {}, pretty))).toEqual(['catatan=baris satu\n{baris dua}', 'nik=3171014101900001']);
    const minified = utf8('[{"catatan":"baris satu\nbaris dua","nik":"3171014101900001"}]');
    expect(fieldLines(readRange(jsonReader, {}, minified))).toEqual(['catatan=baris satu\nbaris dua', 'nik=3171014101900001']);
  });

  it('reads Python reprs saved as JSON: single-quoted strings under their paths, True/False/None as literals', () => {
    const lines = utf8("{'nama': 'Budi Santoso', 'nik': '3171014101900001', 'aktif': True, 'catatan': None}\n{'nama': 'Rina Lestari', 'hp': ['0812']}\n");
    expect(ndjsonReader.sniff(lines, 'export.txt')).toBeGreaterThan(jsonReader.sniff(lines, 'export.txt'));
    const result = readRange(ndjsonReader, {}, lines);
    expect(fieldLines(result)).toEqual(['nama=Budi Santoso', 'nik=3171014101900001', 'nama=Rina Lestari', 'hp[]=0812']);
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual([]);
  });

  it('ends a broken Python-repr line at its newline even after a backslash: the next record keeps its fields', () => {
    const result = readRange(ndjsonReader, {}, utf8("{'nama': 'Budi Santoso\\\n{'nama': 'Rina Lestari'}\n"));
    expect(fieldLines(result)).toEqual(['nama=Budi Santoso', 'nama=Rina Lestari']);
  });

  it('reads keys that are identifiers (objects keyed by NIK, phone or e-mail) as values, never as field names', () => {
    const doc = utf8('{"pasien":{"3171014101900001":{"nama":"Budi Santoso"},"budi@example.com":{"hp":"081234567890"}}}');
    const result = readRange(jsonReader, {}, doc);
    expect(fieldLines(result)).toEqual(['pasien.*=3171014101900001', 'pasien.*.nama=Budi Santoso', 'pasien.*=budi@example.com', 'pasien.*.hp=081234567890']);
  });

  it('reads comments of JSON5-ish exports as free text, with no warnings (their words were stray values)', () => {
    const doc = utf8('// ekspor pasien, kontak 081234567890\n{\n  /* data */ "pasien": [\n    {"nik": "3171014101900001", "nama": "Siti Aminah",}, // pertama\n  ],\n}\n');
    expect(jsonReader.sniff(doc, 'export.txt')).toBeGreaterThan(0.9);
    const result = readRange(jsonReader, {}, doc, 0, doc.length, [3, 40, 60]);
    expect(fieldLines(result)).toEqual(['-=// ekspor pasien, kontak 081234567890', '-=/* data */', 'pasien[].nik=3171014101900001', 'pasien[].nama=Siti Aminah', '-=// pertama']);
    expect(result.warnings).toEqual([]);
    // NDJSON records are lines: a block comment left open there ends with its line.
    const lines = utf8('{"a":1} /* tidak ditutup\n{"nama":"Rina Lestari"}\n');
    expect(fieldLines(readRange(ndjsonReader, {}, lines)).at(-1)).toBe('nama=Rina Lestari');
  });

  it('reads a NIK that PHP wrote as a float (3.273015508850002e+15) as its digits, when none were dropped', () => {
    const result = readRange(jsonReader, {}, utf8('[{"nik":3.273015508850002e+15},{"nik":3.1710145079e+15},{"x":1.5E+1,"y":2.5e-1}]'));
    expect(result.fields.map((f) => f.value)).toEqual(['3.273015508850002', '3.1710145079e+15', '1.5', '2.5e-1']);
  });

  it('reads a NIK held as a float, as Python writes it (3171014101900001.0), as its digits', () => {
    const result = readRange(jsonReader, {}, utf8('[{"nik":3171014101900001.0,"skor":1.50,"n":0.0},{"nik":3273015508850002.000}]'));
    expect(fieldLines(result)).toEqual(['nik=3171014101900001', 'skor=1.50', 'n=0', 'nik=3273015508850002']);
  });

  it('takes NaN and Infinity, as Python\'s json module writes them, for values: such lines are still NDJSON', () => {
    const lines = utf8('{"nama":"Budi Santoso","skor":NaN,"x":-Infinity}\n{"nama":"Rina Lestari","skor":Infinity}\n');
    expect(ndjsonReader.sniff(lines, 'export.txt')).toBeGreaterThan(0.9);
    const result = readRange(ndjsonReader, {}, lines);
    expect(fieldLines(result)).toEqual(['nama=Budi Santoso', 'nama=Rina Lestari']);
    expect(result.warnings).toEqual([]);
  });

  it('caps nesting depth without losing the values', () => {
    const bytes = utf8('['.repeat(10000) + '"3171234567890001"' + ']'.repeat(10000));
    const result = readRange(jsonReader, {}, bytes);
    expect(result.fields.map((f) => f.value)).toEqual(['3171234567890001']);
    expect(result.warnings[0]).toMatch(/nesting deeper/);
  });

  it('names values by their keys past the nesting cap, under the deepest stacked path (keys were read as values)', () => {
    const depth = 5000;
    const deep = '{"a":'.repeat(depth) + '{"nik":"3171014101900001","nama":"Siti Aminah","x":[1,{"hp":"081234567890"}]}' + '}'.repeat(depth);
    const result = readRange(jsonReader, {}, utf8(`[${deep},{"nama":"Budi Santoso"}]`));
    const named = result.fields.filter((f) => f.value !== 'a').map((f) => `${f.column!.split('.').at(-1)}=${f.value}`);
    // Arrays that deep share the deepest stacked path (…a.a) with their values.
    expect(named).toEqual(['nik=3171014101900001', 'nama=Siti Aminah', 'a=1', 'hp=081234567890', 'nama=Budi Santoso']);
    expect(result.fields.find((f) => f.value === 'nik')).toBeUndefined();
    expect(result.records).toBe(2);
    expect(result.warnings[0]).toMatch(/nesting deeper/);
  });

  it('treats keys as data once a file has more distinct paths than the cap', () => {
    const entries = Array.from({ length: 20100 }, (_, i) => `"k${i}":1`).join(',');
    const result = readRange(jsonReader, {}, utf8(`{${entries}}`));
    expect(result.fields.some((f) => f.column === '*' && f.value === 'k20050')).toBe(true);
  });
});

describe('json reader properties', () => {
  /** Any JSON value but key/value pairs (pairs.ts has their examples): their field names read as free text. */
  const withoutPairs = (maxDepth: number) => fc.jsonValue({ maxDepth })
    .filter((value) => !/"(key|meta_key|question|field|field_name|fieldname|label|attribute|name)":/i.test(JSON.stringify(value)));

  /** A header row's names (tables.ts), or null. */
  function headerOf(row: unknown): string[] | null {
    if (!Array.isArray(row) || row.length < 2 || new Set(row).size !== row.length) return null;
    const isName = (c: unknown) => typeof c === 'string' && c.length > 0 && utf8(c).length <= 64 && !isDataKey(utf8(c), 0, utf8(c).length);
    return row.every(isName) && row.some(isFieldName) ? row as string[] : null;
  }

  /** Fields as the reader must report them: escapes stay as written (\n-style ones a space and a tab), paths as `a.b[].c`. */
  function expected(value: unknown, path: string | null, out: string[]): void {
    const raw = (text: string) => JSON.stringify(text).slice(1, -1).replace(/\\(.)/g, (escape, c: string) => 'bfnrt'.includes(c) ? ' \t' : escape);
    if (typeof value === 'string') { if (value.length > 0) out.push(`${path ?? '-'}=${raw(value)}`); }
    else if (typeof value === 'number') out.push(`${path ?? '-'}=${JSON.stringify(value)}`);
    else if (Array.isArray(value)) {
      // A first element of two or more distinct names (a header row) names the cells of the rows after it.
      const element = path === null ? null : `${path}[]`;
      const names = headerOf(value[0]);
      value.forEach((e, i) => {
        if (names === null || i === 0 || !Array.isArray(e)) { expected(e, element, out); return; }
        e.forEach((cell, k) => expected(cell, k >= names.length ? (element === null ? null : `${element}[]`) : element === null ? names[k]! : `${element}.${names[k]}`, out));
      });
    }
    else if (value !== null && typeof value === 'object') {
      for (const [k, e] of Object.entries(value)) {
        // A key that is data (a long number, an e-mail address, a row number) is a value under `path.*`.
        if (!isDataKey(utf8(k), 0, utf8(k).length)) { expected(e, path === null ? k : `${path}.${k}`, out); continue; }
        const wildcard = path === null ? '*' : `${path}.*`;
        out.push(`${wildcard}=${JSON.stringify(k).slice(1, -1)}`);
        expected(e, wildcard, out);
      }
    }
  }

  it('any JSON document parses back to its string and number values under their paths, however chunked', () => {
    fc.assert(fc.property(withoutPairs(4), fc.array(fc.nat(2000), { maxLength: 6 }), (value, cuts) => {
      const bytes = utf8(JSON.stringify(value));
      const want: string[] = [];
      expected(value, null, want);
      const result = readRange(jsonReader, {}, bytes, 0, bytes.length, cuts);
      expect(fieldLines(result)).toEqual(want);
      expect(result.warnings).toEqual([]);
      // Records: elements of the outermost arrays (API dumps nest them: data.pasien[]), else 1.
      const outer = (v: unknown): number => Array.isArray(v) ? v.length
        : v !== null && typeof v === 'object' ? Object.values(v).reduce((sum: number, e) => sum + outer(e), 0) : 0;
      expect(result.records).toBe(Array.isArray(value) ? value.length : outer(value) || 1);
    }), { numRuns: 400 });
  });

  it('arrays of arrays, with or without a header row, parse back as the header rule says', () => {
    const cell = fc.oneof(fc.constantFrom('nik', 'nama', 'alamat', '3171014101900001', ''), fc.integer(), fc.constant(null));
    const table = fc.array(fc.oneof(fc.array(fc.oneof(cell, fc.array(cell, { maxLength: 3 })), { maxLength: 4 }), cell), { maxLength: 5 });
    fc.assert(fc.property(fc.oneof(table, fc.dictionary(fc.constantFrom('t', 'u'), table)), fc.array(fc.nat(300), { maxLength: 4 }), (value, cuts) => {
      const bytes = utf8(JSON.stringify(value));
      const want: string[] = [];
      expected(value, null, want);
      expect(fieldLines(readRange(jsonReader, {}, bytes, 0, bytes.length, cuts))).toEqual(want);
    }), { numRuns: 500 });
  });

  it('NDJSON with lines broken inside a string reads the same as a document as it does as NDJSON', () => {
    const line = fc.record({ nama: fc.string({ maxLength: 8 }), nik: fc.string({ maxLength: 8 }) });
    fc.assert(fc.property(fc.array(fc.tuple(line, fc.option(fc.nat())), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(300), { maxLength: 4 }), (lines, cuts) => {
      // A broken line ends somewhere inside its first string value, as a truncated record does.
      const text = lines.map(([record, cut]) => {
        const whole = JSON.stringify(record);
        const valueStart = whole.indexOf(':') + 2, valueEnd = whole.indexOf('","nik"');
        return cut === null ? whole : whole.slice(0, valueStart + (cut % (valueEnd - valueStart + 1)));
      }).join('\n') + '\n';
      const bytes = utf8(text);
      const asLines = readRange(ndjsonReader, {}, bytes, 0, bytes.length, cuts);
      const asDocument = readRange(jsonReader, {}, bytes, 0, bytes.length, cuts);
      expect(fieldLines(asDocument)).toEqual(fieldLines(asLines));
      expect(asDocument.records).toBe(asLines.records);
    }), { numRuns: 300 });
  });

  it('an NDJSON range cut inside a long line reads the rest of it as free text with whole NIKs, and the next lines as records', () => {
    const niks = ['3171014101900001', '3171014101900002', '3171014101900003'];
    const line = `{"catatan":"nik\\u0027${niks[0]} kata \\u003c${niks[1]}\\u003e, ${niks[2]}."}\n`;
    const bytes = utf8(`${line}{"nama":"Rina Lestari","nik":"3171014101900004"}\n`);
    fc.assert(fc.property(fc.integer({ min: 13, max: line.length - 1 }), fc.array(fc.nat(bytes.length), { maxLength: 4 }), (start, cuts) => {
      const result = readRange(ndjsonReader, {}, bytes, start, bytes.length, cuts);
      expect(fieldLines(result).slice(-2)).toEqual(['nama=Rina Lestari', 'nik=3171014101900004']);
      expect(result.records).toBe(1);
      const text = result.fields.filter((f) => f.column === null).map((f) => unescapeJsonField(f.value));
      for (const nik of niks) if (line.indexOf(nik) >= start) expect(text.some((piece) => piece.includes(nik))).toBe(true);
    }), { numRuns: 300 });
  });

  it('a Python repr of any JSON value reads as the JSON does', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab 12.-:,{}[]"') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
    })).node;
    const repr = (v: unknown): string => typeof v === 'string' ? `'${v}'` : v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False')
      : Array.isArray(v) ? `[${v.map(repr).join(', ')}]`
      : typeof v === 'object' ? `{${Object.entries(v).map(([k, e]) => `'${k}': ${repr(e)}`).join(', ')}}` : String(v);
    fc.assert(fc.property(value, fc.array(fc.nat(300), { maxLength: 4 }), (v, cuts) => {
      const asJson = utf8(JSON.stringify(v)), asPython = utf8(repr(v));
      const python = readRange(jsonReader, {}, asPython, 0, asPython.length, cuts);
      // Values unescaped: JSON writes a quote in a string as \", Python's repr as it is.
      const values = (result: ReturnType<typeof readRange>) => result.fields.map((f) => `${f.column}=${unescapeJsonField(f.value)}`);
      expect(values(python)).toEqual(values(readRange(jsonReader, {}, asJson)));
      expect(python.warnings).toEqual([]);
    }), { numRuns: 300 });
  });

  it('NDJSON lines parse back to their values, one record per line', () => {
    fc.assert(fc.property(fc.array(withoutPairs(3), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(2000), { maxLength: 6 }), (values, cuts) => {
      const bytes = utf8(values.map((v) => JSON.stringify(v)).join('\n') + '\n');
      const want: string[] = [];
      for (const v of values) expected(v, null, want);
      const result = readRange(ndjsonReader, {}, bytes, 0, bytes.length, cuts);
      expect(fieldLines(result)).toEqual(want);
      expect(result.records).toBe(values.length);
    }), { numRuns: 300 });
  });
});
