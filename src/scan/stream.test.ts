import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamWindow } from './stream.js';

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.slice(at, at + size);
    at += size;
  }
}

describe('StreamWindow', () => {
  it('property: forward reads give the stream bytes, however it is chunked and released', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ minLength: 0, maxLength: 3000 }),
      fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 900 })), { maxLength: 30 }),
      async (bytes, sizes, steps) => {
        const window = new StreamWindow(chunked(bytes, sizes));
        let at = 0;
        for (const [advance, length] of steps) {
          at += advance;
          const read = await window.read(at, length);
          expect(Array.from(read)).toEqual(Array.from(bytes.subarray(at, at + length)));
          if (at <= bytes.length) expect(Array.from(window.copy(at, Math.min(at + length, window.frontier)))).toEqual(Array.from(read));
          window.release(at);
        }
        await window.fill(Infinity);
        expect(window.done).toBe(true);
        expect(window.frontier).toBe(bytes.length);
      },
    ), { numRuns: 300 });
  });

  it('refuses to read what was released, and keeps a stream error for after the bytes before it', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1, 2, 3]);
      throw new Error('unexpected end of file');
    }
    const window = new StreamWindow(broken());
    expect(Array.from(await window.read(0, 10))).toEqual([1, 2, 3]);
    expect((window.error as Error).message).toBe('unexpected end of file');
    // Released bytes go when more arrive; reading them again is a bug in the caller.
    const released = new StreamWindow(chunked(new Uint8Array(12), [4]));
    await released.read(0, 4);
    released.release(4);
    await released.read(4, 8);
    await expect(released.read(0, 1)).rejects.toThrow(/already released/);
  });
});
