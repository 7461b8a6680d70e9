// The streaming skeleton every byte-level reader shares: it joins the unparsed tail of the last
// chunk with the next one, collects field ranges in preallocated Int32Arrays (grown by doubling),
// and keeps the tail bounded so a 200 MB line cannot blow memory.
//
// A subclass implements `scan`, which parses whole tokens only and returns where the first
// incomplete token starts; that tail is carried into the next push. When the tail outgrows the
// record limit the subclass's `overflow` emits it as a piece and notes how to continue.
//
// Lifetime: a returned FieldBatch (its bytes and arrays) is valid until the next push/end call.
import type { FieldBatch } from '../engine/types.js';
import type { RecordParser } from './types.js';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export interface ParserOptions {
  /** Longest record (or field) kept whole; longer ones are emitted in pieces. Default 8 MB. */
  maxRecordBytes?: number;
  /**
   * UTF-16 input is transcoded to UTF-8 before parsing; offsets are then positions in the
   * UTF-8 transcoding (the file is not split, so they are consistent within the file).
   */
  encoding?: 'utf-16le' | 'utf-16be';
  /** UTF-16 input ends lines with lone CRs: the transcoding has them as LFs (line-breaks.ts). */
  loneCrLineBreaks?: boolean;
}

export const DEFAULT_MAX_RECORD_BYTES = 8 << 20;
const MAX_WARNINGS = 50;

interface ParserBuffers {
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  fieldColumn: Int32Array;
  work: Buffer;
}

/**
 * The buffers of the last released parser, for the next one this thread creates. A scan makes a
 * parser per range, and each grew its own field arrays and joining buffer to the size of a read
 * chunk: ~10 MB of fresh external memory per 8 MB range, whose churn kept setting off full
 * garbage collections.
 */
let spare: ParserBuffers | null = null;

export abstract class ChunkedParser implements RecordParser {
  protected fieldStart: Int32Array;
  protected fieldEnd: Int32Array;
  protected fieldColumn: Int32Array;
  protected count = 0;
  protected records = 0;
  /** File offset of buf[0] during a scan: for warnings that name a position. */
  protected base = 0;
  protected readonly columns: string[] = [];
  /** Column indices by name, for readers that meet names as they go (namedColumn). */
  private columnIndex: Map<string, number> | null = null;
  private readonly warningList: string[] = [];
  private suppressedWarnings = 0;
  protected readonly limit: number;
  /** The format's escape rules, for field values handed to field detectors (see FieldBatch). */
  protected readonly unescape: ((raw: string) => string) | undefined = undefined;

  private work: Buffer;
  private carryLen = 0;
  /** Tail still in `work` at [pendingFrom, pendingTo): moved lazily so the last batch stays valid. */
  private pendingFrom = 0;
  private pendingTo = 0;
  private skipBom: boolean;
  private ended = false;

  private readonly utf16: TextDecoder | null;
  private utf8Offset = 0;
  private utf16Bytes = 0;
  private readonly loneCrs: boolean;
  /** The transcoding's last CR, held until the next chunk tells whether an LF follows it. */
  private heldCr = false;

  constructor(rangeStart: number, options: ParserOptions = {}) {
    const reused = spare;
    spare = null;
    this.fieldStart = reused?.fieldStart ?? new Int32Array(4096);
    this.fieldEnd = reused?.fieldEnd ?? new Int32Array(4096);
    this.fieldColumn = reused?.fieldColumn ?? new Int32Array(4096);
    this.work = reused?.work ?? Buffer.alloc(0);
    this.limit = Math.max(64, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
    this.skipBom = rangeStart === 0;
    // The decoder drops the UTF-16 byte-order mark itself.
    this.utf16 = options.encoding ? new TextDecoder(options.encoding) : null;
    if (this.utf16) this.skipBom = false;
    this.loneCrs = options.loneCrLineBreaks === true;
  }

  private transcode(chunk: Uint8Array, flush: boolean): { chunk: Buffer; fileOffset: number } {
    const text = flush ? this.utf16!.decode() : this.utf16!.decode(chunk, { stream: true });
    if (!this.encodingWarned && text.includes('\uFFFD')) {
      this.encodingWarned = true;
      this.warn(`invalid UTF-16 (an unpaired surrogate or odd byte) near byte ${this.utf16Bytes}: replaced with U+FFFD`);
    }
    this.utf16Bytes += chunk.length;
    const out = Buffer.from(this.loneCrs ? this.mapLoneCrs(text, flush) : text, 'utf8');
    const fileOffset = this.utf8Offset;
    this.utf8Offset += out.length;
    return { chunk: out, fileOffset };
  }

  private mapLoneCrs(text: string, flush: boolean): string {
    let joined = this.heldCr ? `\r${text}` : text;
    this.heldCr = !flush && joined.endsWith('\r');
    if (this.heldCr) joined = joined.slice(0, -1);
    return joined.replace(/\r(?!\n)/g, '\n');
  }

  get warnings(): readonly string[] {
    if (this.suppressedWarnings === 0) return this.warningList;
    return [...this.warningList, `${this.suppressedWarnings} more warnings not shown`];
  }

  /** Problems met so far, including those past the warning cap. */
  get problems(): number {
    return this.warningList.length + this.suppressedWarnings;
  }

  protected warn(message: string): void {
    if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message);
    else this.suppressedWarnings++;
  }

  /** Parses whole tokens of buf[from, to); returns the start of the incomplete tail (to if none). */
  protected abstract scan(buf: Buffer, from: number, to: number, final: boolean): number;

  /** The tail buf[from, to) is longer than the limit: emit it as pieces; return the new carry start. */
  protected abstract overflow(buf: Buffer, from: number, to: number): number;

  /**
   * The index of the column named `name`, added on first use; past `max` names a new one gets
   * `past` (by default the last index, shared), so a broken file cannot create millions of columns.
   */
  protected namedColumn(name: string, max: number, past = max - 1): number {
    const index = (this.columnIndex ??= new Map(this.columns.map((known, i) => [known, i])));
    let column = index.get(name);
    if (column !== undefined) return column;
    if (this.columns.length >= max) return past;
    column = this.columns.push(name) - 1;
    index.set(name, column);
    return column;
  }

  protected emit(start: number, end: number, column: number): void {
    if (this.count === this.fieldStart.length) this.grow();
    const k = this.count++;
    this.fieldStart[k] = start;
    this.fieldEnd[k] = end;
    this.fieldColumn[k] = column;
  }

  protected grow(): void {
    const size = this.fieldStart.length * 2;
    const grown = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.fieldStart = grown(this.fieldStart);
    this.fieldEnd = grown(this.fieldEnd);
    this.fieldColumn = grown(this.fieldColumn);
  }

  push(chunk: Uint8Array, fileOffset: number): FieldBatch {
    if (this.ended) throw new Error('RecordParser.push called after end()');
    this.count = 0;
    this.records = 0;
    this.settleCarry();
    if (this.utf16) {
      const utf8 = this.transcode(chunk, false);
      return this.parse(utf8.chunk, utf8.fileOffset, true);
    }
    let input = chunk;
    if (this.skipBom) {
      if (this.carryLen + chunk.length < 3) {
        this.appendCarry(chunk, 0, chunk.length);
        this.endOffset = fileOffset + chunk.length;
        return this.batch(this.work.subarray(0, 0), this.endOffset);
      }
      this.skipBom = false;
      if (this.carryLen > 0) {
        // The BOM check needs three bytes: join the tiny carry first.
        this.appendCarry(chunk, 0, chunk.length);
        const joined = this.work.subarray(0, this.carryLen);
        const bom = joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf ? 3 : 0;
        this.carryLen = 0;
        return this.parse(Buffer.from(joined.subarray(bom)), fileOffset + chunk.length - joined.length + bom, true);
      }
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        input = chunk.subarray(3);
        fileOffset += 3;
      }
    }
    return this.parse(input, fileOffset, true);
  }

  end(): FieldBatch {
    this.count = 0;
    this.records = 0;
    if (this.ended) return this.batch(this.work.subarray(0, 0), 0);
    this.ended = true;
    this.settleCarry();
    if (this.utf16) {
      // Bytes the decoder held back (an odd byte, a lone surrogate) join the carry first.
      const rest = this.transcode(new Uint8Array(0), true);
      if (rest.chunk.length > 0) {
        this.appendCarry(rest.chunk, 0, rest.chunk.length);
        this.endOffset = rest.fileOffset + rest.chunk.length;
      }
    }
    const buf = this.work.subarray(0, this.carryLen);
    this.base = this.endOffset - this.carryLen;
    this.carryLen = 0;
    this.scan(buf, 0, buf.length, true);
    return this.batch(buf, this.base);
  }

  /**
   * Hands the field arrays and joining buffer on to the next parser this thread creates. Call it
   * once the last batch is consumed: the parser and its batches are not to be used again.
   */
  release(): void {
    this.ended = true;
    if (!spare || spare.work.length < this.work.length) {
      spare = { fieldStart: this.fieldStart, fieldEnd: this.fieldEnd, fieldColumn: this.fieldColumn, work: this.work };
    }
  }

  private endOffset = 0;

  private parse(chunk: Uint8Array, fileOffset: number, chunkIsCallers: boolean): FieldBatch {
    this.endOffset = fileOffset + chunk.length;
    let buf: Buffer;
    if (this.carryLen === 0) {
      buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    } else {
      this.appendCarry(chunk, 0, chunk.length);
      buf = this.work.subarray(0, this.carryLen);
      chunkIsCallers = false;
    }
    this.base = this.endOffset - buf.length;
    this.carryLen = 0;
    let keep = this.scan(buf, 0, buf.length, false);
    if (buf.length - keep > this.limit) keep = this.overflow(buf, keep, buf.length);
    this.checkUtf8(buf, keep);
    if (keep < buf.length) {
      if (chunkIsCallers) {
        // The caller may reuse its chunk after push returns: copy the tail now.
        this.appendCarry(buf, keep, buf.length);
      } else {
        this.pendingFrom = keep;
        this.pendingTo = buf.length;
      }
    }
    return this.batch(buf, this.base);
  }

  private encodingWarned = false;

  /**
   * Invalid UTF-8 is scanned as bytes anyway; the first stretch of it earns one warning. The
   * check is native (simdutf, >10 GB/s) and covers buf[0, end), which ends at a token boundary.
   */
  private checkUtf8(buf: Buffer, end: number): void {
    if (this.encodingWarned || end === 0 || this.utf16) return;
    if (isUtf8(buf.subarray(0, end))) return;
    this.encodingWarned = true;
    this.warn(`invalid UTF-8 between bytes ${this.base} and ${this.base + end}: those bytes are scanned as they are`);
  }

  /** Moves a tail left in `work` by the previous push to the front (the old batch is done). */
  private settleCarry(): void {
    if (this.pendingTo > this.pendingFrom) {
      this.work.copyWithin(0, this.pendingFrom, this.pendingTo);
      this.carryLen = this.pendingTo - this.pendingFrom;
    }
    this.pendingFrom = this.pendingTo = 0;
  }

  private appendCarry(src: Uint8Array, from: number, to: number): void {
    const need = this.carryLen + (to - from);
    if (need > this.work.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.work.length * 2, 1 << 16));
      this.work.copy(next, 0, 0, this.carryLen);
      this.work = next;
    }
    this.work.set(src.subarray(from, to), this.carryLen);
    this.carryLen = need;
  }

  private batch(bytes: Uint8Array, fileOffset: number): FieldBatch {
    return {
      bytes,
      fileOffset,
      count: this.count,
      start: this.fieldStart,
      end: this.fieldEnd,
      column: this.fieldColumn,
      columns: this.columns,
      records: this.records,
      ...(this.unescape ? { unescape: this.unescape } : {}),
    };
  }
}
