// Double-encoded JSON: a string holding a JSON document is read as fields under the string's path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, readRange, utf8 } from '../testing.js';
import { jsonReader, ndjsonReader } from './json.js';

const payload = (nik: string, nama: string) => JSON.stringify(JSON.stringify({ nik, nama, noHp: '081234567890' }));

describe('json embedded in strings', () => {
  it('reads a payload string of a log line as fields under its path, at their own bytes (was one unlabelled string)', () => {
    const bytes = utf8(`{"level":"info","payload":${payload('3171014101900001', 'Siti Aminah')}}\n{"level":"info","payload":${payload('3273015508850002', 'Budi Santoso')}}\n`);
    const result = readRange(ndjsonReader, {}, bytes);
    expect(fieldLines(result)).toEqual([
      'level=info', 'payload.nik=3171014101900001', 'payload.nama=Siti Aminah', 'payload.noHp=081234567890',
      'level=info', 'payload.nik=3273015508850002', 'payload.nama=Budi Santoso', 'payload.noHp=081234567890',
    ]);
    const text = new TextDecoder();
    for (const field of result.fields) expect(text.decode(bytes.subarray(field.offset, field.offset + utf8(field.value).length))).toBe(field.value);
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual([]);
  });

  it('takes a file that is one JSON string holding a document for JSON, and reads its fields', () => {
    const bytes = utf8(payload('3171014101900001', 'Siti Aminah') + '\n');
    expect(jsonReader.sniff(bytes, 'dump.txt')).toBeGreaterThan(0.9);
    expect(fieldLines(readRange(jsonReader, {}, bytes))).toEqual(['nik=3171014101900001', 'nama=Siti Aminah', 'noHp=081234567890']);
  });

  it('reads JSON encoded twice over, and an escaped quote inside an embedded value', () => {
    const inner = JSON.stringify({ nama: 'Siti "Ani" Aminah', alamat: { jalan: 'Jl. Melati' } });
    const doc = JSON.stringify({ a: JSON.stringify({ b: inner }) });
    // The file escapes the quote three times over: seven backslashes.
    const quote = `${'\\'.repeat(7)}"`;
    expect(fieldLines(readRange(jsonReader, {}, utf8(doc)))).toEqual([`a.b.nama=Siti ${quote}Ani${quote} Aminah`, 'a.b.alamat.jalan=Jl. Melati']);
  });

  it('reads JSON in a Python repr\'s single-quoted string, as Python logs print a payload', () => {
    const line = utf8("{'level': 'info', 'payload': '{\"nik\": \"3171014101900001\", \"nama\": \"Siti Aminah\"}'}\n");
    expect(fieldLines(readRange(ndjsonReader, {}, line))).toEqual(['level=info', 'payload.nik=3171014101900001', 'payload.nama=Siti Aminah']);
  });

  it('keeps a string that only looks like JSON as one plain value', () => {
    const doc = '{"catatan":"{\\"nik\\" lalu teks biasa}","x":"[\\"a\\", b]"}';
    const result = readRange(jsonReader, {}, utf8(doc));
    expect(fieldLines(result)).toEqual(['catatan={\\"nik\\" lalu teks biasa}', 'x=[\\"a\\", b]']);
    expect(result.warnings).toEqual([]);
  });

  it('reads any JSON value embedded in a string the same however chunked', () => {
    // Without key/value pairs (pairs.ts): their field names are free text, which an embedded document reports under its string's path.
    const document = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 })
      .filter((value) => !/"(key|meta_key|question|field|field_name|fieldname|label|attribute|name)":/i.test(JSON.stringify(value)));
    fc.assert(fc.property(document, fc.array(fc.nat(400), { maxLength: 5 }), (value, cuts) => {
      const bytes = utf8(JSON.stringify({ payload: JSON.stringify(value) }));
      const direct = readRange(jsonReader, {}, utf8(JSON.stringify({ payload: value })));
      const result = readRange(jsonReader, {}, bytes, 0, bytes.length, cuts);
      // The same paths; values stay as the file has them, escaped once more than in the direct document.
      // A document without values is kept as the string it is.
      expect(result.fields.map((f) => f.column)).toEqual(direct.fields.length > 0 ? direct.fields.map((f) => f.column) : ['payload']);
      expect(result.warnings).toEqual([]);
    }), { numRuns: 300 });
  });
});
