// Parses the few SQL statement heads the dump reader needs: CREATE TABLE (column names),
// INSERT/REPLACE … VALUES or VALUE (table and optional column list) and COPY … FROM stdin. These run once
// per statement head, on short strings, so plain string code is fine here.

const IDENT = '(?:`[^`]+`|"[^"]+"|\\[[^\\]]+\\]|[\\p{L}_][\\p{L}\\p{N}_$]*)';
const QUALIFIED = `${IDENT}(?:\\s*\\.\\s*${IDENT})*`;

const CREATE = new RegExp(`^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMPORARY|TEMP|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(${QUALIFIED})\\s*\\(`, 'iu');
// No two whitespace runs meet around the optional column list: `\s*(…)?\s*` split a long run of
// blanks every way before failing (a 200,000-line INSERT head: 45 s).
// Oracle's INSERT ALL INTO a … VALUES (…) INTO b … VALUES (…): each INTO after the first row is a head of its own.
const INSERT = new RegExp(`^\\s*(?:(?:INSERT|REPLACE)\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE|ALL|FIRST)\\s+)*(?:INTO\\s+)?|INTO\\s+)(${QUALIFIED})\\s*(?:\\(([^)]*)\\)\\s*)?VALUES?\\s*$`, 'iu');
const COPY = new RegExp(`^\\s*COPY\\s+(${QUALIFIED})(?:\\s*\\(([^)]*)\\))?\\s+FROM\\s+stdin\\b`, 'iu');
/** Sticky, matched where each column item starts: no slice or trim per item (2.5 million of them in wide DDL). */
const LEADING_NAME = new RegExp(IDENT, 'uy');
const NOT_A_COLUMN = /(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE|PERIOD)\b/iy;
const BLANKS = /\s*/y;

export interface TableRef {
  /** The table name without schema or quotes: the prefix of its column labels. */
  table: string;
  /** Column names, or null when the statement does not list them. */
  columns: string[] | null;
}

function unquote(name: string): string {
  const n = name.trim();
  const first = n[0];
  if ((first === '`' || first === '"' || first === '[') && n.length >= 2) return n.slice(1, -1);
  return n;
}

/** The last part of a qualified name: `public.users` → `users`. */
function tableName(qualified: string): string {
  const parts = qualified.match(new RegExp(IDENT, 'gu')) ?? [qualified];
  return unquote(parts[parts.length - 1]!);
}

function columnList(list: string | undefined): string[] | null {
  if (list === undefined) return null;
  const names = list.split(',').map(unquote).filter((n) => n.length > 0);
  return names.length ? names : null;
}

/** Where the item at `from` ends: its comma or the list's `)` outside parentheses and quotes, or the text's end. */
function itemEnd(body: string, from: number): number {
  let depth = 0, quote = '';
  for (let i = from; i < body.length; i++) {
    const c = body[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) return i; depth--; }
    else if (c === ',' && depth === 0) return i;
  }
  return body.length;
}

/** The table a CREATE TABLE statement creates, or null. */
export function createdTable(statement: string): string | null {
  const m = CREATE.exec(statement);
  return m ? tableName(m[1]!) : null;
}

export function parseCreateTable(statement: string): TableRef | null {
  const m = CREATE.exec(statement);
  if (!m) return null;
  const columns: string[] = [];
  for (let at = m[0].length; at <= statement.length;) {
    const end = itemEnd(statement, at);
    BLANKS.lastIndex = at;
    const start = BLANKS.exec(statement)![0].length + at;
    NOT_A_COLUMN.lastIndex = start;
    LEADING_NAME.lastIndex = start;
    const name = start < end && !NOT_A_COLUMN.test(statement) ? LEADING_NAME.exec(statement) : null;
    // A name that runs past its item (a bracketed name holding a comma) is none, as when items were split first.
    if (name && start + name[0].length <= end) columns.push(unquote(name[0]));
    if (statement[end] !== ',') break;
    at = end + 1;
  }
  return { table: tableName(m[1]!), columns: columns.length ? columns : null };
}

/** The head of an INSERT, up to and including VALUES. */
export function parseInsertHead(head: string): TableRef | null {
  const m = INSERT.exec(head);
  return m ? { table: tableName(m[1]!), columns: columnList(m[2]) } : null;
}

/** The `COPY name (cols) FROM stdin;` line of a PostgreSQL dump. */
export function parseCopyHead(line: string): TableRef | null {
  const m = COPY.exec(line);
  return m ? { table: tableName(m[1]!), columns: columnList(m[2]) } : null;
}

const ASSIGNING = new RegExp(
  `^\\s*(?:UPDATE\\s+(?:(?:LOW_PRIORITY|IGNORE|ONLY)\\s+)*|(?:INSERT|REPLACE)\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\\s+)*(?:INTO\\s+)?`
  + `|DELETE\\s+(?:(?:LOW_PRIORITY|QUICK|IGNORE)\\s+)*FROM\\s+(?:ONLY\\s+)?)(${QUALIFIED})`, 'iu');

const INSERT_SELECT = new RegExp(`^\\s*INSERT\\s+(?:INTO\\s+)?(${QUALIFIED})\\s*\\(([^)]*)\\)\\s*SELECT\\b`, 'iu');

/** An `INSERT INTO t (a, b) SELECT …` head: its table and columns, and how many characters run to past its SELECT. */
export function parseInsertSelect(head: string): (TableRef & { length: number }) | null {
  const m = INSERT_SELECT.exec(head);
  return m ? { table: tableName(m[1]!), columns: columnList(m[2]), length: m[0].length } : null;
}

/** The table an UPDATE, DELETE or INSERT … SET statement writes to, or null. */
export function assignedTable(head: string): string | null {
  const m = ASSIGNING.exec(head);
  return m ? tableName(m[1]!) : null;
}

/** A column as a statement names it (`t`.`nik`, [nik], t.nik): the bare name. */
export function bareColumn(written: string): string {
  const dot = written.lastIndexOf('.');
  return unquote(written[0] === '`' || written[0] === '"' || written[0] === '[' ? written : written.slice(dot + 1));
}

/** Statements whose text holds no data worth scanning as free text. */
const CONTROL = /^\s*(?:CREATE|DROP|ALTER|LOCK|UNLOCK|SET|USE|BEGIN|COMMIT|START|ROLLBACK|SELECT|COMMENT|GRANT|REVOKE|REINDEX|ANALYZE|VACUUM|TRUNCATE|DELIMITER|SAVEPOINT|RELEASE|PRAGMA|\\connect|\\restrict|\\unrestrict)\b/i;

export function isControlStatement(head: string): boolean {
  return CONTROL.test(head);
}
