import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_HINT, hintBit } from '../types.js';
import { columnHints, hintsFromWords, hintsOfBytes, wordsOf } from './labels.js';
import { CONTEXT_PHRASES } from './vocabulary.js';

describe('label hints', () => {
  it('reads column names in snake case, camel case and paths; the phrase nearest the end decides', () => {
    expect(columnHints('no_kk')).toBe(hintBit('KK'));
    expect(columnHints('noKK')).toBe(hintBit('KK'));
    expect(columnHints('pasien[].nama_ibu_kandung')).toBe(hintBit('MOTHER_MAIDEN_NAME'));
    expect(columnHints('nama_lengkap')).toBe(hintBit('PERSON_NAME'));
    expect(columnHints('tgl_lahir')).toBe(hintBit('DATE_OF_BIRTH'));
    // Dukcapil's SIAK export columns.
    expect(columnHints('NAMA_LGKP_IBU')).toBe(hintBit('MOTHER_MAIDEN_NAME'));
    expect(columnHints('NAMA_LGKP_AYAH')).toBe(hintBit('PERSON_NAME'));
    expect(columnHints('NAMA_LGKP')).toBe(hintBit('PERSON_NAME'));
    for (const name of ['NM_PESERTA', 'NM_PASIEN', 'nmLengkap']) expect(columnHints(name), name).toBe(hintBit('PERSON_NAME'));
    expect(columnHints('NM_IBU_KANDUNG')).toBe(hintBit('MOTHER_MAIDEN_NAME'));
    expect(columnHints('ALMT')).toBe(hintBit('ADDRESS'));
    for (const name of ['emailAddress', 'E-mail Address', 'mail_address']) expect(columnHints(name), name).toBe(hintBit('EMAIL'));
    for (const name of ['gejala', 'komorbid', 'jenis_vaksin', 'alergi_obat', 'tekanan_darah']) expect(columnHints(name), name).toBe(hintBit('HEALTH'));
    expect(columnHints('TGL_LHR')).toBe(hintBit('DATE_OF_BIRTH'));
    expect(columnHints('GOL_DRH')).toBe(hintBit('HEALTH'));
    expect(columnHints('gol_darah')).toBe(hintBit('HEALTH'));
    expect(columnHints('data[].idCardNumber')).toBe(hintBit('NIK'));
    expect(columnHints('cardNumber')).toBe(hintBit('CREDIT_CARD'));
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

  it('reads hints straight from bytes exactly as from the words, whatever the text', () => {
    const vocabulary = [...new Set(CONTEXT_PHRASES.flatMap((p) => p.words.split(' ')))];
    const piece = fc.oneof(
      fc.constantFrom(...vocabulary).map((w) => (w.length % 2 ? w.toUpperCase() : w)),
      fc.constantFrom(' ', '. ', ': ', '_', '-', '\n', '3171', 'é', 'x'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(8), (pieces, skip) => {
        const bytes = new TextEncoder().encode(pieces.join(''));
        const from = Math.min(skip, bytes.length);
        expect(hintsOfBytes(bytes, from, bytes.length)).toBe(hintsFromWords(wordsOf(bytes, from, bytes.length)));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the phrase nearest the end from bytes: "No. KK", "nama ibu kandung", "order id"', () => {
    const hints = (text: string) => hintsOfBytes(new TextEncoder().encode(text), 0, text.length);
    expect(hints('Data warga No. KK: ')).toBe(hintBit('KK'));
    expect(hints('NAMA IBU KANDUNG')).toBe(hintBit('MOTHER_MAIDEN_NAME'));
    expect(hints('nik 3171 order id')).toBe(NEGATIVE_HINT);
    expect(hints('keterangan lain')).toBe(0);
  });
});
