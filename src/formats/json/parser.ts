// The JSON/NDJSON tokenizer, with an explicit container stack: string and number values become
// fields whose column is their interned path (`data.pasien[].nik`); keys only shape paths. Header
// rows (tables.ts), key/value pairs (pairs.ts) and JSON inside strings (embedded.ts) name theirs.
// It also reads what tools write for JSON: Python reprs (True/None), NaN, Infinity and comments.
// Records: NDJSON lines; in a document, the elements of the outermost arrays (else the document).
import type { FieldBatch } from '../../engine/types.js';
import { ChunkedParser, type ParserOptions } from '../chunked.js';
import { pieceEnd } from '../pieces.js';
import { StructuralIndex } from '../structural.js';
import { EmbeddedDocuments } from './embedded.js';
import {
  CLASS, CLOSE, COLON, COMMA, COMMENT, NUMBER, NUMBER_BYTE, OPEN_ARR, OPEN_OBJ, PY_STRING, STRING, WORD, WS,
  apostropheEnd, commentEnd, ContainerBits, integralEnd, isLiteral, ScalarIndex, stringEnd,
} from './bytes.js';
import { KeyValuePairs, NAMES, pairRole, VALUE } from './pairs.js';
import { PathTable } from './paths.js';
import { TableHeaders } from './tables.js';
import { cutBeforeEscape, EscapeCopies, rewriteEscapes, unescapeJsonField } from './unicode-escapes.js';

const OBJ = 1, ARR = 2;
const QUOTE = 34, BACKSLASH = 92, LF = 10;
const MAX_DEPTH = 4096;
/** Whether an NDJSON range starts inside a line (cut where a very long line had no newline). */
const START_LINE = 0, START_UNKNOWN = 1, START_INSIDE = 2;

export class JsonParser extends ChunkedParser {
  protected override readonly unescape = unescapeJsonField;
  private kinds = new Uint8Array(64);
  /** Per open container: the object's own path, or the shared path of an array's elements. */
  private paths = new Int32Array(64);
  /** Per open container: the parent object's current key, restored when the container closes. */
  private savedKeys = new Int32Array(64);
  private depth = 0;
  /** The innermost container, cached: its kind (0 at the top level) and path. */
  private topKind = 0;
  private topPath = -1;
  /**
   * Containers nested deeper than MAX_DEPTH: their kinds kept as bits, not stacked with paths (whose
   * names grow with depth); they share the deepest stacked path, and their keys name values under it.
   */
  private overDepth = 0;
  private readonly over = new ContainerBits();
  private arrays = 0;
  private expectKey = false;
  private keyPath = -1;
  private documentCounted = false;
  /** Document: the open top-level value has crossed a line end (pretty-printed, or a lenient string). */
  private valueSpansLines = false;
  /** A string longer than the limit is open at the start of the next buffer. */
  private openString = false;
  private openStringEscaped = false;
  private openStringColumn = -1;
  private readonly table: PathTable;
  private readonly tables: TableHeaders;
  private readonly pairs: KeyValuePairs;
  private readonly documents: EmbeddedDocuments;
  private readonly index: Pick<StructuralIndex, 'reset' | 'next'>;
  private readonly copies = new EscapeCopies();
  private rangeStartsAt: number;

  /** `embedded`: how many strings this document sits in (embedded.ts); `lineHeader`: names for NDJSON arrays (tables.ts). */
  constructor(private readonly lines: boolean, rangeStart: number, options: ParserOptions = {}, private readonly embedded = 0, lineHeader?: readonly string[]) {
    super(rangeStart, options);
    this.table = new PathTable(this.columns, pairRole);
    this.tables = new TableHeaders(this.table, this.columns, lineHeader, rangeStart === 0);
    this.pairs = new KeyValuePairs(this.table);
    this.index = embedded > 0 ? new ScalarIndex() : new StructuralIndex(QUOTE, BACKSLASH, LF);
    this.documents = new EmbeddedDocuments(() => new JsonParser(true, 0, {}, embedded + 1), this.table, embedded, (from, to, column) => this.emit(from, to, column));
    this.rangeStartsAt = lines && rangeStart > 0 ? START_UNKNOWN : START_LINE;
  }

  /**
   * An NDJSON range that does not open with '{' or '[' was cut inside a long line (mostly inside
   * its string): up to the newline it is read as free text, in pieces, and counts no record; as
   * JSON its words and numbers were stray values. Returns where JSON starts, or the tail to keep.
   */
  private skipLineRest(buf: Buffer, i: number, to: number, final: boolean): number {
    if (this.rangeStartsAt === START_UNKNOWN && i < to) {
      this.rangeStartsAt = buf[i] === 123 || buf[i] === 91 ? START_LINE : START_INSIDE;
      if (this.rangeStartsAt === START_LINE) return i;
    }
    const nl = buf.indexOf(LF, i);
    if (nl >= 0 && nl < to) {
      this.rangeStartsAt = START_LINE;
      this.emitCut(buf, i, nl, -1);
      return nl + 1;
    }
    if (final) {
      if (to > i) this.emitString(buf, i, to, -1);
      return to;
    }
    // A piece ends at a separator, so that no NIK is split; without one near the end, wait for more.
    const cut = cutBeforeEscape(buf, i, pieceEnd(buf, i, to), to);
    if (cut === to) return i;
    this.emitString(buf, i, cut, -1);
    return cut;
  }

  /** Escapes are rewritten in place (unicode-escapes.ts), in a copy of the caller's bytes. */
  override push(chunk: Uint8Array, fileOffset: number): FieldBatch { return super.push(this.copies.writable(chunk), fileOffset); }

  /** Emits the string value buf[start, end), its escapes rewritten when it holds a backslash. */
  private emitString(buf: Buffer, start: number, end: number, column: number, escaped = true): void {
    if (escaped) rewriteEscapes(buf, start, end);
    this.emit(start, end, column);
  }

  private valuePath(): number {
    if (this.topKind === OBJ) return this.table.roles[this.keyPath] === VALUE && this.overDepth === 0 ? this.pairs.valuePath(this.depth - 1, this.topPath, this.keyPath) : this.keyPath;
    if (this.topKind === ARR && this.overDepth === 0 && this.tables.isRow(this.depth - 1)) {
      const column = this.tables.columnPath(this.depth - 1);
      if (column >= 0) return column;
    }
    return this.topPath;
  }

  private open(kind: number): void {
    const path = this.valuePath();
    if (this.depth === 0) this.valueSpansLines = false;
    if (this.depth >= MAX_DEPTH || this.overDepth > 0) {
      if (this.overDepth++ === 0) this.warn(`nesting deeper than ${MAX_DEPTH} levels near byte ${this.base}: inner levels share one path`);
      this.over.push(kind === OBJ); this.tables.reset();
      this.topKind = kind; this.keyPath = -1; this.expectKey = kind === OBJ;
      return;
    }
    if (this.depth === this.kinds.length) {
      const kinds = new Uint8Array(this.depth * 2); kinds.set(this.kinds); this.kinds = kinds;
      const paths = new Int32Array(this.depth * 2); paths.set(this.paths); this.paths = paths;
      const saved = new Int32Array(this.depth * 2); saved.set(this.savedKeys); this.savedKeys = saved;
    }
    this.tables.open(this.depth, kind === ARR, this.topKind, this.keyPath);
    if (kind === OBJ) this.pairs.open(this.depth);
    this.kinds[this.depth] = kind;
    this.savedKeys[this.depth] = this.keyPath;
    this.keyPath = -1;
    this.paths[this.depth] = kind === ARR ? this.table.element(path) : path;
    this.topKind = kind;
    this.topPath = this.paths[this.depth]!;
    this.depth++;
    if (kind === ARR) this.arrays++;
    this.expectKey = kind === OBJ;
  }

  private close(at: number): void {
    if (this.overDepth > 0) {
      const object = this.over.pop();
      this.topKind = --this.overDepth > 0 ? (object ? OBJ : ARR) : this.kinds[this.depth - 1]!;
      this.keyPath = -1; this.expectKey = false;
      return;
    }
    if (this.depth === 0) { this.warn(`unbalanced closing bracket at byte ${this.base + at}`); return; }
    this.depth--;
    this.keyPath = this.savedKeys[this.depth]!;
    const wasArray = this.kinds[this.depth] === ARR;
    if (wasArray) { this.tables.close(this.depth, this.depth > 0 ? this.paths[this.depth - 1]! : -1); this.arrays--; }
    this.topKind = this.depth > 0 ? this.kinds[this.depth - 1]! : 0;
    this.topPath = this.depth > 0 ? this.paths[this.depth - 1]! : -1;
    this.expectKey = false;
    // A top-level array of a document counts its elements, not itself (even when empty).
    if (wasArray && this.depth === 0 && !this.lines) { this.documentCounted = false; return; }
    this.valueDone();
  }

  private valueDone(): void {
    if (this.topKind === ARR && this.overDepth === 0) this.tables.valueDone(this.depth - 1);
    if (this.depth === 0) {
      if (this.lines || !this.documentCounted) this.records++;
      this.documentCounted = false;
    } else if (this.topKind === ARR && this.arrays === 1 && !this.lines && this.overDepth === 0) {
      this.records++;
      this.documentCounted = true;
    }
  }

  /** NDJSON: a line ended inside a value. Drop the broken value and start the next line clean. */
  private resetLine(at: number): void {
    this.warn(`incomplete JSON value on the line ending at byte ${this.base + at}`);
    this.depth = this.overDepth = this.over.size = this.arrays = this.topKind = 0;
    this.topPath = -1;
    this.expectKey = false;
    this.keyPath = -1;
    this.documentCounted = false;
    this.tables.reset();
  }

  /**
   * Whether the newline at buf[nl], inside a string, ends the record: always in NDJSON. In a
   * document, when the value so far sat on one line and the next line opens another: a broken
   * NDJSON line before whole ones, in a file whose first line outran the sniffed head (dump.json).
   * 1 yes (also when nothing follows), 0 no, -1 not known until more bytes come.
   */
  private newlineEndsRecord(buf: Buffer, nl: number, to: number, final: boolean): number {
    if (this.lines) return 1;
    if (this.valueSpansLines || this.depth === 0) return 0;
    if (nl + 1 >= to) return final ? 1 : -1;
    const next = buf[nl + 1];
    return next === 123 || next === 91 ? 1 : 0;
  }

  /** The value of a string cut by its line's end at `end`, less a CR and an unpaired trailing backslash. */
  private emitCut(buf: Buffer, from: number, end: number, column: number): void {
    if (end > from && buf[end - 1] === 13) end--;
    let k = end;
    while (k > from && buf[k - 1] === BACKSLASH) k--;
    if (((end - k) & 1) === 1) end--;
    if (end > from) this.emitString(buf, from, end, column);
  }

  /** Where the string left open by `overflow` ends in buf[i, to): past it, or -1 to wait for more bytes. */
  private continueString(buf: Buffer, i: number, to: number, final: boolean): number {
    let q = this.openStringEscaped && buf[i] === QUOTE ? stringEnd(buf, i + 1, to) : stringEnd(buf, i, to);
    // A newline may end the record (newlineEndsRecord), however long its string has run.
    const nl = this.lines || !this.valueSpansLines ? buf.indexOf(LF, i) : -1;
    if (nl >= 0 && nl < to && (q < 0 || nl < q)) {
      const ends = this.newlineEndsRecord(buf, nl, to, final);
      if (ends < 0) return -1;
      if (ends === 1) {
        this.emitCut(buf, i, nl, this.openStringColumn);
        this.openString = false;
        this.resetLine(nl);
        return nl + 1;
      }
      this.valueSpansLines = true;
    }
    if (q < 0 && !final) return -1;
    if (q < 0) q = to;
    if (q > i) this.emitString(buf, i, q, this.openStringColumn);
    this.openString = false;
    this.valueDone();
    return Math.min(to, q + 1);
  }

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    let i = from;
    if (this.rangeStartsAt !== START_LINE) {
      i = this.skipLineRest(buf, i, to, final);
      if (this.rangeStartsAt !== START_LINE) return i;
    }
    if (this.openString) {
      i = this.continueString(buf, i, to, final);
      if (i < 0) return from;
    }
    const index = this.index;
    index.reset(buf, to);
    while (i < to) {
      const c = buf[i]!;
      switch (CLASS[c]) {
        case WS:
          if (c === LF) {
            if (!this.lines) this.valueSpansLines = true;
            else if (this.depth > 0 || this.overDepth > 0) this.resetLine(i);
          }
          i++;
          continue;
        case OPEN_OBJ: this.open(OBJ); i++; continue;
        case OPEN_ARR: this.open(ARR); i++; continue;
        case CLOSE: this.close(i); i++; continue;
        case COMMA:
          if (this.topKind === OBJ) this.expectKey = true;
          i++;
          continue;
        case COLON:
          // A colon belongs after a key; at the top level it means these are not JSON values.
          if (this.depth === 0) this.warn(`unexpected colon at byte ${this.base + i}`);
          i++;
          continue;
        case STRING: {
          // The closing quote from the SIMD index of quotes, backslashes and newlines.
          let q = index.next(i + 1), escaped = false;
          for (;;) {
            if (q >= to) { q = -1; break; }
            const b = buf[q];
            if (b === QUOTE) break;
            // A newline that ends the record does so even after a backslash.
            if (b === BACKSLASH) {
              escaped = true;
              q = buf[q + 1] === LF ? q + 1 : index.next(q + 2);
              continue;
            }
            const ends = this.newlineEndsRecord(buf, q, to, final);
            if (ends === 1) break;
            if (ends < 0) { q = -1; break; }
            this.valueSpansLines = true;
            q = index.next(q + 1);
          }
          if (q >= 0 && buf[q] === LF) {
            // The line ended inside the string: the record is broken, but its value still holds data.
            if (!this.expectKey) this.emitCut(buf, i + 1, q, this.valuePath());
            this.resetLine(q);
            i = q + 1;
            continue;
          }
          if (q < 0) {
            if (!final) return i;
            this.warn(`unterminated string at byte ${this.base + i}`);
            q = to;
          }
          i = this.stringDone(buf, i, q, escaped);
          continue;
        }
        case PY_STRING: {
          // Python's repr of dicts and lists ({'nama': 'Budi'}), as scripts save "JSON": a string
          // between single quotes on one line, with backslash escapes.
          const q = apostropheEnd(buf, i + 1, to);
          if (q === to && !final) return i;
          if (q === to || buf[q] === LF) {
            // Cut by its line's end: the value is kept, the newline read as whitespace (NDJSON: the record ends).
            this.warn(`unterminated string at byte ${this.base + i}`);
            if (!this.expectKey) this.emitCut(buf, i + 1, q, this.valuePath());
            i = q;
            continue;
          }
          i = this.stringDone(buf, i, q, buf.subarray(i + 1, q).includes(BACKSLASH));
          continue;
        }
        case NUMBER: {
          let j = i + 1;
          while (j < to && NUMBER_BYTE[buf[j]!] === 1) j++;
          if (j === to && !final) return i;
          // "-Infinity": the word is the value.
          if (j === i + 1 && buf[i] === 45 && CLASS[buf[j]!] === WORD) { i = j; continue; }
          this.emit(i, integralEnd(buf, i, j), this.valuePath());
          if (this.topKind === ARR && this.overDepth === 0) this.tables.other(this.depth - 1);
          this.valueDone();
          i = j;
          continue;
        }
        case WORD: {
          let j = i + 1;
          while (j < to && CLASS[buf[j]!] === WORD) j++;
          if (j === to && !final) return i;
          // Only true/false/null is a value: prose (a range that starts inside a long string) is no record.
          if (isLiteral(buf, i, j)) {
            if (this.topKind === ARR && this.overDepth === 0) this.tables.other(this.depth - 1);
            this.valueDone();
          }
          else this.warn(`unexpected word at byte ${this.base + i}`);
          i = j;
          continue;
        }
        case COMMENT: {
          // JSON5-ish exports: a comment is free text, not stray JSON words and numbers.
          const end = commentEnd(buf, i, to, this.lines);
          if (end < 0 && !final) return i;
          if (end !== i) { this.emit(i, end < 0 ? to : end, -1); i = end < 0 ? to : end; continue; }
          this.warn(`unexpected byte at ${this.base + i}`);
          i++;
          continue;
        }
        default:
          this.warn(`unexpected byte at ${this.base + i}`);
          i++;
      }
    }
    return to;
  }

  /** The string between buf[open] and buf[close], as a key or a value; returns where parsing resumes. */
  private stringDone(buf: Buffer, open: number, close: number, escaped: boolean): number {
    if (this.expectKey) {
      this.keyPath = this.table.key(this.topPath, this.keyPath, buf, open + 1, close);
      this.expectKey = false;
      if (this.table.wildcard[this.keyPath] === 1) this.emit(open + 1, close, this.keyPath);
      // Compact JSON: skip the colon here rather than in another trip round the loop.
      return buf[close + 1] === 58 ? close + 2 : close + 1;
    }
    if (close > open + 1) {
      let path = this.valuePath();
      if (this.topKind === OBJ && this.table.roles[this.keyPath] === NAMES && this.overDepth === 0) path = this.pairs.string(this.depth - 1, path, buf, open + 1, close);
      if (!(escaped || buf[open] !== QUOTE) || !this.documents.read(buf, open, close, path, escaped)) this.emitString(buf, open + 1, close, path, escaped);
    }
    if (this.topKind === ARR && this.overDepth === 0) this.tables.string(this.depth - 1, buf, open + 1, close);
    this.valueDone();
    if (buf[close + 1] === 44 && this.topKind === OBJ) {
      this.expectKey = true;
      return close + 2;
    }
    return close + 1;
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    let cut = pieceEnd(buf, from, to);
    const continuing = this.openString;
    if (continuing || buf[from] === QUOTE) {
      cut = cutBeforeEscape(buf, from, cut, to);
      // A huge string value: emit what we have and continue inside the string.
      const column = continuing ? this.openStringColumn : this.expectKey ? -1 : this.valuePath();
      this.expectKey = false;
      this.emitString(buf, continuing ? from : from + 1, cut, column);
      let k = cut - 1, slashes = 0;
      while (k > from && buf[k] === BACKSLASH) { k--; slashes++; }
      this.openString = true;
      this.openStringEscaped = (slashes & 1) === 1;
      this.openStringColumn = column;
      return cut;
    }
    this.emit(from, cut, -1);
    return cut;
  }
}
