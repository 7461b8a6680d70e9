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
