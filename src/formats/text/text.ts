// Plain text and logs: every line is one free-text field (column -1) and one record. Lines are
// found with native memchr (Buffer.indexOf), so the reader costs little more than the copy.
import { ChunkedParser, type ParserOptions } from '../chunked.js';
import { pieceEnd, recordLimit } from '../pieces.js';
import type { FileState, FormatReader } from '../types.js';

const LF = 10, CR = 13;

export class TextParser extends ChunkedParser {
  /** A piece of the current line was already emitted (the line is longer than the limit). */
  private lineOpen = false;

  constructor(rangeStart: number, options: ParserOptions = {}) {
    super(rangeStart, options);
  }

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    let i = from;
    while (i < to) {
      const nl = buf.indexOf(LF, i);
      if (nl < 0 || nl >= to) break;
      const e = nl > i && buf[nl - 1] === CR ? nl - 1 : nl;
      if (e > i) this.emit(i, e, -1);
      this.records++;
      this.lineOpen = false;
      i = nl + 1;
    }
    if (!final) return i;
    if (i < to) this.emit(i, buf[to - 1] === CR ? to - 1 : to, -1);
    if (i < to || this.lineOpen) this.records++;
    this.lineOpen = false;
    return to;
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    const cut = pieceEnd(buf, from, to);
    this.emit(from, cut, -1);
    this.lineOpen = true;
    return cut;
  }
}

export const textReader: FormatReader = {
  format: 'text',
  splittable: true,
  // Text is the fallback: any other reader that recognises the bytes wins.
  sniff: () => 0.05,
  prepare: async (): Promise<FileState> => ({}),
  createParser: (state, rangeStart) => new TextParser(rangeStart, recordLimit(state)),
};
