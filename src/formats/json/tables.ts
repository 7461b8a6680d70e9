// Tables written as JSON arrays: a header row then rows (`[["nik","nama"],["3171…","Siti"]]`, as
// spreadsheet and SQL exports write them) and pandas `to_json(orient='split')`
// (`{"columns":[…],"data":[[…]]}`). A row's values are named by their column, as an object's
// would be (`nik`, `data[].nik`): under the rows' shared `[][]` path a name or address had no
// label, and only identifiers that need none were found. NDJSON whose first line is a header
// names the arrays on every later line (json.ts learns it from the file's head).
import { PathTable, isDataKey } from './paths.js';
import { unescapeJsonField } from './unicode-escapes.js';

/** Longer header rows, or longer names, are data. */
const MAX_COLUMNS = 512, MAX_NAME_BYTES = 64;
const NONE = -1;

/** Words a field name starts with (Indonesian and English), as the CSV reader's header check has them. */
const FIELD_WORD = /^(id|no|nomor|nomer|nik|nama|name|full|first|last|email|e-mail|alamat|address|phone|telp|telepon|hp|tgl|tanggal|tempat|kode|code)\b/i;

/**
 * Whether `name` reads as a field name: snake_case, camelCase or a field word first. A header
 * row or pair label that is data ("Siti Aminah") would put personal data into field names,
 * which reports show even unrevealed, so only such names are taken.
 */
export function isFieldName(name: string): boolean {
  return name.includes('_') || /[a-z][A-Z]/.test(name) || FIELD_WORD.test(name);
}

/** The names of a header row parsed whole (an NDJSON file's first line), or null if it is none. */
export function headerNames(row: unknown): string[] | null {
  if (!Array.isArray(row) || row.length < 2 || row.length > MAX_COLUMNS || new Set(row).size !== row.length) return null;
  const isName = (cell: unknown): boolean => {
    if (typeof cell !== 'string') return false;
    const bytes = Buffer.from(cell);
    return bytes.length > 0 && bytes.length <= MAX_NAME_BYTES && !isDataKey(bytes, 0, bytes.length);
  };
  return row.every(isName) && row.some(isFieldName) ? row as string[] : null;
}

export class TableHeaders {
  /** Per open array: values done so far (the next value's column). */
  private position = new Int32Array(64);
  /** Per open array: the header whose rows are its elements, and the first element that is a row. */
  private table = new Int32Array(64).fill(NONE);
  private firstRow = new Int32Array(64);
  /** Per open array: the header naming its values (it is a row). */
  private row = new Int32Array(64).fill(NONE);
  /** Per open object: the header of its `columns` key, for its `data` key (pandas split). */
  private pending = new Int32Array(64).fill(NONE);
  /** Column paths of each header met. */
  private readonly headers: Int32Array[] = [];
  /** The array being read as a possible header, at this depth (-1 none), and its names so far. */
  private candidateDepth = NONE;
  private candidateIsColumns = false;
  private names: string[] = [];
  private readonly decoder = new TextDecoder();
  /** The header naming every top-level array (NDJSON lines), or NONE. */
  private lineRows = NONE;

  /**
   * `lineHeader`: names for every top-level array (the lines of NDJSON under a header line), but
   * the header line itself, the first one when `atFileStart`.
   */
  constructor(private readonly paths: PathTable, private readonly columns: readonly string[], lineHeader?: readonly string[], private atFileStart = false) {
    if (lineHeader) {
      this.headers.push(Int32Array.from(lineHeader, (name) => this.paths.named(-1, name)));
      this.lineRows = 0;
    }
  }

  /** A container opened at stack index `depth`, inside `parentKind` (0 top, 1 object, 2 array) under key `keyPath`. */
  open(depth: number, isArray: boolean, parentKind: number, keyPath: number): void {
    if (depth >= this.position.length) this.grow();
    this.position[depth] = 0;
    this.table[depth] = this.row[depth] = this.pending[depth] = NONE;
    this.candidateDepth = NONE; // a header holds no containers
    if (isArray && depth === 0) {
      this.row[0] = this.atFileStart ? NONE : this.lineRows;
      this.atFileStart = false;
    }
    if (!isArray || depth === 0) return;
    const parent = depth - 1;
    if (parentKind === 2) {
      const header = this.table[parent]!;
      if (header !== NONE && this.position[parent]! >= this.firstRow[parent]!) this.row[depth] = header;
      else if (header === NONE && this.position[parent] === 0) this.startCandidate(depth, false);
    } else if (parentKind === 1 && keyPath >= 0) {
      const key = this.columns[keyPath]!;
      if (key === 'columns' || key.endsWith('.columns')) this.startCandidate(depth, true);
      else if ((key === 'data' || key.endsWith('.data')) && this.pending[parent] !== NONE) {
        this.table[depth] = this.pending[parent]!;
        this.firstRow[depth] = 0;
      }
    }
  }

  private startCandidate(depth: number, isColumns: boolean): void {
    this.candidateDepth = depth;
    this.candidateIsColumns = isColumns;
    this.names = [];
  }

  /** A value ended inside the array at `depth`. */
  valueDone(depth: number): void {
    this.position[depth] = this.position[depth]! + 1;
  }

  /** A string value buf[start, end) directly in the container at `depth`. */
  string(depth: number, buf: Uint8Array, start: number, end: number): void {
    if (depth !== this.candidateDepth) return;
    const len = end - start;
    if (len === 0 || len > MAX_NAME_BYTES || isDataKey(buf, start, end) || this.names.length === MAX_COLUMNS) {
      this.candidateDepth = NONE;
      return;
    }
    this.names.push(unescapeJsonField(this.decoder.decode(buf.subarray(start, end))));
  }

  /** A number or literal directly in the container at `depth`: that array is no header. */
  other(depth: number): void {
    if (depth === this.candidateDepth) this.candidateDepth = NONE;
  }

  /**
   * The array at `depth` closes. A header row names the rows after it in its parent array;
   * `columns` names the rows of its object's `data`. `tablePath` is the parent array's
   * element path (or the object's path), under which the names become paths.
   */
  close(depth: number, tablePath: number): void {
    if (depth !== this.candidateDepth) return;
    this.candidateDepth = NONE;
    if (this.names.length < 2 || new Set(this.names).size !== this.names.length || !this.names.some(isFieldName)) return;
    const columnPaths = new Int32Array(this.names.length);
    for (let k = 0; k < this.names.length; k++) columnPaths[k] = this.paths.named(tablePath, this.names[k]!);
    this.headers.push(columnPaths);
    const parent = depth - 1;
    if (this.candidateIsColumns) {
      this.pending[parent] = this.headers.length - 1;
    } else {
      this.table[parent] = this.headers.length - 1;
      this.firstRow[parent] = 1;
    }
  }

  /** The path naming the next value of the array at `depth` (a row), or -1. */
  columnPath(depth: number): number {
    const header = this.row[depth]!;
    if (header === NONE) return NONE;
    const paths = this.headers[header]!;
    const at = this.position[depth]!;
    return at < paths.length ? paths[at]! : NONE;
  }

  /** Whether the array at `depth` is a row with a header. */
  isRow(depth: number): boolean {
    return this.row[depth] !== NONE;
  }

  /** An NDJSON line was dropped mid-value. */
  reset(): void {
    this.candidateDepth = NONE;
  }

  private grow(): void {
    const size = this.position.length * 2;
    const grown = (old: Int32Array, fill: number) => { const next = new Int32Array(size).fill(fill); next.set(old); return next; };
    this.position = grown(this.position, 0);
    this.table = grown(this.table, NONE);
    this.firstRow = grown(this.firstRow, 0);
    this.row = grown(this.row, NONE);
    this.pending = grown(this.pending, NONE);
  }
}
