// Turns a column name, JSON field path or the words before a value into label hints (a bitmask of
// types plus NEGATIVE). Names are split into words on `_ - . [ ] space` and camelCase, then matched
// against the vocabulary phrase by phrase; the longest phrase ending at the last word wins, so
// `pasien[].nama_ibu_kandung` → MOTHER_MAIDEN_NAME, not PERSON_NAME.
import { NEGATIVE_HINT, hintBit, type LabelHints } from '../types.js';
import { CONTEXT_PHRASES } from './vocabulary.js';

/** Phrase → hint bit, keyed by the phrase's words joined with a space. */
const phraseHints = new Map<string, number>();
let longestPhrase = 1;
for (const phrase of CONTEXT_PHRASES) {
  const bit = phrase.type === 'NEGATIVE' ? NEGATIVE_HINT : hintBit(phrase.type);
  phraseHints.set(phrase.words, (phraseHints.get(phrase.words) ?? 0) | bit);
  longestPhrase = Math.max(longestPhrase, phrase.words.split(' ').length);
}

/** Splits a label into lowercase words: `noKK`, `no_kk`, `No. KK` → ['no', 'kk']. */
export function labelWords(label: string): string[] {
  return label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Hints from the words of a label. The phrase that ends nearest the end of the label decides (the
 * last path segment names the value); among phrases ending at the same word, the longest wins.
 */
export function hintsFromWords(words: readonly string[]): LabelHints {
  for (let end = words.length; end > 0; end--) {
    let phrase = '', found: LabelHints | undefined;
    // Grow the phrase leftwards from `end`; the longest match ending here wins.
    for (let length = 1; length <= Math.min(longestPhrase, end); length++) {
      phrase = length === 1 ? words[end - 1]! : `${words[end - length]!} ${phrase}`;
      const hints = phraseHints.get(phrase);
      if (hints !== undefined) found = hints;
    }
    if (found !== undefined) return found;
  }
  return 0;
}

/** Lowercase ASCII words of bytes[from, to): the text just before a value, split without regexes. */
export function wordsOf(bytes: Uint8Array, from: number, to: number): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = from; i < to; i++) {
    let c = bytes[i]!;
    if (c >= 65 && c <= 90) c |= 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) word += String.fromCharCode(c);
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words;
}

// Byte-level lookup for text windows (the words before a free-text candidate): the same answer as
// hintsFromWords(wordsOf(…)), without building a string per word or per phrase. Each phrase is
// keyed by a 32-bit polynomial hash of its words' hashes; a hit is confirmed byte by byte, so a
// hash collision can never change the answer.
interface PhraseEntry { readonly text: string; readonly hints: LabelHints }
const HASH_STEP = 0x01000193, PHRASE_STEP = 0x2f0b3c1d;
const phrasesByHash = new Map<number, PhraseEntry[]>();
for (const [text, hints] of phraseHints) {
  const key = phraseKeyOfText(text);
  const list = phrasesByHash.get(key);
  if (list) list.push({ text, hints });
  else phrasesByHash.set(key, [{ text, hints }]);
}

function wordHash(h: number, c: number): number {
  return Math.imul(h ^ c, HASH_STEP);
}

/** A phrase's key from its text ("no kk"); must agree with the key built from bytes below. */
function phraseKeyOfText(text: string): number {
  let key = 0, h = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 32) {
      key = (Math.imul(key, PHRASE_STEP) + h) | 0;
      h = 0x811c9dc5;
    } else {
      h = wordHash(h, text.charCodeAt(i));
    }
  }
  return key;
}

const MAX_WINDOW_WORDS = 256;
const wordStart = new Int32Array(MAX_WINDOW_WORDS), wordEnd = new Int32Array(MAX_WINDOW_WORDS), wordKey = new Int32Array(MAX_WINDOW_WORDS);

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Whether words [first, last] of bytes spell `text` (words joined by one space). */
function spells(bytes: Uint8Array, first: number, last: number, text: string): boolean {
  let t = 0;
  for (let w = first; w <= last; w++) {
    if (w > first && text.charCodeAt(t++) !== 32) return false;
    for (let i = wordStart[w]!; i < wordEnd[w]!; i++) if (lower(bytes[i]!) !== text.charCodeAt(t++)) return false;
  }
  return t === text.length;
}

/** Hints from the words of bytes[from, to): exactly hintsFromWords(wordsOf(bytes, from, to)). */
export function hintsOfBytes(bytes: Uint8Array, from: number, to: number): LabelHints {
  let n = 0, h = 0x811c9dc5, start = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? lower(bytes[i]!) : 0;
    if (i < to && isWordChar(c)) {
      if (start < 0) start = i;
      h = wordHash(h, c);
    } else if (start >= 0) {
      if (n === MAX_WINDOW_WORDS) return hintsFromWords(wordsOf(bytes, from, to)); // longer than any text window
      wordStart[n] = start;
      wordEnd[n] = i;
      wordKey[n++] = h;
      start = -1;
      h = 0x811c9dc5;
    }
  }
  for (let end = n; end > 0; end--) {
    let key = 0, step = 1, found: LabelHints | undefined;
    for (let length = 1; length <= Math.min(longestPhrase, end); length++) {
      // Growing leftwards: the new first word's hash weighs PHRASE_STEP^(length-1).
      key = (key + Math.imul(wordKey[end - length]!, step)) | 0;
      step = Math.imul(step, PHRASE_STEP);
      const entries = phrasesByHash.get(key);
      if (entries === undefined) continue;
      for (const entry of entries) if (spells(bytes, end - length, end - 1, entry.text)) found = entry.hints;
    }
    if (found !== undefined) return found;
  }
  return 0;
}

const cache = new Map<string, LabelHints>();

/** Hints for a column name or field path (cached: a file has few distinct columns). */
export function columnHints(column: string): LabelHints {
  let hints = cache.get(column);
  if (hints === undefined) {
    hints = hintsFromWords(labelWords(column));
    if (cache.size > 10_000) cache.clear();
    cache.set(column, hints);
  }
  return hints;
}
