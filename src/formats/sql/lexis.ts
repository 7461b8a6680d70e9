// Byte classes of the SQL parser inside VALUES (…), and the small byte walks it shares.
import { batchSeparatorEnd, startsStatement } from './cuts.js';

const LF = 10, QUOTE = 39, DQUOTE = 34, SEMI = 59, BACKTICK = 96, BACKSLASH = 92;

export const WS = 1, OPEN = 2, CLOSE = 3, COMMA = 4, END = 5, STR = 6, NUM = 7, WORD = 8;
export const CLASS = new Uint8Array(256);
for (const c of [32, 9, 10, 13]) CLASS[c] = WS;
CLASS[40] = OPEN; CLASS[41] = CLOSE; CLASS[44] = COMMA; CLASS[SEMI] = END; CLASS[QUOTE] = STR; CLASS[DQUOTE] = STR;
for (const c of '-+.0123456789') CLASS[c.charCodeAt(0)] = NUM;
for (let c = 65; c <= 90; c++) { CLASS[c] = WORD; CLASS[c + 32] = WORD; }
CLASS[95] = WORD;
/** Bytes that go on a number once it started (hex included). */
export const NUM_BYTE = new Uint8Array(256);
for (const c of '-+.0123456789abcdefABCDEFxX') NUM_BYTE[c.charCodeAt(0)] = 1;

/** The first line break in buf[from, to) that a statement keyword follows, or -1. */
export function statementLineIn(buf: Buffer, from: number, to: number): number {
  for (let nl = buf.indexOf(LF, from); nl >= 0 && nl < to; nl = buf.indexOf(LF, nl + 1)) {
    if (startsStatement(buf, nl + 1, to)) return nl;
  }
  return -1;
}

/** Where the blanks (newlines too) that start at `at` end. */
export function blanksAfter(buf: Uint8Array, at: number, to: number): number {
  while (at < to && CLASS[buf[at]!] === WS) at++;
  return at;
}

/** Whether buf holds `bytes` at `at` (a JS loop: short, and cheaper than Buffer.compare's checks). */
export function sameBytes(buf: Uint8Array, at: number, bytes: Uint8Array): boolean {
  for (let k = 0; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
}

/**
 * Whether the `'` at buf[quote] opens a PostgreSQL E'…' string, whose backslashes escape even
 * under standard_conforming_strings (pg_dump writes them for text with control bytes).
 */
export function opensEString(buf: Uint8Array, quote: number, from: number): boolean {
  if (quote - 1 < from || (buf[quote - 1]! | 0x20) !== 0x65 || buf[quote] !== QUOTE) return false;
  const before = quote - 2 < from ? 32 : buf[quote - 2]!;
  return CLASS[before] !== WORD && CLASS[before] !== NUM;
}

/**
 * The last byte of the PostgreSQL dollar quote (`$$…$$`, `$body$…$body$`) that opens at buf[at]:
 * -1 when it does not close before `to`, -2 when no dollar quote opens there (`$1`, `a$b`).
 */
export function dollarQuoteEnd(buf: Buffer, at: number, to: number): number {
  if (at > 0 && (CLASS[buf[at - 1]!] === WORD || CLASS[buf[at - 1]!] === NUM)) return -2;
  let k = at + 1;
  if (k < to && CLASS[buf[k]!] === NUM) return -2;
  while (k < to && k - at <= 64 && (CLASS[buf[k]!] === WORD || (buf[k]! >= 48 && buf[k]! <= 57))) k++;
  if (k >= to) return -1;
  if (buf[k] !== 36) return -2;
  // A tag right before `;` closes a body (pg_dump's `$$;`): a range that starts inside the body meets it first.
  if (k + 1 < to && buf[k + 1] === SEMI) return -2;
  const tag = buf.subarray(at, k + 1);
  const close = buf.indexOf(tag, k + 1);
  return close < 0 || close + tag.length > to ? -1 : close + tag.length - 1;
}

/**
 * The closing quote of the quoted run opened at buf[open], or -1 if not in buf[…, to). A backslash
 * escapes where `backslashEscapes` (not under PostgreSQL's standard_conforming_strings) and in E'…'.
 */
export function quoteEnd(buf: Buffer, open: number, to: number, final: boolean, backslashEscapes: boolean): number {
  const quote = buf[open]!;
  const escapes = (backslashEscapes && quote !== BACKTICK) || opensEString(buf, open, 0);
  let j = open + 1;
  for (;;) {
    const q = buf.indexOf(quote, j);
    if (q < 0 || q >= to) return -1;
    let k = q - 1;
    while (escapes && k > open && buf[k] === BACKSLASH) k--;
    if (((q - 1 - k) & 1) === 1) { j = q + 1; continue; }
    if (q + 1 >= to && !final) return -1;
    if (buf[q + 1] === quote) { j = q + 2; continue; }
    return q;
  }
}

/**
 * Where the next statement starts from buf[i], past blanks, empty statements, comments and SQL
 * Server's `GO` lines: its index, `to` when there is none, or -(carry+1) to wait for more bytes.
 */
export function statementStart(buf: Buffer, i: number, to: number, final: boolean): number {
  for (;;) {
    while (i < to && (CLASS[buf[i]!] === WS || buf[i] === SEMI)) i++;
    if (i >= to) return to;
    const c = buf[i]!;
    if ((c === 45 && buf[i + 1] === 45) || c === 35) {
      const nl = buf.indexOf(LF, i);
      if (nl < 0 || nl >= to) return final ? to : -i - 1;
      i = nl + 1;
    } else if (c === 47 && buf[i + 1] === 42) {
      const close = buf.indexOf('*/', i + 2);
      if (close < 0 || close >= to) return final ? to : -i - 1;
      i = close + 2;
    } else if (i + 1 >= to && !final) return -i - 1;
    else if (sqlPlusRemarkAt(buf, i, to)) {
      // SQL*Plus REM and PROMPT lines (Oracle exports) are comments: before, one joined the next statement as free text.
      const nl = buf.indexOf(LF, i);
      if (nl < 0 || nl >= to) return final ? to : -i - 1;
      i = nl + 1;
    } else if ((c | 0x20) === 0x67 && batchSeparatorEnd(buf, i, to) >= 0) {
      const eol = batchSeparatorEnd(buf, i, to);
      if (eol >= to && !final) return -i - 1;
      i = eol + 1;
    } else return i;
  }
}

/** Whether a SQL*Plus `REM`, `REMARK` or `PROMPT` line starts at buf[i]. */
function sqlPlusRemarkAt(buf: Buffer, i: number, to: number): boolean {
  const c = buf[i]! | 0x20;
  if (c !== 0x72 && c !== 0x70) return false;
  for (const word of c === 0x72 ? ['rem', 'remark'] : ['prompt']) {
    let k = 0;
    while (k < word.length && i + k < to && (buf[i + k]! | 0x20) === word.charCodeAt(k)) k++;
    const after = buf[i + k];
    if (k === word.length && (i + k >= to || after === 32 || after === 9 || after === LF || after === 13)) return true;
  }
  return false;
}
