// Test helpers for detectors: real prefilter tokens as independent copies, and detection contexts.
import { parseAsOf } from '../as-of.js';
import { columnHints } from '../context/labels.js';
import type { DetectionContext, Token } from '../types.js';
import { createToken, scanTokens } from './scanner.js';

export function tokensOf(text: string, numbers = true): Token[] {
  const bytes = new TextEncoder().encode(text);
  const found: Token[] = [];
  scanTokens(bytes, 0, bytes.length, createToken(), (t) => found.push({ ...t, digits: t.digits.slice() }), numbers);
  return found;
}

/** The source text of a token. */
export function tokenText(token: Token): string {
  return new TextDecoder().decode(token.bytes.subarray(token.start, token.end));
}

/** A detection context for tests: hints from a label (column name or context words), as of a day. */
export function contextFor(label: string | null, asOfIso = '2026-11-23', source: 'column' | 'text' | 'none' = label ? 'column' : 'none'): DetectionContext {
  const asOf = parseAsOf(asOfIso);
  if (!asOf) throw new Error(`bad as-of date ${asOfIso}`);
  return { asOf, hints: label ? columnHints(label) : 0, source, label };
}

/** The single number/e-mail/IPv6 token in `text` (throws when there is not exactly one). */
export function onlyToken(text: string): Token {
  const found = tokensOf(text).filter((t) => t.kind !== 'number' || t.digitCount >= 6);
  if (found.length !== 1) throw new Error(`expected one token in ${JSON.stringify(text)}, found ${found.length}`);
  return found[0]!;
}
