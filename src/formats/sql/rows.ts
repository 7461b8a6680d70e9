// The rows of an INSERT: where they start after its VALUES keyword, and where a later row starts
// outside strings. A statement longer than a range (mysqldump with a large net_buffer_length
// writes one 50 MB INSERT per table) is cut between two of its rows, so that the range after the
// cut starts at a row of a table prepare knows.
import type { ByteSource } from '../types.js';

const LF = 10, CR = 13, TAB = 9, QUOTE = 39, DQUOTE = 34, BACKTICK = 96, BACKSLASH = 92;
const OPEN = 40, CLOSE = 41, COMMA = 44, SEMI = 59, EQUALS = 61;
const BLOCK = 1 << 20;
/** Longest INSERT head looked at for its rows' first `(`. */
export const HEAD_BYTES = 1 << 16;

function isBlank(c: number | undefined): boolean {
  return c === 32 || c === TAB || c === LF || c === CR;
}

function isWordByte(c: number | undefined): boolean {
  return c !== undefined && (((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95);
}

/** Where the run of blanks that ends at `at` starts. */
function blanksBefore(buf: Uint8Array, start: number, at: number): number {
  while (at > start && isBlank(buf[at - 1])) at--;
  return at;
}

/** Whether buf[start, at) ends with the whole word `word` (uppercase ASCII), in any case. */
function wordBefore(buf: Uint8Array, start: number, at: number, word: string): boolean {
  const from = at - word.length;
  if (from < start) return false;
  for (let m = 0; m < word.length; m++) if ((buf[from + m]! & 0xdf) !== word.charCodeAt(m)) return false;
  return from === start || !isWordByte(buf[from - 1]);
}

/**
 * Whether buf[start, at) ends with the keyword VALUES or VALUE (MySQL takes both), ignoring blanks
 * and case. A table named `value` (`INSERT INTO value (a) VALUES …`) is no keyword: INTO comes before it.
 */
export function endsWithValues(buf: Uint8Array, start: number, at: number): boolean {
  const end = blanksBefore(buf, start, at);
  const keyword = wordBefore(buf, start, end, 'VALUES') ? 6 : wordBefore(buf, start, end, 'VALUE') ? 5 : 0;
  if (keyword === 0) return false;
  const before = blanksBefore(buf, start, end - keyword);
  // `nama=VALUES(nama)` in ON DUPLICATE KEY UPDATE is MySQL's VALUES() function, not rows.
  return !wordBefore(buf, start, before, 'INTO') && buf[before - 1] !== EQUALS;
}

/** The `(` of the first row in an INSERT's head bytes (past quoted names and a column list), or -1. */
export function firstRowOpen(head: Uint8Array): number {
  let depth = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === QUOTE || c === DQUOTE || c === BACKTICK) {
      const close = head.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === OPEN) {
      if (depth === 0 && endsWithValues(head, 0, i)) return i;
      depth++;
    } else if (c === CLOSE) depth--;
    else if (c === SEMI && depth <= 0) return -1;
  }
  return -1;
}

/**
 * The first row start (its `(`) at or after `target` and before `limit`, walking quotes and
 * parentheses from `from`, a row start of the same INSERT (or its first row's `(`); -1 when the
 * statement ends first. Each cut walks on from the last one, so a statement is read once.
 */
export async function rowStartAfter(
  source: ByteSource, from: number, target: number, limit: number, backslashEscapes: boolean,
): Promise<number> {
  let quote = 0, escaped = false, depth = 0, betweenRows = false, escapes = backslashEscapes;
  // The two bytes before the current one, across reads: an E'…' string escapes with backslashes.
  let before = 32, before2 = 32;
  const scratch = new Uint8Array(Math.min(BLOCK, limit - from));
  for (let at = from; at < limit; at += BLOCK) {
    const buf = await source.read(at, Math.min(BLOCK, limit - at), scratch);
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      const e = before, e2 = before2;
      before2 = before;
      before = c;
      if (quote !== 0) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH && escapes && quote !== BACKTICK) escaped = true;
        else if (c === quote) quote = 0; // a doubled quote closes and opens again
        continue;
      }
      if (c === OPEN) {
        if (depth === 0 && betweenRows && at + i >= target) return at + i;
        depth++;
      } else if (c === CLOSE) {
        depth--;
        betweenRows = false;
      } else if (c === COMMA) betweenRows = depth === 0;
      else if (c === QUOTE || c === DQUOTE || c === BACKTICK) {
        quote = c;
        betweenRows = false;
        escapes = backslashEscapes || (c === QUOTE && (e | 0x20) === 0x65 && !isWordByte(e2) && !(e2 >= 48 && e2 <= 57));
      }
      else if (c === SEMI && depth <= 0) return -1;
      else if (!isBlank(c)) betweenRows = false;
    }
    if (buf.length === 0) break;
  }
  return -1;
}
