// Values that statements other than rows assign to named columns: UPDATE … SET nik = '…' WHERE id = 4,
// MySQL's INSERT … SET and ON DUPLICATE KEY UPDATE, DELETE … WHERE. A literal right after `column =`
// is that column's value; the statement's other text stays free text. Runs once per such statement.
import { opensEString } from './lexis.js';

const QUOTE = 39, DQUOTE = 34, BACKTICK = 96, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, BACKSLASH = 92, EQUALS = 61;

function isWordByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 0x80;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/** The closing quote of the string opened at buf[open] (doubled quotes and, when they escape, backslashes), or -1. */
function stringEnd(buf: Uint8Array, open: number, end: number, escapes: boolean): number {
  const quote = buf[open]!;
  for (let i = open + 1; i < end; i++) {
    const c = buf[i]!;
    if (c === BACKSLASH && escapes) i++;
    else if (c === quote) {
      if (buf[i + 1] !== quote || i + 1 >= end) return i;
      i++;
    }
  }
  return -1;
}

/**
 * The literals of buf[start, end) that follow `column =`, as flat quads: value start, value end (a
 * string's contents or a number), column name start, column name end (the name as written, quoted
 * or qualified). `escapes`: whether backslashes escape in strings.
 */
export function assignedValues(buf: Uint8Array, start: number, end: number, escapes: boolean): number[] {
  const out: number[] = [];
  let nameStart = -1, nameEnd = -1, pending = false;
  for (let i = start; i < end;) {
    const c = buf[i]!;
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    if (c === QUOTE || (c === DQUOTE && pending)) {
      const close = stringEnd(buf, i, end, escapes || opensEString(buf, i, start));
      if (close < 0) break;
      if (pending) out.push(i + 1, close, nameStart, nameEnd);
      pending = false;
      nameStart = -1;
      i = close + 1;
    } else if (c === DQUOTE || c === BACKTICK || c === OPEN_BRACKET) {
      // A quoted name: the column an `=` may follow.
      const close = buf.indexOf(c === OPEN_BRACKET ? CLOSE_BRACKET : c, i + 1);
      if (close < 0 || close >= end) break;
      nameStart = i;
      nameEnd = close + 1;
      pending = false;
      i = close + 1;
    } else if (pending && (isDigit(c) || ((c === 45 || c === 43) && isDigit(buf[i + 1])))) {
      let j = i + 1;
      while (j < end && (isDigit(buf[j]) || buf[j] === 46)) j++;
      out.push(i, j, nameStart, nameEnd);
      pending = false;
      nameStart = -1;
      i = j;
    } else if (isWordByte(c)) {
      let j = i + 1;
      while (j < end && (isWordByte(buf[j]!) || buf[j] === 46)) j++;
      // N'…', E'…', _utf8mb4'…' and _binary '…' prefix the value; any other word is no literal.
      const prefix = pending && (buf[j] === QUOTE || (c === 95 && buf[j] === 32 && buf[j + 1] === QUOTE));
      if (!prefix) {
        pending = false;
        nameStart = i;
        nameEnd = j;
      }
      i = j;
    } else if (c === EQUALS) {
      const before = buf[i - 1];
      // `<=`, `>=`, `!=` compare; `:=` and a plain `=` assign or match.
      pending = nameStart >= 0 && before !== 60 && before !== 62 && before !== 33 && before !== EQUALS && buf[i + 1] !== EQUALS;
      i++;
    } else if (c === 58 && buf[i + 1] === EQUALS) {
      i++; // the `:` of `:=`
    } else {
      pending = false;
      nameStart = -1;
      i++;
    }
  }
  return out;
}

/** Whether buf[from, to) holds a letter or digit: text worth scanning between two assigned values. */
function hasWordByte(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordByte(buf[i]!)) return true;
  return false;
}

/**
 * The fields of a statement with assignments, as flat quads: start, end, then the column name's
 * start and end, or -1, -1 for the free text around the values (from before a column's name to
 * after its value's closing quote are left out).
 */
export function assignmentSpans(buf: Uint8Array, start: number, end: number, escapes: boolean): number[] {
  const found = assignedValues(buf, start, end, escapes);
  const spans: number[] = [];
  let text = start;
  for (let k = 0; k < found.length; k += 4) {
    const from = found[k]!, to = found[k + 1]!, nameFrom = found[k + 2]!;
    if (hasWordByte(buf, text, nameFrom)) spans.push(text, nameFrom, -1, -1);
    if (to > from) spans.push(from, to, nameFrom, found[k + 3]!);
    text = from > 0 && (buf[to] === QUOTE || buf[to] === DQUOTE) && buf[to] === buf[from - 1] ? to + 1 : to;
  }
  if (hasWordByte(buf, text, end)) spans.push(text, end, -1, -1);
  return spans;
}

/** Whether the word buf[from, to) is `word` (uppercase ASCII), in any case. */
function isWord(buf: Uint8Array, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let m = 0; m < word.length; m++) if ((buf[from + m]! & 0xdf) !== word.charCodeAt(m)) return false;
  return true;
}

/**
 * The literals of the rows an `INSERT INTO t (a, b) SELECT 'x', 'y' [FROM dual] UNION ALL SELECT …`
 * writes (Oracle's and some SQL Server scripts' many-row INSERT), from buf[from] (past its first
 * SELECT) to `end`, as flat triples: start, end, column position (-1 outside the rows). Returns them and the row count.
 */
export function selectedValues(buf: Uint8Array, from: number, end: number, escapes: boolean): { spans: number[]; rows: number } {
  const spans: number[] = [];
  let col = 0, depth = 0, rows = 1, inRow = true;
  for (let i = from; i < end;) {
    const c = buf[i]!;
    if (c === QUOTE) {
      const close = stringEnd(buf, i, end, escapes || opensEString(buf, i, from));
      if (close < 0) break;
      // A string outside the rows (a WHERE's) is free text: column -1.
      if (close > i + 1) spans.push(i + 1, close, inRow ? col : -1);
      i = close + 1;
    } else if (c === DQUOTE || c === BACKTICK || c === OPEN_BRACKET) {
      const close = buf.indexOf(c === OPEN_BRACKET ? CLOSE_BRACKET : c, i + 1);
      if (close < 0 || close >= end) break;
      i = close + 1;
    } else if (inRow && (isDigit(c) || ((c === 45 || c === 43) && isDigit(buf[i + 1]))) && !isWordByte(buf[i - 1] ?? 32)) {
      let j = i + 1;
      while (j < end && (isDigit(buf[j]) || buf[j] === 46)) j++;
      spans.push(i, j, col);
      i = j;
    } else if (isWordByte(c)) {
      let j = i + 1;
      while (j < end && isWordByte(buf[j]!)) j++;
      // A row's values run from SELECT to its FROM (`FROM dual`) or the UNION before the next SELECT.
      if (depth === 0 && isWord(buf, i, j, 'SELECT')) { if (!inRow) rows++; inRow = true; col = 0; }
      else if (depth === 0 && (isWord(buf, i, j, 'FROM') || isWord(buf, i, j, 'UNION'))) inRow = false;
      i = j;
    } else {
      if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
      else if (c === 44 && depth === 0) col++;
      i++;
    }
  }
  return { spans, rows };
}
