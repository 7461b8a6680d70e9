// A gzip file inflated member by member. Node's Gunzip reads bytes after the last member as a
// broken next member, and its error then drops the output of its last call: up to a whole chunk
// of the file's end was never scanned. Here each member's deflate data is inflated raw, its
// trailer checked, and what follows is told apart: another member, zero padding, or other data.

import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';

const CHUNK_BYTES = 1 << 20;
/** Longest member header read: its optional name, comment and extra field included. */
const MAX_HEADER_BYTES = 1 << 16;

const FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xe0;

/** An error shaped like zlib's own, so that reports name it the same way. */
function gzipError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Length of the gzip member header at the start of `bytes`: -1 if they do not start one, 0 if
 * the header runs past them.
 */
export function memberHeaderLength(bytes: Uint8Array): number {
  const magic = [0x1f, 0x8b, 8];
  for (let k = 0; k < magic.length; k++) {
    if (k >= bytes.length) return 0;
    if (bytes[k] !== magic[k]) return -1;
  }
  if (bytes.length < 10) return 0;
  const flags = bytes[3]!;
  if (flags & RESERVED) return -1;
  let at = 10;
  if (flags & FEXTRA) at = at + 2 > bytes.length ? Infinity : at + 2 + (bytes[at]! | (bytes[at + 1]! << 8));
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    const end = bytes.indexOf(0, at);
    at = end < 0 ? Infinity : end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= bytes.length ? at : 0;
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

async function zerosOnly(handle: FileHandle, from: number, to: number): Promise<boolean> {
  for (let at = from; at < to; at += CHUNK_BYTES) {
    const bytes = await readAt(handle, at, Math.min(CHUNK_BYTES, to - at));
    if (bytes.length === 0 || bytes.some((byte) => byte !== 0)) return false;
  }
  return true;
}

/** The decompressed bytes of a gzip file, in chunks of up to 1 MB. */
export class GzipFile implements AsyncIterable<Buffer> {
  /** Bytes of the compressed file read so far. */
  compressedRead = 0;

  constructor(private readonly path: string) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    const handle = await open(this.path, 'r');
    try {
      const { size } = await handle.stat();
      for (let at = 0; at < size;) {
        const head = await readAt(handle, at, Math.min(MAX_HEADER_BYTES, size - at));
        const headerLength = memberHeaderLength(head);
        if (headerLength < 0) {
          if (at === 0) throw gzipError('Z_DATA_ERROR', 'incorrect header check');
          // zlib's own tools, and Node's Gunzip, accept zero padding after the last member.
          if (await zerosOnly(handle, at, size)) return;
          throw gzipError('TRAILING', `${size - at} byte setelah data gzip bukan gzip dan tidak dipindai / ${size - at} bytes after the gzip data are not gzip and were not scanned (findings before them are kept)`);
        }
        if (headerLength === 0) {
          if (head.length < MAX_HEADER_BYTES) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
          throw gzipError('Z_DATA_ERROR', `gzip header longer than ${MAX_HEADER_BYTES} bytes`);
        }
        const dataStart = at + headerLength;
        const { crc, length, consumed } = yield* this.inflateMember(dataStart);
        const trailer = await readAt(handle, dataStart + consumed, 8);
        if (trailer.length < 8) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
        if (trailer.readUInt32LE(0) !== crc) throw gzipError('Z_DATA_ERROR', 'incorrect data check');
        if (trailer.readUInt32LE(4) !== length % 2 ** 32) throw gzipError('Z_DATA_ERROR', 'incorrect length check');
        at = dataStart + consumed + 8;
        this.compressedRead = at;
      }
    } finally {
      await handle.close();
    }
  }

  /** Inflates the deflate data at `start`, up to its end block; a cut stream throws zlib's error. */
  private async *inflateMember(start: number): AsyncGenerator<Buffer, { crc: number; length: number; consumed: number }> {
    const input = createReadStream(this.path, { start, highWaterMark: CHUNK_BYTES });
    const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
    input.on('error', (e) => inflate.destroy(e));
    let crc = 0, length = 0;
    try {
      for await (const chunk of input.pipe(inflate) as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        length += chunk.length;
        this.compressedRead = start + input.bytesRead;
        yield chunk;
      }
      // A raw inflate stops at the end block and leaves the rest of its input: `bytesWritten`
      // counts what it used.
      return { crc, length, consumed: inflate.bytesWritten };
    } finally {
      input.destroy();
      inflate.destroy();
    }
  }
}
