// Console tables: each cell a field of its header's column, the text around them free text.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../index.js';
import { memorySource, readRange, utf8 } from '../testing.js';
import { isRule, tableReader } from './table.js';

const read = (text: string, cuts: number[] = []) => readRange(tableReader, {}, utf8(text), 0, undefined, cuts);
const cellsOf = (text: string, cuts: number[] = []) => read(text, cuts).fields.map((f) => [f.column, f.value]);

const MYSQL = `mysql> SELECT nik, nama, no_hp FROM pelanggan LIMIT 2;
+------------------+--------------+--------------+
| nik              | nama         | no_hp        |
+------------------+--------------+--------------+
| 3171014507900003 | SITI AMINAH  | 081234567890 |
| 3273011203850002 | BUDI SANTOSO | NULL         |
+------------------+--------------+--------------+
2 rows in set (0.00 sec)
`;

const PSQL = `       nik        |     nama     |    no_hp
------------------+--------------+--------------
 3171014507900003 | SITI AMINAH  | 081234567890
 3273011203850002 | BUDI SANTOSO |
(2 rows)
`;

describe('table reader', () => {
  it('reads a MySQL console table: cells under their header, prompt and footer as free text', () => {
    expect(cellsOf(MYSQL)).toEqual([
      [null, 'mysql> SELECT nik, nama, no_hp FROM pelanggan LIMIT 2;'],
      ['nik', '3171014507900003'], ['nama', 'SITI AMINAH'], ['no_hp', '081234567890'],
      ['nik', '3273011203850002'], ['nama', 'BUDI SANTOSO'], ['no_hp', 'NULL'],
      [null, '2 rows in set (0.00 sec)'],
    ]);
    expect(read(MYSQL).records).toBe(4);
  });

  it('reads psql output and a Markdown table, with CRLF line ends', () => {
    expect(cellsOf(PSQL)).toEqual([
      ['nik', '3171014507900003'], ['nama', 'SITI AMINAH'], ['no_hp', '081234567890'],
      ['nik', '3273011203850002'], ['nama', 'BUDI SANTOSO'], [null, '(2 rows)'],
    ]);
    const markdown = 'Contoh:\r\n\r\n| NIK | Nama Lengkap |\r\n|:----|-----:|\r\n| 3171014507900003 | Siti Aminah |\r\n\r\nHarga 5 BTC\r\n';
    expect(cellsOf(markdown)).toEqual([
      [null, 'Contoh:'], ['NIK', '3171014507900003'], ['Nama Lengkap', 'Siti Aminah'], [null, 'Harga 5 BTC'],
    ]);
  });

  it('drops the " +" psql ends the lines of a wrapped value with', () => {
    const wrapped = ' nik              | alamat\n------------------+------------\n 3171014507900003 | JL. MANGGA +\n                  | NO. 5\n(1 row)\n';
    expect(cellsOf(wrapped)).toEqual([['nik', '3171014507900003'], ['alamat', 'JL. MANGGA'], ['alamat', 'NO. 5'], [null, '(1 row)']]);
  });

  it('gives each table its own header, and cells past the header their position', () => {
    const two = `${MYSQL}mysql> SELECT email FROM akun;\n+----+\n| email |\n+----+\n| a@b.co.id | x |\n+----+\n`;
    const fields = cellsOf(two);
    expect(fields.slice(-3)).toEqual([[null, 'mysql> SELECT email FROM akun;'], ['email', 'a@b.co.id'], ['col2', 'x']]);
  });

  it('reads the same fields however the bytes are chunked, a header row split from its rule included', () => {
    const whole = cellsOf(MYSQL);
    for (let cut = 1; cut < MYSQL.length; cut += 7) expect(cellsOf(MYSQL, [cut, cut + 3])).toEqual(whole);
  });

  it('reads a range after the first under the header of the table the head leaves open', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `| 31710145079${String(i).padStart(5, '0')} | Nama ${i} |`);
    const bytes = utf8(`+----+----+\n| nik | nama |\n+----+----+\n${rows.join('\n')}\n+----+----+\n`);
    const state = await tableReader.prepare(memorySource(bytes), bytes.subarray(0, 300));
    const start = bytes.indexOf(10, 4000) + 1;
    const fields = readRange(tableReader, state, bytes, start).fields;
    expect(fields[0]!.column).toBe('nik');
    expect(fields[1]).toMatchObject({ column: 'nama' });
    const closed = utf8(`${MYSQL}${rows.join('\n')}\n`);
    const after = await tableReader.prepare(memorySource(closed), closed);
    expect(readRange(tableReader, after, closed, MYSQL.length).fields[0]!.column).toBeNull();
  });

  it('reads psql\'s expanded display: each `column | value` line a field of the column it names', async () => {
    const expanded = '-[ RECORD 1 ]--------\nnik    | 3171014507900003\nnama   | SITI | AMINAH\nno_hp  |\n-[ RECORD 2 ]--------\nnik    | 3273011203850002\n\n(2 rows)\n';
    expect(cellsOf(expanded)).toEqual([['nik', '3171014507900003'], ['nama', 'SITI | AMINAH'], ['nik', '3273011203850002'], [null, '(2 rows)']]);
    expect(read(expanded).records).toBe(4); // two records, and two lines of text (one blank)
    expect(detectFormat(utf8(expanded), 'out.txt').format).toBe('table');
    const head = utf8(expanded.slice(0, 40));
    const state = await tableReader.prepare(memorySource(utf8(expanded)), head);
    expect(readRange(tableReader, state, utf8(expanded), expanded.indexOf('nama')).fields[0]!.column).toBe('nama');
  });

  it('keeps a header cell to its first 128 characters as a column name', () => {
    const fields = read(`| ${'n'.repeat(5000)} |\n|---|\n| 3171014507900003 |\n`).fields;
    expect(fields.map((f) => [f.column!.length, f.value])).toEqual([[128, '3171014507900003']]);
  });

  it('leaves pipes in prose as text: a row is one only beside a rule', () => {
    expect(cellsOf('harga | 5 BTC | minat PM\n')).toEqual([[null, 'harga | 5 BTC | minat PM']]);
    expect(isRule(utf8('-----'), 0, 5)).toBe(false);
    expect(isRule(utf8('+--+--+'), 0, 7)).toBe(true);
  });

  it('is picked for console output, not for a pipe-delimited CSV or prose under a Markdown rule', () => {
    expect(detectFormat(utf8(MYSQL), 'sample.txt').format).toBe('table');
    expect(detectFormat(utf8(PSQL), 'sample.txt').format).toBe('table');
    expect(detectFormat(utf8('nik|nama|no_hp\n3171014507900003|SITI|0812\n3273011203850002|BUDI|0813\n'), 'a.csv').format).toBe('csv');
    expect(detectFormat(utf8('Judul | sub\n---\nteks\n'), 'a.md').format).toBe('text');
  });
});
