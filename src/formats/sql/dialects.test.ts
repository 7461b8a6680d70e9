// SQL dialects as real leaks come: SQL Server scripts, SQLite .dump, Oracle exports, MySQL and
// PostgreSQL variants. Each test names what was read wrong before its fix.
import { MessageChannel } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, memorySource, prepareState, readRange, utf8 } from '../testing.js';
import { followsStatementEnd, sqlCuts } from './cuts.js';
import type { SqlState } from './prepare.js';
import { rowStartAfter } from './rows.js';
import { sqlReader } from './sql.js';

/** A SQL Server "Generate Scripts" file: `GO` batches, bracketed names, N'…' strings, no `;`. */
const MSSQL = `USE [CRM]
GO
/****** Object:  Table [dbo].[Pelanggan] ******/
SET ANSI_NULLS ON
GO
CREATE TABLE [dbo].[Pelanggan](
\t[Id] [int] IDENTITY(1,1) NOT NULL,
\t[NIK] [varchar](16) NULL,
\t[Nama] [nvarchar](100) NULL,
\t[NoHP] [varchar](20) NULL,
 CONSTRAINT [PK_Pelanggan] PRIMARY KEY CLUSTERED ([Id] ASC)
) ON [PRIMARY]
GO
SET IDENTITY_INSERT [dbo].[Pelanggan] ON
GO
INSERT [dbo].[Pelanggan] VALUES (1, N'3171014507900003', N'Siti Aminah', N'081234567890')
INSERT [dbo].[Pelanggan] ([NoHP], [NIK], [Nama]) VALUES (N'081398765432', N'3273025808850002', N'Budi Santoso')
INSERT [dbo].[Pelanggan] VALUES (3, N'3578104112950001', N'Dewi Lestari', N'085612345678')
GO 
SET IDENTITY_INSERT [dbo].[Pelanggan] OFF
GO
`;
const MSSQL_FIELDS = [
  'Pelanggan.Id=1', 'Pelanggan.NIK=3171014507900003', 'Pelanggan.Nama=Siti Aminah', 'Pelanggan.NoHP=081234567890',
  'Pelanggan.NoHP=081398765432', 'Pelanggan.NIK=3273025808850002', 'Pelanggan.Nama=Budi Santoso',
  'Pelanggan.Id=3', 'Pelanggan.NIK=3578104112950001', 'Pelanggan.Nama=Dewi Lestari', 'Pelanggan.NoHP=085612345678',
];

async function read(text: string, cuts: number[] = []) {
  const bytes = utf8(text);
  const state = await prepareState(sqlReader, bytes);
  return { state, bytes, result: readRange(sqlReader, state, bytes, 0, bytes.length, cuts) };
}

describe('sql dialects', () => {
  it('ON DUPLICATE KEY UPDATE after the rows is no row (its phone was labelled with the first column)', async () => {
    const { result } = await read(
      "INSERT INTO `users` (`id`,`nik`,`no_hp`) VALUES (4,'3171014507900011','081211112222') ON DUPLICATE KEY UPDATE `nik`=VALUES(`nik`), `no_hp`='081299998888';\n"
      + "INSERT INTO `users` (`id`,`nik`,`no_hp`) VALUES (5,'3171014507900012','081211113333');\n",
    );
    expect(fieldLines(result)).toEqual([
      'users.id=4', 'users.nik=3171014507900011', 'users.no_hp=081211112222',
      '-=ON DUPLICATE KEY UPDATE `nik`=VALUES(`nik`), ', 'users.no_hp=081299998888',
      'users.id=5', 'users.nik=3171014507900012', 'users.no_hp=081211113333',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('INSERTs one per line without `;` each read with their own head (the next one was read as rows of the first)', async () => {
    const { result } = await read(
      "INSERT INTO a (nik, nama) VALUES ('3171014507900003', 'Siti Aminah')\n"
      + "INSERT INTO b (nama, nik) VALUES ('Budi Santoso', '3273025808850002')\n",
    );
    expect(fieldLines(result)).toEqual(['a.nik=3171014507900003', 'a.nama=Siti Aminah', 'b.nama=Budi Santoso', 'b.nik=3273025808850002']);
    expect(result.records).toBe(2);
  });

  it('SQL Server scripts: GO lines and line breaks end statements (all was one statement of an unknown table)', async () => {
    const { result } = await read(MSSQL);
    expect(fieldLines(result)).toEqual(MSSQL_FIELDS);
    expect(result.records).toBe(3);
    expect(result.warnings).toEqual([]);
  });

  it('SQL Server scripts are cut at their INSERT lines and read apart as whole', async () => {
    const bytes = utf8(MSSQL);
    const state = await prepareState(sqlReader, bytes) as SqlState;
    const cuts: number[] = [];
    for await (const cut of sqlCuts(memorySource(bytes), state, { rangeBytes: () => 40 })) cuts.push(cut);
    expect(cuts.map((c) => MSSQL.slice(c, c + 7))).toEqual(['CREATE ', 'INSERT ', 'INSERT ', 'INSERT ']);
    const bounds = [0, ...cuts, bytes.length];
    expect(bounds.slice(1).flatMap((end, i) => fieldLines(readRange(sqlReader, state, bytes, bounds[i]!, end)))).toEqual(MSSQL_FIELDS);
  });

  it('a GO line or a line ending in `)` ends the statement before (for cuts and prepare)', () => {
    const follows = (before: string) => followsStatementEnd(utf8(`${before}\nINSERT INTO t VALUES (1);`), utf8(before).length + 1);
    expect(['GO', 'go', '  GO 5 ', 'GO\r', "VALUES (1, N'x')"].map(follows)).toEqual([true, true, true, true, true]);
    expect(['GOTO x', "VALUES (1, N'x', "].map(follows)).toEqual([false, false]);
  });

  it('gives the same fields whatever the chunking', async () => {
    const whole = fieldLines((await read(MSSQL)).result);
    for (let cut = 1; cut < MSSQL.length; cut += 5) expect(fieldLines((await read(MSSQL, [cut, cut + 3])).result)).toEqual(whole);
  });

  it("PostgreSQL E'…' strings escape with backslashes under standard_conforming_strings (the row's later values were lost)", async () => {
    const text = "SET standard_conforming_strings = on;\n"
      + "INSERT INTO public.\"Users\" (\"Nik\", \"Nama\", \"Email\") VALUES ('3273025808850002', E'Budi\\'s Santoso', 'budi.s@example.com');\n"
      + "INSERT INTO public.\"Users\" (\"Nik\", \"Nama\", \"Email\") VALUES ('3171014507900003', 'C:\\', 'siti@example.co.id');\n";
    const { result } = await read(text);
    expect(fieldLines(result)).toEqual([
      'Users.Nik=3273025808850002', "Users.Nama=Budi\\'s Santoso", 'Users.Email=budi.s@example.com',
      'Users.Nik=3171014507900003', 'Users.Nama=C:\\', 'Users.Email=siti@example.co.id',
    ]);
    for (let cut = 1; cut < text.length; cut += 3) expect(fieldLines((await read(text, [cut])).result)).toEqual(fieldLines(result));
  });

  it("a long INSERT's row cut passes E'…' strings with an escaped quote", async () => {
    const text = "(1, E'a\\'), (b'), (2, 'x')";
    expect(await rowStartAfter(memorySource(utf8(text)), 0, 1, text.length, false)).toBe(text.indexOf('(2'));
  });

  it('a dollar-quoted routine body is no INSERT (its text was read as rows of an unknown table and free text)', async () => {
    const text = 'CREATE FUNCTION public.catat() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $body$\nBEGIN\n'
      + "INSERT INTO audit (nik, catatan) VALUES (NEW.nik, 'ubah; 081234567890');\nRETURN NEW;\nEND;\n$body$;\n"
      + "SELECT $$a$$, 'x$$y';\nINSERT INTO warga (nik) VALUES ('3171014507900003');\n";
    const { result } = await read(text);
    expect(fieldLines(result)).toEqual(['warga.nik=3171014507900003']);
    expect(result.warnings).toEqual([]);
    for (let cut = 1; cut < text.length; cut += 3) expect(fieldLines((await read(text, [cut])).result)).toEqual(fieldLines(result));
    // A range that starts inside the body reads its closing `$body$;` as no opening quote: the INSERT after it keeps its row.
    const bytes = utf8(text);
    const inBody = readRange(sqlReader, (await read(text)).state, bytes, text.indexOf('RETURN NEW'), bytes.length);
    expect(fieldLines(inBody)).toEqual(['-=RETURN NEW', '-=END', '-=$body$', 'warga.nik=3171014507900003']);
  });

  it('a CREATE TABLE line inside a string does not redefine a known table for the ranges after it (its columns labelled the rows)', async () => {
    const text = 'CREATE TABLE warga (nik text, nama text);\n'
      + "INSERT INTO warga VALUES ('3171014507900003', 'catatan:\nCREATE TABLE warga (a text, b text);\n');\n"
      + "INSERT INTO warga VALUES ('3273025808850002', 'Budi Santoso');\n";
    const { state, bytes } = await read(text);
    const last = readRange(sqlReader, state, bytes, text.lastIndexOf('INSERT'), bytes.length);
    expect(fieldLines(last)).toEqual(['warga.nik=3273025808850002', 'warga.nama=Budi Santoso']);
    // Nor after a `;` line of the string, when the string's text goes on after it.
    const afterSemi = text.replace("'catatan:\n", "'catatan;\n");
    const again = await read(afterSemi);
    const tail = readRange(sqlReader, again.state, again.bytes, afterSemi.lastIndexOf('INSERT'), again.bytes.length);
    expect(fieldLines(tail)).toEqual(['warga.nik=3273025808850002', 'warga.nama=Budi Santoso']);
  });

  it('the state shares its column names with workers instead of copying them with every range', async () => {
    // Before, 2,500 tables of 1,000 columns went as 45 MB of strings with each range: 92-122 ms a post.
    const text = 'CREATE TABLE warga (nik text, nama text);\nINSERT INTO warga VALUES (\'3171014507900003\', \'Siti Aminah\');\n';
    const { state, bytes } = await read(text);
    expect((state as SqlState).columnBytes).toBeInstanceOf(SharedArrayBuffer);
    const { port1, port2 } = new MessageChannel();
    const posted = new Promise<SqlState>((resolve) => port2.once('message', resolve));
    port1.postMessage(state);
    const received = await posted;
    port1.close();
    expect(fieldLines(readRange(sqlReader, received, bytes, text.indexOf('INSERT'), bytes.length))).toEqual(['warga.nik=3171014507900003', 'warga.nama=Siti Aminah']);
  });

  it('a table named like an Object method is a table (COPY toString without columns crashed prepare)', async () => {
    const { result } = await read('COPY toString FROM stdin;\n3171014507900003\tSiti\n\\.\nINSERT INTO constructor VALUES (\'3273025808850002\');\n');
    expect(fieldLines(result)).toEqual(['toString.col1=3171014507900003', 'toString.col2=Siti', 'constructor.col1=3273025808850002']);
  });

  it('rows of the 51st wide table keep their labels (1,000 unused columns a table used up the names a range holds)', async () => {
    const columns = Array.from({ length: 1000 }, (_, c) => `k${c} text`).join(', ');
    const text = Array.from({ length: 60 }, (_, t) => `CREATE TABLE t${t} (${columns});\nINSERT INTO t${t} VALUES ('3171014507900003');\n`).join('');
    const { result } = await read(text);
    expect(result.fields.map((f) => f.column)).toEqual(Array.from({ length: 60 }, (_, t) => `t${t}.k0`));
  });

  it('values assigned to columns in UPDATE, DELETE and INSERT … SET are labelled (they were free text)', async () => {
    const { result } = await read(
      "UPDATE `db`.`users` SET `nama` = N'Siti Aminah', no_hp=_binary '081234567890', users.nik = 3171014507900003 WHERE id >= 7 AND email != 'x@example.com';\n"
      + "INSERT INTO users SET [Nama Lengkap]='Budi Santoso', \"nik\"='3273025808850002';\n"
      + "DELETE FROM public.users WHERE email = E'dewi\\'s@example.id' OR nama = UPPER('dewi');\n"
      + "UPDATE users SET nama = 'tidak ditutup;\n",
    );
    expect(fieldLines(result)).toEqual([
      '-=UPDATE `db`.`users` SET ', 'users.nama=Siti Aminah', 'users.no_hp=081234567890', 'users.nik=3171014507900003',
      "-= WHERE id >= 7 AND email != 'x@example.com'",
      '-=INSERT INTO users SET ', 'users.Nama Lengkap=Budi Santoso', 'users.nik=3273025808850002',
      '-=DELETE FROM public.users WHERE ', "users.email=dewi\\'s@example.id", "-= OR nama = UPPER('dewi')",
      "-=UPDATE users SET nama = 'tidak ditutup;\n",
    ]);
  });

  it('a dump of two databases labels each `users` with its own columns in every range (the last CREATE labelled all)', async () => {
    const text = 'USE `db_a`;\nCREATE TABLE `users` (`nik` varchar(16), `nama` varchar(64));\n'
      + "INSERT INTO `users` VALUES ('3171014507900003','Siti Aminah');\n"
      + 'USE `db_b`;\nCREATE TABLE `users` (`email` varchar(64), `no_hp` varchar(20));\n'
      + "INSERT INTO `users` VALUES ('budi@example.com','081398765432');\n";
    const { state, bytes, result } = await read(text);
    const whole = ['users.nik=3171014507900003', 'users.nama=Siti Aminah', 'users.email=budi@example.com', 'users.no_hp=081398765432'];
    expect(fieldLines(result)).toEqual(whole);
    for (const at of [text.indexOf('INSERT'), text.indexOf('USE `db_b`'), text.lastIndexOf('INSERT')]) {
      const before = fieldLines(readRange(sqlReader, state, bytes, 0, at));
      expect([...before, ...fieldLines(readRange(sqlReader, state, bytes, at, bytes.length))]).toEqual(whole);
    }
  });

  it("Oracle's INSERT ALL INTO … VALUES (…) INTO … VALUES (…) labels each row with its table (unknown.colN with a warning before)", async () => {
    const { result } = await read(
      "INSERT ALL\n  INTO pegawai (nik, nama) VALUES ('3171014507900003', 'Siti Aminah')\n"
      + "  INTO kontak (no_hp) VALUES ('081234567890')\nSELECT * FROM dual;\n",
    );
    expect(fieldLines(result)).toEqual(['pegawai.nik=3171014507900003', 'pegawai.nama=Siti Aminah', 'kontak.no_hp=081234567890']);
    expect(result.warnings).toEqual([]);
  });

  it('property: any mix of dialect lines reads the same whatever the chunking, and ranges never throw', async () => {
    const lines = [
      'GO', 'GO 5', "INSERT [dbo].[P] ([NIK], [Nama]) VALUES (N'3171014507900003', N'Siti')", 'CREATE TABLE [dbo].[P]( [NIK] [varchar](16) NULL)',
      "SET standard_conforming_strings = on;", "INSERT INTO u VALUES (E'a\\'b', 'c\\');", 'AS $f$', '$f$;', 'BEGIN', "INSERT INTO u (a) VALUES (1) ON DUPLICATE KEY UPDATE a='x';",
      "UPDATE u SET nik = '3273025808850002' WHERE id = 1;", 'INSERT ALL INTO u (a) VALUES (1) INTO v (b) VALUES (2)', 'SELECT * FROM dual;',
      "INSERT INTO u (a, b) SELECT 'x', 1 FROM dual UNION ALL", "SELECT N'y', (2) WHERE a = 'z'", "COPY u (a, b) FROM stdin;", "1\t\\N", '\\.', "'", ';', '(', ')', "Insert into \"HR\".\"P\" (\"NIK\") values ('3578104112950001');",
    ];
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...lines), { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), async (picked, step) => {
      const text = picked.join('\n') + '\n';
      const { state, bytes, result } = await read(text);
      const chunks = Array.from({ length: Math.floor(text.length / step) }, (_, i) => (i + 1) * step);
      expect(fieldLines(readRange(sqlReader, state, bytes, 0, bytes.length, chunks))).toEqual(fieldLines(result));
      for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length; at = text.indexOf('\n', at) + 1) readRange(sqlReader, state, bytes, at, bytes.length);
    }), { numRuns: 300 });
  });

  it("a backslash ends no string in SQLite, SQL Server and Oracle scripts ('D:\\data\\' ate the row's e-mail)", async () => {
    const rows = "INSERT INTO users VALUES(2,'D:\\data\\','budi@example.com');\nINSERT INTO users VALUES(3,'x','dewi@example.id');\n";
    for (const head of ['PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n', 'SET IDENTITY_INSERT [dbo].[users] ON\nGO\n', 'SET DEFINE OFF;\n']) {
      expect(fieldLines((await read(head + rows)).result), head).toEqual([
        'users.col1=2', 'users.col2=D:\\data\\', 'users.col3=budi@example.com', 'users.col1=3', 'users.col2=x', 'users.col3=dewi@example.id',
      ]);
    }
    // A MySQL dump escapes with it still.
    expect(fieldLines((await read("-- MySQL dump 10.13\nINSERT INTO t VALUES ('a\\'b','c');\n")).result)).toEqual(["t.col1=a\\'b", 't.col2=c']);
  });

  it('INSERT INTO t (…) SELECT … UNION ALL SELECT … labels each row by column (it was free text)', async () => {
    const { result } = await read(
      "INSERT INTO pegawai (nik, nama, tgl_lahir) SELECT '3171014507900003', 'Siti Aminah', TO_DATE('05-07-1990', 'DD-MM-YYYY') FROM dual\n"
      + "UNION ALL SELECT '3273025808850002', 'Budi, S.', NULL FROM dual;\n"
      + "INSERT [dbo].[P] ([NIK], [NoHP])\nSELECT N'3578104112950001', 081234567890 UNION ALL\nSELECT N'3171014507900011', N'085612345678'\nGO\n",
    );
    expect(fieldLines(result)).toEqual([
      'pegawai.nik=3171014507900003', 'pegawai.nama=Siti Aminah', 'pegawai.tgl_lahir=05-07-1990', 'pegawai.tgl_lahir=DD-MM-YYYY',
      'pegawai.nik=3273025808850002', 'pegawai.nama=Budi, S.',
      'P.NIK=3578104112950001', 'P.NoHP=081234567890', 'P.NIK=3171014507900011', 'P.NoHP=085612345678',
    ]);
    expect(result.records).toBe(4);
    // Strings past the rows (a WHERE's) stay free text.
    const copy = await read("INSERT INTO arsip (nik) SELECT nik FROM warga WHERE email = 'siti@example.co.id';\n");
    expect(fieldLines(copy.result)).toEqual(['-=siti@example.co.id']);
  });

  it('SQL*Plus REM and PROMPT lines are comments (one joined the next statement as a free-text record)', async () => {
    const { result } = await read(
      "REM INSERTING into HR.PEGAWAI\nSET DEFINE OFF;\nPROMPT memuat data\nInsert into HR.PEGAWAI (NIK,NAMA) values ('3171014507900003','SITI AMINAH');\n"
      + "REM\nUPDATE HR.PEGAWAI SET NAMA = 'SITI A.' WHERE NIK = '3171014507900003';\nremarkable text;\n",
    );
    expect(fieldLines(result)).toEqual([
      'PEGAWAI.NIK=3171014507900003', 'PEGAWAI.NAMA=SITI AMINAH',
      '-=UPDATE HR.PEGAWAI SET ', 'PEGAWAI.NAMA=SITI A.', '-= WHERE ', 'PEGAWAI.NIK=3171014507900003', '-=remarkable text',
    ]);
    expect(result.records).toBe(3);
  });
});
