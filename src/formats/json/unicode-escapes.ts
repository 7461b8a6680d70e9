// The engine reads a string's raw bytes, where a \uXXXX escape's hex digits glue to the digits or
// e-mail address beside them: "nik\u00273171014101900001" holds a 20-digit run and no NIK, and
// "\u003cbudi@example.com" an address starting "u003c". So each such escape is rewritten in place,
// at the same length, to its character followed by tabs: the engine sees what the string means,
// and offsets still point at the file's bytes. Tabs never occur raw in a valid JSON string, the
// engine skips them after a label's colon like spaces, and a field's value drops them again.
// Escapes of control characters and backslash keep a two-byte escape (\n, \\) or a raw byte, padded
// the same way; the letter of a two-byte line-break or tab escape (\n, \t, \r, \b, \f) glued to an
// e-mail address ("\nbudi@…" read as nbudi@…), so they become a space and a tab.
import { unescapeJson } from '../escapes.js';

const BACKSLASH = 92, U = 117, TAB = 9, SPACE = 32;
/** Per escape letter: the two-byte escape's meaning, for the control characters JSON names. */
const SHORT = new Uint8Array(128);
SHORT[98] = 8; SHORT[116] = 9; SHORT[110] = 10; SHORT[102] = 12; SHORT[114] = 13;
const LETTER = new Uint8Array(32);
LETTER[8] = 98; LETTER[9] = 116; LETTER[10] = 110; LETTER[12] = 102; LETTER[13] = 114;

/**
 * Escapes are rewritten in place: in a copy, never in the caller's bytes. Bytes without a
 * backslash are not copied; one copy buffer serves every push, as a parser copies any tail it keeps.
 */
export class EscapeCopies {
  private copy = new Uint8Array(0);

  writable(chunk: Uint8Array): Uint8Array {
    if (Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).indexOf(BACKSLASH) < 0) return chunk;
    if (this.copy.length < chunk.length) this.copy = new Uint8Array(chunk.length);
    this.copy.set(chunk);
    return this.copy.subarray(0, chunk.length);
  }
}

/** The code unit of the four hex digits at buf[at, at + 4), or -1 if they are not all there. */
function hexUnit(buf: Uint8Array, at: number, to: number): number {
  if (at + 4 > to) return -1;
  let unit = 0;
  for (let k = at; k < at + 4; k++) {
    const c = buf[k]! | 32;
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

/**
 * Rewrites the escapes of the string bytes buf[from, to): \uXXXX (and surrogate pairs) to their
 * character, \n-style ones to a space. A line break, tab or backslash keeps an escape (raw, it
 * would end a line, be dropped as padding, or start an escape); lone surrogates stay as written.
 */
export function rewriteEscapes(buf: Uint8Array, from: number, to: number): void {
  for (let i = from; i + 1 < to; ) {
    if (buf[i] !== BACKSLASH) {
      i++;
      continue;
    }
    let width = 2;
    if (SHORT[buf[i + 1]!]! !== 0) {
      buf[i] = SPACE;
      buf[i + 1] = TAB;
    } else if (buf[i + 1] === U) {
      const unit = hexUnit(buf, i + 2, to);
      let point = unit;
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const low = buf[i + 6] === BACKSLASH && buf[i + 7] === U ? hexUnit(buf, i + 8, to) : -1;
        point = low >= 0xdc00 && low <= 0xdfff ? 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00) : -1;
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        point = -1;
      }
      if (point >= 0) {
        width = point > 0xffff ? 12 : 6;
        let k = point === BACKSLASH ? writeShort(buf, i, BACKSLASH) : point < 0x20 && LETTER[point]! !== 0 ? writeShort(buf, i, LETTER[point]!) : writeUtf8(buf, i, point);
        while (k < i + width) buf[k++] = TAB;
      }
    }
    i += width;
  }
}

/** Writes the two-byte escape \<letter> at buf[at]; returns where it ends. */
function writeShort(buf: Uint8Array, at: number, letter: number): number {
  buf[at] = BACKSLASH;
  buf[at + 1] = letter;
  return at + 2;
}

/** Writes the code point's UTF-8 bytes at buf[at]; returns where they end. */
function writeUtf8(buf: Uint8Array, at: number, point: number): number {
  if (point < 0x80) {
    buf[at] = point;
    return at + 1;
  }
  if (point < 0x800) {
    buf[at] = 0xc0 | (point >> 6);
    buf[at + 1] = 0x80 | (point & 0x3f);
    return at + 2;
  }
  if (point < 0x10000) {
    buf[at] = 0xe0 | (point >> 12);
    buf[at + 1] = 0x80 | ((point >> 6) & 0x3f);
    buf[at + 2] = 0x80 | (point & 0x3f);
    return at + 3;
  }
  buf[at] = 0xf0 | (point >> 18);
  buf[at + 1] = 0x80 | ((point >> 12) & 0x3f);
  buf[at + 2] = 0x80 | ((point >> 6) & 0x3f);
  buf[at + 3] = 0x80 | (point & 0x3f);
  return at + 4;
}

/**
 * `cut`, or the start of an escape that a cut there would split: the piece after it would start
 * with a \u escape's hex digits or a \n escape's letter, glued to what follows.
 */
export function cutBeforeEscape(buf: Uint8Array, from: number, cut: number, to: number): number {
  for (let k = Math.max(from + 2, cut - 11); k < cut; k++) {
    if (buf[k] !== BACKSLASH) continue;
    // A backslash last in the buffer may start a \u escape too.
    const unicode = k + 1 >= to || buf[k + 1] === U;
    if (!unicode && k + 1 !== cut) continue;
    let run = 1;
    while (k - run >= from && buf[k - run] === BACKSLASH) run++;
    if ((run & 1) === 0) continue; // "\\u0027": an escaped backslash, then letters
    if (!unicode) return k;
    const high = (buf[k + 2]! | 32) === 100 && (buf[k + 3]! | 32) >= 56 && (buf[k + 3]! | 32) <= 98;
    if (k + (high ? 12 : 6) > cut) return k;
  }
  return cut;
}

/** A rewritten string's value, for field detectors: the padding dropped, the other escapes undone. */
export function unescapeJsonField(raw: string): string {
  return unescapeJson(raw.includes('\t') ? raw.replaceAll('\t', '') : raw);
}
