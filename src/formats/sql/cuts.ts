// Where a SQL dump may be cut into ranges. A plain newline is not enough: pg_dump --inserts writes
// text with its line breaks (an address over two lines), and a range that starts inside such a
// string reads every quote after it the wrong way round. A cut goes where a statement starts on
// a new line after the end of the statement before it (a `;`, a blank or comment line: a string
// may hold a line that starts with `INSERT `, a note quoting SQL, but seldom right after a `;`),
// or at any newline of COPY data, whose rows are lines.
import type { ByteSource, RangeSize } from '../types.js';
import { backslashEscapesAt, type SqlState } from './prepare.js';
import { rowStartAfter } from './rows.js';

const LF = 10, CR = 13, TAB = 9, SEMI = 59, CLOSE = 41, SLASH = 47, STAR = 42, DASH = 45, HASH = 35, BACKSLASH = 92, DOT = 46;
const BLOCK = 1 << 20;
const FIRST_READ = 64 << 10;
/** Bytes past a block checked after a newline: an indent and the longest statement keyword. */
const KEYWORD_BYTES = 64;
const STATEMENT_SEARCH = 16 << 20;
/** How far back a line before a statement is looked at for a comment. */
const COMMENT_LOOKBACK = 1024;
/** Bytes read before each block: the line before a statement, as far as followsStatementEnd looks. */
const LOOKBACK_BYTES = COMMENT_LOOKBACK + 16;

const STATEMENT_STARTS = ['INSERT ', 'CREATE ', 'COPY ', 'REPLACE ', 'UNLOCK ', 'DROP ', 'ALTER ', 'LOCK '];

/** The keywords' first letters, in both cases: prepare asks this of every line of a dump. */
const FIRST_LETTERS = new Uint8Array(256);
for (const word of STATEMENT_STARTS) FIRST_LETTERS[word.charCodeAt(0)] = FIRST_LETTERS[word.charCodeAt(0) | 0x20] = 1;

/** Whether a statement keyword starts at buf[at] (any case). */
export function startsStatement(buf: Uint8Array, at: number, to: number): boolean {
  if (at >= to || FIRST_LETTERS[buf[at]!] !== 1) return false;
  for (const word of STATEMENT_STARTS) {
    if (at + word.length > to) continue;
    let same = true;
    for (let m = 0; m < word.length && same; m++) {
      const c = buf[at + m]!;
      same = (c === 32 ? 32 : c & 0xdf) === word.charCodeAt(m);
    }
    if (same) return true;
  }
  return false;
}

/**
 * Whether the line at buf[at] may start a statement by what comes before it: nothing (the start of
 * `buf[from…]`), a blank line, or a line that ends a statement (`;`), COPY data (`\.`) or a comment.
 * A string may hold a line that starts with INSERT or COPY (a note that quotes SQL), but seldom
 * right after one of those.
 */
export function followsStatementEnd(buf: Uint8Array, at: number, from = 0): boolean {
  let k = at - 2; // the byte before the line break
  while (k >= from && (buf[k] === 32 || buf[k] === TAB || buf[k] === CR)) k--;
  // A `)` ends SQL Server's INSERT lines, which need no `;`.
  if (k < from || buf[k] === LF || buf[k] === SEMI || buf[k] === CLOSE) return true;
  if (buf[k] === SLASH && buf[k - 1] === STAR) return true;
  let start = k;
  while (start > from && start > k - COMMENT_LOOKBACK && buf[start - 1] !== LF) start--;
  if (start > from && buf[start - 1] !== LF) return false; // longer than any comment line looked for
  while (buf[start] === 32 || buf[start] === TAB) start++;
  const first = buf[start], second = buf[start + 1];
  return (first === DASH && second === DASH) || first === HASH || (first === BACKSLASH && second === DOT && start + 1 === k)
    || batchSeparatorEnd(buf, start, k + 1) === k + 1;
}

/**
 * SQL Server's batch separator: a line of `GO` (with an optional count, `GO 10`) at buf[at]. Where
 * the line's text ends (before its line break), or -1 when the line at `at` is no such line or
 * runs past `to`.
 */
export function batchSeparatorEnd(buf: Uint8Array, at: number, to: number): number {
  while (at < to && (buf[at] === 32 || buf[at] === TAB)) at++;
  if (at + 2 > to || (buf[at]! | 0x20) !== 0x67 || (buf[at + 1]! | 0x20) !== 0x6f) return -1;
  let k = at + 2;
  while (k < to && ((buf[k]! >= 48 && buf[k]! <= 57) || buf[k] === 32 || buf[k] === TAB)) k++;
  if (k < to && buf[k] === CR) k++;
  return k === to || buf[k] === LF ? k : -1;
}

/**
 * Whether a statement keyword starts at buf[at] after spaces and tabs: an indented dump's
 * statements. Each line's blanks are passed once, so a caller may ask this of every line.
 */
export function startsIndentedStatement(buf: Uint8Array, at: number, to: number): boolean {
  while (at < to && (buf[at] === 32 || buf[at] === 9)) at++;
  return startsStatement(buf, at, to);
}

export interface SqlCutOptions {
  rangeBytes: RangeSize;
  /** How far past its target a cut looks for a statement start (default 16 MB, mysqldump's longest line). */
  statementSearch?: number;
  /** Bytes read at a time (tests use tiny blocks to exercise the block edges). */
  blockBytes?: number;
}

/**
 * Offsets (ascending, within (0, size)) where ranges of about `rangeBytes(start)` may start. Each cut
 * reads only from its target to the next statement start. When none comes within the search
 * (one statement longer than that), the cut falls back to the next newline, as for text.
 */
export async function* sqlCuts(source: ByteSource, state: SqlState, options: SqlCutOptions): AsyncGenerator<number> {
  const { rangeBytes } = options;
  const blockBytes = Math.max(KEYWORD_BYTES + 1, options.blockBytes ?? BLOCK);
  const scratch = Buffer.allocUnsafe(LOOKBACK_BYTES + blockBytes + KEYWORD_BYTES);
  const ahead = new Uint8Array(AHEAD_BYTES);
  // A candidate statement must end where another statement begins: read ahead from it to see.
  const ends = async (at: number) => endsBeforeStatement(await source.read(at, AHEAD_BYTES, ahead), backslashEscapesAt(state, at));
  const lineStart = (from: number, limit: number, statement: boolean) => nextLineStart(source, from, limit, statement ? ends : null, blockBytes, scratch);
  const copies = state.copies;
  let copy = 0;
  let last = 0;
  for (;;) {
    const length = rangeBytes(last);
    const target = last + length;
    if (target >= source.size) return;
    while (copy < copies.length && copies[copy]![1] <= target) copy++;
    const block = copies[copy];
    const searchEnd = Math.min(source.size, target + Math.max(length, options.statementSearch ?? STATEMENT_SEARCH));
    let cut: number;
    if (block && block[0] <= target) {
      // Inside COPY data: any line start (the `\.` line included) begins a row the parser reads in COPY mode.
      cut = await lineStart(target, block[1], false);
      if (cut < 0) cut = block[1];
    } else {
      cut = await lineStart(target, Math.min(searchEnd, block ? block[0] : Infinity), true);
      if (cut < 0) cut = await rowCut(source, state, last, target, searchEnd);
      if (cut < 0 && block && block[0] < searchEnd) cut = block[0];
      else if (cut < 0 && searchEnd >= source.size) return; // the last statement runs to the end
      else if (cut < 0) cut = await lineStart(target, searchEnd, false);
      if (cut < 0) cut = searchEnd;
    }
    if (cut <= last || cut >= source.size) return;
    yield cut;
    last = cut;
  }
}

/**
 * Inside an INSERT longer than the statement search (no statement starts before `searchEnd`), the
 * first of its rows at or after `target`, walked from the last cut when that was one of its rows;
 * -1 when `target` is in no long INSERT.
 */
async function rowCut(source: ByteSource, state: SqlState, last: number, target: number, searchEnd: number): Promise<number> {
  const insert = (state.inserts ?? []).find(([rowsStart, end]) => end > target && rowsStart < searchEnd);
  if (!insert) return -1;
  const [rowsStart, end] = insert;
  const from = Math.max(rowsStart, last);
  return rowStartAfter(source, from, target, end, backslashEscapesAt(state, from));
}

/** The first line start in (from, limit) (one that opens a statement when `statement`), or -1. */
async function nextLineStart(
  source: ByteSource, from: number, limit: number, statement: ((at: number) => Promise<boolean>) | null, blockBytes: number, scratch: Buffer,
): Promise<number> {
  // Reads start small (the next statement is usually a line or two away) and double up to a block.
  for (let at = from, size = Math.min(FIRST_READ, blockBytes); at < limit; at += size, size = Math.min(2 * size, blockBytes)) {
    // Each read starts a little before the block, for the line before a statement, and runs a few
    // bytes past it, so a keyword across its edge is still seen.
    const back = Math.min(at, LOOKBACK_BYTES);
    const bytes = await source.read(at - back, back + size + KEYWORD_BYTES, scratch);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const end = Math.min(back + size, back + limit - at, buf.length);
    for (let nl = buf.indexOf(LF, back); nl >= 0 && nl < end; nl = buf.indexOf(LF, nl + 1)) {
      if (!statement) return at - back + nl + 1;
      if (startsIndentedStatement(buf, nl + 1, buf.length) && followsStatementEnd(buf, nl + 1)) {
        // The check reads into a buffer of its own: this block's bytes stay as they are.
        if (await statement(at - back + nl + 1)) return at - back + nl + 1;
      }
    }
    if (buf.length < back + size) break;
  }
  return -1;
}

/** How far past a candidate cut its statement is read, to see what follows it. */
const AHEAD_BYTES = 64 << 10;
const QUOTE = 39, DQUOTE = 34, BACKTICK = 96, OPEN = 40;
/** Words that start the statements after an INSERT in dumps, besides STATEMENT_STARTS. */
const FOLLOWERS = new RegExp(`^(?:${[
  'SET', 'UPDATE', 'DELETE', 'SELECT', 'BEGIN', 'COMMIT', 'START', 'END', 'USE', 'PRAGMA', 'GRANT', 'REVOKE', 'COMMENT', 'TRUNCATE',
  'ROLLBACK', 'REM', 'PROMPT', 'VACUUM', 'ANALYZE', 'WITH', 'MERGE', 'EXEC', 'EXECUTE', 'DECLARE', 'PRINT', 'CALL', 'DO', 'RESET',
  'REINDEX', 'CLUSTER', 'REFRESH', 'NOTIFY', 'CHECKPOINT', 'OPTIMIZE', 'FLUSH', 'SHOW', 'SAVEPOINT', 'RELEASE', 'DELIMITER', 'RAISERROR', 'RENAME',
].join('|')})\\b`, 'i');

/**
 * Whether the statement at the start of `bytes` (a candidate cut) ends where another statement, a
 * comment or the file's end follows. A line of a string that quotes SQL after a `;` line
 * ('Rapat;\nINSERT INTO warga VALUES (…);\nselesai', …) ends before the string's next line. True
 * when the statement runs past `bytes` (long INSERTs), and for COPY, whose data follows it.
 */
export function endsBeforeStatement(bytes: Uint8Array, escapes: boolean): boolean {
  let i = 0;
  while (bytes[i] === 32 || bytes[i] === TAB) i++;
  if ((bytes[i]! | 0x20) === 0x63 && (bytes[i + 1]! | 0x20) === 0x6f && (bytes[i + 2]! | 0x20) === 0x70) return true; // COPY
  for (let depth = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE || c === DQUOTE || c === BACKTICK) {
      let j = i + 1;
      for (; j < bytes.length; j++) {
        if (bytes[j] === BACKSLASH && escapes && c !== BACKTICK) j++;
        else if (bytes[j] === c && bytes[j + 1] === c) j++;
        else if (bytes[j] === c) break;
      }
      i = j;
    } else if (c === OPEN) depth++;
    else if (c === CLOSE) depth--;
    else if (depth <= 0 && (c === SEMI || (c === LF && (startsStatement(bytes, i + 1, bytes.length) || batchSeparatorEnd(bytes, i + 1, bytes.length) >= 0)))) {
      let k = i + 1;
      while (k < bytes.length && (bytes[k] === 32 || bytes[k] === TAB || bytes[k] === CR || bytes[k] === LF || bytes[k] === SEMI)) k++;
      if (k >= bytes.length) return true;
      const next = bytes[k]!;
      if (next === DASH || next === SLASH || next === HASH || next === BACKSLASH) return true;
      return startsStatement(bytes, k, bytes.length) || batchSeparatorEnd(bytes, k, bytes.length) >= 0
        || FOLLOWERS.test(Buffer.from(bytes.buffer, bytes.byteOffset + k, Math.min(16, bytes.length - k)).toString('latin1'));
    }
  }
  return true;
}
