// Lone-CR line breaks (old Mac files, Excel's "CSV (Macintosh)" export). Readers, range cuts and
// line counts all split at LF, so a file whose lines end with a CR alone is read with every CR
// taken as an LF. The mapping is byte for byte, so offsets stay exact; it is decided once per file
// from its head and carried in the file state, for every path that reads the file's bytes.
import type { ByteSource, FileState } from './types.js';

const LF = 10, CR = 13;
/** Bytes of the head that decide: the file's lines must end with CRs from its start. */
export const LINE_BREAK_SNIFF_BYTES = 65536;

/** Whether a file (UTF-8 or a single-byte encoding) with this head ends its lines with a lone CR. */
export function endsLinesWithCr(head: Uint8Array): boolean {
  const sample = asBuffer(head).subarray(0, LINE_BREAK_SNIFF_BYTES);
  return sample.indexOf(CR) >= 0 && sample.indexOf(LF) < 0;
}

/** The state key set on a file read with CRs as LFs. */
const CR_LINE_BREAKS = 'crLineBreaks';

export function withCrLineBreaks(state: FileState): FileState {
  return { ...state, [CR_LINE_BREAKS]: true };
}

export function readsCrAsLf(state: FileState): boolean {
  return state[CR_LINE_BREAKS] === true;
}

/** Rewrites every CR of `bytes` to an LF, in place (UTF-8 never holds a CR byte inside a character). */
export function crToLf<T extends Uint8Array>(bytes: T): T {
  const buffer = asBuffer(bytes);
  for (let i = buffer.indexOf(CR); i >= 0; i = buffer.indexOf(CR, i + 1)) buffer[i] = LF;
  return bytes;
}

/** `source` with every CR read as an LF. */
export function crAsLfSource(source: ByteSource): ByteSource {
  return { size: source.size, read: async (offset, length, into) => crToLf(await source.read(offset, length, into)) };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
