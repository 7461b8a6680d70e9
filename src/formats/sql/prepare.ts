// File-wide state of a SQL dump, so a worker that starts mid-file knows its columns: every
// CREATE TABLE's column list, and the byte ranges of PostgreSQL COPY blocks with their columns.
// Found with native substring search (Buffer.indexOf) over large reads; COPY data is skipped
// by searching for its `\.` terminator, so a PostgreSQL dump is barely touched.
import type { ByteSource, FileState } from '../types.js';
import { parseCopyHead, parseCreateTable } from './statements.js';

export interface SqlState extends FileState {
  /** Table name → column names, from CREATE TABLE. */
  tables: Record<string, string[]>;
  /** COPY data blocks: [data start, data end (the `\.` line), table, columns]. */
  copies: [number, number, string, string[]][];
  /** False in PostgreSQL dumps with standard_conforming_strings on: `\` is then a plain byte. */
  backslashEscapes: boolean;
}

const BLOCK = 16 << 20;
const HEAD_LIMIT = 1 << 20;
const NEEDLES = ['CREATE TABLE', 'create table', 'COPY '];
const LOWER_CASE_REACH = 64 << 20;

class BlockReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  constructor(private readonly source: ByteSource) {}

  private async load(offset: number): Promise<void> {
    const data = await this.source.read(offset, BLOCK);
    this.block = Buffer.from(data.buffer, data.byteOffset, data.length);
    this.blockStart = offset;
  }

  /** Bytes [offset, offset + length) (shorter at the end of the file); small reads bypass the cache. */
  async bytes(offset: number, length: number): Promise<Buffer> {
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

async function statementText(reader: BlockReader, offset: number): Promise<string> {
  const bytes = await reader.bytes(offset, HEAD_LIMIT);
  const semi = bytes.indexOf(';');
  return new TextDecoder().decode(bytes.subarray(0, semi < 0 ? bytes.length : semi));
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

export async function prepareSql(source: ByteSource, head: Uint8Array): Promise<SqlState> {
  const start = new TextDecoder().decode(head.subarray(0, 65536));
  const standard = /^\s*SET\s+standard_conforming_strings\s*=\s*'?on/im.test(start);
  const state: SqlState = { tables: {}, copies: [], backslashEscapes: !standard };
  const reader = new BlockReader(source);
  // A MySQL dump has no COPY blocks: one needle fewer over the whole file.
  const mysql = /--\s*MySQL dump|\/\*!40\d{3}/.test(start.slice(0, 4096));
  const needles = mysql ? NEEDLES.slice(0, 2) : NEEDLES;
  let pos = 0;
  while (pos < source.size) {
    const { block, start } = await reader.windowAt(pos);
    const blockEnd = start + block.length;
    // A hit must start before searchEnd; the overlap is searched again with the next window.
    const searchEnd = blockEnd >= source.size ? blockEnd : blockEnd - 64;
    // Next hit per needle in this window (Infinity: none), so each needle scans it once.
    const next = needles.map(() => -1);
    for (;;) {
      let which = -1;
      for (let k = 0; k < needles.length; k++) {
        if (next[k]! < pos) {
          // Lower-case DDL only appears in hand-written files: look for it near the start only.
          const hit = k === 1 && pos > LOWER_CASE_REACH ? -1 : block.indexOf(needles[k]!, pos - start);
          next[k] = hit < 0 || start + hit >= searchEnd ? Infinity : start + hit;
        }
        if (next[k]! !== Infinity && (which < 0 || next[k]! < next[which]!)) which = k;
      }
      if (which < 0) { pos = Math.max(pos, searchEnd); break; }
      const at = next[which]!;
      pos = await learn(reader, state, needles[which]!, at, source.size);
      if (pos >= blockEnd) break;
    }
  }
  return state;
}

/** Learns from the hit at `at`; returns where the search goes on (past COPY data). */
async function learn(reader: BlockReader, state: SqlState, needle: string, at: number, size: number): Promise<number> {
  if (needle !== 'COPY ') {
    const ref = parseCreateTable(await statementText(reader, at));
    if (ref?.columns) state.tables[ref.table] = ref.columns;
    return at + 1;
  }
  // COPY counts only at the start of a line.
  const before = at === 0 ? 10 : (await reader.bytes(at - 1, 1))[0];
  if (before !== 10) return at + 1;
  const line = await reader.bytes(at, 65536);
  const nl = line.indexOf(10);
  const ref = nl > 0 ? parseCopyHead(new TextDecoder().decode(line.subarray(0, nl))) : null;
  if (!ref) return at + 1;
  const dataStart = at + nl + 1;
  const dataEnd = await copyEnd(reader, dataStart, size);
  state.copies.push([dataStart, dataEnd, ref.table, ref.columns ?? state.tables[ref.table] ?? []]);
  return Math.max(at + 1, dataEnd);
}
