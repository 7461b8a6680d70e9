// SQL dump reader: MySQL extended INSERTs, PostgreSQL COPY, DDL columns, splitting, broken SQL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, prepareState, readRange, utf8 } from '../testing.js';
import type { FileState } from '../types.js';
import type { SqlState } from './prepare.js';
import { columnsOf } from './tables.js';
import { sqlReader } from './sql.js';

/** The state's column names by table, NUL-joined. */
const tablesOf = (state: FileState) => {
  const sql = state as SqlState;
  return Object.fromEntries(Object.keys(sql.tables).map((table) => [table, columnsOf(sql, table).join('\0')]));
};

const MYSQL = `-- MySQL dump 10.13  Distrib 8.0.36
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS \`warga\`;
CREATE TABLE \`warga\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`nik\` varchar(16) DEFAULT NULL,
  \`nama_ibu_kandung\` varchar(64) DEFAULT 'a,b',
  \`foto\` blob,
  PRIMARY KEY (\`id\`),
  KEY \`idx_nik\` (\`nik\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES \`warga\` WRITE;
INSERT INTO \`warga\` VALUES (1,'3171234567890001','Siti\\'s ''x''',_binary 'ab'),(2,'3171234567890002',NULL,NULL);
INSERT INTO \`warga\` (\`nik\`,\`id\`) VALUES ('3171234567890003',3);
UPDATE warga SET nik='3171234567890004' WHERE id=4;
UNLOCK TABLES;
`;

const POSTGRES = `--
-- PostgreSQL database dump
--
SET statement_timeout = 0;
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.pasien (
    id integer NOT NULL,
    nik character varying(16),
    hasil_lab text
);
COPY public.pasien (id, nik, hasil_lab) FROM stdin;
1\t3171234567890001\tgula darah\\tnormal
2\t\\N\tkolesterol
3\t3171234567890003\t\\N
\\.

INSERT INTO public.pasien VALUES (4, '3171234567890004', 'C:\\');
`;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function read(text: string, cuts: number[] = []) {
  const bytes = utf8(text);
  const state = await prepareState(sqlReader, bytes);
  return { state, bytes, result: readRange(sqlReader, state, bytes, 0, bytes.length, cuts) };
}

describe('sql reader', () => {
  it('reads MySQL extended INSERTs with columns from CREATE TABLE or the column list', async () => {
    const { state, result } = await read(MYSQL);
    expect(tablesOf(state)).toEqual({ warga: ['id', 'nik', 'nama_ibu_kandung', 'foto'].join('\0') });
    expect(fieldLines(result)).toEqual([
      'warga.id=1', 'warga.nik=3171234567890001', "warga.nama_ibu_kandung=Siti\\'s ''x''", 'warga.foto=ab',
      'warga.id=2', 'warga.nik=3171234567890002', 'warga.nik=3171234567890003', 'warga.id=3',
      '-=UPDATE warga SET ', 'warga.nik=3171234567890004', '-= WHERE ', 'warga.id=4',
    ]);
    expect(result.records).toBe(4);
    expect(result.warnings).toEqual([]);
  });

  it('reads PostgreSQL COPY blocks (\\N skipped) and INSERTs', async () => {
    const { result } = await read(POSTGRES);
    expect(fieldLines(result)).toEqual([
      'pasien.id=1', 'pasien.nik=3171234567890001', 'pasien.hasil_lab=gula darah\\tnormal', 'pasien.id=2',
      'pasien.hasil_lab=kolesterol', 'pasien.id=3', 'pasien.nik=3171234567890003',
      'pasien.id=4', 'pasien.nik=3171234567890004', 'pasien.hasil_lab=C:\\',
    ]);
    expect(result.records).toBe(4);
  });

  it('reads INSERTs, then COPY rows, then INSERTs again in one buffer (regression: shared SIMD memory)', async () => {
    const insert = (n: number) => `INSERT INTO public.k (a, b) VALUES (${n}, 'warga${n}@contoh.test');\n`;
    const copyRows = Array.from({ length: 50 }, (_, i) => `${i}\t3171234567890${String(i).padStart(3, '0')}\n`).join('');
    const text = insert(1) + 'COPY public.c (id, nik) FROM stdin;\n' + copyRows + '\\.\n' + Array.from({ length: 30 }, (_, i) => insert(i + 2)).join('');
    const { result } = await read(text);
    expect(result.warnings).toEqual([]);
    expect(result.fields.filter((f) => f.column === 'k.b').length).toBe(31);
    expect(result.fields.filter((f) => f.column === 'c.nik').length).toBe(50);
  });

  it('gives the same fields whatever the chunking', async () => {
    for (const text of [MYSQL, POSTGRES]) {
      const whole = fieldLines((await read(text)).result);
      for (let cut = 1; cut < text.length; cut += 7) expect(fieldLines((await read(text, [cut, cut + 3])).result)).toEqual(whole);
    }
  });

  it('knows the columns of a range that starts in the middle of a COPY block or after the DDL', async () => {
    for (const text of [MYSQL, POSTGRES]) {
      const { state, bytes, result } = await read(text);
      for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length; at = text.indexOf('\n', at) + 1) {
        const a = readRange(sqlReader, state, bytes, 0, at);
        const b = readRange(sqlReader, state, bytes, at, bytes.length);
        if (text.slice(0, at).includes('INSERT') || text.slice(0, at).includes('COPY')) {
          expect([...a.fields, ...b.fields]).toEqual(result.fields);
        }
      }
    }
  });

  it('labels the rows of every MySQL INSERT form: VALUE, VALUES( unspaced, IGNORE, REPLACE, LOW_PRIORITY, db.table, no column list', async () => {
    // Before, `VALUE (…)` (MySQL's singular) was read as free text: no column, so no name under `nama`.
    const ddl = 'CREATE TABLE `warga` (\n  `id` int,\n  `nama` varchar(64),\n  `no_kk` varchar(16)\n);\n';
    const rows = "(1,'Budi Santoso','3171014101900001'),(2,'Siti Rahayu','3171014101900002');\n";
    const heads = [
      'INSERT INTO `warga` (`id`,`nama`,`no_kk`) VALUE ', 'insert into warga value', 'INSERT INTO `warga`(`id`,`nama`,`no_kk`)VALUES',
      'INSERT IGNORE INTO `warga` VALUES ', 'REPLACE INTO `warga` (`id`,`nama`,`no_kk`) VALUE ', 'INSERT LOW_PRIORITY INTO warga VALUES ',
      'INSERT INTO `db`.`warga` VALUE ', 'INSERT IGNORE INTO `db`.`warga` (`id`,`nama`,`no_kk`) VALUES',
    ];
    for (const head of heads) {
      const { result } = await read(ddl + head + rows);
      expect(fieldLines(result), head).toEqual([
        'warga.id=1', 'warga.nama=Budi Santoso', 'warga.no_kk=3171014101900001',
        'warga.id=2', 'warga.nama=Siti Rahayu', 'warga.no_kk=3171014101900002',
      ]);
      expect(result.records, head).toBe(2);
    }
  });

  it('a table named value is no VALUE keyword', async () => {
    const { result } = await read("INSERT INTO value (nama, nik) VALUES ('Budi Santoso', '3171014101900001');\n");
    expect(fieldLines(result)).toEqual(['value.nama=Budi Santoso', 'value.nik=3171014101900001']);
  });

  it('unknown tables get numbered columns; broken SQL warns without values and keeps going', async () => {
    const { result } = await read("INSERT INTO t VALUES ('3171234567890001', 'Budi';\nINSERT INTO t VALUES ('x','3171234567890002');\n");
    expect(fieldLines(result)).toEqual(['t.col1=3171234567890001', 't.col2=Budi', 't.col1=x', 't.col2=3171234567890002']);
    expect(result.warnings).toEqual(['INSERT statement ended inside a row at byte 48']);
  });

  it('an unterminated string ends at the line where the next statement starts', async () => {
    const tail = Array.from({ length: 400 }, (_, i) => `INSERT INTO t VALUES ('warga${i}@contoh.test');`).join('\n');
    const { result } = await read(`INSERT INTO t VALUES ('open;\n${tail}\n`, Array.from({ length: 40 }, (_, i) => i * 500));
    expect(result.warnings).toEqual(['unterminated string at byte 22: it ends at the next line']);
    expect(result.fields.filter((f) => f.value.startsWith('warga')).length).toBe(400);
  });

  it('a string that holds a line starting with INSERT or COPY is a value, not the next statement', async () => {
    // Before, the note ended at that line and every quote after it was read the wrong way round:
    // the rows after it lost their labels (3 of 5 names here).
    const notes = ['biasa', 'lihat baris\nINSERT INTO x VALUES', '\nCOPY public.x (a) FROM stdin;\n', "a\nINSERT INTO x VALUES (1);", 'biasa'];
    const pg = 'SET standard_conforming_strings = on;\nCREATE TABLE public.warga (\n    id integer,\n    nama text,\n    nik text,\n    catatan text\n);\n' +
      notes.map((note, i) => `INSERT INTO public.warga VALUES (${i}, 'Budi Santoso', '317101410190000${i}', ${literal(note)});\n`).join('');
    const mysql = 'CREATE TABLE `warga` (\n  `id` int,\n  `nama` text,\n  `nik` text,\n  `catatan` text\n);\nINSERT INTO `warga` VALUES ' +
      notes.map((note, i) => `(${i},'Budi Santoso','317101410190000${i}',${literal(note)})`).join(',') + ';\n';
    for (const text of [pg, mysql]) {
      const { result } = await read(text);
      expect(result.fields.filter((f) => f.column === 'warga.nama').length).toBe(5);
      expect(result.fields.filter((f) => f.column === 'warga.catatan').map((f) => f.value)).toEqual(notes.map((n) => n.replace(/'/g, "''")));
      expect(result.warnings).toEqual([]);
    }
  });

  it('property: pg_dump --inserts strings that quote SQL on their own lines parse back to their values, however chunked', () => {
    const note = fc.array(fc.constantFrom('a', ' ', ',', ')', '(', ';', "'", '\n', '\nINSERT INTO x VALUES (', '\nCOPY x FROM stdin;', '\nCREATE TABLE y ('), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(note, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(400), { maxLength: 6 }), (notes, at) => {
      const text = 'SET standard_conforming_strings = on;\n' +
        notes.map((n, i) => `INSERT INTO public.warga (id, catatan) VALUES (${i}, ${literal(n)});\n`).join('');
      const bytes = utf8(text);
      const result = readRange(sqlReader, { tables: {}, copies: [], backslashEscapes: false }, bytes, 0, bytes.length, at);
      expect(fieldLines(result)).toEqual(notes.flatMap((n, i) => [`warga.id=${i}`, ...(n ? [`warga.catatan=${n.replace(/'/g, "''")}`] : [])]));
      expect(result.records).toBe(notes.length);
    }), { numRuns: 300 });
  });

  it('a string longer than the record limit is emitted in pieces and reading resumes after it', async () => {
    const blob = 'kata '.repeat(2000);
    const bytes = utf8(`INSERT INTO t VALUES ('${blob}'),('warga1@contoh.test');\n`);
    const state = { ...(await prepareState(sqlReader, bytes)), maxRecordBytes: 2048 };
    const result = readRange(sqlReader, state, bytes, 0, bytes.length, Array.from({ length: 40 }, (_, i) => i * 500));
    expect(result.warnings[0]).toMatch(/string longer than 2048 bytes/);
    expect(result.fields.some((f) => f.value.includes('warga1@contoh.test'))).toBe(true);
  });

  it('an unterminated string longer than the record limit still ends at the line where the next statement starts', async () => {
    // Its close is looked for past the line (a note may quote SQL), but the record limit comes first here.
    const rows = Array.from({ length: 200 }, (_, i) => `INSERT INTO t VALUES (${i}, 31710141019${String(i).padStart(5, '0')});`).join('\n');
    const bytes = utf8(`INSERT INTO t VALUES ('open;\n${rows}\nINSERT INTO t VALUES ('warga@contoh.test');\n`);
    const result = readRange(sqlReader, { tables: {}, copies: [], maxRecordBytes: 2048 }, bytes, 0, bytes.length, [4096]);
    expect(result.warnings).toEqual(['unterminated string at byte 22: it ends at the next line']);
    expect(result.fields.filter((f) => f.column === 't.col2').length).toBe(200);
  });

  it('a range inside a long INSERT\'s span starts at a row, or after the statement\'s end as statements', async () => {
    const text = "INSERT INTO t VALUES (1,'Budi Santoso'),(2,'3171014101900001');\nUPDATE t SET nik='3171014101900002';\nUNLOCK TABLES;\n";
    const bytes = utf8(text);
    const state = { tables: {}, copies: [], inserts: [[text.indexOf('('), text.indexOf('UNLOCK'), 't', ['id', 'nik']]] };
    const update = ['-=UPDATE t SET ', 't.nik=3171014101900002'];
    expect(fieldLines(readRange(sqlReader, state, bytes, text.indexOf('(2')))).toEqual(['t.id=2', 't.nik=3171014101900001', ...update]);
    expect(fieldLines(readRange(sqlReader, state, bytes, text.indexOf('UPDATE')))).toEqual(update);
  });

  it('a SET standard_conforming_strings past the head holds for the ranges that start after it', async () => {
    // Before, only the first 64 KB were looked at: a range after this `off` read `\\'` as the string's end.
    const text = 'SET standard_conforming_strings = on;\n' + '-- isian\n'.repeat(10000) + 'SET standard_conforming_strings = off;\n' +
      "INSERT INTO public.warga (catatan, nik) VALUES ('Budi\\'s, (ok)', '3171014101900001');\n";
    const { state, bytes, result } = await read(text);
    const want = ["warga.catatan=Budi\\'s, (ok)", 'warga.nik=3171014101900001'];
    expect(fieldLines(result)).toEqual(want);
    expect(fieldLines(readRange(sqlReader, state, bytes, text.indexOf('INSERT')))).toEqual(want);
    expect(fieldLines(readRange(sqlReader, state, bytes, text.indexOf('SET standard_conforming_strings = off')))).toEqual(want);
  });

  it('a table created twice labels each INSERT by the CREATE before it, wherever its range starts', async () => {
    // The CREATE that prepare kept (the last) is not parsed again by the parser: it must still replace the first.
    const text = 'CREATE TABLE t (\n  nama text,\n  nik text\n);\nINSERT INTO t VALUES (\'Budi Santoso\', \'3171014101900001\');\n' +
      'DROP TABLE t;\nCREATE TABLE t (\n  nik text,\n  nama text\n);\nINSERT INTO t VALUES (\'3171014101900002\', \'Siti Rahayu\');\n';
    const { state, bytes, result } = await read(text);
    const want = ['t.nama=Budi Santoso', 't.nik=3171014101900001', 't.nik=3171014101900002', 't.nama=Siti Rahayu'];
    expect(fieldLines(result)).toEqual(want);
    expect(fieldLines(readRange(sqlReader, state, bytes, text.indexOf('DROP')))).toEqual(want.slice(2));
  });

  it('sniffs dumps by content', () => {
    expect(sqlReader.sniff(utf8(MYSQL), 'dump')).toBeGreaterThan(0.9);
    expect(sqlReader.sniff(utf8(POSTGRES), 'dump.txt')).toBeGreaterThan(0.9);
    expect(sqlReader.sniff(utf8('halo dunia\n'), 'x.txt')).toBe(0);
  });

  it('prepare finds DDL and COPY blocks far into a large dump, across its 16 MB reads', async () => {
    const filler = "INSERT INTO `a` VALUES (1,'x'),(2,'y');\n".repeat(500000);
    const copyRows = '1\t3171234567890001\n'.repeat(400000);
    const text = '-- PostgreSQL database dump\n' + filler + 'CREATE TABLE `late` (\n  `nik` varchar(16)\n);\n' +
      'COPY public.pasien (id, nik) FROM stdin;\n' + copyRows + '\\.\n' + filler + 'COPY public.kosong (a) FROM stdin;\n\\.\n';
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(40 << 20);
    const state = await prepareState(sqlReader, bytes);
    expect(tablesOf(state)).toEqual({ late: 'nik' });
    const copyStart = text.indexOf('1\t3171234567890001');
    const kosong = text.lastIndexOf('\\.\n');
    expect(state['copies']).toEqual([
      [copyStart, copyStart + copyRows.length, 'pasien', ['id', 'nik']],
      [kosong, kosong, 'kosong', ['a']],
    ]);
  });

  it('an unended CREATE TABLE ends where the next statement starts, as the parser ends it', async () => {
    // Before, its text ran to the next `;` anywhere after it: a column "CREATE" here, and with
    // thousands of such lines, each read the rest of the file (2 MB did not finish in a minute).
    const text = 'CREATE TABLE `a` (\n  `nik` varchar(16),\nCREATE TABLE `b` (\n  `email` text\n);\n';
    const state = await prepareState(sqlReader, utf8(text));
    expect(tablesOf(state)).toEqual({ a: 'nik', b: 'email' });
  });

  it('an unended indented CREATE TABLE ends where the next indented statement starts (regression: 20,000 such lines took >60 s)', async () => {
    // Before, each one's text ran on through every later line, a column "CREATE" here.
    const text = '  CREATE TABLE `a` (\n  `nik` varchar(16),\n\t CREATE TABLE `b` (\n  `email` text\n';
    const state = await prepareState(sqlReader, utf8(text));
    expect(tablesOf(state)).toEqual({ a: 'nik', b: 'email' });
  });

  it('prepare gets past a line of more blanks than one 16 MB read holds (regression: it never ended)', async () => {
    // Before the fix the walk went round in memory for ever, between awaits that never reached a timer.
    const text = 'CREATE TABLE `a` (\n  `nik` varchar(16)\n);\n' + ' '.repeat(17 << 20) + 'CREATE TABLE `b` (\n  `email` text\n);\n';
    const state = await prepareState(sqlReader, utf8(text));
    expect(tablesOf(state)).toEqual({ a: 'nik', b: 'email' });
  });
});

describe('sql reader properties', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ number: String(n) })),
    fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', ',', "'", '"', '\\', '\n', '\t', '(', ')', ';', 'é'), maxLength: 10 }),
  );
  const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
  const cuts = fc.array(fc.nat(600), { maxLength: 6 });
  const MYSQL_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r' };
  const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  const names = ['nik', 'nama', 'alamat'];

  it('mysqldump extended INSERTs parse back to their values (escapes kept), however chunked', () => {
    fc.assert(fc.property(rows, cuts, (table, at) => {
      const literal = (c: (typeof table)[0][0]) => c === null ? 'NULL' : typeof c === 'object' ? c.number : `'${c.replace(/[\\'\n\r]/g, (x) => MYSQL_ESCAPES[x]!)}'`;
      const text = '-- MySQL dump 10.13\nCREATE TABLE `warga` (\n  `nik` varchar(16),\n  `nama` text,\n  `alamat` text\n);\n' +
        `INSERT INTO \`warga\` VALUES ${table.map((r) => `(${r.map(literal).join(',')})`).join(',')};\n`;
      const bytes = utf8(text);
      const want = table.flatMap((r) => r.flatMap((c, i) => {
        if (c === null) return [];
        const value = typeof c === 'object' ? c.number : c.replace(/[\\'\n\r]/g, (x) => MYSQL_ESCAPES[x]!);
        return value ? [`warga.${names[i]}=${value}`] : [];
      }));
      const result = readRange(sqlReader, { tables: {}, copies: [] }, bytes, 0, bytes.length, at);
      expect(fieldLines(result)).toEqual(want);
      expect(result.records).toBe(table.length);
      expect(result.warnings).toEqual([]);
    }), { numRuns: 300 });
  });

  it('PostgreSQL COPY rows parse back to their values (\\N skipped), however chunked', () => {
    fc.assert(fc.property(rows, cuts, (table, at) => {
      const field = (c: (typeof table)[0][0]) => c === null ? '\\N' : typeof c === 'object' ? c.number : c.replace(/[\\\t\n\r]/g, (x) => COPY_ESCAPES[x]!);
      const text = 'COPY public.warga (nik, nama, alamat) FROM stdin;\n' + table.map((r) => r.map(field).join('\t') + '\n').join('') + '\\.\n';
      const bytes = utf8(text);
      const want = table.flatMap((r) => r.flatMap((c, i) => (c === null || field(c) === '' ? [] : [`warga.${names[i]}=${field(c)}`])));
      const result = readRange(sqlReader, { tables: {}, copies: [] }, bytes, 0, bytes.length, at);
      expect(fieldLines(result)).toEqual(want);
      expect(result.records).toBe(table.length);
    }), { numRuns: 300 });
  });
});
