import { describe, expect, it } from 'vitest';
import { extractQuantities, parseNumber } from './quantities.js';
import { tokenize } from './tokens.js';

const q = (text: string) => extractQuantities(tokenize(text));

describe('record counts', () => {
  it.each([
    ['data 279 juta penduduk dijual', 279_000_000],
    ['total 1,3 miliar data registrasi', 1_300_000_000],
    ['BPJS KETENAGAKERJAAN INDONESIA 19 MILLION', 19_000_000],
    ['6 juta data pasien dari rumah sakit', 6_000_000],
    ['Indonesian SIM users 1.3M records', 1_300_000],
    ['KPU voters 105M | NIK KK', 105_000_000],
    ['ready 50.000 baris data nasabah', 50_000],
    ['Tokopedia 91M users, sample 1M rows free', 91_000_000],
    ['Dijual 279 juta data penduduk Indonesia', 279_000_000],
  ])('%s → %d', (text, count) => {
    expect(q(text).recordCount).toBe(count);
  });

  it('does not count a sample, a minimum order, a year or a phone number as the offer size', () => {
    expect(q('sampel 1000 baris, min order 20 lembar, update 2024, wa 0812-3345-7781').recordCount).toBeNull();
  });
});

describe('sizes in bytes (decimal units)', () => {
  it.each([
    ['720 GB data pasien', 720e9],
    ['dump 1,2TB of CDR', 1.2e12],
    ['sample 50MB, full 4.2 TB', 4.2e12],
  ])('%s → %d', (text, bytes) => {
    expect(q(text).bytes).toBe(bytes);
  });
});

describe('prices', () => {
  it.each([
    ['dijual seharga 150.000 dolar AS', { amount: 150_000, currency: 'USD', per: 'total' }],
    ['ditawarkan Rp2,15 miliar', { amount: 2_150_000_000, currency: 'IDR', per: 'total' }],
    ['full db $150k escrow', { amount: 150_000, currency: 'USD', per: 'total' }],
    ['asking 0.5 BTC', { amount: 0.5, currency: 'BTC', per: 'total' }],
    ['KTP selfie 5k per lembar', { amount: 5000, currency: 'IDR', per: 'record' }],
    ['ready 500 pcs harga 10rb/pcs', { amount: 10_000, currency: 'IDR', per: 'record' }],
    ['20rb data harga 2jt', { amount: 2_000_000, currency: 'IDR', per: 'total' }],
    ['0,1 BTC atau transfer', { amount: 0.1, currency: 'BTC', per: 'total' }],
  ])('%s', (text, price) => {
    expect(q(text).price).toEqual(price);
  });

  it('keeps salaries and budgets out of the price and the record count', () => {
    expect(q('Lowongan input data, gaji 3 juta per bulan')).toEqual({ recordCount: null, bytes: null, price: null });
  });

  it('tells a price from a count written the same way ("100rb data" vs "750rb")', () => {
    expect(q('1 file 100k data cuma 750rb')).toEqual({ recordCount: 100_000, bytes: null, price: { amount: 750_000, currency: 'IDR', per: 'total' } });
  });
});

describe('parseNumber', () => {
  it('reads Indonesian and English separators', () => {
    expect(parseNumber('1.500.000')).toBe(1_500_000);
    expect(parseNumber('5,000')).toBe(5000);
    expect(parseNumber('1,3')).toBe(1.3);
    expect(parseNumber('0.125')).toBe(0.125);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1.250', true)).toBe(1.25);
  });
});
