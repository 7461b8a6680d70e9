// The SIMD structural index must answer exactly like a naive search, across 1 MB slice edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StructuralIndex } from './structural.js';

function naive(buf: Uint8Array, i: number, to: number, targets: number[]): number {
  for (let k = i; k < to; k++) if (targets.includes(buf[k]!)) return k;
  return to;
}

describe('StructuralIndex', () => {
  it('finds every target byte, in order, like a naive scan', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 20 }), (raw, queries) => {
      const buf = raw.map((b) => [44, 10, 34, 97, 0][b % 5]!);
      const index = new StructuralIndex(44, 10, 34);
      index.reset(buf, buf.length);
      // Monotonic and backward queries both work.
      for (const q of [...queries.slice(0, 10).sort((a, b) => a - b), ...queries.slice(10)]) {
        const i = Math.min(q, buf.length);
        expect(index.next(i)).toBe(naive(buf, i, buf.length, [44, 10, 34]));
      }
    }), { numRuns: 300 });
  });

  it('walks across slice boundaries of a buffer larger than 1 MB', () => {
    const buf = new Uint8Array(3 * (1 << 20) + 77).fill(97);
    const marks = [0, 31, 32, 1 << 20, (1 << 20) - 1, (1 << 20) + 1, 2 * (1 << 20) + 5, buf.length - 1];
    for (const m of marks) buf[m] = 10;
    const index = new StructuralIndex(44, 10, 34);
    index.reset(buf, buf.length);
    const found: number[] = [];
    for (let p = index.next(0); p < buf.length; p = index.next(p + 1)) found.push(p);
    expect(found).toEqual([...new Set(marks)].sort((a, b) => a - b));
    // `to` bounds the answer even when the buffer goes on.
    index.reset(buf, 100);
    expect(index.next(40)).toBe(100);
  });

  it('two indexes can take turns on the shared kernel memory', () => {
    const buf = new Uint8Array(5000).fill(97);
    for (let k = 0; k < 5000; k += 10) buf[k] = k % 20 === 0 ? 44 : 9;
    const commas = new StructuralIndex(44, 44, 44);
    const tabs = new StructuralIndex(9, 9, 9);
    commas.reset(buf, buf.length);
    tabs.reset(buf, buf.length);
    for (let i = 0; i < 4900; i += 7) {
      expect(commas.next(i)).toBe(naive(buf, i, buf.length, [44]));
      expect(tabs.next(i)).toBe(naive(buf, i, buf.length, [9]));
    }
  });
});
