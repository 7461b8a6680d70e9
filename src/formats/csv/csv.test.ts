// CSV/TSV reader: dialect sniffing, header columns, quoting, broken quotes and the record limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, prepareState, readRange, utf8 } from '../testing.js';
import { csvReader, tsvReader } from './csv.js';

async function read(text: string, cuts: number[] = []) {
  const bytes = utf8(text);
  const state = await prepareState(csvReader, bytes);
  return readRange(csvReader, state, bytes, 0, bytes.length, cuts);
}

describe('csv reader', () => {
  it('names fields by the header row and strips quotes', async () => {
    const result = await read('nik,nama,no_kk\n3171234567890001,"Budi, S",3171234567890009\n');
    expect(fieldLines(result)).toEqual(['nik=3171234567890001', 'nama=Budi, S', 'no_kk=3171234567890009']);
    expect(result.records).toBe(1);
    expect(result.fields[1]!.offset).toBe(33);
  });

  it('names the columns of rows wider than the sniffed bytes (16,384) or the planned head (50,000)', async () => {
    for (const width of [16_384, 50_000]) {
      // Names numbered as exports do; the KK column is the 3,001st.
      const names = Array.from({ length: width }, (_, i) => ['nik', 'nama'][i] ?? (i === 3000 ? 'no_kk' : `kolom_${Math.floor(i / 1000)}_${i % 1000}`));
      const row = (serial: string) => names.map((_, i) => ['317101410190' + serial, 'Budi Santoso'][i] ?? (i === 3000 ? '3171012301150001' : 'x'));
      const bytes = utf8(`${names.join(',')}\n${row('0001').join(',')}\n${row('0002').join(',')}\n`);
      const state = await prepareState(csvReader, bytes, 256 << 10);
      const result = readRange(csvReader, state, bytes);
      expect(result.records, `${width}`).toBe(2);
      expect(fieldLines(result).filter((line) => !line.endsWith('=x')), `${width}`).toEqual([
        'nik=3171014101900001', 'nama=Budi Santoso', 'no_kk=3171012301150001', 'nik=3171014101900002', 'nama=Budi Santoso', 'no_kk=3171012301150001',
      ]);
    }
  });

  it('uses col1… when row 1 is data', async () => {
    const result = await read('3171234567890001,Budi\n3171234567890002,Siti\n');
    expect(fieldLines(result)).toEqual(['col1=3171234567890001', 'col2=Budi', 'col1=3171234567890002', 'col2=Siti']);
    expect(result.records).toBe(2);
  });

  it('takes a header as exports write it: unnamed cells, odd punctuation, repeated names, an Excel sep= line', async () => {
    const row = '3171234567890001,3171234567890009,Budi';
    for (const [text, names] of [
      [`,nik,no_kk,nama\n0,${row}\n`, ['col1=0', 'nik=3171234567890001', 'no_kk=3171234567890009', 'nama=Budi']],
      [`nik,no_kk,nama,\n${row},\n`, ['nik=3171234567890001', 'no_kk=3171234567890009', 'nama=Budi']],
      [`NIK?,No. KK:,Nama (lengkap)\n${row}\n`, ['NIK?=3171234567890001', 'No. KK:=3171234567890009', 'Nama (lengkap)=Budi']],
      [`nik,nik,nama\n${row}\n`, ['nik=3171234567890001', 'nik=3171234567890009', 'nama=Budi']],
      [`sep=,\r\nnik,no_kk,nama\r\n${row}\r\n`, ['nik=3171234567890001', 'no_kk=3171234567890009', 'nama=Budi']],
    ] as const) {
      const result = await read(text);
      expect(fieldLines(result), text).toEqual(names);
      expect(result.records).toBe(1);
    }
    // Still data: a first row with a number, or with as many empty cells as names.
    expect(fieldLines(await read('Budi,,,\nSiti,3171234567890001,,\n'))[0]).toBe('col1=Budi');
  });

  it('reads CSV as Excel writes it in an Indonesian locale: BOM, semicolons, CRLF, decimal commas', async () => {
    const text = '\ufeffnik;nama;saldo\r\n3171234567890001;"Budi; S";1.234,50\r\n3171234567890002;Siti;0,75\r\n';
    const bytes = utf8(text);
    expect(csvReader.sniff(bytes, 'export.csv')).toBeGreaterThan(0.5);
    const result = await read(text, [1, 2, 30]);
    expect(fieldLines(result)).toEqual([
      'nik=3171234567890001', 'nama=Budi; S', 'saldo=1.234,50', 'nik=3171234567890002', 'nama=Siti', 'saldo=0,75',
    ]);
    expect(result.fields[0]!.offset).toBe(bytes.indexOf(0x33));
    expect(result.records).toBe(2);
  });

  it('sniffs semicolons and pipes, and tabs as TSV', async () => {
    const semi = await read('nama;email\nBudi;budi@contoh.test\nSiti;siti@contoh.test\n');
    expect(fieldLines(semi)[1]).toBe('email=budi@contoh.test');
    const tsv = utf8('nik\tnama\n3171234567890001\tBudi\n3171234567890002\tSiti\n');
    expect(tsvReader.sniff(tsv, 'a.tsv')).toBeGreaterThan(csvReader.sniff(tsv, 'a.tsv'));
    const state = await prepareState(tsvReader, tsv);
    expect(fieldLines(readRange(tsvReader, state, tsv))).toEqual(['nik=3171234567890001', 'nama=Budi', 'nik=3171234567890002', 'nama=Siti']);
  });

  it('keeps newlines and delimiters inside quoted fields, whatever the chunking', async () => {
    const text = 'id,alamat\n1,"Jl. A, No. 2\nRT 01"\n2,"kata ""kutip"""\n';
    const whole = await read(text);
    expect(fieldLines(whole)).toEqual(['id=1', 'alamat=Jl. A, No. 2\nRT 01', 'id=2', 'alamat=kata ""kutip""']);
    for (let cut = 1; cut < text.length; cut++) expect(fieldLines(await read(text, [cut]))).toEqual(fieldLines(whole));
  });

  it('handles CRLF rows, blank lines, a missing final newline and an empty file', async () => {
    expect(fieldLines(await read('id,nama\r\n\r\n1,Budi\r\n2,Siti'))).toEqual(['id=1', 'nama=Budi', 'id=2', 'nama=Siti']);
    expect(fieldLines(await read('10,20\r\n\r\n1,2\r\n3,4'))).toEqual(['col1=10', 'col2=20', 'col1=1', 'col2=2', 'col1=3', 'col2=4']);
    expect((await read('10,20\r\n\r\n1,2\r\n3,4')).records).toBe(3);
    expect(await read('')).toEqual({ fields: [], records: 0, warnings: [] });
  });

  it('recovers from an unbalanced quote with a warning that holds no values', async () => {
    const result = await read('nama,hp\nBudi,"081234567890\nSiti,081298765432\n');
    expect(result.fields.map((f) => f.value)).toContain('Budi');
    expect(result.fields.some((f) => f.value.includes('081298765432'))).toBe(true);
    expect(result.warnings.length).toBe(1);
    expect(result.warnings[0]).toMatch(/quoted field still open at the end of the range \(byte 13\)/);
    expect(result.fields.at(-1)).toMatchObject({ column: 'hp', offset: 14 });
    expect(result.warnings[0]).not.toMatch(/0812/);
  });

  it('reads a quote left open for more than the record limit as text, with bounded memory', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `${i},warga${i}@contoh.test`).join('\n');
    const bytes = utf8(`id,email\n1,"open\n${rows}\n`);
    const state = { ...(await prepareState(csvReader, bytes)), maxRecordBytes: 4096 };
    const result = readRange(csvReader, state, bytes, 0, bytes.length, Array.from({ length: 200 }, (_, i) => i * 500));
    expect(result.warnings[0]).toMatch(/unbalanced quote/);
    expect(result.fields.filter((f) => f.column === 'email' && f.value.startsWith('warga')).length).toBeGreaterThan(3900);
  });

  it('parses the same fields from two ranges split at a line boundary as from the whole file', async () => {
    const text = 'nik,nama\n' + Array.from({ length: 50 }, (_, i) => `31712345678900${String(i).padStart(2, '0')},"Warga ${i}"`).join('\n') + '\n';
    const bytes = utf8(text);
    const state = await prepareState(csvReader, bytes);
    const whole = readRange(csvReader, state, bytes);
    const split = text.indexOf('\n', 300) + 1;
    const a = readRange(csvReader, state, bytes, 0, split);
    const b = readRange(csvReader, state, bytes, split, bytes.length);
    expect([...a.fields, ...b.fields]).toEqual(whole.fields);
    expect(a.records + b.records).toBe(50);
  });

  it('property: tables written by a quoting CSV writer parse back to the same cells', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', 'é', ';', '\t'), minLength: 1, maxLength: 12 });
    const quote = (s: string) => (/[",\n\r]/.test(s) || s.startsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(400), { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
      async (rows, cuts, eol) => {
        const text = 'kolom_a,kolom_b,kolom_c\n' + rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const bytes = utf8(text);
        const state = { delimiter: 44, header: ['kolom_a', 'kolom_b', 'kolom_c'], headerEnd: 24 };
        const result = readRange(csvReader, state, bytes, 0, bytes.length, cuts);
        const expected = rows.flatMap((r) => r.map((v, i) => `kolom_${'abc'[i]}=${/[",\n\r]/.test(v) || v.startsWith(' ') ? v.replace(/"/g, '""') : v}`));
        expect(fieldLines(result)).toEqual(expected);
        expect(result.records).toBe(rows.length);
      },
    ), { numRuns: 300 });
  });
});
