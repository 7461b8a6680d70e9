// Facts in the monitor's contract read as a person expects, in both languages.
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../i18n/messages.js';
import { factText, formatDecimalBytes, presentFacts } from './facts.js';

const text = (locale: Locale, name: string, value: unknown) => factText(name, value, locale, (key, values) => translate(locale, key, values));

describe('alert facts', () => {
  it('reads a price per record and a total price', () => {
    expect(text('id', 'price', { amount: 5000, currency: 'IDR', per: 'record' })).toBe('5.000 IDR per rekaman');
    expect(text('en', 'price', { amount: 2, currency: 'BTC', per: 'total' })).toBe('2 BTC in total');
  });
  it('reads sizes in decimal units and counts with dots', () => {
    expect(formatDecimalBytes(720_000_000_000)).toBe('720 GB');
    expect(text('id', 'bytes', 1_500_000)).toBe('1,5 MB');
    expect(text('id', 'recordCount', 19_000_000)).toBe('19.000.000');
  });
  it('names data types, contacts and masked personal data', () => {
    expect(text('en', 'dataTypes', ['NIK', 'SELFIE_KTP'])).toBe('NIK, Selfie holding a KTP');
    expect(text('id', 'contacts', [{ kind: 'telegram', value: '@penjual' }])).toBe('telegram: @penjual');
    expect(text('id', 'pii', [{ type: 'NIK', count: 2, masked: ['3201********0001'] }])).toBe('NIK ×2 (3201********0001)');
  });
  it('leaves out empty facts', () => {
    expect(presentFacts({ victim: null, seller: '', contacts: [], recordCount: 5 })).toEqual([['recordCount', 5]]);
  });
});
