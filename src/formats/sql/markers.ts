// Whether a head looks like a SQL dump: a line that starts (after any whitespace) with
// `INSERT INTO`, `CREATE TABLE`, `COPY … FROM stdin;`, a mysqldump or pg_dump banner, or a MySQL
// `/*!40xxx` hint. Every file of a folder is sniffed for it on the main thread, so it reads the
// bytes where they are: no decoding of the head, and only line starts are looked at. It answers as
//   /(?:^|\n)\s*(?:INSERT\s+INTO|CREATE\s+TABLE|COPY\s+\S+.*FROM\s+stdin;|-- MySQL dump|
//    -- PostgreSQL database dump|-- Dump|\/\*!40\d{3})/i
// does on the decoded text (markers.test.ts holds the two to the same answers). The head's
// standard_conforming_strings setting is read the same way.

const LF = 10, CR = 13;
const BANNERS = ['-- mysql dump', '-- postgresql database dump', '-- dump'];

/** Byte length of the whitespace character (JavaScript's \s) at `i`, or 0. */
function spaceAt(buf: Uint8Array, i: number): number {
  const b = buf[i];
  if (b === 32 || (b !== undefined && b >= 9 && b <= 13)) return 1;
  if (b === 0xc2) return buf[i + 1] === 0xa0 ? 2 : 0; // U+00A0
  if (b === 0xe1) return buf[i + 1] === 0x9a && buf[i + 2] === 0x80 ? 3 : 0; // U+1680
  if (b === 0xe2) {
    const c = buf[i + 1], d = buf[i + 2]!;
    // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
    if (c === 0x80) return d <= 0x8a || d === 0xa8 || d === 0xa9 || d === 0xaf ? 3 : 0;
    return c === 0x81 && d === 0x9f ? 3 : 0;
  }
  if (b === 0xe3) return buf[i + 1] === 0x80 && buf[i + 2] === 0x80 ? 3 : 0; // U+3000
  if (b === 0xef) return buf[i + 1] === 0xbb && buf[i + 2] === 0xbf ? 3 : 0; // U+FEFF
  return 0;
}

/** Where a run of whitespace starting at `i` ends. */
function skipSpaces(buf: Uint8Array, i: number): number {
  for (let n = spaceAt(buf, i); n > 0; n = spaceAt(buf, i)) i += n;
  return i;
}

/** Whether `word` (lowercase ASCII) is at `i`, in any letter case. */
function wordAt(buf: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const want = word.charCodeAt(k);
    const b = buf[i + k];
    if (b === undefined || (b !== want && !(want >= 97 && want <= 122 && b === want - 32))) return false;
  }
  return true;
}

/** A keyword, at least one whitespace character, then the second keyword. */
function pairAt(buf: Uint8Array, i: number, first: string, second: string): boolean {
  if (!wordAt(buf, i, first)) return false;
  const next = skipSpaces(buf, i + first.length);
  return next > i + first.length && wordAt(buf, next, second);
}

/** The end of the line holding `i` for the regex `.`: LF, CR, U+2028 or U+2029. */
function lineEnd(buf: Uint8Array, i: number): number {
  for (; i < buf.length; i++) {
    const b = buf[i];
    if (b === LF || b === CR) return i;
    if (b === 0xe2 && buf[i + 1] === 0x80 && (buf[i + 2] === 0xa8 || buf[i + 2] === 0xa9)) return i;
  }
  return i;
}

/** `COPY`, whitespace, a non-space character, then `FROM`, whitespace and `stdin;` on the same line. */
function copyFromStdinAt(buf: Uint8Array, i: number): boolean {
  if (!wordAt(buf, i, 'copy')) return false;
  const target = skipSpaces(buf, i + 4);
  if (target === i + 4 || target >= buf.length) return false;
  const end = lineEnd(buf, target);
  for (let f = target + 1; f < end; f++) if (pairAt(buf, f, 'from', 'stdin;')) return true;
  return false;
}

function markerAt(buf: Uint8Array, i: number): boolean {
  const b = buf[i]! | 0x20;
  if (b === 105) return pairAt(buf, i, 'insert', 'into'); // i
  if (b === 99) return pairAt(buf, i, 'create', 'table') || copyFromStdinAt(buf, i); // c
  if (buf[i] === 45) return BANNERS.some((banner) => wordAt(buf, i, banner)); // -
  if (buf[i] === 47 && wordAt(buf, i, '/*!40')) {
    for (let k = i + 5; k < i + 8; k++) if (!(buf[k]! >= 48 && buf[k]! <= 57)) return false;
    return true;
  }
  return false;
}

export function hasSqlMarker(buf: Uint8Array): boolean {
  for (let line = 0; line < buf.length; ) {
    // Whitespace may run over line breaks: every line start it passes reaches the same byte, so
    // the walk goes on after it (from each line start, 65,536 blank lines took 14 s).
    const i = skipSpaces(buf, line);
    if (i < buf.length && markerAt(buf, i)) return true;
    const next = buf.indexOf(LF, i);
    if (next < 0) return false;
    line = next + 1;
  }
  return false;
}

/** The byte after the line break at `i` (LF, CR, U+2028 or U+2029). */
function afterBreak(buf: Uint8Array, i: number): number {
  return buf[i] === LF || buf[i] === CR ? i + 1 : i + 3;
}

/**
 * Whether a line of the head turns PostgreSQL's standard_conforming_strings on, as
 *   /^\s*SET\s+standard_conforming_strings\s*=\s*'?on/im
 * answers on the decoded text. That regex tried `\s*` from every line start of a blank run:
 * 65,536 blank lines took 5.7 s.
 */
const STANDARD_STRINGS = 'standard_conforming_strings';

export function setsStandardStrings(buf: Uint8Array): boolean {
  for (let line = 0; line < buf.length; ) {
    const i = skipSpaces(buf, line);
    if (standardStringsAt(buf, i) === true) return true;
    const end = lineEnd(buf, i);
    if (end >= buf.length) return false;
    line = afterBreak(buf, end);
  }
  return false;
}

/**
 * The standard_conforming_strings setting of a `SET` statement at buf[i]: true when it turns it
 * on (`= on`, `= 'on'`), false for any other value, null when no such SET is at `i`.
 */
export function standardStringsAt(buf: Uint8Array, i: number): boolean | null {
  if (!pairAt(buf, i, 'set', STANDARD_STRINGS)) return null;
  let k = skipSpaces(buf, skipSpaces(buf, i + 'set'.length) + STANDARD_STRINGS.length);
  if (buf[k] !== 61) return false; // =
  k = skipSpaces(buf, k + 1);
  if (buf[k] === 39) k++; // '
  return wordAt(buf, k, 'on');
}

/** Lines that only SQLite, SQL Server and Oracle scripts start with; none of them escapes with `\` in strings. */
const PLAIN_STRING_LINES = ['pragma ', 'begin transaction;', 'set identity_insert ', 'set ansi_nulls ', 'set quoted_identifier ', 'set define off', 'rem inserting'];
/** MySQL's own lines: its strings do escape with `\`. */
const MYSQL_LINES = ['-- mysql dump', '-- phpmyadmin', '/*!40', 'lock tables '];

/**
 * Whether the head is a SQLite `.dump`, a SQL Server script or an Oracle export and no MySQL dump: a
 * backslash is then a plain byte in strings ('D:\data\' ended no string, and ate the row's next values).
 */
export function hasPlainStrings(buf: Uint8Array): boolean {
  let plain = false;
  for (let line = 0; line < buf.length; ) {
    const i = skipSpaces(buf, line);
    if (MYSQL_LINES.some((word) => wordAt(buf, i, word))) return false;
    if (!plain) plain = PLAIN_STRING_LINES.some((word) => wordAt(buf, i, word)) || goLineAt(buf, i);
    const next = buf.indexOf(LF, i);
    if (next < 0) break;
    line = next + 1;
  }
  return plain;
}

/** SQL Server's `GO` alone on its line. */
function goLineAt(buf: Uint8Array, i: number): boolean {
  if (!wordAt(buf, i, 'go')) return false;
  const after = buf[i + 2];
  return after === undefined || after === LF || after === CR || after === 32 || after === 9;
}
