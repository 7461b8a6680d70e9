// Splits a gzip file across workers. A gzip stream cannot be entered in the middle, so the main
// thread inflates it (zlib runs on libuv's threads, not the JS thread), cuts the decompressed bytes
// where records start, with the same cut rules as for plain files, and hands each range's bytes
// to a worker. Memory stays bounded: only the bytes between the last cut and the read frontier are
// kept, and the scan dispatches a bounded number of ranges at a time.
import { loneCrsAsLf } from '../formats/line-breaks.js';
import type { ByteSource } from '../formats/types.js';
import { GzipFile } from './gunzip.js';

/**
 * Buffers of ranges already scanned, back from the workers: the next ranges are copied into them,
 * so a scan does not leave a trail of dead 8 MB buffers for the collector in every thread.
 */
const spare: ArrayBuffer[] = [];
const MAX_SPARE = 4;

/** Gives back a range's buffer once its scan is done (the bytes are never read again). */
export function recycleRangeBuffer(bytes: Uint8Array): void {
  if (spare.length < MAX_SPARE && bytes.byteOffset === 0 && bytes.buffer.byteLength > 0) spare.push(bytes.buffer as ArrayBuffer);
}

/** One range of decompressed bytes, with how far into the compressed file it reaches. */
export interface StreamRange {
  /** Offsets in the decompressed stream. */
  start: number;
  end: number;
  /** The range's bytes, in an ArrayBuffer of their own (so a worker can take it without a copy). */
  bytes: Uint8Array;
  /** Compressed bytes read once this range was complete: what its scan is worth in progress. */
  compressedEnd: number;
}

/**
 * The decompressed stream as a ByteSource that is read forward: reads may reach back only to the
 * last `release` point. Its size is unknown until the stream ends, so it reports Infinity and reads
 * past the end come back short, as from a file.
 */
export class StreamWindow implements ByteSource {
  readonly size = Infinity;
  private buffer = Buffer.alloc(0);
  /** Stream offset of buffer[0], and how many bytes of the buffer are filled. */
  private base = 0;
  private filled = 0;
  /** Bytes before this offset are no longer needed. */
  private keepFrom = 0;
  private ended = false;
  /** A stream error (a truncated or corrupt file): what came before it is still read. */
  error: unknown = null;

  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  /** Offset just past the bytes inflated so far. */
  get frontier(): number {
    return this.base + this.filled;
  }

  get done(): boolean {
    return this.ended;
  }

  async read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array> {
    if (offset < this.base) throw new RangeError(`stream window: offset ${offset} was already released (window starts at ${this.base})`);
    while (!this.ended && offset + length > this.frontier) await this.pull();
    const from = offset - this.base, to = Math.min(this.filled, from + length);
    if (to <= from) return new Uint8Array(0);
    const out = into && into.length >= to - from ? into : new Uint8Array(to - from);
    out.set(this.buffer.subarray(from, to));
    return out.subarray(0, to - from);
  }

  /** Reads until `offset` is inflated or the stream ends. */
  async fill(offset: number): Promise<void> {
    while (!this.ended && offset > this.frontier) await this.pull();
  }

  /** A copy of [start, end) at the start of an ArrayBuffer of its own (a recycled one when one fits). */
  copy(start: number, end: number): Uint8Array {
    const length = end - start;
    const fits = spare.findIndex((buffer) => buffer.byteLength >= length);
    // New buffers get some room: ranges end where records do, so their lengths vary a little.
    const buffer = fits >= 0 ? spare.splice(fits, 1)[0]! : new ArrayBuffer(length + (length >> 3));
    const bytes = new Uint8Array(buffer, 0, length);
    bytes.set(this.buffer.subarray(start - this.base, end - this.base));
    return bytes;
  }

  /** Bytes before `offset` will not be read again. */
  release(offset: number): void {
    this.keepFrom = Math.max(this.keepFrom, offset);
  }

  private async pull(): Promise<void> {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      this.error = error;
      this.ended = true;
      return;
    }
    if (next.done) {
      this.ended = true;
      return;
    }
    this.append(next.value);
  }

  private append(chunk: Uint8Array): void {
    // Drop what was released, then grow (doubling) if the rest and the chunk still do not fit.
    const drop = Math.min(this.keepFrom - this.base, this.filled);
    if (drop > 0) {
      this.buffer.copyWithin(0, drop, this.filled);
      this.base += drop;
      this.filled -= drop;
    }
    if (this.filled + chunk.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.filled + chunk.length));
      this.buffer.copy(grown, 0, 0, this.filled);
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.filled);
    this.filled += chunk.length;
  }
}

/**
 * Ranges of the decompressed gzip file at `path`, cut by `cutsOf` (the reader's record cuts, or
 * line cuts) over the stream, with lone CRs read as LFs when `loneCrs`. The last range runs to
 * where the stream ends; a stream error is thrown after the ranges before it, so their findings
 * are kept.
 */
export function gzipRanges(path: string, cutsOf: (source: ByteSource) => AsyncIterable<number>, loneCrs = false): AsyncGenerator<StreamRange> {
  const file = new GzipFile(path);
  return chunkRanges(file, cutsOf, loneCrs, () => file.compressedRead);
}

/** Ranges of a stream of chunks, as gzipRanges; `readSoFar` is what each range's scan is worth in progress. */
export async function* chunkRanges(
  source: AsyncIterable<Buffer>, cutsOf: (source: ByteSource) => AsyncIterable<number>, loneCrs: boolean, readSoFar: () => number,
): AsyncGenerator<StreamRange> {
  const chunks = loneCrs ? loneCrsAsLf(source) : source[Symbol.asyncIterator]();
  const window = new StreamWindow(chunks);
  try {
    let start = 0;
    for await (const cut of cutsOf(window)) {
      if (cut <= start) continue;
      await window.fill(cut);
      const end = Math.min(cut, window.frontier);
      yield { start, end, bytes: window.copy(start, end), compressedEnd: readSoFar() };
      // A cut walk may look one byte behind its position (to tell a field start).
      window.release(end - 1);
      start = end;
      if (end < cut) break; // the stream ended before the cut
    }
    await window.fill(Infinity);
    if (window.frontier > start) {
      yield { start, end: window.frontier, bytes: window.copy(start, window.frontier), compressedEnd: readSoFar() };
    }
    if (window.error) throw window.error;
  } finally {
    await chunks.return?.(undefined);
  }
}
