// Query results as a database console prints them, the "proof" a seller pastes with an offer:
// MySQL's `+----+` boxes, psql's `----+----` rule under a header, and Markdown tables. Each cell of
// a row is a field of its header's column (in psql's expanded display, `-[ RECORD 1 ]` then one
// `column | value` line per field, of the column it names); lines around the tables (the prompt, "2 rows in set",
// the seller's text) are free text. A table's header comes before it: ranges after the first
// start inside the table the file's head leaves open (a whole table exported with `mysql -t`), and
// outside any table otherwise, their rows then read as free text.
import { ChunkedParser, type ParserOptions } from '../chunked.js';
import { pieceEnd, recordLimit } from '../pieces.js';
import type { ByteSource, FileState, FormatReader } from '../types.js';

const LF = 10, CR = 13, PIPE = 124, SPACE = 32, TAB = 9, PLUS = 43, DASH = 45, COLON = 58;
/** Columns past this share the last name, so a broken file cannot create millions of names. */
const MAX_COLUMNS = 1024;
/** A header cell longer than this is no column name: only its start names the column. */
const MAX_NAME_LENGTH = 128;

/** Whether line[s, e) is a rule (`+----+----+`, `-----+-----`, `|:---|---:|`): dashes and joints only. */
export function isRule(buf: Uint8Array, s: number, e: number): boolean {
  let dashes = 0, joints = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c === DASH) dashes++;
    else if (c === PLUS || c === PIPE) joints++;
    else if (c !== COLON && c !== SPACE && c !== TAB) return false;
  }
  return dashes >= 3 && joints > 0;
}

const RECORD = Buffer.from('-[ RECORD ');
const isBlank = (c: number) => c === SPACE || c === TAB;

/** Whether line[s, e) opens a record of psql's expanded display (`-[ RECORD 12 ]-----`). */
export function isRecordHeader(buf: Uint8Array, s: number, e: number): boolean {
  if (e - s < RECORD.length) return false;
  for (let k = 0; k < RECORD.length; k++) if (buf[s + k] !== RECORD[k]) return false;
  return true;
}

/** Whether line[s, e) starts with a pipe after its blanks (`| nik | nama |`). */
function opensWithPipe(buf: Uint8Array, s: number, e: number): boolean {
  while (s < e && isBlank(buf[s]!)) s++;
  return buf[s] === PIPE && s < e;
}

/** Whether line[s, e) holds a cell separator, so it may be a row of the table around it. */
function isRow(buf: Uint8Array, s: number, e: number): boolean {
  return pipeIn(buf, s, e) >= 0;
}

/**
 * The first pipe in buf[s, e), or -1. A loop, not indexOf: that searches on past `e` to the end
 * of the buffer, once per line of a log with no pipes (5 MB/s).
 */
function pipeIn(buf: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) if (buf[i] === PIPE) return i;
  return -1;
}

export class TableParser extends ChunkedParser {
  /** Column indices of the current table's header, or null outside a table (or before its header). */
  private header: number[] | null = null;
  private inTable = false;
  /**
   * The current table's rows open and close with a pipe (MySQL, Markdown), as its header does;
   * psql's do not, and a psql row that opens with one has an empty first cell.
   */
  private boxed = false;
  /** Inside a record of psql's expanded display: `column | value` lines. */
  private expanded = false;
  /** A piece of the current line was already emitted (the line is longer than the limit). */
  private lineOpen = false;

  /** `open`: the table (or expanded display) a range after the first starts inside. */
  constructor(rangeStart: number, options: ParserOptions = {}, open: TableState | null = null) {
    super(rangeStart, options);
    if (rangeStart > 0 && open?.openTable) {
      this.header = open.openTable.map((name, n) => this.columnNamed(name, n));
      this.inTable = true;
      this.boxed = open.boxed === true;
    }
    this.expanded = rangeStart > 0 && open?.expanded === true;
  }

  /** What is still open after the bytes read so far: a table's header names, an expanded display. */
  openState(): TableState {
    const openTable = this.inTable && this.header ? this.header.map((column, n) => this.columns[column] ?? `col${n + 1}`) : null;
    return { openTable, boxed: this.boxed, expanded: this.expanded };
  }

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    let i = from;
    while (i < to) {
      const nl = buf.indexOf(LF, i);
      const complete = nl >= 0 && nl < to;
      if (!complete && !final) break;
      const lineEnd = complete ? nl : to;
      const e = lineEnd > i && buf[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
      // A row is a header when a rule follows it: the next line must be whole to tell.
      const next = complete ? buf.indexOf(LF, nl + 1) : -1;
      if (complete && !final && (next < 0 || next >= to) && isRow(buf, i, e) && !this.lineOpen) break;
      const nextEnd = next >= 0 && next < to ? next : to;
      // Rules and headers hold no record; rows and the text around the tables do.
      if (this.line(buf, i, e, complete && isRule(buf, nl + 1, buf[nextEnd - 1] === CR ? nextEnd - 1 : nextEnd))) this.records++;
      this.lineOpen = false;
      i = complete ? nl + 1 : to;
    }
    return i;
  }

  /** Reads line[s, e); returns whether it was a record. */
  private line(buf: Buffer, s: number, e: number, ruleFollows: boolean): boolean {
    if (this.lineOpen) {
      if (e > s) this.emit(s, e, -1);
      return true;
    }
    if (isRecordHeader(buf, s, e)) {
      this.expanded = true;
      this.inTable = false;
      this.header = null;
      return true;
    }
    if (this.expanded) {
      const pipe = pipeIn(buf, s, e);
      if (pipe >= 0) {
        // The value is the rest of the line, pipes and all.
        let ns = s, ne = pipe, vs = pipe + 1, ve = e;
        while (ns < ne && isBlank(buf[ns]!)) ns++;
        while (ne > ns && isBlank(buf[ne - 1]!)) ne--;
        while (vs < ve && isBlank(buf[vs]!)) vs++;
        while (ve > vs && isBlank(buf[ve - 1]!)) ve--;
        if (ve > vs) this.emit(vs, ve, this.columnNamed(buf.toString('utf8', ns, ne), 0));
        return false;
      }
      this.expanded = false;
    }
    if (isRule(buf, s, e)) {
      this.inTable = true;
      return false;
    }
    if (!isRow(buf, s, e) || (!this.inTable && !ruleFollows)) {
      // Text between tables ends the one before.
      this.inTable = false;
      this.header = null;
      if (e > s) this.emit(s, e, -1);
      return true;
    }
    if (this.header === null && ruleFollows) {
      this.boxed = opensWithPipe(buf, s, e);
      this.header = this.cells(buf, s, e, this.boxed, (cs, ce, n) => this.columnNamed(buf.toString('utf8', cs, ce), n));
      this.inTable = true;
      return false;
    }
    this.inTable = true;
    const header = this.header ?? [];
    this.cells(buf, s, e, this.header ? this.boxed : opensWithPipe(buf, s, e), (cs, ce, n) => {
      const named = header[n] ?? -1;
      this.emit(cs, ce, named >= 0 ? named : this.columnNamed('', n));
      return 0;
    });
    return true;
  }

  /** Calls `cell` for each non-empty cell of row[s, e), spaces trimmed, by position; returns the results. */
  private cells(buf: Buffer, s: number, e: number, boxed: boolean, cell: (start: number, end: number, n: number) => number): number[] {
    while (s < e && isBlank(buf[s]!)) s++;
    while (e > s && isBlank(buf[e - 1]!)) e--;
    if (boxed) {
      if (buf[s] === PIPE) s++;
      if (e > s && buf[e - 1] === PIPE) e--;
    }
    const results: number[] = [];
    for (let n = 0, at = s; at <= e && n < MAX_COLUMNS; n++) {
      let end = pipeIn(buf, at, e);
      if (end < 0) end = e;
      let cs = at, ce = end;
      while (cs < ce && isBlank(buf[cs]!)) cs++;
      while (ce > cs && isBlank(buf[ce - 1]!)) ce--;
      // psql ends each line of a value it wraps with " +" (its next line goes on in the same column).
      if (ce - cs >= 2 && buf[ce - 1] === PLUS && buf[ce - 2] === SPACE) ce -= 2;
      while (ce > cs && isBlank(buf[ce - 1]!)) ce--;
      results.push(ce > cs ? cell(cs, ce, n) : -1);
      at = end + 1;
    }
    return results;
  }

  /** The column index of a header cell's name (an empty header cell is named by its position). */
  private columnNamed(name: string, position: number): number {
    return this.namedColumn(name.slice(0, MAX_NAME_LENGTH) || `col${position + 1}`, MAX_COLUMNS);
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    const cut = pieceEnd(buf, from, to);
    this.emit(from, cut, -1);
    this.lineOpen = true;
    return cut;
  }
}

/**
 * How sure the head is a console table: a row whose neighbour is a rule with as many joints as
 * the row has cell separators (so a CSV of pipes, or a Markdown rule under prose, is not one).
 */
function sniffTable(head: Uint8Array): number {
  const n = Math.min(head.length, 65536);
  let previous = -1, previousEnd = -1;
  for (let s = 0; s < n;) {
    let e = head.indexOf(LF, s);
    if (e < 0 || e > n) e = n;
    const end = e > s && head[e - 1] === CR ? e - 1 : e;
    if (previous >= 0 && isRule(head, s, end) && isRow(head, previous, previousEnd) && joints(head, s, end) === pipes(head, previous, previousEnd)) {
      return 0.9;
    }
    if (isRecordHeader(head, s, end)) return 0.9;
    previous = s;
    previousEnd = end;
    s = e + 1;
  }
  return 0;
}

/** Inner joints of a rule (`+--+--+` has one, `---+---` one, `|---|---|` one). */
function joints(buf: Uint8Array, s: number, e: number): number {
  let count = 0;
  for (let i = s; i < e; i++) if (buf[i] === PLUS || buf[i] === PIPE) count++;
  return buf[s] === PLUS || buf[s] === PIPE ? Math.max(0, count - 2) : count;
}

/** Inner cell separators of a row (`| a | b |` has one, ` a | b` one). */
function pipes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  let count = 0;
  for (let i = s; i < e; i++) if (buf[i] === PIPE) count++;
  return buf[s] === PIPE ? Math.max(0, count - 2) : count;
}

export interface TableState extends FileState {
  /** The header of the table the head leaves open, for ranges that start inside it. */
  openTable: string[] | null;
  /** That table's rows open and close with a pipe. */
  boxed: boolean;
  /** The head ends inside psql's expanded display. */
  expanded: boolean;
}

export const tableReader: FormatReader = {
  format: 'table',
  splittable: true,
  sniff: sniffTable,
  async prepare(_source: ByteSource, head: Uint8Array): Promise<TableState> {
    const parser = new TableParser(0);
    parser.push(head, 0);
    return parser.openState();
  },
  createParser: (state, rangeStart) => new TableParser(rangeStart, recordLimit(state), state as TableState),
};
