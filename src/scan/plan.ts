// Plans a scan: for each file, sniff gzip and the format from its head, let the reader learn
// the file-wide state, and cut large splittable files into ranges at line boundaries (or where
// the reader says records start) so that several workers can share one file. A gzip file is cut
// the same way as it is inflated (scan/stream.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { detectFormat, utf16Encoding } from '../formats/index.js';
import {
  endsWithCr, hasLoneCr, INPUT_END, loneCrAsLfSource, loneCrsAsLf, loneCrToLf, readsLoneCrAsLf, withLoneCrLineBreaks,
} from '../formats/line-breaks.js';
import { separatesTokens } from '../formats/pieces.js';
import { FormatError, type ByteSource, type FileState, type FormatReader, type RangeSize } from '../formats/types.js';
import { GzipFile } from './gunzip.js';
import type { InputFile } from './inputs.js';
import { describeReadError } from './read-error.js';
import { chunkRanges, gzipRanges, type StreamRange } from './stream.js';
import { openInputStream, STDIN_PATH } from './stream-input.js';
import { MIN_RANGE_BYTES } from './workers.js';

const HEAD_BYTES = 256 << 10;
/** The format of a task whose file is planned by the thread that scans it (scan/task.ts). */
export const PLAN_HERE = '';
/**
 * Files up to this size are planned where they are scanned, as one range. Planning one (read it
 * whole, sniff its format and CSV dialect) costs a third of the CPU of scanning it; on the main
 * thread it kept the workers of a folder of small exports waiting for their next file.
 */
export const SMALL_FILE_BYTES = HEAD_BYTES;
/**
 * The largest range. A worker's exact distinct tables grow with its range: a 32 MB range of a dense
 * dump holds ~150k values per type (4 MB tables each, 16 types), an 8 MB range about 1 MB each.
 */
export const RANGE_BYTES = 8 << 20;
/**
 * Ranges per file to aim for: with few large ranges the last worker finishes alone (a 50 MB file
 * in 32 MB + 18 MB ranges caps 2 workers at 1.56×); 16 keep the tail short for a few workers.
 */
const TARGET_RANGES = 16;

/** Range size for a file: about TARGET_RANGES ranges, each between MIN_RANGE_BYTES and RANGE_BYTES. */
export function rangeBytesFor(size: number): number {
  return Math.min(RANGE_BYTES, Math.max(MIN_RANGE_BYTES, Math.ceil(size / TARGET_RANGES)));
}
/** The shortest of a file's last ranges. */
const TAIL_RANGE_BYTES = 1 << 20;
/** Near its end, a range takes this share of what is left of the file. */
const TAIL_SHARE = 4;

/**
 * Range lengths along a file: `rangeBytes` until what is left is a few ranges' worth, then a
 * quarter of the rest each time (8 MB ranges: 8, 6, 4.5, 3.4 … down to 1 MB). Workers take the
 * last ranges as they finish others, so short ones leave no worker scanning alone for long.
 */
export function rangeSchedule(size: number, rangeBytes: number): RangeSize {
  const shortest = Math.min(rangeBytes, TAIL_RANGE_BYTES);
  return (offset) => Math.max(shortest, Math.min(rangeBytes, Math.ceil((size - offset) / TAIL_SHARE)));
}
const BOUNDARY_SEARCH = 1 << 20;
/** The largest range of a decompressed stream, whose bytes the scan holds rather than a worker reading them. */
const STREAM_RANGE_BYTES = 4 << 20;

export interface FilePlan {
  path: string;
  size: number;
  format: string;
  gzip: boolean;
  state: FileState;
  /**
   * [start, end) byte ranges covering the file, in order. Where the reader finds record starts
   * by walking the file, they arrive as the walk goes, so workers start on the first ones early.
   */
  ranges: Iterable<[number, number]> | AsyncIterable<[number, number]>;
  /**
   * Instead of `ranges`, for a gzip file whose format can be cut in a stream: the decompressed
   * ranges with their bytes, inflated and cut on this thread as the scan asks for them.
   */
  streamed?: AsyncIterable<StreamRange>;
  /**
   * The whole file, when its head held all of it: it goes to the worker with the task, which
   * then neither opens nor reads the file again (folders of thousands of small exports).
   */
  bytes?: Uint8Array;
  error?: string;
}

export async function planFile(input: InputFile, rangeBytes = rangeBytesFor(input.size)): Promise<FilePlan> {
  const base: FilePlan = { path: input.path, size: input.size, format: 'unknown', gzip: false, state: {}, ranges: [] };
  if (input.error) return { ...base, error: input.error };
  if (input.stream) return planStream(base, rangeBytes);
  const file = fileSource(input.path, input.size);
  try {
    // A small file is read whole at once: a blocking read of at most 256 KB costs the main
    // thread a sixth of the CPU of three promise round trips (open, read, close) through libuv.
    const raw = input.size <= HEAD_BYTES ? readWholeSync(input.path, input.size) : await file.read(0, HEAD_BYTES);
    const gzip = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
    const head = gzip ? await gunzipHead(input.path) : raw;
    const fileBytes = (loneCrs: boolean) => (loneCrs ? loneCrAsLfSource(file) : file);
    const { reader, state, loneCrs, cutsOf } = await sniff(head, gzip ? input.path.replace(/\.gz$/i, '') : input.path, (loneCrs) => (gzip ? headSource(head) : fileBytes(loneCrs)));
    const planned = { ...base, format: reader.format, gzip, state };
    if (gzip && cutsInStream(reader)) {
      // Decompressed, a gzip file is typically 5-10 times larger: worth splitting from a range's worth.
      // Its ranges are held in memory, by this thread and then a worker, so they stay small.
      const streamRange = Math.min(rangeBytes, STREAM_RANGE_BYTES);
      if (input.size * 4 > streamRange) {
        return { ...planned, streamed: gzipRanges(input.path, (source) => cutsOf(source, () => streamRange), loneCrs) };
      }
    }
    if (gzip || !reader.splittable || input.size <= rangeBytes) {
      // A copy: its buffer moves to the worker, and the head's may be shared with other buffers.
      const bytes = !gzip && raw.length === input.size ? new Uint8Array(raw) : undefined;
      return { ...planned, ranges: [[0, input.size]], ...(bytes ? { bytes } : {}) };
    }
    // The walk reopens the file when the scan asks for its ranges, and closes it at the end.
    return { ...planned, ranges: rangesBetween(cutsOf(fileBytes(loneCrs), rangeSchedule(input.size, rangeBytes)), file) };
  } catch (error) {
    return { ...base, error: planError(error) };
  } finally {
    await file.close();
  }
}

/** A stream (standard input, a pipe) read whole: its format is one that cannot be cut as it arrives. */
const WHOLE_STREAM_BYTES = 256 << 20;

/**
 * Plans standard input or a pipe, read once: cut into ranges as it arrives, as a gzip file is, or
 * read whole (up to WHOLE_STREAM_BYTES) when its format cannot be cut in a stream.
 */
async function planStream(base: FilePlan, rangeBytes: number): Promise<FilePlan> {
  try {
    const stream = await openInputStream(base.path, HEAD_BYTES);
    const head = stream.head;
    const { reader, state, loneCrs, cutsOf } = await sniff(head, base.path === STDIN_PATH ? '' : base.path.replace(/\.gz$/i, ''), () => headSource(head));
    const planned = { ...base, format: reader.format, state };
    if (cutsInStream(reader)) {
      const streamRange = Math.min(rangeBytes, STREAM_RANGE_BYTES);
      return { ...planned, streamed: chunkRanges(stream.chunks, (source) => cutsOf(source, () => streamRange), loneCrs, stream.bytesRead) };
    }
    const parts: Buffer[] = [];
    let length = 0;
    for await (const chunk of loneCrs ? loneCrsAsLf(stream.chunks) : stream.chunks) {
      if ((length += chunk.length) > WHOLE_STREAM_BYTES) {
        return { ...base, error: `TOO_LARGE: aliran ${reader.format} lebih dari ${WHOLE_STREAM_BYTES >> 20} MB tidak dapat dipotong; simpan ke berkas dulu / a ${reader.format} stream over ${WHOLE_STREAM_BYTES >> 20} MB cannot be cut; save it to a file first` };
      }
      parts.push(chunk);
    }
    return { ...planned, size: stream.bytesRead(), ranges: [[0, length]], bytes: new Uint8Array(Buffer.concat(parts, length)) };
  } catch (error) {
    return { ...base, error: planError(error) };
  }
}

/**
 * A (decompressed) head's line breaks and format, and the file-wide state its reader learns from
 * `sourceFor(loneCrs)`. The head is read with lone CRs as LFs from here on; a CR that ends a
 * longer head is taken for a lone one: only the sniff sees it.
 */
async function sniff(head: Uint8Array, name: string, sourceFor: (loneCrs: boolean) => ByteSource) {
  const loneCrs = readsLoneCrs(head);
  if (loneCrs) loneCrToLf(head, INPUT_END);
  const reader = detectFormat(head, name);
  const prepared = await reader.prepare(sourceFor(loneCrs), head);
  const state = loneCrs ? withLoneCrLineBreaks(prepared) : prepared;
  const cutsOf = (source: ByteSource, lengths: RangeSize) => (reader.cuts ? reader.cuts(state, source, lengths) : lineCuts(source, lengths));
  return { reader, state, loneCrs, cutsOf };
}

/** Whether a format can be cut into ranges as its bytes arrive (a gzip file inflating, a pipe). */
function cutsInStream(reader: FormatReader): boolean {
  return reader.splittable && (!reader.cuts || reader.cutsStreams === true);
}

const headSource = (head: Uint8Array): ByteSource => ({ size: head.length, read: async (offset, length) => head.subarray(offset, offset + length) });

function planError(error: unknown): string {
  return error instanceof FormatError ? `${error.code}: ${error.message}` : describeReadError(error);
}

/**
 * Whether a file with this (decompressed) head ends lines with a lone CR. UTF-16 is left as it is:
 * its code units hold CR bytes that are not CRs (U+010D, č, is 0D 01).
 */
function readsLoneCrs(head: Uint8Array): boolean {
  return hasLoneCr(head) && utf16Encoding(head) === null;
}

/** A small file's bytes; one byte more than `size` is asked for, so a file that grew is not taken as whole. */
function readWholeSync(path: string, size: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, size + 1));
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

async function readAt(handle: FileHandle, offset: number, length: number, into?: Uint8Array): Promise<Uint8Array> {
  const buffer = into && into.length >= length ? into : Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

/** The first decompressed bytes of a gzip file; a truncated stream yields what it has. */
async function gunzipHead(path: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of new GzipFile(path)) {
      parts.push(chunk);
      total += chunk.length;
      if (total >= HEAD_BYTES) break;
    }
  } catch {
    // A truncated or corrupt stream: the task reports it; the head is what could be read.
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

/**
 * Offsets where ranges of about `rangeBytes(start)` may start, each just after a newline, for
 * formats whose records are lines. Reads only forward, so it also cuts a decompressed stream.
 */
export async function* lineCuts(source: ByteSource, rangeBytes: RangeSize): AsyncGenerator<number> {
  for (let last = 0; ;) {
    const length = rangeBytes(last);
    const target = last + length;
    // A line that ends within two ranges of the target is kept whole: a cut inside a JSON line loses the field paths
    // of the rest of it, as its parser starts without the line's start.
    let cut = -1, first: Uint8Array | null = null;
    for (let at = target; cut < 0 && at < target + Math.max(2 * length, BOUNDARY_SEARCH); at += BOUNDARY_SEARCH) {
      const window = await source.read(at, BOUNDARY_SEARCH);
      if (window.length === 0) return; // the last line runs to the end: no cut needed
      const newline = window.indexOf(10);
      if (newline >= 0) cut = at + newline + 1;
      first ??= window;
    }
    if (cut < 0) cut = target + lineCutIn(first!);
    if (cut >= source.size) return;
    yield cut;
    last = cut;
  }
}

function isAsciiNonDigit(c: number): boolean {
  return c < 128 && (c < 48 || c > 57);
}

/**
 * Where in `window` a range may start: after its first newline. A line longer than the search (a
 * log or text export on one line) is cut after a separator, else after a space, else between two
 * ASCII non-digits (no NIK or phone spans those), so that no identifier is split: at the window's
 * end, a NIK at each cut was lost. Only a window of one token is cut at its end.
 */
export function lineCutIn(window: Uint8Array): number {
  const newline = window.indexOf(10);
  if (newline >= 0) return newline + 1;
  let space = -1, between = -1;
  for (let i = 0; i < window.length; i++) {
    const c = window[i]!;
    // Not after the backslash of a \u escape: the next range would glue its hex digits to a NIK.
    if (separatesTokens(c)) return c === 92 && window[i + 1] === 117 ? i : i + 1;
    if (c === 32) space = space < 0 ? i + 1 : space;
    else if (between < 0 && i > 0 && isAsciiNonDigit(c) && isAsciiNonDigit(window[i - 1]!)) between = i;
  }
  return space >= 0 ? space : between >= 0 ? between : window.length;
}

/** Ranges between the cuts of a walk over `source`, which is closed when the walk ends or stops. */
async function* rangesBetween(cuts: AsyncIterable<number>, source: FileSource): AsyncGenerator<[number, number]> {
  try {
    let start = 0;
    for await (const cut of cuts) {
      yield [start, cut];
      start = cut;
    }
    yield [start, source.size];
  } finally {
    await source.close();
  }
}

interface FileSource extends ByteSource {
  close(): Promise<void>;
}

/** A file as a ByteSource that opens on its first read (again after close). */
function fileSource(path: string, size: number): FileSource {
  let handle: Promise<FileHandle> | null = null;
  return {
    size,
    async read(offset, length, into) {
      handle ??= open(path, 'r');
      return readAt(await handle, offset, Math.max(0, Math.min(length, size - offset)), into);
    },
    async close() {
      const opened = handle;
      handle = null;
      if (opened) await (await opened).close();
    },
  };
}

/** Counts line breaks in [start, end) of a (plain) file, its lone CRs too when the plan's `state` says so: the line base of the next range. */
export async function countNewlines(path: string, state: FileState, start: number, end: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(4 << 20);
    const loneCrs = readsLoneCrAsLf(state);
    let lines = 0, offset = start;
    while (offset < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - offset), offset);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      if (loneCrs) loneCrToLf(bytes, endsWithCr(bytes) ? (await readAt(handle, offset + bytesRead, 1))[0] ?? INPUT_END : INPUT_END);
      lines += newlinesIn(bytes);
      offset += bytesRead;
    }
    return lines;
  } finally {
    await handle.close();
  }
}

/** Newlines in `bytes`: how many lines a range of a file or stream moves the line count on. */
export function newlinesIn(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}
