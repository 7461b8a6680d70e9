// Which files are read with lone CRs as LFs, and that every way of reading one (whole, in
// chunks of a stream, in windows of a file) maps the same bytes and leaves the others in place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './index.js';
import { hasLoneCr, INPUT_END, loneCrAsLfSource, loneCrsAsLf, loneCrToLf } from './line-breaks.js';
import { memorySource, readRange } from './testing.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** What a reader should see: each CR that no LF follows is a line break. */
const expected = (text: string) => text.replace(/\r(?!\n)/g, '\n');
const text = fc.string({ unit: fc.constantFrom('a', 'č', '\r', '\n', ',', '1'), maxLength: 60 });

describe('lone-CR line breaks', () => {
  it('are looked for only where a head ends a line with a CR that no LF follows', () => {
    expect(hasLoneCr(bytes('nik,nama\r3171014101900001,Budi\r'))).toBe(true);
    expect(hasLoneCr(bytes('nik,nama\r\n3171014101900001,Budi\n3171014101900002,Siti\r3171014101900003,Dewi\n'))).toBe(true);
    expect(hasLoneCr(bytes('nik,nama\r\n3171014101900001,Budi\r\n'))).toBe(false);
    expect(hasLoneCr(bytes('nik,nama\n3171014101900001,Budi\n'))).toBe(false);
    expect(hasLoneCr(bytes('satu baris\r'))).toBe(false);
  });

  it('property: loneCrToLf turns each lone CR into an LF, keeps CRLF, and moves no byte', () => {
    fc.assert(fc.property(text, (t) => {
      expect(loneCrToLf(bytes(t), INPUT_END).toString('utf8')).toBe(expected(t));
    }));
  });

  it('property: a stream cut into any chunks, and a file read in any windows, map as the whole does', async () => {
    await fc.assert(fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, cuts) => {
      const whole = bytes(t);
      const at = [...new Set([0, ...cuts.map((c) => c % (whole.length + 1)), whole.length])].sort((a, b) => a - b);
      const chunks = at.slice(1).map((end, i) => Buffer.from(whole.subarray(at[i], end)));
      const streamed: Buffer[] = [];
      for await (const chunk of loneCrsAsLf(chunks)) streamed.push(chunk);
      expect(Buffer.concat(streamed).toString('utf8')).toBe(expected(t));

      const source = loneCrAsLfSource({ size: whole.length, read: async (o, l) => Buffer.from(whole.subarray(o, o + l)) });
      const windows = await Promise.all(at.slice(1).map((end, i) => source.read(at[i]!, end - at[i]!)));
      expect(Buffer.concat(windows).toString('utf8')).toBe(expected(t));
    }));
  });

  it('property: a UTF-16 CSV that ends lines with CRs reads as its LF twin, however it is chunked', async () => {
    const lines = ['nik,nama,no_kk', ...[1, 2, 3].map((i) => `317101410190000${i},Budi Santoso,317101230115000${i}`)];
    const utf16 = (eol: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join(eol) + eol, 'utf16le')]);
    const read = async (file: Buffer, cuts: number[]) => {
      const reader = detectFormat(file, 'warga.csv');
      return readRange(reader, await reader.prepare(memorySource(file), file), file, 0, file.length, cuts);
    };
    const lf = await read(utf16('\n'), []);
    expect(lf.fields.filter((f) => f.column === 'nama')).toHaveLength(3);
    const cr = utf16('\r');
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(cr.length), { maxLength: 6 }), async (cuts) => {
      // Cuts just after each CR's code unit too: the next chunk tells that no LF follows it.
      const afterCrs = [...cr.keys()].filter((i) => cr[i] === 13 && i % 2 === 0).map((i) => i + 2);
      expect(await read(cr, [...cuts, ...afterCrs.slice(0, cuts.length)])).toEqual(lf);
    }));
  });
});
