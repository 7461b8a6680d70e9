import { describe, expect, it } from 'vitest';
import { pieceEnd } from './pieces.js';

describe('pieceEnd', () => {
  const bytes = (text: string) => Buffer.from(text);

  it('cuts an over-long record after the last separator before the limit, never inside an identifier', () => {
    expect(pieceEnd(bytes('nama Budi 3271040506925320'), 0, 14)).toBe(10);
    // A query string or a key=value log: no space for a whole record.
    expect(pieceEnd(bytes('nik=3271040506925320&nik=3271040506925321'), 0, 30)).toBe(25);
    expect(pieceEnd(bytes('{"nik":"3271040506925320"}'), 0, 12)).toBe(8);
  });

  it('leaves at most half the piece behind, and cuts at the limit when no separator is near', () => {
    expect(pieceEnd(bytes('a 32710405069253203271040506925321'), 0, 30)).toBe(30);
    expect(pieceEnd(bytes('32710405069253203271040506925321'), 0, 20)).toBe(20);
  });
});
