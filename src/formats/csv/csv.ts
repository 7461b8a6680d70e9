// CSV, TSV and other delimited files. A SIMD structural index lists the delimiters, newlines
// and quotes of each chunk; the parser walks that list, so its cost is per field, not per byte.
// Field ranges exclude the quotes; doubled quotes ("") stay inside the range.
import { ChunkedParser, DEFAULT_MAX_RECORD_BYTES, type ParserOptions } from '../chunked.js';
import { unescapeCsv } from '../escapes.js';
import { pieceEnd, recordLimit } from '../pieces.js';
import type { ByteSource, FileState, FormatReader, RangeSize } from '../types.js';
import { StructuralIndex } from '../structural.js';
import { recordCuts } from './cuts.js';
import { sniffDialect, type CsvDialect } from './dialect.js';

const QUOTE = 34, LF = 10, CR = 13, TAB = 9;
/** Wider rows share one catch-all column so a broken file cannot create millions of names. */
const MAX_COLUMNS = 4096;
/** An open quoted field this short at the end of the input is kept as one field. */
const OPEN_QUOTE_TAIL = 65536;
/** How far `prepare` reads for a header row and a data row longer than the planned head. */
const WIDE_HEAD_BYTES = 4 << 20;

export interface CsvState extends FileState {
  delimiter: number;
  header: string[] | null;
  headerEnd: number;
  /** Where the first record starts: after the header row or the byte-order mark. */
  dataStart: number;
}

export class CsvParser extends ChunkedParser {
  protected override readonly unescape = unescapeCsv;
  private readonly delimiter: number;
  /** Column index of the field that starts the carried tail. */
  private col = 0;
  /** File offset before which bytes belong to the header row (skipped). */
  private skipTo: number;
  /** File offset of a quote to read as a literal byte (recovery from an unbalanced quote). */
  private literalQuoteAt = -1;
  /** The current row had a field longer than the limit, emitted in pieces. */
  private pieces = false;
  private readonly index: StructuralIndex;

  constructor(state: CsvState, rangeStart: number, options: ParserOptions = {}) {
    super(rangeStart, options);
    this.delimiter = state.delimiter;
    this.index = new StructuralIndex(state.delimiter, LF, QUOTE);
    // A range after the first starts where a record starts: the scan cuts files with cuts.ts.
    this.skipTo = rangeStart === 0 ? state.headerEnd : 0;
    for (const name of state.header ?? []) this.columns.push(name || `col${this.columns.length + 1}`);
  }

  private column(col: number): number {
    if (col < this.columns.length) return col;
    if (col >= MAX_COLUMNS) return MAX_COLUMNS - 1;
    while (this.columns.length <= col) this.columns.push(`col${this.columns.length + 1}`);
    return col;
  }

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    const d = this.delimiter;
    let i = from;
    if (this.skipTo > 0) {
      const rel = this.skipTo - this.base;
      if (rel > to) return to;
      i = Math.max(i, rel);
      this.skipTo = 0;
    }
    let col = this.col;
    const index = this.index;
    index.reset(buf, to);
    // Hot loop over the positions of the structural bytes (delimiters, newlines, quotes), slice
    // by slice, all in locals. Fields go straight into the batch arrays; a field's column is
    // `col` unless the row is wider than the header.
    let n = this.count, records = 0;
    let starts = this.fieldStart, ends = this.fieldEnd, cols = this.fieldColumn;
    let known = this.columns.length;
    const literal = this.literalQuoteAt - this.base;
    let fieldStart = i;
    let quoted = i < to && buf[i] === QUOTE && i !== literal;
    let inQuote = quoted;
    let closeAt = -1;
    /** Positions below `skip` are consumed (an opening quote, the second of a doubled one). */
    let skip = quoted ? i + 1 : i;
    let next = i;
    slices: while (next < to) {
      const count = index.indexFrom(next);
      const positions = index.positions;
      const sliceStart = next;
      next = index.sliceEnd;
      for (let k = 0; k < count; k++) {
        const p = positions[k]! + sliceStart;
        if (p < skip) continue;
        const c = buf[p];
        if (c === QUOTE) {
          if (inQuote) {
            if (p + 1 >= to) { if (!final) break slices; }
            else if (buf[p + 1] === QUOTE) { skip = p + 2; continue; }
            inQuote = false;
            closeAt = p;
          }
          // Otherwise a quote inside an unquoted field (or after the closing one) is a literal byte.
          continue;
        }
        if (inQuote) continue;
        // A delimiter or a newline ends the field.
        if (n + 2 > starts.length) {
          this.count = n;
          this.grow();
          starts = this.fieldStart; ends = this.fieldEnd; cols = this.fieldColumn;
        }
        const column = col < known ? col : this.column(col);
        let filled = quoted;
        if (quoted) {
          if (closeAt > fieldStart + 1) { starts[n] = fieldStart + 1; ends[n] = closeAt; cols[n] = column; n++; }
          // Text after the closing quote (`"a"b,`) is kept as a second piece of the field.
          let tail = closeAt + 1;
          const tailEnd = p > tail && buf[p - 1] === CR ? p - 1 : p;
          while (tail < tailEnd && (buf[tail] === 32 || buf[tail] === TAB)) tail++;
          if (tailEnd > tail) { starts[n] = tail; ends[n] = tailEnd; cols[n] = column; n++; }
        } else {
          const e = p > fieldStart && buf[p - 1] === CR ? p - 1 : p;
          if (e > fieldStart) { starts[n] = fieldStart; ends[n] = e; cols[n] = column; n++; filled = true; }
        }
        if (c === d) col++;
        else {
          if (col > 0 || filled || this.pieces) records++;
          this.pieces = false;
          col = 0;
          known = this.columns.length;
        }
        fieldStart = p + 1;
        quoted = inQuote = fieldStart < to && buf[fieldStart] === QUOTE && fieldStart !== literal;
        closeAt = -1;
        skip = quoted ? fieldStart + 1 : fieldStart;
      }
    }
    this.count = n;
    this.records += records;
    if (!final) { this.col = col; return fieldStart; }
    this.col = col;
    if (inQuote) {
      if (to - fieldStart <= OPEN_QUOTE_TAIL) {
        // Most likely the range (or a truncated file) ends inside a quoted field: keep it whole.
        this.warn(`quoted field still open at the end of the range (byte ${this.base + fieldStart})`);
        return this.finishRow(buf, fieldStart, to, true, to);
      }
      this.warn(`unbalanced quote at byte ${this.base + fieldStart}: the rest of the range was read as unquoted text`);
      this.literalQuoteAt = this.base + fieldStart;
      return this.scan(buf, fieldStart, to, true);
    }
    return this.finishRow(buf, fieldStart, to, quoted, closeAt);
  }

  /** The last field of a range (no newline after it) at the end of the input. */
  private finishRow(buf: Buffer, fieldStart: number, to: number, quoted: boolean, closeAt: number): number {
    const column = this.column(this.col);
    let filled = quoted;
    if (quoted) {
      if (closeAt > fieldStart + 1) this.emit(fieldStart + 1, closeAt, column);
      if (to > closeAt + 1) this.emit(closeAt + 1, to, column);
    } else {
      const e = to > fieldStart && buf[to - 1] === CR ? to - 1 : to;
      if (e > fieldStart) { this.emit(fieldStart, e, column); filled = true; }
    }
    if (this.col > 0 || filled || this.pieces) this.records++;
    this.pieces = false;
    this.col = 0;
    return to;
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    if (buf[from] === QUOTE && this.base + from !== this.literalQuoteAt) {
      // A quoted field longer than the record limit is almost surely an unbalanced quote.
      this.warn(`unbalanced quote at byte ${this.base + from}: a quoted field ran past ${this.limit} bytes; read as unquoted text`);
      this.literalQuoteAt = this.base + from;
      const keep = this.scan(buf, from, to, false);
      if (to - keep <= this.limit) return keep;
      from = keep;
    }
    const cut = pieceEnd(buf, from, to);
    this.emit(from, cut, this.column(this.col));
    this.pieces = true;
    return cut;
  }
}

/** LFs in `bytes`, counted up to `most`. */
function lineFeeds(bytes: Uint8Array, most: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at >= 0 && count < most; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

function bomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

function delimitedReader(format: 'csv' | 'tsv'): FormatReader {
  const preferred = format === 'tsv' ? TAB : undefined;
  return {
    format,
    splittable: true,
    cutsStreams: true,
    sniff(head: Uint8Array, path: string): number {
      const ext = extensionOf(path);
      const dialect = sniffDialect(head, preferred);
      const isTab = dialect?.delimiter === TAB;
      if (!dialect || dialect.rows < 2) {
        return (format === 'tsv' ? ext === 'tsv' || ext === 'tab' : ext === 'csv') ? 0.3 : 0;
      }
      if (isTab !== (format === 'tsv')) return 0;
      const extBonus = ext === format || (format === 'tsv' && ext === 'tab') ? 0.15 : 0;
      // Two columns and no header is weak evidence (a timestamp's comma in every log line).
      if (!dialect.header && dialect.width < 3 && extBonus === 0) return 0.04;
      return Math.min(0.85, 0.35 + dialect.consistency * 0.4 + (dialect.rows >= 5 ? 0.05 : 0) + extBonus);
    },
    async prepare(source: ByteSource, planned: Uint8Array): Promise<FileState> {
      // Rows longer than the planned head (tens of thousands of columns): read on for two of them.
      const head = lineFeeds(planned, 2) < 2 && source.size > planned.length ? await source.read(0, WIDE_HEAD_BYTES) : planned;
      const bom = bomLength(head);
      // The same head object as the sniff's, unless a byte-order mark is cut off: its walk is remembered.
      const dialect: CsvDialect | null = sniffDialect(bom ? head.subarray(bom) : head, preferred);
      const delimiter = dialect?.delimiter ?? (format === 'tsv' ? TAB : 44);
      const state: CsvState = {
        delimiter,
        header: dialect?.header ?? null,
        headerEnd: dialect?.header ? dialect.headerEnd + bom : 0,
        dataStart: dialect?.header ? dialect.headerEnd + bom : bom,
      };
      return state;
    },
    cuts(state: FileState, source: ByteSource, rangeBytes: RangeSize): AsyncIterable<number> {
      const csv = state as CsvState;
      const limit = recordLimit(state).maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
      return recordCuts(source, { delimiter: csv.delimiter, start: csv.dataStart, rangeBytes, limit });
    },
    createParser(state: FileState, rangeStart: number) {
      return new CsvParser(state as CsvState, rangeStart, recordLimit(state));
    },
  };
}

export const csvReader = delimitedReader('csv');
export const tsvReader = delimitedReader('tsv');
