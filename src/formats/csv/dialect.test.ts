import { describe, expect, it } from 'vitest';
import { utf8 } from '../testing.js';
import { sniffDialect } from './dialect.js';

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
});
