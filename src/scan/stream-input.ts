// An input read once, front to back: standard input (`telusur scan -`) or a pipe, as a shell gives
// for `<(xzcat leak.sql.xz)`, so a leak packed in a format Telusur does not open (xz, zstd, 7z,
// rar) is scanned through its own tool. Nothing is written to disk: the scan cuts the stream into
// ranges as it arrives (scan/stream.ts), as it does an inflating gzip file.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The path that names standard input. */
export const STDIN_PATH = '-';

export interface InputStream {
  /** The first bytes of the (inflated) stream, up to the head size asked for; the caller's own copy. */
  head: Uint8Array;
  /** Every (inflated) chunk, the head's included, in order. */
  chunks: AsyncIterable<Buffer>;
  gzip: boolean;
  /** Bytes read from the input so far (compressed, for a gzip stream). */
  bytesRead(): number;
}

/** Opens the stream at `path`, inflating it when it is gzip, and reads its head. */
export async function openInputStream(path: string, headBytes: number): Promise<InputStream> {
  const input: AsyncIterable<Buffer> = path === STDIN_PATH ? process.stdin : createReadStream(path);
  let read = 0;
  const raw = counted(input, (n) => (read += n));
  const magic = await take(raw, 2);
  const gzip = magic.bytes[0] === 0x1f && magic.bytes[1] === 0x8b;
  // zlib reads every member of a multi-member stream.
  const data = gzip ? Readable.from(magic.rest).pipe(createGunzip()) : magic.rest;
  const head = await take(data, headBytes);
  return { head: new Uint8Array(head.bytes), chunks: head.rest, gzip, bytesRead: () => read };
}

async function* counted(chunks: AsyncIterable<Buffer>, onRead: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    onRead(chunk.length);
    yield chunk;
  }
}

/** At least `length` bytes from the front of `chunks` (fewer if it ends), and all of it again as `rest`. */
async function take(chunks: AsyncIterable<Buffer>, length: number): Promise<{ bytes: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let total = 0;
  while (total < length) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    total += next.value.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* taken;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { bytes: Buffer.concat(taken).subarray(0, length), rest: rest() };
}
