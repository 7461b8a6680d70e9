// Personal data inside the post itself (a pasted sample), found by the scan engine's text API.
// Only masked values leave this module: a post is evidence, its rows are real people's data.
import { mask, scanText, type PiiType } from '../../engine/index.js';

export interface PostPii {
  type: PiiType;
  count: number;
  /** Up to three masked examples, in order of appearance. */
  masked: string[];
  /** Keyed hashes of every value (only when a hasher is given): for matching samples, never reversible. */
  hashes?: string[];
}

const MAX_EXAMPLES = 3;

export function extractPii(text: string, asOf?: Date, hasher?: (normalized: string) => string): PostPii[] {
  const byType = new Map<PiiType, PostPii>();
  for (const f of scanText(text, asOf ? { asOf } : {})) {
    let entry = byType.get(f.type);
    if (!entry) { entry = { type: f.type, count: 0, masked: [] }; byType.set(f.type, entry); }
    entry.count++;
    const m = mask(f.type, f.value);
    if (entry.masked.length < MAX_EXAMPLES && !entry.masked.includes(m)) entry.masked.push(m);
    if (hasher) (entry.hashes ??= []).push(hasher(f.value));
  }
  return [...byType.values()];
}
