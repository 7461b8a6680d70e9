// Test helper: the tokens the real prefilter finds in a string, as independent copies.
import type { Token } from '../types.js';
import { createToken, scanTokens } from './scanner.js';

export function tokensOf(text: string): Token[] {
  const bytes = new TextEncoder().encode(text);
  const found: Token[] = [];
  scanTokens(bytes, 0, bytes.length, createToken(), (t) => found.push({ ...t, digits: t.digits.slice() }));
  return found;
}

/** The source text of a token. */
export function tokenText(token: Token): string {
  return new TextDecoder().decode(token.bytes.subarray(token.start, token.end));
}
