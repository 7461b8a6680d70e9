// Facts in a post are found however they are written, and never inside a longer number.
import { describe, expect, it } from 'vitest';
import { highlightFacts } from './highlight.js';

describe('highlightFacts', () => {
  it('marks the victim, the seller and a count written with Indonesian separators', () => {
    const pieces = highlightFacts('Jual data RS Sehat 1.000.000 record, PM Budi_Leaks', { victim: 'RS Sehat', recordCount: 1000000, seller: 'budi_leaks' });
    expect(pieces.filter((p) => p.fact).map((p) => [p.text, p.fact])).toEqual([
      ['RS Sehat', 'victim'],
      ['1.000.000', 'recordCount'],
      ['Budi_Leaks', 'seller'],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('Jual data RS Sehat 1.000.000 record, PM Budi_Leaks');
  });
  it('marks a contact handle and ignores structured facts such as a price object', () => {
    const pieces = highlightFacts('harga 5k per lembar, PM @penjual', { contacts: [{ kind: 'telegram', value: '@penjual' }], price: { amount: 5000, currency: 'IDR', per: 'record' } });
    expect(pieces.filter((p) => p.fact).map((p) => p.text)).toEqual(['@penjual']);
  });
  it('does not mark a number inside a longer number', () => {
    expect(highlightFacts('total 1000 rows', { recordCount: 100 }).some((p) => p.fact)).toBe(false);
  });
  it('keeps markup-looking text as plain text pieces', () => {
    const text = '<img src=x onerror=alert(1)> dump';
    expect(highlightFacts(text, { victim: 'dump' })).toEqual([{ text: '<img src=x onerror=alert(1)> ' }, { text: 'dump', fact: 'victim' }]);
  });
});
