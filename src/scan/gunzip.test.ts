import fc from 'fast-check';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { GzipFile, memberHeaderLength } from './gunzip.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-gunzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface HeaderFields { name?: string; comment?: string; extra?: number; headerCrc?: boolean }

/** One gzip member of `data`, with the optional header fields zlib's own gzip never writes. */
function member(data: Uint8Array, fields: HeaderFields = {}): Buffer {
  const flags = (fields.headerCrc ? 2 : 0) | (fields.extra !== undefined ? 4 : 0) | (fields.name !== undefined ? 8 : 0) | (fields.comment !== undefined ? 16 : 0);
  const parts = [Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3])];
  if (fields.extra !== undefined) parts.push(Buffer.from([fields.extra & 0xff, fields.extra >> 8]), Buffer.alloc(fields.extra, 7));
  if (fields.name !== undefined) parts.push(Buffer.from(`${fields.name}\0`, 'latin1'));
  if (fields.comment !== undefined) parts.push(Buffer.from(`${fields.comment}\0`, 'latin1'));
  if (fields.headerCrc) parts.push(Buffer.from([0xab, 0xcd]));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return Buffer.concat([...parts, deflateRawSync(data), trailer]);
}

let files = 0;
async function inflate(bytes: Uint8Array): Promise<{ out: Buffer; error: (Error & { code?: string }) | null; file: GzipFile; size: number }> {
  const path = join(dir, `${files++}.gz`);
  writeFileSync(path, bytes);
  const file = new GzipFile(path);
  const parts: Buffer[] = [];
  let error = null;
  try {
    for await (const chunk of file) parts.push(chunk);
  } catch (e) {
    error = e as Error;
  }
  return { out: Buffer.concat(parts), error, file, size: statSync(path).size };
}

describe('GzipFile', () => {
  it('property: gives the concatenated data of every member, whatever their header fields and zero padding', async () => {
    const fields = fc.record({
      name: fc.option(fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 20 }), { nil: undefined }),
      comment: fc.option(fc.string({ maxLength: 20 }).map((s) => s.replace(/\0/g, '')), { nil: undefined }),
      extra: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      headerCrc: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.uint8Array({ maxLength: 5000 }), fields), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: 40 }),
      async (members, padding) => {
        const { out, error, file, size } = await inflate(Buffer.concat([...members.map(([data, f]) => member(data, f)), Buffer.alloc(padding)]));
        expect(error).toBeNull();
        expect(out.equals(Buffer.concat(members.map(([data]) => data)))).toBe(true);
        expect(file.compressedRead).toBe(size - padding);
      },
    ), { numRuns: 60 });
  });

  it('keeps all the data before bytes that are not gzip, and says how many were left', async () => {
    // Node's Gunzip lost the output of its last call here: all of a file this small.
    const data = Buffer.from('NIK 3171014101900001\n'.repeat(20_000));
    const { out, error } = await inflate(Buffer.concat([gzipSync(data), Buffer.from([0, 0, 0x41, 0x42])]));
    expect(out.equals(data)).toBe(true);
    expect(error).toMatchObject({ code: 'TRAILING' });
    expect(error!.message).toMatch(/^4 byte .* 4 bytes after the gzip data/);
  });

  it.each([
    ['in the header', 5, 'Z_BUF_ERROR'],
    ['in the deflate data', 200, 'Z_BUF_ERROR'],
    ['in the trailer', -3, 'Z_BUF_ERROR'],
  ])('says a member cut %s is cut, after the data before the cut', async (_where, cut, code) => {
    const data = Buffer.from(Array.from({ length: 3000 }, (_, k) => `baris ${k}\n`).join(''));
    const gz = gzipSync(data);
    const { out, error } = await inflate(gz.subarray(0, cut < 0 ? gz.length + cut : cut));
    expect(error).toMatchObject({ code, message: 'unexpected end of file' });
    expect(data.subarray(0, out.length).equals(out)).toBe(true);
    if (cut < 0) expect(out.length).toBe(data.length);
  });

  it('tells a corrupt member from a good one by its trailer, and a file that is not gzip', async () => {
    const gz = gzipSync('data');
    gz[gz.length - 8]! ^= 1;
    expect((await inflate(gz)).error).toMatchObject({ code: 'Z_DATA_ERROR', message: 'incorrect data check' });
    const wrongLength = gzipSync('data');
    wrongLength[wrongLength.length - 1]! ^= 1;
    expect((await inflate(wrongLength)).error).toMatchObject({ code: 'Z_DATA_ERROR', message: 'incorrect length check' });
    expect((await inflate(Buffer.from('NIK 3171014101900001\n'))).error).toMatchObject({ code: 'Z_DATA_ERROR', message: 'incorrect header check' });
    expect(await inflate(Buffer.alloc(0))).toMatchObject({ error: null, out: Buffer.alloc(0) });
  });
});

describe('memberHeaderLength', () => {
  it('is 0 while the header may still go on, -1 once the bytes cannot start one', () => {
    const header = member(Buffer.from('x'), { name: 'warga.csv', extra: 4 }).subarray(0, 10 + 2 + 4 + 10);
    for (let k = 0; k < header.length; k++) expect(memberHeaderLength(header.subarray(0, k))).toBe(0);
    expect(memberHeaderLength(header)).toBe(header.length);
    expect(memberHeaderLength(Buffer.from([0x1f, 0x8c]))).toBe(-1);
    expect(memberHeaderLength(Buffer.from([0x1f, 0x8b, 8, 0x20, 0, 0, 0, 0, 0, 3]))).toBe(-1);
  });
});
