// Splits a post into word, number and symbol tokens with their offsets. Every extractor and the
// classifier read the same token list, so a post is tokenized once.
export type TokenKind = 'word' | 'num' | 'sym';

export interface Token {
  kind: TokenKind;
  /** Lowercased text of the token. */
  text: string;
  start: number;
  end: number;
}

// Numbers keep their thousands/decimal separators ("1.500.000", "1,3"); words are letters only, so
// glued forms such as "279jt", "Rp2,15" or "1,2TB" split into number and unit. The pattern is a
// plain alternation of character classes: linear time on any input.
const TOKEN = /(\d+(?:[.,]\d+)*)|(\p{L}+)|([^\s\p{L}\d])/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const kind: TokenKind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    tokens.push({ kind, text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** True when token b starts exactly where token a ends ("279" + "jt" in "279jt"). */
export function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** The word tokens only, as lowercase strings: what phrase lexicons match against. */
export function wordsOf(tokens: readonly Token[]): { words: string[]; index: number[] } {
  const words: string[] = [];
  const index: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'word') { words.push(t.text); index.push(i); }
  });
  return { words, index };
}
