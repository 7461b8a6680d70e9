// Where to cut an over-long record into pieces: at a separator near the limit, so a NIK or an
// e-mail address is not split in two (unless a run of 256 bytes has no separator at all).
import type { ParserOptions } from './chunked.js';

const LOOKBACK = 256;

export function pieceEnd(buf: Uint8Array, from: number, to: number): number {
  // Never leave more than half the tail behind, so the kept tail stays within the limit.
  const floor = Math.max(from + 1, to - Math.min(LOOKBACK, (to - from) >> 1));
  for (let i = to - 1; i >= floor; i--) {
    const c = buf[i]!;
    if (c === 32 || c === 9 || c === 44 || c === 59 || c === 10 || c === 13 || c === 34 || c === 39) return i + 1;
  }
  return to;
}

/**
 * Parser options carried in a reader state: the record limit (the scan layer may set
 * `maxRecordBytes`) and the UTF-16 encoding that detectFormat's wrapper records.
 */
export function recordLimit(state: Record<string, unknown>): ParserOptions {
  const options: ParserOptions = {};
  const limit = state['maxRecordBytes'];
  if (typeof limit === 'number' && limit > 0) options.maxRecordBytes = limit;
  const encoding = state['encoding'];
  if (encoding === 'utf-16le' || encoding === 'utf-16be') options.encoding = encoding;
  return options;
}
