import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { introducedNames } from './introductions.js';

function names(text: string): string[][] {
  const bytes = new TextEncoder().encode(text);
  const found: string[][] = [];
  introducedNames(bytes, 0, bytes.length, (start, end, cue) => found.push([text.slice(start, end), cue]));
  return found;
}

describe('introducedNames', () => {
  it('finds a full name after "saya", ended by the sentence or a lowercase word', () => {
    expect(names('Halo kak, saya Adi Hidayat. Ini data saya ya')).toEqual([['Adi Hidayat', 'saya']]);
    expect(names('Saya Rina Lestari dari Bogor mau komplain')).toEqual([['Rina Lestari', 'saya']]);
    expect(names('saya M. Rizki Pratama, NIK terlampir')).toEqual([['M. Rizki Pratama', 'saya']]);
    expect(names("saya bernama Siti Nur'aini")).toEqual([["Siti Nur'aini", 'saya']]);
  });

  it('takes a single name after "nama saya" and "my name is"', () => {
    expect(names('nama saya Budi, dari Bandung')).toEqual([['Budi', 'nama saya']]);
    expect(names('Nama saya: Dewi')).toEqual([['Dewi', 'nama saya']]);
    expect(names('Hi, my name is John Smith and I live in Jakarta')).toEqual([['John Smith', 'my name is']]);
  });

  it('leaves posts written in Title Case, capitals and lowercase alone', () => {
    expect(names('Saya Jual Data KTP Fresh')).toEqual([]);
    expect(names('Salam, saya Tim Support Telkomsel.')).toEqual([]);
    expect(names('Saya Sudah Transfer Kak')).toEqual([]);
    expect(names('SAYA ANDI SAPUTRA')).toEqual([]);
    expect(names('saya andi saputra')).toEqual([]);
    expect(names('saya Budi.')).toEqual([]); // one word after a bare "saya" may be anything
    expect(names('Menurut saya Harga Tiket Pesawat Terlalu Mahal')).toEqual([]); // five words: a headline
    expect(names('Saya Andi Saputra Jual')).toEqual([]); // the name runs into more Title Case
    expect(names('kasaya Andi Saputra.')).toEqual([]);
  });

  it('property: spans lie inside the text and start with a capital; text without a cue gives none', () => {
    const word = fc.constantFrom('saya', 'Saya', 'nama', 'my name is', 'Adi', 'Hidayat', 'M.', 'jual', 'Jual', 'BUDI', ',', '.', 'x');
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), fc.string({ maxLength: 8 }), (words, noise) => {
      const text = `${noise} ${words.join(' ')} ${noise}`;
      for (const [name] of names(text)) {
        expect(text.includes(name!)).toBe(true);
        expect(name![0]).toMatch(/[A-Z]/);
      }
      if (!/saya|my name is/i.test(text)) expect(names(text)).toEqual([]);
    }));
  });
});
