import { describe, expect, it } from 'vitest';
import { Engine, parseAsOf, scanText, type FieldBatch, type Finding } from './index.js';

const asOf = parseAsOf('2026-11-23')!;

/** A structured batch from rows of [column, value] pairs, laid out like a CSV line. */
function rowsBatch(columns: string[], rows: string[][]): FieldBatch {
  const start: number[] = [], end: number[] = [], column: number[] = [];
  let text = '';
  for (const row of rows) {
    row.forEach((value, c) => {
      if (c > 0) text += ',';
      start.push(text.length);
      text += value;
      end.push(text.length);
      column.push(c);
    });
    text += '\n';
  }
  return {
    bytes: new TextEncoder().encode(text), fileOffset: 100, count: start.length, start: Int32Array.from(start),
    end: Int32Array.from(end), column: Int32Array.from(column), columns, records: rows.length,
  };
}

describe('engine pipeline', () => {
  it('takes the column name as context for every value in the column', () => {
    const found: Finding[] = [];
    const engine = new Engine({ asOf, onFinding: (f) => found.push(f), countLines: true });
    engine.startRange(100);
    engine.scanBatch(rowsBatch(['nik', 'no_kk', 'no_resi'], [
      ['3171014101900001', '3171012301150003', '3171010101900009'],
      ['3273010101100002', '3273012301150004', '3273010101100008'],
    ]));
    expect(found.map((f) => [f.type, f.field, f.line])).toEqual([
      ['NIK', 'nik', 1], ['KK', 'no_kk', 1], ['NIK', 'nik', 2], ['KK', 'no_kk', 2],
    ]);
    expect(found[0]!.explain).toEqual([
      'rule: nik.structure+context', 'validator: region 317101 known; birth date valid; serial valid', 'context: column "nik"',
    ]);
    expect(found[1]!.offset).toBe(100 + 17);
    const totals = engine.stats.byType((t) => engine.category(t));
    expect(totals.NIK).toMatchObject({ count: 2, distinct: 2, category: 'general' });
    expect(engine.stats.subjectsReport()).toMatchObject({ distinct: 2, female: 1, male: 1, minors: 1, byProvince: { '31': 1, '32': 1 } });
  });

  it('reads each file by its own columns when one engine scans file after file', () => {
    const found: Finding[] = [];
    const engine = new Engine({ asOf, onFinding: (f) => found.push(f) });
    const [nik, kk] = ['3171014101900001', '3171012301150003'];
    // The same names in another order, then a name with nothing to say: plans go by name, not place.
    engine.scanBatch(rowsBatch(['nik', 'no_kk'], [[nik, kk]]));
    engine.scanBatch(rowsBatch(['no_kk', 'nik'], [[kk, nik]]));
    engine.scanBatch(rowsBatch(['no_resi', 'nik'], [[kk, nik]]));
    expect(found.map((f) => `${f.field}:${f.type}`)).toEqual(['nik:NIK', 'no_kk:KK', 'no_kk:KK', 'nik:NIK', 'nik:NIK']);
  });

  it('counts a value in all its shapes once, with a findings sink or without', () => {
    const rows = [
      ['0812-3456-7890', '4111 1111 1111 1111', '0001234567890', '09.254.173.9-407.000'],
      ['+62 812 3456 7890', '4111111111111111', '0001234567890', '092541739407000'],
      ['6281234567890', '5500 0000 0000 0004', '0001234567891', '092541739407001'],
    ];
    const distinct = (onFinding?: (f: Finding) => void) => {
      const engine = new Engine({ asOf, onFinding });
      engine.scanBatch(rowsBatch(['no_hp', 'no_kartu_kredit', 'no_bpjs', 'npwp'], rows));
      const totals = engine.stats.byType((t) => engine.category(t));
      return Object.fromEntries(Object.entries(totals).map(([type, t]) => [type, [t.count, t.distinct]]));
    };
    const values = new Map<string, Set<string>>();
    const sunk = distinct((f) => values.set(f.type, (values.get(f.type) ?? new Set()).add(f.value)));
    expect(distinct()).toEqual({ PHONE: [3, 1], CREDIT_CARD: [3, 2], BPJS: [3, 2], NPWP: [3, 2] });
    expect(sunk).toEqual(distinct());
    expect(Object.fromEntries([...values].map(([type, set]) => [type, set.size]))).toEqual({ PHONE: 1, CREDIT_CARD: 2, BPJS: 2, NPWP: 2 });
  });

  it('counts labelled identifiers that fail validation as invalid', () => {
    const engine = new Engine({ asOf });
    engine.scanBatch(rowsBatch(['nik'], [['3171014101900001'], ['3199014101900001'], ['3171013102900001']]));
    expect(engine.stats.byType((t) => engine.category(t)).NIK).toMatchObject({ count: 1, invalid: 2 });
  });

  it('reads context words before a value in free text', () => {
    const found = scanText('Data warga: NIK 3171014101900001, No. KK: 3171012301150003\nresi 3171010101900009', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.line, f.confidence > 0.9])).toEqual([['NIK', 1, true], ['KK', 1, true]]);
    expect(found[1]!.explain[2]).toBe('context: context words "nik 3171014101900001 no kk"');
  });

  it('decodes a reused reader buffer afresh in each batch', () => {
    const found: Finding[] = [];
    const engine = new Engine({ asOf, onFinding: (f) => found.push(f) });
    const batch = rowsBatch(['nama_lengkap'], [['Budi Santoso']]);
    engine.scanBatch(batch);
    (batch.bytes as Uint8Array).set(new TextEncoder().encode('Rina Lestari'));
    engine.scanBatch(batch);
    expect(found.map((f) => f.value)).toEqual(['budi santoso', 'rina lestari']);
  });

  it('restricts findings to the requested types', () => {
    const found = scanText('NIK 3171014101900001 KK 3171012301150003', { asOf: '2026-11-23', types: ['KK'] });
    expect(found.map((f) => f.type)).toEqual(['KK']);
  });
});

describe('labels in free text', () => {
  it('reads "label = value", "label:<tab>value" and several values of one type in one text', () => {
    const found = scanText('Nama Lengkap = Agus Tarigan\nIbu Kandung:\tFitri Handayani\nNama Ibu Kandung : Mega Daulay\n', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['PERSON_NAME', 'agus tarigan'], ['MOTHER_MAIDEN_NAME', 'fitri handayani'], ['MOTHER_MAIDEN_NAME', 'mega daulay'],
    ]);
  });

  it('reads a quoted value whole, separators and backslash-escaped quotes included (logfmt)', () => {
    const line = 'INFO kyc - alamat_lengkap="Jl. Melati No. 5 \\"Gang Buntu\\", Blok A: RT 001/RW 002, Kec. Gambir" ibu_kandung="Siti Aminah" ok=1';
    const found = scanText(line, { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['ADDRESS', 'jl. melati no. 5 "gang buntu", blok a: rt 001/rw 002, kec. gambir'], ['MOTHER_MAIDEN_NAME', 'siti aminah'],
    ]);
    expect(line.slice(found[1]!.offset, found[1]!.offset + found[1]!.length)).toBe('Siti Aminah');
  });

  it('reads the quoted keys of JSON written into a log line', () => {
    const line = `2021-07-01 10:00:02 INFO daftar {"nik":"3171014101900014","nama":"Siti Rahayu", 'alamat' : 'Jl. Melati 5'}`;
    const found = scanText(line, { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['NIK', '3171014101900014'], ['PERSON_NAME', 'siti rahayu'], ['ADDRESS', 'jl. melati 5'],
    ]);
    expect(line.slice(found[1]!.offset, found[1]!.offset + found[1]!.length)).toBe('Siti Rahayu');
  });

  it('reads the pairs of a query string or form body in a log line, decoding "+" and "%XX"', () => {
    const line = 'GET /daftar?nik=3273011203850002&nama=Budi+Santoso&alamat=Jl.%20Dago+12&hp=%2B6281234567890 200 "user=a&password=rahasia+1&ok=1"';
    const found = scanText(line, { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['NIK', '3273011203850002'], ['PHONE', '+6281234567890'], ['PERSON_NAME', 'budi santoso'], ['ADDRESS', 'jl. dago 12'],
      ['PASSWORD', 'rahasia 1'],
    ]);
    expect(line.slice(found[2]!.offset, found[2]!.offset + found[2]!.length)).toBe('Budi+Santoso');
  });

  it('ends a bare value inside a quoted string with the string, and a password in running text at a space', () => {
    const found = scanText('{"msg":"login nama=Rina Lestari"} {"msg":"password=rahasia456 ok"}', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([['PERSON_NAME', 'rina lestari'], ['PASSWORD', 'rahasia456']]);
  });

  it('reads "label: value" that is not quoted up to the next label, and an unclosed quote as a bare value', () => {
    const found = scanText('Nama: "Budi Santoso Alamat: Jl. Kenanga No. 3, Kota Bogor', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([['PERSON_NAME', 'budi santoso'], ['ADDRESS', 'jl. kenanga no. 3, kota bogor']]);
  });

  it('reads a name introduced with "saya", with the cue as its context', () => {
    const found = scanText('Halo kak, saya Adi Hidayat. Ini data saya ya: NIK 3171014101900001', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([['NIK', '3171014101900001'], ['PERSON_NAME', 'adi hidayat']]);
    expect(found[1]!.explain[2]).toBe('context: context words "saya"');
  });

  it('reads every pair of a dump written as one long line, and skips a name a label already took', () => {
    const pairs = Array.from({ length: 999 }, (_, i) => `nama: Budi Santoso nik: 3171014101900${String(i + 1).padStart(3, '0')} alamat: Jl. Mawar ${i} `);
    const found = scanText(`${pairs.join('')}Nama saya Budi Santoso.`, { asOf: '2026-11-23' });
    const count = (type: string) => found.filter((f) => f.type === type).length;
    // The last name is both labelled and introduced ("nama saya"): it is reported once.
    expect([count('NIK'), count('PERSON_NAME'), count('ADDRESS')]).toEqual([999, 1000, 999]);
    expect(found.every((f) => f.line === 1)).toBe(true);
  });

  it('gives a labelled value found after a later token on another line its own line', () => {
    const found = scanText('nama: Budi Santoso\nnik 3171014101900001\nalamat: Jl. Mawar 3', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.line])).toEqual([['NIK', 2], ['PERSON_NAME', 1], ['ADDRESS', 3]]);
  });

  it('reads labels in the cells of a column whose name says nothing, and not in a labelled one', () => {
    const found: Finding[] = [];
    const engine = new Engine({ asOf, onFinding: (f) => found.push(f) });
    engine.scanBatch(rowsBatch(['catatan', 'no_hp'], [['Nama: Budi Santoso; alamat: Jl. Merdeka 5', 'Nama: Rina Lestari']]));
    expect(found.map((f) => [f.type, f.field, f.value])).toEqual([
      ['PERSON_NAME', 'catatan', 'budi santoso'], ['ADDRESS', 'catatan', 'jl. merdeka 5'],
    ]);
  });
});
