// SQL dialects as real leaks come: SQL Server scripts, SQLite .dump, Oracle exports, MySQL and
// PostgreSQL variants. Each test names what was read wrong before its fix.
import { describe, expect, it } from 'vitest';
import { fieldLines, prepareState, readRange, utf8 } from '../testing.js';
import { sqlReader } from './sql.js';

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
      "-=ON DUPLICATE KEY UPDATE `nik`=VALUES(`nik`), `no_hp`='081299998888'",
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
});
