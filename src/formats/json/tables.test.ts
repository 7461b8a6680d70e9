// Tables written as JSON arrays: a header row, or pandas orient='split', names each row's values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, prepareState, readRange, utf8 } from '../testing.js';
import { jsonReader, ndjsonReader } from './json.js';

const rows = [['3171014101900001', 'Siti Aminah', 'Jl. Melati No. 5'], ['3273015508850002', 'Budi Santoso', 'Jl. Dago No. 12']];
const named = (prefix: string) => rows.flatMap(([nik, nama, alamat]) => [`${prefix}nik=${nik}`, `${prefix}nama=${nama}`, `${prefix}alamat=${alamat}`]);

describe('json tables', () => {
  it('names the values of rows after a header row by their column (were all under one unnamed path)', () => {
    const doc = JSON.stringify([['nik', 'nama', 'alamat'], ...rows]);
    expect(fieldLines(readRange(jsonReader, {}, utf8(doc))).slice(3)).toEqual(named(''));
    const nested = JSON.stringify({ tabel: 'pasien', rows: [['nik', 'nama', 'alamat'], ...rows] });
    expect(fieldLines(readRange(jsonReader, {}, utf8(nested))).slice(4)).toEqual(named('rows[].'));
  });

  it('names the rows of pandas to_json(orient="split") by its columns', () => {
    const doc = JSON.stringify({ columns: ['nik', 'nama', 'alamat'], index: [0, 1], data: rows });
    expect(fieldLines(readRange(jsonReader, {}, utf8(doc))).filter((line) => !line.startsWith('columns') && !line.startsWith('index'))).toEqual(named(''));
  });

  it('takes no data row for a header: a first row with a NIK, a number or an object leaves the rows as they were', () => {
    // Nor a row of names: as a header they would be field names, shown even in unrevealed reports.
    for (const first of [rows[0], ['nik', 17, 'alamat'], ['nik', { a: 'b' }, 'alamat'], ['nik'], ['Siti Aminah', 'Budi Santoso', 'Rina']]) {
      const result = fieldLines(readRange(jsonReader, {}, utf8(JSON.stringify([first, ...rows]))));
      expect(result.slice(-6)).toEqual(rows.flat().map((value) => `-=${value}`));
    }
  });

  it('names a container in a row by its column, and a value past the header by the rows\' path', () => {
    const doc = JSON.stringify([['nik', 'alamat'], ['3171014101900001', { jalan: 'Jl. Melati No. 5' }, 'lebih']]);
    expect(fieldLines(readRange(jsonReader, {}, utf8(doc)))).toEqual(['-=nik', '-=alamat', 'nik=3171014101900001', 'alamat.jalan=Jl. Melati No. 5', '-=lebih']);
  });

  it('names the arrays of NDJSON under a header line by its columns, in every range (were unlabelled)', async () => {
    const lines = [['nik', 'nama', 'alamat'], ...rows, ...rows].map((row) => JSON.stringify(row)).join('\n') + '\n';
    const bytes = utf8(lines);
    const state = await prepareState(ndjsonReader, bytes);
    const whole = readRange(ndjsonReader, state, bytes);
    expect(fieldLines(whole)).toEqual([...['nik', 'nama', 'alamat'].map((name) => `-=${name}`), ...named(''), ...named('')]);
    const secondRow = lines.indexOf('\n', lines.indexOf('\n') + 1) + 1;
    expect(fieldLines(readRange(ndjsonReader, state, bytes, secondRow))).toEqual([...named('').slice(3), ...named('')]);
    // A first line of data is no header.
    expect(await prepareState(ndjsonReader, utf8(rows.map((row) => JSON.stringify(row)).join('\n') + '\n'))).toEqual({});
  });

  it('reads a header-row table the same however it is chunked', () => {
    const bytes = utf8(JSON.stringify({ data: [['nik', 'nama', 'alamat'], ...rows, ...rows] }));
    const whole = fieldLines(readRange(jsonReader, {}, bytes));
    fc.assert(fc.property(fc.array(fc.nat(bytes.length), { maxLength: 6 }), (cuts) => {
      expect(fieldLines(readRange(jsonReader, {}, bytes, 0, bytes.length, cuts))).toEqual(whole);
    }), { numRuns: 200 });
  });
});
