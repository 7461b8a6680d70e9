import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { scanText } from '../../index.js';
import { collapseSpaces, nameEnd, nameProblem, personNameDetector, wordCount } from './person-name.js';

const verdictOf = (value: string, label: string | null = 'nama_lengkap', source?: 'column' | 'text') =>
  personNameDetector.confirmField(value, contextFor(label, undefined, source ?? (label ? 'column' : 'none')));

describe('personNameDetector', () => {
  it('accepts names with titles, apostrophes and non-ASCII letters', () => {
    for (const name of ['Budi Santoso', "Siti Nur'aini", 'Dr. Andi Wijaya, S.Kom.', 'Ni Luh Putu Ayu', 'Sukarno', 'Zoë Tan', 'I Gede Made-Adi']) {
      expect(nameProblem(name), name).toBeNull();
      expect(verdictOf(name)!.confidence).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('is a little less sure of a single name and of text labels', () => {
    expect(verdictOf('Sukarno')!.confidence).toBeLessThan(verdictOf('Budi Santoso')!.confidence);
    expect(verdictOf('Budi Santoso', 'nama', 'text')!.confidence).toBeLessThan(verdictOf('Budi Santoso', 'nama', 'column')!.confidence);
  });

  it('rejects placeholders, numbers, e-mails and sentences', () => {
    for (const value of ['-', 'NULL', 'N/A', '', 'Budi123', '081234567890', 'budi@example.com', 'B', 'a b c d e f g h i j', '<script>']) {
      expect(verdictOf(value), value).toBeNull();
    }
  });

  it('turns away login names from user-name columns', () => {
    for (const value of ['eko.anggraini', 'budi_santoso', 'siti.nur.aini']) expect(verdictOf(value, 'user_name'), value).toBeNull();
  });

  it('reads quoted values such as nama="Budi Santoso" in logs', () => {
    expect(verdictOf('"Eko Putri Anggraini"')).not.toBeNull();
    expect(personNameDetector.normalizeField('"Eko Putri Anggraini"')).toBe('eko putri anggraini');
  });

  it('needs a name label', () => {
    expect(verdictOf('Budi Santoso', null)).toBeNull();
    expect(verdictOf('Budi Santoso', 'alamat')).toBeNull();
  });

  it('normalizes case and spacing so one person counts once', () => {
    expect(personNameDetector.normalizeField('  BUDI   Santoso ')).toBe('budi santoso');
  });
});

describe('wordCount', () => {
  it('property: counts as text.split(/\\s+/).length does, without building the parts', () => {
    const unit = fc.constantFrom('a', 'é', '1', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '.');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
      expect(wordCount(text)).toBe(text.split(/\s+/).length);
    }), { numRuns: 1000 });
  });
});

describe('collapseSpaces', () => {
  it('property: turns every run of blanks into one space, as /\\s+/g would, and copies nothing without one', () => {
    const unit = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', 'é', '.');
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
      const text = units.join('');
      expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
    }), { numRuns: 3000 });
  });
});

describe('nameEnd', () => {
  const end = (value: string) => value.slice(0, nameEnd(Buffer.from(value), 0, value.length));

  it('ends a name in free text at a comma, unless only degrees and titles follow', () => {
    expect(end('Siti Aminah, umur 30')).toBe('Siti Aminah');
    expect(end('Siti Aminah, alamat Jl. Melati 5')).toBe('Siti Aminah');
    expect(end('Andi, Jakarta')).toBe('Andi');
    expect(end('Siti Aminah,')).toBe('Siti Aminah');
    expect(end('Dr. Budi, SH, umur 40')).toBe('Dr. Budi');
    expect(end('Budi Santoso, S.Kom., M.M.')).toBe('Budi Santoso, S.Kom., M.M.');
    expect(end('Budi Santoso, SH, MBA')).toBe('Budi Santoso, SH, MBA');
    expect(end('Budi Santoso')).toBe('Budi Santoso');
  });

  it('lets the rest of a line after a name hold other data: "Nama: X, NIK …" finds both', () => {
    const found = scanText('Nama: Siti Aminah, NIK 3171014101900005\nNama: Budi, umur 30', { asOf: '2026-11-23' });
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['NIK', '3171014101900005'],
      ['PERSON_NAME', 'siti aminah'],
      ['PERSON_NAME', 'budi'],
    ]);
    expect(found[1]).toMatchObject({ offset: 6, length: 11 });
  });

  it('never ends a value later than it was, nor before its start', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '.', '1') }), (value) => {
      const at = nameEnd(Buffer.from(value), 0, value.length);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThanOrEqual(value.length);
      if (at < value.length) expect(value[at]).toBe(',');
    }));
  });
});
