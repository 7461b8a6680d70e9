import { describe, expect, it } from 'vitest';
import { NEGATIVE_HINT, hintBit } from '../types.js';
import { columnHints, hintsFromWords, wordsOf } from './labels.js';

describe('label hints', () => {
  it('reads column names in snake case, camel case and paths; the phrase nearest the end decides', () => {
    expect(columnHints('no_kk')).toBe(hintBit('KK'));
    expect(columnHints('noKK')).toBe(hintBit('KK'));
    expect(columnHints('pasien[].nama_ibu_kandung')).toBe(hintBit('MOTHER_MAIDEN_NAME'));
    expect(columnHints('nama_lengkap')).toBe(hintBit('PERSON_NAME'));
    expect(columnHints('tgl_lahir')).toBe(hintBit('DATE_OF_BIRTH'));
    expect(columnHints('no_resi')).toBe(NEGATIVE_HINT);
    expect(columnHints('keterangan')).toBe(0);
  });

  it('knows that "NIK kepala KK" is a NIK and "pwd_hash" a password, not a negative', () => {
    expect(columnHints('nik_kepala_kk')).toBe(hintBit('NIK'));
    expect(columnHints('pwd_hash')).toBe(hintBit('PASSWORD'));
  });

  it('splits context bytes into lowercase words without regexes', () => {
    const words = wordsOf(new TextEncoder().encode('No. KK: 3171'), 0, 12);
    expect(words).toEqual(['no', 'kk', '3171']);
    expect(hintsFromWords(words)).toBe(hintBit('KK'));
  });
});
