// Statement heads: the INSERT and COPY patterns read long runs of blanks in one pass, and answer
// as the patterns they replaced did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCopyHead, parseCreateTable, parseInsertHead } from './statements.js';

const IDENT = '(?:`[^`]+`|"[^"]+"|\\[[^\\]]+\\]|[\\p{L}_][\\p{L}\\p{N}_$]*)';
const QUALIFIED = `${IDENT}(?:\\s*\\.\\s*${IDENT})*`;
/** The patterns before the fix (with MySQL's VALUE and Oracle's INSERT ALL … INTO since), whose `\s*(…)?\s*` split a run of blanks every way before failing. */
const OLD_INSERT = new RegExp(`^\\s*(?:(?:INSERT|REPLACE)\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE|ALL|FIRST)\\s+)*(?:INTO\\s+)?|INTO\\s+)(${QUALIFIED})\\s*(?:\\(([^)]*)\\))?\\s*VALUES?\\s*$`, 'iu');
const OLD_COPY = new RegExp(`^\\s*COPY\\s+(${QUALIFIED})\\s*(?:\\(([^)]*)\\))?\\s+FROM\\s+stdin\\b`, 'iu');

/** parseCreateTable before it walked the items in place: split them first, then trim and match each. */
function oldCreateColumns(statement: string): string[] | null {
  const m = new RegExp(`^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(${QUALIFIED})\\s*\\(`, 'iu').exec(statement);
  if (!m) return null;
  const body = statement.slice(m[0].length);
  const items: string[] = [];
  let depth = 0, quote = '', start = 0, closed = false;
  for (let i = 0; i < body.length && !closed; i++) {
    const c = body[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) { items.push(body.slice(start, i)); closed = true; } depth--; }
    else if (c === ',' && depth === 0) { items.push(body.slice(start, i)); start = i + 1; }
  }
  if (!closed) items.push(body.slice(start));
  const columns = items.map((item) => item.trim())
    .filter((t) => t && !/^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE|PERIOD)\b/i.test(t))
    .map((t) => new RegExp(`^${IDENT}`, 'u').exec(t)?.[0]).filter((n) => n !== undefined)
    .map((n) => (/^[`"[]/.test(n) && n.length >= 2 ? n.slice(1, -1) : n));
  return columns.length ? columns : null;
}

describe('statement heads', () => {
  it('property: CREATE TABLE columns are read as when the items were split first', () => {
    const pieces = ['CREATE TABLE t (', 'nik', 'nama', ' ', '\n', ',', '(', ')', '`a,b`', '"x y"', '[p,q]', '[r]', "'c,d'", 'KEY', 'PRIMARY KEY', 'varchar(16)', 'é', '\u00a0'];
    const ddl = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((parts) => 'CREATE TABLE t (' + parts.join(''));
    fc.assert(fc.property(ddl, (statement) => {
      expect(parseCreateTable(statement)?.columns ?? null, statement).toEqual(oldCreateColumns(statement));
    }), { numRuns: 20_000 });
  });

  it('an INSERT head with 400,000 blank lines before a stray word is refused (regression: 200,000 took 45 s)', () => {
    const blanks = '\n'.repeat(400_000);
    expect(parseInsertHead(`INSERT INTO t${blanks}x VALUES`)).toBeNull();
    expect(parseInsertHead(`INSERT INTO t (a)${blanks}x VALUES`)).toBeNull();
    expect(parseInsertHead(`INSERT INTO t${blanks}(nik, nama)${blanks}VALUES`)).toEqual({ table: 't', columns: ['nik', 'nama'] });
  });

  it('a COPY line with 400,000 blanks and no FROM stdin is refused (regression: 20 lines of 60,000 took >60 s)', () => {
    const blanks = ' '.repeat(400_000);
    expect(parseCopyHead(`COPY t${blanks}x`)).toBeNull();
    expect(parseCopyHead(`COPY public.warga${blanks}(id, nik)${blanks}FROM stdin;`)).toEqual({ table: 'warga', columns: ['id', 'nik'] });
  });

  it('property: heads parse as the old patterns did', () => {
    const pieces = ['INSERT', 'REPLACE', 'IGNORE', 'ALL', 'INTO', 'COPY', 'FROM', 'stdin', 'VALUES', 'VALUE', 't', 'public', '.', '`w`', '"x"', '(', ')', '(a, b)', ',', ' ', '\n', '\t', 'x'];
    const head = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));
    // The column list the old pattern captured, as columnList cuts it (the pieces hold no quoted names).
    const oldColumns = (m: RegExpExecArray) => m[2]?.split(',').map((c) => c.trim()).filter(Boolean).join(',') || null;
    fc.assert(fc.property(head, (h) => {
      const insert = parseInsertHead(h);
      expect(insert !== null, h).toBe(OLD_INSERT.test(h));
      const copy = parseCopyHead(h);
      expect(copy !== null, h).toBe(OLD_COPY.test(h));
      if (insert) expect(insert.columns?.join(',') ?? null).toBe(oldColumns(OLD_INSERT.exec(h)!));
      if (copy) expect(copy.columns?.join(',') ?? null).toBe(oldColumns(OLD_COPY.exec(h)!));
    }), { numRuns: 20_000 });
  });
});
