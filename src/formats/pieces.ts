// Where to cut an over-long record into pieces: at a separator near the limit, so a NIK or an
// e-mail address is not split in two (unless a run of 256 bytes has no separator at all).
import type { ParserOptions } from './chunked.js';
import { transcodesLoneCrAsLf } from './line-breaks.js';

const LOOKBACK = 256;

/** Bytes that no identifier holds (NIK, phone, e-mail, date, address word): a cut after one splits none. */
const SEPARATES = new Uint8Array(128);
for (let c = 0; c < 32; c++) SEPARATES[c] = 1;
for (const c of ',;|&="\'<>[]{}!?#*^~`$\\') SEPARATES[c.charCodeAt(0)] = 1;

export function separatesTokens(c: number): boolean {
  return c < 128 && SEPARATES[c] === 1;
}

export function pieceEnd(buf: Uint8Array, from: number, to: number): number {
  // Never leave more than half the tail behind, so the kept tail stays within the limit.
  const floor = Math.max(from + 1, to - Math.min(LOOKBACK, (to - from) >> 1));
  for (let i = to - 1; i >= floor; i--) {
    const c = buf[i]!;
    if (c === 32 || separatesTokens(c)) return i + 1;
  }
  return to;
}

/**
 * Parser options carried in a reader state: the record limit (the scan layer may set
 * `maxRecordBytes`), and the UTF-16 encoding and lone-CR line breaks that detectFormat's wrapper
 * records.
 */
export function recordLimit(state: Record<string, unknown>): ParserOptions {
  const options: ParserOptions = {};
  const limit = state['maxRecordBytes'];
  if (typeof limit === 'number' && limit > 0) options.maxRecordBytes = limit;
  const encoding = state['encoding'];
  if (encoding === 'utf-16le' || encoding === 'utf-16be') options.encoding = encoding;
  if (transcodesLoneCrAsLf(state)) options.loneCrLineBreaks = true;
  return options;
}
