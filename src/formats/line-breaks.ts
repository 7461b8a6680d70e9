// Lone-CR line breaks (old Mac files, Excel's "CSV (Macintosh)" export, files appended to on
// different systems). Readers, range cuts and line counts all split at LF, so a file that ends
// lines with a CR alone is read with each such CR taken as an LF; a CRLF stays as it is, one
// break. The mapping is byte for byte, so offsets stay exact. It is decided once per file from its
// head and carried in the file state, for every path that reads the file's bytes.
import type { ByteSource, FileState } from './types.js';

const LF = 10, CR = 13;
/** Bytes of the head that decide. */
export const LINE_BREAK_SNIFF_BYTES = 65536;
/** `next` for bytes that end the input. */
export const INPUT_END = -1;

/** Whether a file (UTF-8 or a single-byte encoding) with this head ends a line with a lone CR. */
export function hasLoneCr(head: Uint8Array): boolean {
  const sample = asBuffer(head).subarray(0, LINE_BREAK_SNIFF_BYTES);
  // A CR that ends the sample may be the first half of a CRLF: it does not decide.
  for (let i = sample.indexOf(CR); i >= 0 && i + 1 < sample.length; i = sample.indexOf(CR, i + 1)) {
    if (sample[i + 1] !== LF) return true;
  }
  return false;
}

/** The state key set on a file read with its lone CRs as LFs. */
const LONE_CR_LINE_BREAKS = 'loneCrLineBreaks';

export function withLoneCrLineBreaks(state: FileState): FileState {
  return { ...state, [LONE_CR_LINE_BREAKS]: true };
}

/** Whether a file's bytes are read with their lone CRs as LFs (UTF-16 is mapped as it is transcoded). */
export function readsLoneCrAsLf(state: FileState): boolean {
  return state[LONE_CR_LINE_BREAKS] === true && state['encoding'] === undefined;
}

/** Whether a UTF-16 file's transcoding maps its lone CRs to LFs. */
export function transcodesLoneCrAsLf(state: FileState): boolean {
  return state[LONE_CR_LINE_BREAKS] === true && state['encoding'] !== undefined;
}

/**
 * Rewrites each CR of `bytes` that no LF follows to an LF, in place (UTF-8 never holds a CR byte
 * inside a character). `next` is the byte just after them, or INPUT_END.
 */
export function loneCrToLf<T extends Uint8Array>(bytes: T, next: number): T {
  const buffer = asBuffer(bytes);
  for (let i = buffer.indexOf(CR); i >= 0; i = buffer.indexOf(CR, i + 1)) {
    if ((i + 1 < buffer.length ? buffer[i + 1] : next) !== LF) buffer[i] = LF;
  }
  return bytes;
}

/** Whether the byte after `bytes` is needed to map them: they end with a CR. */
export function endsWithCr(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR;
}

/** `source` with its lone CRs read as LFs (the bytes read are rewritten in place). */
export function loneCrAsLfSource(source: ByteSource): ByteSource {
  return {
    size: source.size,
    async read(offset, length, into) {
      const bytes = await source.read(offset, length, into);
      const next = endsWithCr(bytes) ? (await source.read(offset + bytes.length, 1))[0] ?? INPUT_END : INPUT_END;
      return loneCrToLf(bytes, next);
    },
  };
}

/** Chunks of a stream with their lone CRs as LFs; a chunk that ends with a CR waits for the next. */
export async function* loneCrsAsLf(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  let held: Buffer | null = null;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (held) yield loneCrToLf(held, chunk[0]!);
    held = endsWithCr(chunk) ? chunk : null;
    if (!held) yield loneCrToLf(chunk, INPUT_END);
  }
  if (held) yield loneCrToLf(held, INPUT_END);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
