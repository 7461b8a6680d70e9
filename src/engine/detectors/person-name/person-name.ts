// PERSON_NAME: a person's name in a field labelled as one (nama, nama_lengkap, full name…). The
// label found the field; this decides whether the value really is a name: letters, a few words,
// no digits, no placeholder ("-", "NULL", "N/A"). Shared with MOTHER_MAIDEN_NAME.
import { hintBit, type DetectionContext, type FieldDetector, type PiiType, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';

/** Letters (any script), spaces and the punctuation of names and titles: "Dr. Siti Nur'aini, S.Kom." */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .,'’`-]*$/u;
const TWO_LETTERS = /\p{L}[^\p{L}]*\p{L}/u;
/** Login names ("eko.anggraini", "budi_s") sit in `user_name` columns: lowercase parts joined by . or _. */
const USERNAME = /^[a-z0-9]+(?:[._][a-z0-9]+)+$/;

/** The value without surrounding blanks and double quotes (quoted log values: nama="Budi Santoso"). */
export function unquote(value: string): string {
  let start = 0, end = value.length;
  while (start < end && (value.charCodeAt(start) <= 32 || value[start] === '"')) start++;
  while (end > start && (value.charCodeAt(end - 1) <= 32 || value[end - 1] === '"')) end--;
  return value.slice(start, end);
}

/** JS `\s`: ASCII blanks, no-break and typographic spaces, line separators and the BOM. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.split(/\s+/).length` without building the parts: one more than the runs of blanks. */
export function wordCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i)) && !(i > 0 && isSpace(text.charCodeAt(i - 1)))) count++;
  return count;
}

/** Why `value` is not a name, or null when it looks like one. */
export function nameProblem(value: string): string | null {
  return nameWords(value) > 0 ? null : 'not a name';
}

/** The number of words of a name, or 0 when `value` is no name. Allocates only the unquoted copy. */
export function nameWords(value: string): number {
  const name = unquote(value);
  if (name.length < 2 || name.length > 100 || isPlaceholder(name) || USERNAME.test(name) || !NAME.test(name) || !TWO_LETTERS.test(name)) return 0;
  let words = 1;
  for (let i = 1; i < name.length; i++) if (name.charCodeAt(i) === 32 && name.charCodeAt(i - 1) !== 32) words++;
  return words > 8 ? 0 : words;
}

/** Blank runs as one space; the text itself (no copy) when it has none, as nearly every cell. */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 ? isSpace(c) : i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return text.replace(/\s+/g, ' ');
  }
  return text;
}

/** Unquote, collapse spaces, lowercase: "  BUDI   Santoso " and "Budi Santoso" count once. */
export function normalizeName(value: string): string {
  return collapseSpaces(unquote(value)).toLowerCase();
}

/** A name detector for `type` (PERSON_NAME, MOTHER_MAIDEN_NAME): same test, its own label. */
export function nameDetector(type: PiiType, rule: string): FieldDetector {
  const bit = hintBit(type);
  // One explanation per word count (1–8), built once.
  const validators = Array.from({ length: 9 }, (_, words) => `${words} word(s) of letters; ${type} label`);
  return {
    type,
    category: 'general',
    confirmField(value: string, context: DetectionContext): Verdict | null {
      const words = context.hints & bit ? nameWords(value) : 0;
      if (words === 0) return null;
      // A single word in a name column is still a name (many Indonesians have one), a little less surely.
      const base = context.source === 'column' ? 0.9 : 0.8;
      return { confidence: words > 1 ? base + 0.05 : base, rule, validator: validators[words]! };
    },
    normalizeField: normalizeName,
    textValueEnd: nameEnd,
  };
}

/**
 * "Nama: Siti Aminah, umur 30": in free text a name ends at a comma, unless what follows is only
 * degrees and titles ("Budi Santoso, S.Kom., M.M."), which stay with the name as a column keeps them.
 */
export function nameEnd(bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (bytes[i] === 44 && !onlyTitlesFollow(bytes, i + 1, end)) return i;
  }
  return end;
}

/** Comma-separated words, each a title: with a dot ("S.Kom.", "Dr"), or two to four capitals ("SH", "MBA"). */
function onlyTitlesFollow(bytes: Uint8Array, start: number, end: number): boolean {
  let titles = 0;
  for (let i = start; i < end; i++) {
    while (i < end && bytes[i] === 32) i++;
    let letters = 0, capitals = 0, dots = 0, length = 0;
    for (; i < end && bytes[i] !== 44 && bytes[i] !== 32; i++, length++) {
      const c = bytes[i]!;
      if (c === 46) dots++;
      else if (c >= 65 && c <= 90) capitals++;
      else if (c < 97 || c > 122) return false;
      if (c !== 46) letters++;
    }
    while (i < end && bytes[i] === 32) i++;
    if (length === 0 || length > 8 || (i < end && bytes[i] !== 44)) return false;
    if (!(dots > 0 && letters > 0) && !(capitals === letters && letters >= 2 && letters <= 4)) return false;
    titles++;
  }
  return titles > 0;
}

export const personNameDetector: FieldDetector = nameDetector('PERSON_NAME', 'person-name.letters+label');
