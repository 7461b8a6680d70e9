import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../testing.js';
import { sampleRows, sniffDialect } from './dialect.js';

describe('sniffDialect', () => {
  it('gives the CSV sniff, the TSV sniff and prepare one answer per head, each caller its own copy', () => {
    const head = utf8('nik\tnama\tkota\n3171014101900001\tBudi\tJakarta\n3171014101900002\tSiti\tBogor\n');
    const first = sniffDialect(head);
    expect(first).toMatchObject({ delimiter: 9, header: ['nik', 'nama', 'kota'] });
    // What a caller does with its copy does not reach the next caller.
    first!.header!.push('extra');
    first!.delimiter = 44;
    expect(sniffDialect(head)).toEqual({ ...first, delimiter: 9, header: ['nik', 'nama', 'kota'] });
    expect(sniffDialect(head, 9)).toEqual(sniffDialect(head));
    // A semicolon file that a preference for tabs does not turn into one column.
    const semicolons = utf8('a;b;c\n1;2;3\n4;5;6\n');
    expect(sniffDialect(semicolons, 9)?.delimiter).toBe(59);
  });

  it('decides from the first 16 KB when they hold 20 rows, else from 64 KB', () => {
    const file = (rowBytes: number, rows: number) => {
      const row = (i: number) => `${i},3171014101900001,${'x'.repeat(rowBytes - 20)}\n`;
      return utf8('no,nik,catatan\n' + Array.from({ length: rows }, (_, i) => row(i)).join(''));
    };
    // Short rows: the dialect is counted over the rows of the first 16 KB only.
    const short = sniffDialect(file(100, 1000));
    expect(short).toMatchObject({ delimiter: 44, width: 3, consistency: 1 });
    expect(short!.rows).toBeLessThan(170);
    // Rows of 2 KB: 8 in 16 KB are too few to decide, so the header and 32 rows of 64 KB count.
    expect(sniffDialect(file(2000, 100))).toMatchObject({ delimiter: 44, width: 3, rows: 33 });
  });

  it('finds the header below a report title, and takes a closing year as part of a name', () => {
    const body = 'NIK,Nama Lengkap,Kode Pos 2024\n3171014101900001,Budi,10110\n3171014101900002,Siti,16111\n';
    for (const title of ['LAPORAN DATA PESERTA,,\n,,\n', 'Data per 31/12/2024\n', 'Rekap Tahun 2024\r\n']) {
      const head = utf8(title + body);
      expect(sniffDialect(head), title).toMatchObject({
        delimiter: 44, header: ['NIK', 'Nama Lengkap', 'Kode Pos 2024'], headerEnd: title.length + body.indexOf('\n') + 1,
      });
    }
    // A line an identifier could be in is data, not a title: nothing before the header is skipped.
    for (const line of ['Kontak: admin@contoh.go.id\n', 'Hubungi 081234567890\n']) {
      expect(sniffDialect(utf8(line + body))?.header, line).toBeNull();
    }
  });

  it('takes column names numbered by digit runs for a header: "kode 123", "nama_ayah1", "telp2"', () => {
    for (const header of ['nik,nama,kode 123,alamat 2', 'no,nik,nama_ayah1,telp2', 'Kolom 1;Kolom 22;Kolom 333;nilai_2023_2024']) {
      const delimiter = header.includes(';') ? ';' : ',';
      const row = (serial: string) => ['1', `317101410190${serial}`, 'Budi Santoso', '081234567890'].join(delimiter);
      expect(sniffDialect(utf8(`${header}\n${row('0001')}\n${row('0002')}\n`))?.header, header).toEqual(header.split(delimiter));
    }
  });

  it('takes quoted column names that hold the delimiter or another one for a header', () => {
    const rows = '"3171014101900001","Budi Santoso","Jl. Mawar 2, RT 1"\n"3171014101900002","Siti Aminah","Jl. Melati 3"\n';
    for (const header of ['"nik","nama","alamat, lengkap"', '"nik","nama","alamat; kota"', '"nik","nama","alamat|kota"']) {
      expect(sniffDialect(utf8(`${header}\n${rows}`))?.header, header).toEqual(header.slice(1, -1).split('","'));
    }
  });

  // Column names as exports write them: words, numbered by up to 4 digits or a closing year.
  const word = fc.stringMatching(/^[a-z]{2,8}$/);
  const columnName = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('_', ' '),
    fc.option(fc.stringMatching(/^[0-9]{1,4}$/)), fc.option(fc.integer({ min: 1990, max: 2030 })))
    .map(([words, joint, number, year]) => [words.join(joint), number, year].filter((part) => part !== null).join(joint));
  // Values of a data row that start with a letter, as a name does, beside cells that look like names.
  const value = fc.oneof(
    fc.integer({ min: 1, max: 9999 }).map((serial) => `NIK 317101410190${String(serial).padStart(4, '0')}`),
    fc.constantFrom('HP 0812 3456 7890', 'Telp +62 812-3456-7890', 'NPWP 01.234.567.8-901.000', 'Kode pos 10110'),
    fc.constantFrom('Lahir 01/01/1990', 'Tgl 1990-01-31', 'Lahir 1 Januari 1990', 'Jam 08:30', 'Tgl 31.12.2024'),
    fc.constantFrom('Rp 1.500.000,00', 'Rp150000', 'IDR 75.000', 'Gaji 4.250.000', 'Rp 500'),
  );

  it('property: a header of numbered column names beside a known one is found above its data', () => {
    const columns = fc.uniqueArray(columnName, { minLength: 1, maxLength: 8, selector: (n) => n.toLowerCase() }).filter((n) => !n.includes('nik'));
    fc.assert(fc.property(columns.map((n) => ['nik', ...n]), (names) => {
      const row = (serial: number) => names.map((_, i) => (i === 0 ? `317101410190000${serial}` : 'Budi Santoso')).join(';');
      expect(sniffDialect(utf8(`${names.join(';')}\n${row(1)}\n${row(2)}\n`))?.header).toEqual(names);
    }));
  });

  it('property: a data row with an identifier, phone, date or amount among name-like cells is no header', () => {
    fc.assert(fc.property(fc.array(columnName, { minLength: 1, maxLength: 6 }), value, fc.nat(), (names, data, at) => {
      const cells = [...names];
      cells.splice(at % (cells.length + 1), 0, data);
      const head = utf8(`${cells.join(';')}\n${cells.join(';')}\n${cells.join(';')}\n`);
      expect(sniffDialect(head)?.header ?? null).toBeNull();
    }));
  });

  it('stops walking a row at more cells than any export writes: a 4 MB line of commas is no row', () => {
    const head = utf8(`${','.repeat(4 << 20)}\n3171014101900001,Budi\n3171014101900002,Siti\n`);
    expect(sampleRows(head, 44).rows).toEqual([]);
    expect(sniffDialect(head)).toBeNull();
  });

  it('splits at semicolons, not at decimal commas, when both split every row alike', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `317101410190${1000 + i};Rp 1500,${i}0`).join('\n');
    expect(sniffDialect(utf8(`${rows(10)}\n`))?.delimiter).toBe(59);
    expect(sniffDialect(utf8('1,5;2,5\n3,5;4,5\n5,5;6,5\n'))?.delimiter).toBe(59);
    // A comma file of numbers stays one.
    expect(sniffDialect(utf8('1,5\n3,5\n5,5\n'))?.delimiter).toBe(44);
  });

  it('takes a row with three digits in a row for data when no cell is a known column name', () => {
    const head = 'Budi Santoso,Jl. Mawar No. 123\nSiti Aminah,Jl. Melati Raya No. 45\nDewi Lestari,Jl. Kenanga No. 678\n';
    expect(sniffDialect(utf8(head))?.header).toBeNull();
  });

  it('property: a headerless file whose cells are numbered alike in every row is no header', () => {
    const cell = fc.tuple(word, fc.integer({ min: 100, max: 999 }));
    fc.assert(fc.property(fc.array(cell, { minLength: 2, maxLength: 6 }), (cells) => {
      const row = (step: number) => cells.map(([name, number], i) => (i === 0 ? name : `${name} ${number + step}`)).join(';');
      expect(sniffDialect(utf8(`${row(0)}\n${row(1)}\n${row(2)}\n`))?.header ?? null).toBeNull();
    }));
  });
});
