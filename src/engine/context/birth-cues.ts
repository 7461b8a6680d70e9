// Birth dates written out after a birth word, with no "label:" before them: "lahir 12 Maret 1985",
// "lahir di Bandung, 5 Juli 1990", "born on March 12, 1985". A numeric date after such a word is a
// token, read with the words before it as context; a date with a month word is not, so it is
// looked for here, near the cue and on its line.
import { MONTHS } from '../detectors/date-of-birth/calendar.js';

/**
 * "lahir", "kelahiran", "born" and "dob" as whole words in any case. The engine reads only fields where the
 * prefilter saw a word of their shape (MARK_BIRTH): a new cue must be marked there too.
 */
const CUES = ['lahir', 'kelahiran', 'born', 'dob'];
/** How far after the cue the date may start: a place ("di Kabupaten Bandung,") may come between. */
const WINDOW = 48;
const DAY_FIRST = /(?<![0-9])([0-9]{1,2})[ .\-/]+([a-z]{3,9})\.?[ ,.\-/]+([0-9]{4})(?![0-9])/i;
const MONTH_FIRST = /(?<![a-z])([a-z]{3,9})\.? +([0-9]{1,2})(?:st|nd|rd|th)?,? +([0-9]{4})(?![0-9])/i;

/** Calls `visit(start, end, cue)` with the span of each written birth date after a cue in bytes[s, e). */
export function writtenBirthDates(bytes: Uint8Array, s: number, e: number, visit: (start: number, end: number, cue: string) => void): void {
  for (let i = s; i < e; i++) {
    const c = bytes[i]! | 32;
    if (c !== 108 && c !== 107 && c !== 98 && c !== 100) continue; // l, k, b, d
    if (i > s && isLetter(bytes[i - 1]!)) continue;
    const cue = CUES.find((word) => matchesWord(bytes, i, e, word));
    if (!cue) continue;
    const from = i + cue.length;
    let to = Math.min(e, from + WINDOW + 24);
    const newline = bytes.indexOf(10, from);
    if (newline >= 0 && newline < to) to = newline;
    // latin1: one character per byte, so a match's index is its byte offset.
    const window = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
    const match = writtenDate(window);
    if (match && match.index <= WINDOW) visit(from + match.index, from + match.index + match.length, cue);
    i = from - 1;
  }
}

/** The first written date (its month a month word) in `text`, as its index and length. */
function writtenDate(text: string): { index: number; length: number } | null {
  let first: { index: number; length: number } | null = null;
  for (const [pattern, monthGroup] of [[DAY_FIRST, 2], [MONTH_FIRST, 1]] as const) {
    const m = pattern.exec(text);
    if (m && MONTHS.has(m[monthGroup]!.toLowerCase()) && (!first || m.index < first.index)) first = { index: m.index, length: m[0].length };
  }
  return first;
}

function matchesWord(bytes: Uint8Array, at: number, e: number, word: string): boolean {
  if (at + word.length > e) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[at + k]! | 32) !== word.charCodeAt(k)) return false;
  return at + word.length === e || !isLetter(bytes[at + word.length]!);
}

function isLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}
