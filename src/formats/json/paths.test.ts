// Field paths of objects keyed by records (Firebase exports, pandas orient='index', PHP arrays).
import { describe, expect, it } from 'vitest';
import { fieldLines, readRange, utf8 } from '../testing.js';
import { jsonReader } from './json.js';
import { isDataKey } from './paths.js';

/** A key made of letters only (a username), distinct for each i. */
const username = (i: number): string => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!).replace(/[a-p]/g, (c) => c);

describe('json paths', () => {
  it('names a record-id key by * so fields keep one path: Firebase push ids and uids, row numbers', () => {
    const doc = utf8('{"users":{"-MxAbCdEfGhIjKlMnOpQ":{"nama":"Siti Aminah"},"Kx9aPq2LmN8Rz0TuVw3Yb5Cd7Ef1":{"nama":"Budi Santoso"}},' +
      '"0":{"noHp":"081234567890"},"17":{"noHp":"081398765432"}}');
    expect(fieldLines(readRange(jsonReader, {}, doc))).toEqual([
      'users.*=-MxAbCdEfGhIjKlMnOpQ', 'users.*.nama=Siti Aminah', 'users.*=Kx9aPq2LmN8Rz0TuVw3Yb5Cd7Ef1', 'users.*.nama=Budi Santoso',
      '*=0', '*.noHp=081234567890', '*=17', '*.noHp=081398765432',
    ]);
  });

  it('keeps field names in camelCase, snake_case and UPPER case, however long', () => {
    for (const key of ['nomorIndukKependudukan', 'NAMA_LENGKAP_PASIEN', 'alamat_lengkap_domisili', 'address_line_1', 'nomorTeleponRumah2']) {
      expect(isDataKey(utf8(key), 0, key.length)).toBe(false);
    }
  });

  it('keeps field names in a Firebase export of 12,000 users keyed by username (was users.*.* past 20,000 paths)', () => {
    const users = Array.from({ length: 12000 }, (_, i) => `"${username(i)}":{"nama":"Siti Aminah","noHp":"0812345${String(i).padStart(5, '0')}"}`);
    const result = readRange(jsonReader, {}, utf8(`{"users":{${users.join(',')}}}`));
    const columns = new Set(result.fields.filter((f) => !f.column?.endsWith('*')).map((f) => f.column!.replace(/^users\.[a-z]+\./, 'users.<name>.')));
    expect([...columns].sort()).toEqual(['users.*.nama', 'users.*.noHp', 'users.<name>.nama', 'users.<name>.noHp']);
    expect(result.fields.filter((f) => f.column?.endsWith('.nama'))).toHaveLength(12000);
  });
});
