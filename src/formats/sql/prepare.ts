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
}

const BLOCK = 16 << 20;
const HEAD_LIMIT = 1 << 20;
const NEEDLES = ['CREATE TABLE', 'create table', 'COPY '];

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

export async function prepareSql(source: ByteSource, _head: Uint8Array): Promise<SqlState> {
  const state: SqlState = { tables: {}, copies: [] };
  const reader = new BlockReader(source);
  // Next hit per needle, so each needle is searched once per stretch of the file.
  const next = await Promise.all(NEEDLES.map((n) => reader.find(n, 0)));
  let pos = 0;
  for (;;) {
    let which = -1;
    for (let k = 0; k < NEEDLES.length; k++) {
      while (next[k]! >= 0 && next[k]! < pos) next[k] = await reader.find(NEEDLES[k]!, pos);
      if (next[k]! >= 0 && (which < 0 || next[k]! < next[which]!)) which = k;
    }
    if (which < 0) break;
    const at = next[which]!;
    pos = at + 1;
    if (which < 2) {
      const ref = parseCreateTable(await statementText(reader, at));
      if (ref?.columns) state.tables[ref.table] = ref.columns;
      continue;
    }
    // COPY counts only at the start of a line.
    const before = at === 0 ? 10 : (await reader.bytes(at - 1, 1))[0];
    if (before !== 10) continue;
    const line = await reader.bytes(at, 65536);
    const nl = line.indexOf(10);
    const ref = nl > 0 ? parseCopyHead(new TextDecoder().decode(line.subarray(0, nl))) : null;
    if (!ref) continue;
    const dataStart = at + nl + 1;
    const dataEnd = await copyEnd(reader, dataStart, source.size);
    state.copies.push([dataStart, dataEnd, ref.table, ref.columns ?? state.tables[ref.table] ?? []]);
    pos = dataEnd;
  }
  return state;
}
