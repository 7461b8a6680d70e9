import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextChunks } from './task.js';

describe('TextChunks', () => {
  it('property: the chunks handed on hold exactly the lines, newline-terminated, in order', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 })), fc.integer({ min: 1, max: 64 }), (lines, chunkBytes) => {
      const chunks: Uint8Array[] = [];
      const text = new TextChunks((bytes) => chunks.push(bytes), chunkBytes);
      for (const line of lines) text.addLine(line);
      text.flush();
      expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
      // Each chunk owns its buffer, so a worker can transfer it.
      expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    }), { numRuns: 300 });
  });
});
