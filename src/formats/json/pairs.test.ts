// Key/value objects (usermeta, form answers) name their value by their key's string.
import { describe, expect, it } from 'vitest';
import { fieldLines, readRange, utf8 } from '../testing.js';
import { jsonReader } from './json.js';

const read = (value: unknown) => fieldLines(readRange(jsonReader, {}, utf8(JSON.stringify(value))));

describe('json key/value pairs', () => {
  it('names a WordPress usermeta value by its meta_key, as phpMyAdmin exports it (was under meta_value)', () => {
    const rows = [['first_name', 'Siti'], ['billing_phone', '081234567890'], ['billing_address_1', 'Jl. Melati No. 5']];
    const table = { type: 'table', name: 'wp_usermeta', data: rows.map(([key, value], i) => ({ umeta_id: String(i), meta_key: key, meta_value: value })) };
    expect(read([{ type: 'header' }, table]).filter((line) => line.startsWith('data'))).toEqual([
      'data[].umeta_id=0', 'data[].first_name=Siti', 'data[].umeta_id=1', 'data[].billing_phone=081234567890', 'data[].umeta_id=2', 'data[].billing_address_1=Jl. Melati No. 5',
    ]);
    // The table's name reads as a field name too: it stays free text.
    expect(read([table]).filter((line) => line.startsWith('-='))).toEqual(['-=wp_usermeta', '-=first_name', '-=billing_phone', '-=billing_address_1']);
  });

  it('names a form answer by its question', () => {
    expect(read({ answers: [{ question: 'Nama Lengkap', answer: 'Siti Aminah' }, { question: 'NIK', answer: 3171014101900001 }] })).toEqual([
      '-=Nama Lengkap', 'answers[].Nama Lengkap=Siti Aminah', '-=NIK', 'answers[].NIK=3171014101900001',
    ]);
  });

  it('reads a name that reads as a field name as one (it was a person\'s name: "alamat")', () => {
    expect(read([{ name: 'nama', value: 'Siti Aminah' }, { name: 'alamat', value: 'Jl. Melati No. 5' }, { key: 'name', value: 'Budi Santoso' }])).toEqual([
      '-=nama', 'nama=Siti Aminah', '-=alamat', 'alamat=Jl. Melati No. 5', '-=name', 'name=Budi Santoso',
    ]);
  });

  it('leaves a name that has no value key beside it, and a value without a name, as they were', () => {
    expect(read([{ name: 'Siti Aminah', email: 'siti@example.com' }, { value: 'x', key: 'y' }])).toEqual(['name=Siti Aminah', 'email=siti@example.com', 'value=x', 'key=y']);
  });

  it('takes no personal data for a field name: a contact list of name/phone pairs keeps its paths', () => {
    expect(read({ kontak: [{ key: 'Siti Aminah', value: '081234567890' }, { key: 'Budi Santoso', value: '081398765432' }] })).toEqual([
      'kontak[].key=Siti Aminah', 'kontak[].value=081234567890', 'kontak[].key=Budi Santoso', 'kontak[].value=081398765432',
    ]);
  });
});
