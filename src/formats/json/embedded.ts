// Double-encoded JSON: a string value that is itself a JSON document (`"{\"nik\":\"3171…\"}"`), as
// log exports and API dumps store a payload. Its values become fields under the string's path
// (`payload.nik`), at their own bytes in the file; read as one raw string, its names and
// addresses had no label and were lost. One inner parser, reading each document as an NDJSON
// line, serves a whole file: a parser per string cost 75× the throughput of a log export.
import type { ChunkedParser } from '../chunked.js';
import type { PathTable } from './paths.js';
import { rewriteEscapes } from './unicode-escapes.js';

const BACKSLASH = 92, QUOTE = 34, LF = 10, SPACE = 32;
/** JSON in a string in a string…: deeper levels are read as plain strings. */
const MAX_EMBEDDED = 4;
/**
 * What one level of string escapes stands for; \u escapes were rewritten before
 * (unicode-escapes.ts). Line breaks become spaces: whitespace between tokens, and inside a string
 * only the outer bytes are reported. A raw LF would end the inner parser's line.
 */
const SIMPLE = new Uint8Array(256);
SIMPLE[QUOTE] = QUOTE; SIMPLE[BACKSLASH] = BACKSLASH; SIMPLE[47] = 47;
SIMPLE[110] = SPACE; SIMPLE[116] = SPACE; SIMPLE[114] = SPACE; SIMPLE[98] = 8; SIMPLE[102] = 12;

/**
 * Whether string bytes buf[start, end) open like an object or array and close like one: with
 * escaped quotes, or plain ones in a Python repr's single-quoted string.
 */
function looksLikeJson(buf: Uint8Array, start: number, end: number, python: boolean): boolean {
  if (end - start < 4) return false;
  const last = buf[end - 1];
  if (last !== 125 && last !== 93) return false;
  let k = start;
  while (k < end && (buf[k] === 123 || buf[k] === 91 || buf[k] === SPACE)) k++;
  return k > start && (python ? buf[k] === QUOTE : buf[k] === BACKSLASH && buf[k + 1] === QUOTE);
}

export class EmbeddedDocuments {
  private parser: ChunkedParser | null = null;
  private bytes = Buffer.alloc(0);
  private map = new Int32Array(0);
  /** Inner bytes read so far: the inner parser's file offset. */
  private offset = 0;
  /** (outer path, inner column) → outer path of the inner column. */
  private readonly paths = new Map<number, number>();
  private fields: number[] = [];

  /**
   * `create` makes the inner parser (NDJSON); `table` interns the outer paths; `nesting` is how
   * many strings the outer document sits in; `emit` takes each value's outer bytes and path.
   */
  constructor(
    private readonly create: () => ChunkedParser, private readonly table: PathTable, private readonly nesting: number,
    private readonly emit: (start: number, end: number, column: number) => void,
  ) {}

  /**
   * Reads the string value opened by the quote at buf[quote] and closed at buf[end] under `path`
   * as a document, if it is one. False, emitting nothing, when it does not parse cleanly as JSON
   * or holds no value: then it is a plain string. `escaped`: it holds a backslash.
   */
  read(buf: Uint8Array, quote: number, end: number, path: number, escaped: boolean): boolean {
    const start = quote + 1, python = buf[quote] === 39;
    if (!(escaped || python) || this.nesting >= MAX_EMBEDDED || !looksLikeJson(buf, start, end, python)) return false;
    rewriteEscapes(buf, start, end);
    const size = end - start + 1;
    if (this.bytes.length < size) { this.bytes = Buffer.alloc(size * 2); this.map = new Int32Array(size * 2 + 1); }
    const bytes = this.bytes, map = this.map;
    // map[k]: where bytes[k] came from in buf; map[n] is the string's end.
    let n = 0;
    for (let k = start; k < end; k++) {
      map[n] = k;
      const c = buf[k]!;
      const simple = c === BACKSLASH && k + 1 < end ? SIMPLE[buf[k + 1]!]! : 0;
      if (simple !== 0) { bytes[n++] = simple; k++; } else bytes[n++] = c === LF ? SPACE : c;
    }
    map[n] = end;
    bytes[n] = LF;
    this.parser ??= this.create();
    const problems = this.parser.problems;
    const batch = this.parser.push(bytes.subarray(0, n + 1), this.offset);
    const base = this.offset;
    this.offset += n + 1;
    if (this.parser.problems !== problems || batch.count === 0) return false;
    const fields = this.fields;
    fields.length = 0;
    for (let i = 0; i < batch.count; i++) {
      const at = batch.fileOffset - base;
      fields.push(map[at + batch.start[i]!]!, map[at + batch.end[i]!]!, this.pathOf(path, batch.column[i]!, batch.columns));
    }
    for (let i = 0; i < fields.length; i += 3) this.emit(fields[i]!, fields[i + 1]!, fields[i + 2]!);
    return true;
  }

  private pathOf(path: number, column: number, columns: readonly string[]): number {
    if (column < 0) return path;
    const key = (path + 1) * 65536 + column;
    let found = this.paths.get(key);
    if (found === undefined) this.paths.set(key, found = this.table.named(path, columns[column]!));
    return found;
  }
}
