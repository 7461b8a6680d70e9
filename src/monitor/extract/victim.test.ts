import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';
import { seedVictimResolver, VictimResolver } from './victim.js';

const seed = (text: string) => seedVictimResolver().resolve(text, tokenize(text))?.name ?? null;

describe('victim resolution against the seed PSE registry', () => {
  it.each([
    ['Data pasien Kemenkes dijual', 'Kementerian Kesehatan'],
    ['BPJS TK 19 MILLION', 'BPJS Ketenagakerjaan'],
    ['bocoran Dukcapil terbaru', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil'],
    ['KPU voters 105M', 'Komisi Pemilihan Umum'],
    ['dump from tokopedia.com users', 'Tokopedia'],
    ['leak of https://www.bpjs-kesehatan.go.id/ portal', 'BPJS Kesehatan'],
    ['BRI Life policy holders', 'BRI Life'],
    ['data nasabah BRI Jatim', 'Bank Rakyat Indonesia'],
  ])('%s → %s', (text, name) => {
    expect(seed(text)).toBe(name);
  });

  it('does not read ordinary words as organizations ("grab it") but knows "Grab"', () => {
    expect(seed('free, grab it before takedown')).toBeNull();
    expect(seed('Grab merchant data 700k')).toBe('Grab');
  });

  it('treats regulators as actors unless data words follow them', () => {
    expect(seed('Kominfo says it is investigating the leak')).toBeNull();
    expect(seed('Kominfo SIM registration dump 1.3B')).toBe('Kementerian Komunikasi dan Digital');
    expect(seed('BSSN berkoordinasi dengan KPU')).toBe('Komisi Pemilihan Umum');
  });
});

describe('a registry passed in (the server organizations table)', () => {
  it('resolves against that registry only', () => {
    const resolver = new VictimResolver([
      { name: 'RS Harapan Sehat', aliases: ['RSHS'], domains: ['rsharapansehat.example'] },
    ]);
    const r = (text: string) => resolver.resolve(text, tokenize(text))?.name ?? null;
    expect(r('data pasien RSHS 20rb')).toBe('RS Harapan Sehat');
    expect(r('portal rsharapansehat.example bocor')).toBe('RS Harapan Sehat');
    expect(r('Kemenkes data')).toBeNull();
  });
});
