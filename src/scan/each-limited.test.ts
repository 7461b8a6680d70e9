import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachLimited } from './each-limited.js';

describe('eachLimited', () => {
  it('property: never runs more than the limit at once, keeps it busy, and returns results in order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), async (delays, limit) => {
      let running = 0, most = 0;
      const results = await eachLimited(delays, limit, async (delay, i) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, delay));
        running--;
        return i * 10;
      });
      expect(results).toEqual(delays.map((_, i) => i * 10));
      expect(most).toBe(Math.min(limit, delays.length));
    }), { numRuns: 60 });
  });

  it('rejects with the failure of an item', async () => {
    await expect(eachLimited([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('dua');
      return n;
    })).rejects.toThrow('dua');
  });
});
