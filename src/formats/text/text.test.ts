// Text reader: lines become free-text fields, records count lines, huge lines come in pieces.
import { describe, expect, it } from 'vitest';
import { readRange, utf8 } from '../testing.js';
import { TextParser, textReader } from './text.js';

describe('text reader', () => {
  it('emits each non-empty line as a free-text field and counts every line', () => {
    const result = readRange(textReader, {}, utf8('NIK 3171234567890001\r\n\nhubungi 081234567890\nakhir'));
    expect(result.fields.map((f) => [f.value, f.column, f.offset])).toEqual([
      ['NIK 3171234567890001', null, 0],
      ['hubungi 081234567890', null, 23],
      ['akhir', null, 44],
    ]);
    expect(result.records).toBe(4);
  });

  it('skips a UTF-8 byte-order mark at the start of the file only', () => {
    const result = readRange(textReader, {}, utf8('\ufeffhalo\n'), 0, undefined, [1, 2]);
    expect(result.fields.map((f) => [f.value, f.offset])).toEqual([['halo', 3]]);
  });

  it('reads an empty file as no fields and no records', () => {
    const result = readRange(textReader, {}, new Uint8Array(0));
    expect(result).toEqual({ fields: [], records: 0, warnings: [] });
  });

  it('splits a line longer than the record limit into pieces at separators, keeping tokens whole', () => {
    const line = Array.from({ length: 2000 }, (_, i) => `kata${i}`).join(' ');
    const bytes = utf8(line);
    const parser = new TextParser(0, { maxRecordBytes: 1000 });
    const pieces: string[] = [];
    let records = 0;
    for (let at = 0; at < bytes.length; at += 700) {
      const batch = parser.push(bytes.subarray(at, at + 700), at);
      records += batch.records;
      for (let i = 0; i < batch.count; i++) pieces.push(Buffer.from(batch.bytes.subarray(batch.start[i], batch.end[i])).toString());
      expect(batch.bytes.length).toBeLessThan(1000 + 700 + 1);
    }
    const last = parser.end();
    records += last.count ? last.records : last.records;
    for (let i = 0; i < last.count; i++) pieces.push(Buffer.from(last.bytes.subarray(last.start[i], last.end[i])).toString());
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(line);
    expect(pieces.slice(0, -1).every((p) => p.endsWith(' '))).toBe(true);
    expect(records).toBe(1);
  });

  it('warns once about invalid UTF-8 and still scans the bytes', () => {
    const bytes = Uint8Array.from([...utf8('nik 3171234567890001\n'), 0xc3, 0x28, 0xff, 10, ...utf8('lagi \xff\n')]);
    const bad = Uint8Array.from([...bytes.subarray(0, 25), 0xff, 10]);
    const result = readRange(textReader, {}, bad, 0, bad.length, [5]);
    expect(result.fields[0]!.value).toBe('nik 3171234567890001');
    expect(result.warnings).toEqual(['invalid UTF-8 between bytes 0 and 27: those bytes are scanned as they are']);
    expect(readRange(textReader, {}, utf8('halo\n')).warnings).toEqual([]);
  });

  it('warns about invalid UTF-16 and reads the rest', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('halo ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' 0812\n', 'utf16le')]);
    const result = readRange(textReader, { encoding: 'utf-16le' }, utf16);
    expect(result.fields.map((f) => f.value)).toEqual(['halo \uFFFD 0812']);
    expect(result.warnings[0]).toMatch(/invalid UTF-16/);
  });
});
