// The tables a SQL dump creates, as prepare learns them and the workers read them. A dump of several
// databases (mysqldump --all-databases) creates a `users` in each, with other columns: a range takes
// the columns of the last CREATE TABLE before it. The names go to the workers in one shared buffer:
// as strings they were cloned with every range (2,500 tables of 1,000 columns: ~100 ms a post).

/** The state's part that names columns. */
export interface TableState {
  /**
   * Table name → its CREATE TABLEs in file order, as flat triples: the statement's offset, then
   * where its NUL-joined column names sit in `columnBytes` (offset, length).
   */
  tables: Record<string, number[]>;
  /** Every CREATE's column names, UTF-8 joined by NUL (no identifier holds one): shared, so never copied. */
  columnBytes: SharedArrayBuffer;
}

/** The state holds this many CREATEs at most; past it a table's last one is replaced, as one per table. */
const MAX_CREATES = 10000;

/** Prepare's record of CREATE TABLEs: column names (NUL-joined) by table, with the statements' offsets. */
export class TableLog {
  private readonly creates = new Map<string, [number, string][]>();
  private count = 0;

  get size(): number {
    return this.creates.size;
  }

  has(table: string): boolean {
    return this.creates.has(table);
  }

  /** The columns of the table's latest CREATE so far, or none. */
  latest(table: string): string[] {
    const list = this.creates.get(table);
    return list ? list[list.length - 1]![1].split('\0') : [];
  }

  add(table: string, offset: number, columns: string[]): void {
    const list = this.creates.get(table);
    const entry: [number, string] = [offset, columns.join('\0')];
    if (!list) this.creates.set(table, [entry]);
    else if (this.count >= MAX_CREATES) list[list.length - 1] = entry;
    else list.push(entry);
    if (!list || this.count < MAX_CREATES) this.count++;
  }

  pack(): TableState {
    const encoded = [...this.creates].map(([table, list]) => [table, list.map(([offset, names]) => [offset, Buffer.from(names, 'utf8')] as const)] as const);
    let total = 0;
    for (const [, list] of encoded) for (const [, bytes] of list) total += bytes.length;
    const columnBytes = new SharedArrayBuffer(total);
    const view = new Uint8Array(columnBytes);
    const tables: Record<string, number[]> = {};
    let at = 0;
    for (const [table, list] of encoded) {
      const flat: number[] = [];
      for (const [offset, bytes] of list) {
        view.set(bytes, at);
        flat.push(offset, at, bytes.length);
        at += bytes.length;
      }
      tables[table] = flat;
    }
    return { tables, columnBytes };
  }
}

function entries(state: Partial<TableState>, table: string): number[] | undefined {
  return state.tables && Object.hasOwn(state.tables, table) ? state.tables[table] : undefined;
}

function names(state: Partial<TableState>, flat: number[], k: number): string[] {
  const length = flat[k + 2]!;
  if (!state.columnBytes || length === 0) return [];
  return Buffer.from(state.columnBytes, flat[k + 1]!, length).toString('utf8').split('\0');
}

/**
 * A table's column names for a range that starts at `before`: its last CREATE before it, else its
 * first (rows written before their table's DDL), or none.
 */
export function columnsOf(state: Partial<TableState>, table: string, before = Infinity): string[] {
  const flat = entries(state, table);
  if (!flat) return [];
  let k = 0;
  while (k + 3 < flat.length && flat[k + 3]! < before) k += 3;
  return names(state, flat, k);
}

/** The columns of the CREATE TABLE that prepare read at `offset`, or null when it read none there. */
export function columnsCreatedAt(state: Partial<TableState>, table: string, offset: number): string[] | null {
  const flat = entries(state, table);
  if (!flat) return null;
  for (let k = 0; k < flat.length; k += 3) if (flat[k] === offset) return names(state, flat, k);
  return null;
}
