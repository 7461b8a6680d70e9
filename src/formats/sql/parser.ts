// The SQL dump parser (sql.ts registers it as the `sql` reader): statements, INSERT rows and COPY
// data of one range, their values named `table.column` from the DDL or the statement itself.
import { ChunkedParser, type ParserOptions } from '../chunked.js';
import { unescapeSql } from '../escapes.js';
import { pieceEnd } from '../pieces.js';
import { StructuralIndex } from '../structural.js';
import { batchSeparatorEnd, startsStatement } from './cuts.js';
import { backslashEscapesAt, type SqlState } from './prepare.js';
import { columnsCreatedAt, columnsOf } from './tables.js';
import { blanksAfter, CLASS, CLOSE, COMMA, dollarQuoteEnd, END, NUM, NUM_BYTE, OPEN, opensEString, quoteEnd, statementStart, sameBytes, statementLineIn, STR, WORD, WS } from './lexis.js';
import { endsWithValues } from './rows.js';
import { assignmentSpans, selectedValues } from './assignments.js';
import { assignedTable, bareColumn, createdTable, isControlStatement, parseInsertSelect, parseCopyHead, parseCreateTable, parseInsertHead, type TableRef } from './statements.js';

const STATEMENT = 0, TUPLES = 1, COPY = 2;
const LF = 10, CR = 13, TAB = 9, QUOTE = 39, DQUOTE = 34, BACKTICK = 96, BACKSLASH = 92, SEMI = 59, DOLLAR = 36;
const MAX_COLUMNS = 1024;
const MAX_NAMES = 50000;
const UNSET = -2;
const EMPTY = Buffer.alloc(0);
/** Bytes after a line break that tell whether a statement or `GO` line starts there. */
const KEYWORD_BYTES = 10;

const STANDARD_STRINGS = /^\s*SET\s+standard_conforming_strings\b/i;
/** MySQL's update clause after an INSERT's rows: its assignments are to the INSERT's table. */
const ON_DUPLICATE = /^\s*ON\s+DUPLICATE\s+KEY\s+UPDATE\b/i;

export class SqlParser extends ChunkedParser {
  protected override readonly unescape = unescapeSql;
  private mode = STATEMENT;
  /** Column names by table, learned in this range or decoded from the state when a statement needs them. */
  private readonly tables = new Map<string, string[]>();
  private readonly state: SqlState;
  /** A table not created in this range has the columns of its last CREATE before the range. */
  private readonly rangeStart: number;
  /** Column ids of the current INSERT/COPY by position, UNSET until a value comes in that column. */
  private ids: number[] = [];
  private names: string[] = [];
  private table = '';
  private col = 0;
  private inTuple = false;
  private nest = 0;
  /** The last INSERT head, so per-row INSERT statements do not re-parse the same head. */
  private lastHead: Buffer = EMPTY;
  private readonly decoder = new TextDecoder();
  private readonly copyIndex = new StructuralIndex(TAB, LF, LF);
  private readonly tupleIndex = new StructuralIndex(QUOTE, DQUOTE, LF);
  private backslashEscapes: boolean;
  /** The range was cut inside a long INSERT: it should start at a row's `(`. */
  private startsAtRow = false;

  constructor(state: SqlState, rangeStart: number, options: ParserOptions = {}) {
    super(rangeStart, options);
    this.backslashEscapes = backslashEscapesAt(state, rangeStart);
    this.state = state;
    this.rangeStart = rangeStart;
    for (const [start, end, table, columns] of state.copies ?? []) {
      if (rangeStart >= start && rangeStart <= end) {
        this.mode = COPY;
        this.begin({ table, columns: columns.length ? columns : null });
      }
    }
    // A range cut between two rows of a long INSERT starts at a row.
    for (const [rowsStart, end, table, columns] of state.inserts ?? []) {
      if (rangeStart > rowsStart && rangeStart < end) {
        this.mode = TUPLES;
        this.begin({ table, columns: columns.length ? columns : null });
        this.startsAtRow = true;
      }
    }
  }

  private columnId(name: string): number {
    // A dump with endless table names must not grow the column list without bound: past it, free text.
    return this.namedColumn(name, MAX_NAMES, -1);
  }


  private knownColumns(table: string): string[] {
    let names = this.tables.get(table);
    if (names === undefined) this.tables.set(table, names = columnsOf(this.state, table, this.rangeStart));
    return names;
  }

  private begin(ref: TableRef): void {
    // The cached INSERT head no longer describes the current columns.
    this.lastHead = EMPTY;
    this.table = ref.table;
    // Ids are taken as values come: a wide table's unused columns used up the names a range may hold
    // (50 tables of 1,000 columns, and every later row had no labels).
    this.names = ref.columns ?? this.knownColumns(ref.table);
    this.ids = new Array<number>(Math.min(this.names.length, MAX_COLUMNS)).fill(UNSET);
    this.col = 0;
    this.inTuple = false;
    this.nest = 0;
  }

  private column(col: number): number {
    if (col >= MAX_COLUMNS) col = MAX_COLUMNS - 1;
    const ids = this.ids;
    while (ids.length <= col) ids.push(UNSET);
    let id = ids[col]!;
    if (id === UNSET) ids[col] = id = this.columnId(`${this.table}.${this.names[col] ?? `col${col + 1}`}`);
    return id;
  }

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    let i = from;
    if (this.startsAtRow) {
      // Past the INSERT's `;` (the lines before the next statement start) there is no row.
      while (i < to && CLASS[buf[i]!] === WS) i++;
      if (i === to && !final) return to;
      if (buf[i] !== 40) this.mode = STATEMENT;
      this.startsAtRow = false;
    }
    this.tupleIndex.reset(buf, to);
    while (i < to) {
      const next = this.mode === TUPLES ? this.scanTuples(buf, i, to, final)
        : this.mode === COPY ? this.scanCopy(buf, i, to, final)
          : this.scanStatement(buf, i, to, final);
      if (next < 0) return -next - 1;
      i = next;
    }
    return to;
  }

  /** Skips blanks, comments and empty statements; parses one statement. Returns the next index, or -(carry+1). */
  private scanStatement(buf: Buffer, i: number, to: number, final: boolean): number {
    const next = statementStart(buf, i, to, final);
    if (next < 0 || next >= to) return next;
    const start = next;
    // One INSERT per row (pg_dump --inserts): the same head as the last statement, compared natively.
    const head = this.lastHead.length;
    if (head > 0 && start + head < to && buf[start + head] === 40 && sameBytes(buf, start, this.lastHead)) {
      this.startRows();
      return start + head;
    }
    let depth = 0;
    for (let j = start; j < to; j++) {
      const c = buf[j]!;
      if (c === QUOTE || c === DQUOTE || c === BACKTICK) {
        const q = quoteEnd(buf, j, to, final, this.backslashEscapes);
        if (q < 0) break;
        j = q;
      } else if (c === DOLLAR) {
        // PostgreSQL's $$…$$ or $tag$…$tag$: a routine's body, whose INSERT or `;` are no statement's.
        const q = dollarQuoteEnd(buf, j, to);
        if (q === -2) continue;
        // Unclosed: wait for more, or at the end the statement runs to it.
        if (q < 0) break;
        j = q;
      } else if (c === 40) {
        if (depth === 0 && endsWithValues(buf, start, j)) { this.startInsert(buf, start, j); return j; }
        depth++;
      } else if (c === 41) depth--;
      else if (c === SEMI && depth <= 0) return this.endStatement(buf, start, j, to, final);
      else if (c === LF && depth <= 0) {
        // SQL Server and Oracle scripts end statements with a line break: before a `GO` line, or a line
        // that starts a statement (at the line's start: bodies of routines are indented).
        if (j + KEYWORD_BYTES >= to && !final) break;
        if (startsStatement(buf, j + 1, to) || batchSeparatorEnd(buf, j + 1, to) >= 0) return this.endStatement(buf, start, j, to, final);
      }
    }
    if (!final) return -start - 1;
    this.endStatement(buf, start, to, to, true);
    return to;
  }

  private startInsert(buf: Buffer, start: number, paren: number): void {
    const head = buf.subarray(start, paren);
    if (!(head.length === this.lastHead.length && sameBytes(buf, start, this.lastHead))) {
      const ref = parseInsertHead(this.decoder.decode(head));
      if (!ref) this.warn(`INSERT statement at byte ${this.base + start} has an unreadable head; its columns are numbered`);
      this.begin(ref ?? { table: 'unknown', columns: null });
      this.lastHead = Buffer.from(head);
    }
    this.startRows();
  }

  /** Rows of the current table follow: from the first column, outside any row. */
  private startRows(): void {
    this.col = 0;
    this.inTuple = false;
    this.nest = 0;
    this.mode = TUPLES;
  }

  /** A complete statement buf[start, semi): learn DDL, enter COPY, or keep unknown text. */
  private endStatement(buf: Buffer, start: number, semi: number, to: number, final: boolean): number {
    // A short head tells the statement's kind; DDL and COPY heads are read whole (up to 64 KB).
    let head = this.decoder.decode(buf.subarray(start, Math.min(semi, start + 1024)));
    const ddl = /^\s*(?:CREATE|COPY)\b/i.test(head);
    if (ddl && semi > start + 1024) head = this.decoder.decode(buf.subarray(start, Math.min(semi, start + 65536)));
    // The CREATE that prepare took a table's columns from is not parsed again: that was a worker's main cost on wide DDL.
    const created = ddl ? createdTable(head) : null;
    // The cached INSERT head's columns may be the table's old ones.
    if (created !== null) this.lastHead = EMPTY;
    const prepared = created !== null ? columnsCreatedAt(this.state, created, this.base + start) : null;
    if (prepared) this.tables.set(created!, prepared);
    else if (created !== null) {
      const create = parseCreateTable(head);
      if (create?.columns && (this.tables.size < MAX_NAMES || this.tables.has(create.table))) this.tables.set(create.table, create.columns);
    }
    const copy = ddl && created === null ? parseCopyHead(head) : null;
    if (copy) {
      const nl = buf.indexOf(LF, semi);
      if ((nl < 0 || nl >= to) && !final) return -start - 1;
      this.begin(copy);
      this.mode = COPY;
      return nl < 0 || nl >= to ? to : nl + 1;
    }
    if (STANDARD_STRINGS.test(head)) this.backslashEscapes = !/=\s*'?on/i.test(head);
    const selected = parseInsertSelect(head);
    if (selected) this.emitSelected(buf, start + Buffer.byteLength(head.slice(0, selected.length)), semi, selected);
    else if (!isControlStatement(head)) {
      const table = ON_DUPLICATE.test(head) ? this.table : assignedTable(head);
      if (table) this.emitAssignments(buf, start, semi, table);
      else this.emit(start, semi, -1);
      this.records++;
    }
    return Math.min(to, semi + 1);
  }

  /** INSERT INTO t (a, b) SELECT 'x', 'y' UNION ALL SELECT …: each row's literals under its columns. */
  private emitSelected(buf: Buffer, from: number, end: number, ref: TableRef): void {
    const { spans, rows } = selectedValues(buf, from, end, this.backslashEscapes);
    this.begin(ref);
    for (let k = 0; k < spans.length; k += 3) this.emit(spans[k]!, spans[k + 1]!, spans[k + 2]! < 0 ? -1 : this.column(spans[k + 2]!));
    this.records += rows;
  }

  /** UPDATE … SET nik = '…': each assigned literal under `table.column`, the text around it as free text. */
  private emitAssignments(buf: Buffer, start: number, end: number, table: string): void {
    const spans = assignmentSpans(buf, start, end, this.backslashEscapes);
    for (let k = 0; k < spans.length; k += 4) {
      const name = spans[k + 2]! < 0 ? '' : bareColumn(this.decoder.decode(buf.subarray(spans[k + 2], spans[k + 3])));
      this.emit(spans[k]!, spans[k + 1]!, name ? this.columnId(`${table}.${name}`) : -1);
    }
  }

  private scanTuples(buf: Buffer, i: number, to: number, final: boolean): number {
    const index = this.tupleIndex;
    while (i < to) {
      const c = buf[i]!;
      switch (CLASS[c]) {
        case WS: i++; continue;
        case OPEN:
          if (this.inTuple) this.nest++;
          else { this.inTuple = true; this.col = 0; }
          i++;
          continue;
        case CLOSE:
          if (this.nest > 0) this.nest--;
          else if (this.inTuple) { this.inTuple = false; this.records++; }
          i++;
          continue;
        case COMMA:
          if (this.inTuple && this.nest === 0) this.col++;
          i++;
          continue;
        case END:
          if (this.inTuple) this.warn(`INSERT statement ended inside a row at byte ${this.base + i}`);
          this.mode = STATEMENT;
          return i + 1;
        case STR: {
          // The closing quote from the SIMD index of quotes and newlines.
          const quote = c;
          const eString = opensEString(buf, i, 0);
          const escapes = this.backslashEscapes || eString;
          // A tail carried into the next push starts at the E, so that its quote is read the same way.
          const carry = eString ? -i : -i - 1;
          let q = index.next(i + 1), broken = -1;
          for (;;) {
            if (q >= to) { q = -1; break; }
            const b = buf[q];
            if (b === LF) {
              // Dumps escape newlines in strings: a raw one before a new statement may mean the quote was never closed.
              if (broken < 0 && startsStatement(buf, q + 1, to)) broken = q;
            } else if (b === quote) {
              let k = q - 1;
              while (escapes && k > i && buf[k] === BACKSLASH) k--;
              if (((q - 1 - k) & 1) === 0) {
                if (q + 1 >= to && !final) { q = -1; break; }
                if (buf[q + 1] !== quote) break;
                q = index.next(q + 2);
                continue;
              }
            }
            q = index.next(q + 1);
          }
          if (broken >= 0 && q >= 0) {
            // ...unless the string goes on to close as a value does, before `,` or `)`: a note that quotes SQL.
            const after = blanksAfter(buf, q + 1, to);
            if (after >= to && !final) return carry;
            if (buf[after] === 44 || buf[after] === 41) broken = -1;
          }
          if (broken >= 0 && (q >= 0 || final)) {
            this.warn(`unterminated string at byte ${this.base + i}: it ends at the next line`);
            if (broken > i + 1) this.emit(i + 1, broken, this.column(this.col));
            this.mode = STATEMENT;
            return broken + 1;
          }
          if (q < 0) {
            if (!final) return carry;
            this.warn(`unterminated string at byte ${this.base + i}`);
            q = to;
          }
          if (q > i + 1) this.emit(i + 1, q, this.column(this.col));
          i = q + 1;
          // mysqldump writes `,` right after a value: take it here, not on another trip round.
          if (buf[i] === 44 && this.nest === 0) { this.col++; i++; }
          continue;
        }
        case NUM: {
          let j = i + 1;
          while (j < to && NUM_BYTE[buf[j]!] === 1) j++;
          if (j === to && !final) return -i - 1;
          this.emit(i, j, this.column(this.col));
          i = j;
          if (buf[i] === 44 && this.nest === 0) { this.col++; i++; }
          continue;
        }
        case WORD: {
          // NULL, _binary, X'…', function names: the word itself is no value.
          let j = i + 1;
          while (j < to && (CLASS[buf[j]!] === WORD || CLASS[buf[j]!] === NUM)) j++;
          if (j === to && !final) return -i - 1;
          // Between rows a word ends them: ON DUPLICATE KEY UPDATE, RETURNING, or the next INSERT of a
          // script without `;` (SQL Server, Oracle). Its values were read as rows of the INSERT before.
          if (!this.inTuple) { this.mode = STATEMENT; return i; }
          i = j;
          if (buf[i] === 44 && this.nest === 0) { this.col++; i++; }
          continue;
        }
        default:
          i++;
      }
    }
    return to;
  }

  private scanCopy(buf: Buffer, i: number, to: number, final: boolean): number {
    const index = this.copyIndex;
    index.reset(buf, to);
    while (i < to) {
      if (this.col === 0 && buf[i] === BACKSLASH && (buf[i + 1] === 46 || i + 1 >= to)) {
        // `\.` alone on a line ends the COPY data.
        if (i + 2 >= to && !final) return -i - 1;
        const after = buf[i + 2];
        if (i + 2 >= to || after === LF || after === CR) {
          this.mode = STATEMENT;
          const eol = buf.indexOf(LF, i);
          return eol < 0 || eol >= to ? to : eol + 1;
        }
      }
      const j = index.next(i);
      if (j === to && !final) return -i - 1;
      const tab = j < to && buf[j] === TAB;
      const e = j > i && !tab && buf[j - 1] === CR ? j - 1 : j;
      if (e > i && !(e - i === 2 && buf[i] === BACKSLASH && buf[i + 1] === 78)) this.emit(i, e, this.column(this.col));
      if (tab) this.col++;
      else { if (this.col > 0 || e > i) this.records++; this.col = 0; }
      i = j + 1;
    }
    return Math.min(i, to);
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    const cut = pieceEnd(buf, from, to);
    const c = buf[from];
    if (this.mode === TUPLES && (c === QUOTE || c === DQUOTE)) {
      // A string longer than the record limit is almost surely an unterminated quote: it ends
      // before the first line that starts a statement, or else at the piece's end.
      const broken = statementLineIn(buf, from + 1, cut);
      if (broken >= 0) {
        this.warn(`unterminated string at byte ${this.base + from}: it ends at the next line`);
        this.emit(from + 1, broken, this.column(this.col));
        this.mode = STATEMENT;
        return broken + 1;
      }
      this.warn(`string longer than ${this.limit} bytes at byte ${this.base + from}: read as statement text`);
      this.emit(from + 1, cut, this.column(this.col));
      this.mode = STATEMENT;
      return cut;
    }
    this.emit(from, cut, this.mode === COPY ? this.column(this.col) : -1);
    return cut;
  }
}

