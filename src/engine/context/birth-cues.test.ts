import { describe, expect, it } from 'vitest';
import { scanText } from '../index.js';
import { writtenBirthDates } from './birth-cues.js';

const spans = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  const found: string[] = [];
  writtenBirthDates(bytes, 0, bytes.length, (start, end, cue) => found.push(`${cue}:${text.slice(start, end)}`));
  return found;
};

describe('written birth dates after a cue word', () => {
  it('finds a date with a month word after lahir, kelahiran, born or DOB, a place between', () => {
    expect(spans('Saya lahir di Kabupaten Bandung, 5 Juli 1990. NIK saya …')).toEqual(['lahir:5 Juli 1990']);
    expect(spans('tanggal kelahiran 12 Maret 1985')).toEqual(['kelahiran:12 Maret 1985']);
    expect(spans('born on March 12th, 1985; DOB 5-Jul-1990')).toEqual(['born:March 12th, 1985', 'dob:5-Jul-1990']);
  });

  it('needs a whole cue word, a real month word, a four-digit year, and the date near the cue on its line', () => {
    expect(spans('dilahirkan 12 Maret 1985')).toEqual([]);
    expect(spans('lahir 3 anak tahun 2020, lahir 12 Marsupial 1985')).toEqual([]);
    expect(spans(`lahir ${'x'.repeat(60)} 12 Maret 1985`)).toEqual([]);
    expect(spans('lahir\n12 Maret 1985')).toEqual([]);
  });

  it('reports the date as a DATE_OF_BIRTH finding with the cue as its context, and only a possible birth date', () => {
    const text = 'Halo, saya lahir di Bandung, 12 Maret 1985 dan anak saya lahir 1 Januari 2030.';
    const found = scanText(text, { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value, text.slice(f.offset, f.offset + f.length)])).toEqual([['DATE_OF_BIRTH', '1985-03-12', '12 Maret 1985']]);
  });
});
