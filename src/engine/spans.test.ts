import { describe, expect, it } from 'vitest';
import { FieldSpans } from './spans.js';

describe('field spans', () => {
  it('finds an overlap of the same type only, in any pass', () => {
    const spans = new FieldSpans();
    spans.add(1, 10, 20);
    spans.add(1, 30, 40);
    spans.add(1, 0, 5); // a later pass starts again from the field's start
    spans.add(4, 50, 60);
    expect(spans.overlaps(1, 19, 25)).toBe(true);
    expect(spans.overlaps(1, 20, 30)).toBe(false);
    expect(spans.overlaps(1, 4, 6)).toBe(true);
    expect(spans.overlaps(1, 50, 60)).toBe(false);
    expect(spans.overlaps(4, 55, 56)).toBe(true);
    spans.clear();
    expect(spans.overlaps(1, 10, 20)).toBe(false);
  });

  it('looks up a span among thousands on one line without walking them all', () => {
    const spans = new FieldSpans();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      expect(spans.overlaps(2, 100 * i, 100 * i + 10)).toBe(false);
      spans.add(2, 100 * i, 100 * i + 10);
    }
    // A walk over the spans taken before each lookup compares n²/2 = 200 million of them.
    expect(spans.probes).toBeLessThan(n * 16);
  });
});
