// Duplicate detection for ingested posts: an exact content hash over normalized text, and a 64-bit
// simhash over words and word pairs so that reposts with small edits (a new price, an emoji) match.
import { createHash } from 'node:crypto';

export function normalizeForHash(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex');
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64-bit simhash as 16 hex digits (two 32-bit halves from differently seeded FNV-1a). */
export function simhash(text: string): string {
  const words = normalizeForHash(text).split(' ').filter(Boolean);
  // Words and word pairs: short posts have too few trigrams for a stable hash.
  const shingles = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
  const v = new Int32Array(64);
  for (const s of shingles) {
    const halves = [fnv1a(s, 0x811c9dc5), fnv1a(s, 0x01234567)];
    for (let h = 0; h < 2; h++) for (let b = 0; b < 32; b++) v[h * 32 + b]! += (halves[h]! >>> b) & 1 ? 1 : -1;
  }
  let hi = 0, lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hammingDistance(a: string, b: string): number {
  return popcount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) + popcount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0);
}

/** Posts this close (in differing bits out of 64) are the same post reworded. */
export const NEAR_DUPLICATE_BITS = 6;
