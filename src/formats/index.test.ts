// detectFormat: content first, extension second, binary refused with a reason, text fallback.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryReason, detectFormat, utf16Encoding } from './index.js';
import { FormatError } from './types.js';
import { utf8 } from './testing.js';

describe('detectFormat', () => {
  it('trusts content over the extension', () => {
    expect(detectFormat(utf8('nik,nama\n3171234567890001,Budi\n3171234567890002,Siti\n'), 'export.txt').format).toBe('csv');
    expect(detectFormat(utf8('INSERT INTO t VALUES (1);\n'), 'data.csv').format).toBe('sql');
    expect(detectFormat(utf8('{"a":1}\n{"a":2}\n'), 'x.json').format).toBe('ndjson');
    expect(detectFormat(utf8('{\n "a": [1, 2]\n}\n'), 'x.txt').format).toBe('json');
  });

  it('reads log lines with a comma in every timestamp as text, not CSV', () => {
    const log = Array.from({ length: 20 }, (_, i) =>
      `2024-03-05 08:00:0${i % 10},${100 + i} INFO  [main] c.t.KycService - nik=3171234567890001 nama="Warga ${i}" status ok`).join('\n');
    expect(detectFormat(utf8(log + '\n'), 'app.log').format).toBe('text');
  });

  it('falls back to the extension, then to text', () => {
    expect(detectFormat(utf8('nik\n'), 'one-column.csv').format).toBe('csv');
    expect(detectFormat(utf8('Halo, ini catatan biasa.\nTidak ada tabel di sini, sungguh.\n'), 'notes').format).toBe('text');
    expect(detectFormat(new Uint8Array(0), 'empty.bin').format).toBe('text');
  });

  it('refuses binary content with a readable reason', () => {
    const withNul = utf8('abc\u0000def');
    expect(() => detectFormat(withNul, 'x.dat')).toThrow(FormatError);
    try { detectFormat(withNul, 'x.dat'); } catch (error) {
      expect((error as FormatError).code).toBe('BINARY');
      expect((error as FormatError).message).toMatch(/NUL byte at offset 3/);
    }
    expect(binaryReason(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatch(/gzip/);
    expect(binaryReason(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toMatch(/pdf/);
    expect(binaryReason(Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 65)))).toMatch(/control bytes/);
    expect(binaryReason(utf8('log \u001b[31merror\u001b[0m\tok\r\n'))).toBeNull();
  });

  it('property: counts control bytes as a byte-by-byte count does, at any alignment', () => {
    const reference = (head: Uint8Array): string | null => {
      let control = 0;
      for (const c of head) {
        if (c === 0) return 'nul';
        if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
      }
      return head.length > 0 && control / head.length > 0.1 ? `${Math.round((control / head.length) * 100)}%` : null;
    };
    // Mostly text, with control bytes (and now and then a NUL) sprinkled at a chosen rate.
    const bytes = fc.tuple(fc.nat(3), fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 200 }), fc.integer({ min: 0, max: 40 }))
      .map(([offset, rolls, rate]) => {
        const out = new Uint8Array(offset + rolls.length);
        rolls.forEach((roll, i) => (out[offset + i] = roll < rate ? [1, 2, 8, 9, 10, 13, 27, 31, 0x80, 0xff][roll % 10]! : roll < 99 ? 97 + (roll % 26) : 0));
        return out.subarray(offset); // a view at any byte alignment
      });
    fc.assert(fc.property(bytes, (head) => {
      const expected = reference(head);
      const reason = binaryReason(head);
      if (expected === 'nul') expect(reason).toMatch(/NUL byte at offset/);
      else if (expected) expect(reason).toContain(`${expected} control bytes`);
      else expect(reason).toBeNull();
    }), { numRuns: 3000 });
  });

  it('recognises UTF-16 with and without a byte-order mark', () => {
    expect(utf16Encoding(Buffer.from('\ufeffhalo', 'utf16le'))).toBe('utf-16le');
    expect(utf16Encoding(Buffer.from('halo dunia, apa kabar', 'utf16le'))).toBe('utf-16le');
    expect(utf16Encoding(Buffer.from('halo dunia, apa kabar', 'utf16le').swap16())).toBe('utf-16be');
    expect(utf16Encoding(utf8('halo dunia'))).toBeNull();
    expect(detectFormat(Buffer.from('halo dunia, apa kabar\n', 'utf16le'), 'x').format).toBe('text');
  });
});
