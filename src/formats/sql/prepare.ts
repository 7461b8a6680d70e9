// File-wide state of a SQL dump, so a worker that starts mid-file knows its columns: every
// CREATE TABLE's column list, and the byte ranges of PostgreSQL COPY blocks with their columns.
// Found with native substring search (Buffer.indexOf) over large reads; COPY data is skipped
// by searching for its `\.` terminator, so a PostgreSQL dump is barely touched.
import type { ByteSource, FileState } from '../types.js';
import { endsBeforeStatement, followsStatementEnd, startsIndentedStatement, startsStatement } from './cuts.js';
import { firstRowOpen, HEAD_BYTES } from './rows.js';
import { hasPlainStrings, setsStandardStrings, standardStringsAt } from './markers.js';
import { parseCopyHead, parseCreateTable, parseInsertHead } from './statements.js';
import { TableLog, type TableState } from './tables.js';

/** Tables and their columns (tables.ts), and where the parser's modes and escapes change. */
export interface SqlState extends FileState, TableState {
  /** COPY data blocks: [data start, data end (the `\.` line), table, columns]. */
  copies: [number, number, string, string[]][];
  /** False in PostgreSQL dumps with standard_conforming_strings on, SQLite, SQL Server and Oracle scripts: `\` is then a plain byte. */
  backslashEscapes: boolean;
  /**
   * INSERTs longer than LONG_STATEMENT, which a range may start inside of (between two rows):
   * [the first row's `(`, the next statement's start, table, columns].
   */
  inserts: [number, number, string, string[]][];
  /** Every `SET standard_conforming_strings` line: [offset, on]. The head's setting holds before the first. */
  standardStrings: [number, boolean][];
}

/** Whether a backslash escapes in strings at `offset`: the last SET standard_conforming_strings before it decides. */
export function backslashEscapesAt(state: Partial<SqlState>, offset: number): boolean {
  let escapes = state.backslashEscapes !== false;
  for (const [at, on] of state.standardStrings ?? []) if (at < offset) escapes = !on;
  return escapes;
}

const BLOCK = 16 << 20;
const HEAD_LIMIT = 1 << 20;
/** The state goes to every worker: a file with endless CREATE TABLEs must not bloat it. */
const MAX_TABLES = 10000;
/** An INSERT longer than this is recorded, for ranges cut between its rows (a range is 4 MB or more). */
const LONG_STATEMENT = 1 << 20;

class BlockReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  /** Every block is read into this one buffer: a new 16 MB buffer per block would pile up until GC. */
  private readonly scratch: Uint8Array;
  constructor(private readonly source: ByteSource) {
    this.scratch = new Uint8Array(Math.min(BLOCK, source.size));
  }

  private async load(offset: number): Promise<void> {
    const data = await this.source.read(offset, BLOCK, this.scratch);
    this.block = Buffer.from(data.buffer, data.byteOffset, data.length);
    this.blockStart = offset;
  }

  /** Bytes [offset, offset + length) (shorter at the end of the file); small reads bypass the cache. */
  async bytes(offset: number, length: number): Promise<Buffer> {
    // Up to the end of the file: near it, a read past the end would miss the block every time.
    length = Math.min(length, this.source.size - offset);
    const at = offset - this.blockStart;
    if (at >= 0 && at + length <= this.block.length) return this.block.subarray(at, at + length);
    const data = await this.source.read(offset, length);
    return Buffer.from(data.buffer, data.byteOffset, data.length);
  }

  /** The cached block holding `offset` with at least 64 KB after it (or up to the end of the file). */
  async windowAt(offset: number): Promise<{ block: Buffer; start: number }> {
    const end = this.blockStart + this.block.length;
    if (offset < this.blockStart || offset >= end || (end - offset < (1 << 16) && end < this.source.size)) await this.load(offset);
    return { block: this.block, start: this.blockStart };
  }

  /** First occurrence of needle at or after offset, or -1. Reads the file in 16 MB blocks. */
  async find(needle: string, offset: number): Promise<number> {
    const overlap = needle.length - 1;
    while (offset < this.source.size) {
      let at = offset - this.blockStart;
      const end = this.blockStart + this.block.length;
      if (at < 0 || at >= this.block.length || (end - offset < (1 << 16) && end < this.source.size)) {
        await this.load(offset);
        at = 0;
      }
      const hit = this.block.indexOf(needle, at);
      if (hit >= 0) return this.blockStart + hit;
      const blockEnd = this.blockStart + this.block.length;
      if (blockEnd >= this.source.size || this.block.length === 0) return -1;
      offset = blockEnd - overlap;
      await this.load(offset);
    }
    return -1;
  }
}

/**
 * The text of the CREATE statement at block[at], up to its `;`, or in a broken dump up to the next
 * line that starts a statement, as the parser ends it. Taken from the block in hand when it ends
 * there: read ahead a megabyte for each, 50,000 unended CREATE lines (2 MB) did not finish in a minute.
 */
async function statementText(reader: BlockReader, block: Buffer, at: number, blockStart: number, size: number): Promise<string> {
  let bytes = block.subarray(at, at + HEAD_LIMIT);
  let end = statementEnd(bytes);
  if (end < 0 && bytes.length < HEAD_LIMIT && blockStart + at + bytes.length < size) {
    bytes = await reader.bytes(blockStart + at, HEAD_LIMIT);
    end = statementEnd(bytes);
  }
  return new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end));
}

/** Where the statement at the start of `bytes` ends (its `;` or the line before the next statement), or -1 if not in them. */
function statementEnd(bytes: Buffer): number {
  for (let from = 0; from < bytes.length;) {
    const newline = bytes.indexOf(10, from);
    const semi = bytes.subarray(from, newline < 0 ? bytes.length : newline).indexOf(59);
    if (semi >= 0) return from + semi;
    if (newline < 0) return -1;
    // Indented too: else 20,000 indented unended CREATE lines each read the rest of the file (>60 s).
    if (startsIndentedStatement(bytes, newline + 1, bytes.length)) return newline;
    from = newline + 1;
  }
  return -1;
}

/** End of the COPY data that starts at `dataStart`: the offset of its `\.` line. */
async function copyEnd(reader: BlockReader, dataStart: number, size: number): Promise<number> {
  const first = await reader.bytes(dataStart, 3);
  if (first[0] === 92 && first[1] === 46 && (first.length === 2 || first[2] === 10 || first[2] === 13)) return dataStart;
  let from = dataStart;
  for (;;) {
    const hit = await reader.find('\n\\.', from);
    if (hit < 0) return size;
    const after = await reader.bytes(hit + 3, 1);
    if (after.length === 0 || after[0] === 10 || after[0] === 13) return hit + 1;
    from = hit + 1;
  }
}

/** The INSERT being walked, recorded in the state when the next statement shows it to be long. */
class LongInserts {
  private open = -1;
  constructor(
    private readonly reader: BlockReader, private readonly state: SqlState, private readonly tables: TableLog,
    private readonly longStatement: number,
  ) {}

  /**
   * A statement starts at `offset` (an INSERT or REPLACE when `insert`), so the one before ends
   * there: where that one started when it is a long INSERT to record, else -1. Synchronous: an
   * await on each of 600,000 INSERT lines made prepare ten times slower.
   */
  boundary(offset: number, insert: boolean): number {
    const open = this.open;
    this.open = insert ? offset : -1;
    return open >= 0 && offset - open > this.longStatement && this.state.inserts.length < MAX_TABLES ? open : -1;
  }

  async record(open: number, end: number): Promise<void> {
    const head = await this.reader.bytes(open, HEAD_BYTES);
    const paren = firstRowOpen(head);
    const ref = paren > 0 ? parseInsertHead(new TextDecoder().decode(head.subarray(0, paren))) : null;
    if (ref) this.state.inserts.push([open + paren, end, ref.table, ref.columns ?? this.tables.latest(ref.table)]);
  }
}

export async function prepareSql(source: ByteSource, head: Uint8Array, longStatement = LONG_STATEMENT): Promise<SqlState> {
  const plain = setsStandardStrings(head.subarray(0, 65536)) || hasPlainStrings(head.subarray(0, 65536));
  const state: SqlState = {
    tables: {}, columnBytes: new SharedArrayBuffer(0), copies: [], backslashEscapes: !plain, inserts: [], standardStrings: [],
  };
  /** Column names by table as prepare learns them, packed into the state at the end. */
  const tables = new TableLog();
  const reader = new BlockReader(source);
  const inserts = new LongInserts(reader, state, tables, longStatement);
  // Dumps start statements at line starts, so only line starts are checked: one memchr per line
  // (mysqldump lines are whole extended INSERTs, megabytes long) and COPY data is jumped over.
  let pos = 0;
  let lineStart = true;
  while (pos < source.size) {
    const { block, start } = await reader.windowAt(pos);
    let at = pos - start;
    if (!lineStart) {
      const nl = block.indexOf(10, at);
      if (nl < 0) { pos = start + block.length; continue; }
      at = nl + 1;
      lineStart = true;
    }
    let next = -1;
    while (at < block.length) {
      let k = at;
      while (k < block.length && (block[k] === 32 || block[k] === 9)) k++;
      if (k + 16 > block.length && start + block.length < source.size) {
        // The next window starts after these blanks: from the line start, a line of more blanks
        // than a window holds came back to the same place for ever.
        at = k;
        break;
      }
      const c = block[k]! | 0x20;
      const longInsert = startsStatement(block, k, block.length) && followsStatementEnd(block, at) ? inserts.boundary(start + k, c === 0x69 || c === 0x72) : -1;
      if (longInsert >= 0) await inserts.record(longInsert, start + k);
      // A dump may turn backslash escapes on or off anywhere, not only in its head.
      const standardStrings = c === 0x73 ? standardStringsAt(block, k) : null;
      if (standardStrings !== null && state.standardStrings.length < MAX_TABLES) state.standardStrings.push([start + k, standardStrings]);
      if (c === 0x63 && startsWith(block, k, 'CREATE ')) {
        const ref = parseCreateTable(await statementText(reader, block, k, start, source.size));
        // A line inside a string may quote a CREATE TABLE (a query log): unless a statement ended on the
        // line before and another follows it, it names no table already known, whose rows its columns would label.
        const known = ref !== null && tables.has(ref.table);
        const real = !known || (followsStatementEnd(block, at) && endsBeforeStatement(block.subarray(k, k + (64 << 10)), backslashEscapesAt(state, start + k)));
        if (ref?.columns && (tables.size < MAX_TABLES || known) && real) {
          tables.add(ref.table, start + k, ref.columns);
        }
      } else if (c === 0x63 && startsWith(block, k, 'COPY ') && followsStatementEnd(block, at)) {
        // A string's line that quotes a COPY statement would make COPY data of all that follows it.
        next = await learnCopy(reader, state, tables, start + k, source.size);
        if (next >= 0) break;
      }
      const nl = block.indexOf(10, k);
      if (nl < 0) { at = block.length; lineStart = false; break; }
      at = nl + 1;
    }
    pos = next >= 0 ? next : start + Math.min(at, block.length);
    if (next >= 0) lineStart = true;
    if (pos >= source.size) break;
  }
  const lastInsert = inserts.boundary(source.size, false);
  if (lastInsert >= 0) await inserts.record(lastInsert, source.size);
  return { ...state, ...tables.pack() };
}

function startsWith(block: Uint8Array, at: number, word: string): boolean {
  if (at + word.length > block.length) return false;
  for (let m = 0; m < word.length; m++) {
    const c = block[at + m]!;
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== word.charCodeAt(m)) return false;
  }
  return true;
}

/** A COPY line at `at`: records its data block; returns the offset after it, or -1 if not COPY … FROM stdin. */
async function learnCopy(reader: BlockReader, state: SqlState, tables: TableLog, at: number, size: number): Promise<number> {
  const line = await reader.bytes(at, 65536);
  const nl = line.indexOf(10);
  const ref = nl > 0 ? parseCopyHead(new TextDecoder().decode(line.subarray(0, nl))) : null;
  if (!ref) return -1;
  const dataStart = at + nl + 1;
  const dataEnd = await copyEnd(reader, dataStart, size);
  if (state.copies.length < MAX_TABLES) state.copies.push([dataStart, dataEnd, ref.table, ref.columns ?? tables.latest(ref.table)]);
  // Resume at the line after the `\.` terminator.
  const after = await reader.bytes(dataEnd, 4);
  const eol = after.indexOf(10);
  return eol < 0 ? Math.min(size, dataEnd + after.length) : dataEnd + eol + 1;
}

