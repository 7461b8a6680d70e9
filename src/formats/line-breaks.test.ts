// Which files are read with CRs as LFs, and that the mapping keeps every other byte and offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crToLf, endsLinesWithCr } from './line-breaks.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('lone-CR line breaks', () => {
  it('are taken for line breaks only in a head with CRs and no LF', () => {
    expect(endsLinesWithCr(bytes('nik,nama\r3171014101900001,Budi\r'))).toBe(true);
    expect(endsLinesWithCr(bytes('nik,nama\r\n3171014101900001,Budi\r\n'))).toBe(false);
    expect(endsLinesWithCr(bytes('nik,nama\n3171014101900001,Budi\n'))).toBe(false);
    expect(endsLinesWithCr(bytes('satu baris tanpa akhir'))).toBe(false);
  });

  it('property: crToLf turns each CR into an LF and leaves every other byte where it was', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'č', '\r', '\n', ',', '1') }), (text) => {
      expect(crToLf(bytes(text)).toString('utf8')).toBe(text.replaceAll('\r', '\n'));
    }));
  });
});
