// Record-exact range cuts for CSV files, as a quoted field may hold line breaks. A cut at any
// newline may fall inside one, and a worker that starts there cannot know it. This pass walks
// the quotes from the start of the file with the reader's own quoting rules (a quote opens a
// field only at its start, `""` is an escaped quote, a field left open past the record limit is
// an unbalanced quote read as a literal) and cuts only at newlines outside quotes. It touches
// the quotes, not every byte, so it runs at memchr speed.
import type { ByteSource, RangeSize } from '../types.js';

const QUOTE = 34, LF = 10;
/**
 * Bytes read at a time. The walk runs on the main thread during the whole scan, so its buffer adds
 * to the peak memory: 4 MB walks as fast as 16 MB and keeps the 2-worker peak about 16 MB lower.
 */
const BLOCK = 4 << 20;

export interface CutOptions {
  delimiter: number;
  /** Where records begin (after the header row and a byte-order mark). */
  start: number;
  rangeBytes: RangeSize;
  /** The reader's record limit: a quoted field open for longer is an unbalanced quote. */
  limit: number;
  /** Bytes read at a time (tests use tiny blocks to exercise the block edges). */
  blockBytes?: number;
}

/**
 * Offsets (ascending, within (0, size)) where a range may start: just after a record's newline.
 * A generator, so the scan can start on the first ranges while the walk goes on.
 */
export async function* recordCuts(source: ByteSource, options: CutOptions): AsyncGenerator<number> {
  const { delimiter, start, rangeBytes, limit } = options;
  const size = source.size;
  const blockBytes = Math.max(4, options.blockBytes ?? BLOCK);
  const scratch = Buffer.allocUnsafe(blockBytes);
  let block: Buffer = Buffer.alloc(0);
  let blockStart = 0;
  /**
   * The last newline search in the block: from `searchedFrom`, the first newline is at `newlineAt`
   * (the block's end when it has none). Quotes come far more often than newlines, and a search per
   * quote that ran to the end of the block made a 10 MB run of quotes take over a minute.
   */
  let searchedFrom = Infinity, newlineAt = 0;
  /** Loads a block that holds the byte before `offset` (to tell a field start) and some after. */
  const load = async (offset: number) => {
    blockStart = Math.max(0, offset - 1);
    const bytes = await source.read(blockStart, blockBytes, scratch);
    block = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    searchedFrom = Infinity;
  };
  /** The first newline at or after `from` in the block, or the block's end. */
  const newlineFrom = (from: number) => {
    if (from < searchedFrom || from > newlineAt) {
      const i = block.indexOf(LF, from - blockStart);
      searchedFrom = from;
      newlineAt = i < 0 ? blockStart + block.length : blockStart + i;
    }
    return newlineAt;
  };
  let pos = start, inside = false, openAt = -1, target = rangeBytes(0);
  while (pos < size) {
    // The block holds the byte before `pos` and, unless the file ends first, two bytes from it
    // (for the `""` check).
    const loaded = blockStart + block.length;
    if (block.length === 0 || (pos > 0 && pos - 1 < blockStart) || (pos + 1 >= loaded && loaded < size)) await load(pos);
    const blockEnd = blockStart + block.length;
    if (blockEnd <= pos) break; // the file shrank while being read
    const q = block.indexOf(QUOTE, pos - blockStart);
    const quoteAt = q < 0 ? blockEnd : blockStart + q;
    if (inside) {
      if (quoteAt - openAt > limit) {
        // Unbalanced: the reader takes this quote as a literal byte and goes on from there.
        inside = false;
        pos = openAt + 1;
      } else if (q < 0) {
        pos = blockEnd;
      } else if (quoteAt + 1 >= blockEnd && blockEnd < size) {
        pos = quoteAt; // its next byte is in the next block
      } else if (block[q + 1] === QUOTE) {
        pos = quoteAt + 2;
      } else {
        inside = false;
        pos = quoteAt + 1;
      }
      continue;
    }
    // Outside quotes up to `quoteAt`: every newline in [pos, quoteAt) ends a record.
    while (target < quoteAt) {
      const newline = newlineFrom(Math.max(pos, target));
      if (newline >= quoteAt) break;
      const cut = newline + 1;
      if (cut >= size) break;
      yield cut;
      target = cut + rangeBytes(cut);
    }
    if (q >= 0) {
      const before = quoteAt === start ? LF : block[q - 1];
      if (before === delimiter || before === LF) {
        inside = true;
        openAt = quoteAt;
      }
    }
    pos = quoteAt + (q >= 0 ? 1 : 0);
  }
}
