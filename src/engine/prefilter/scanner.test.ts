import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEP_DASH, SEP_SPACE } from '../types.js';
import { introducedNames } from '../context/introductions.js';
import { textLabels } from '../context/text-labels.js';
import { MARK_BIRTH, MARK_INTRODUCTION, MARK_LABEL_SEPARATOR, createToken, scanTokens } from './scanner.js';
import { tokenText, tokensOf } from './testing.js';

const texts = (s: string) => tokensOf(s).map((t) => `${t.kind}:${tokenText(t)}`);

describe('prefilter', () => {
  it('finds numbers with the separators people type', () => {
    expect(texts('NIK: 3171100101900001, HP +62 812-3456-7890.')).toEqual(['number:3171100101900001', 'number:+62 812-3456-7890']);
    const [phone] = tokensOf('(0812) 3456 7890');
    expect(phone).toMatchObject({ digitCount: 12, groups: 3, longestGroup: 4, plus: false });
    expect(phone!.separators & SEP_SPACE).toBeTruthy();
    expect(tokensOf('12.345.678.9-012.345')[0]).toMatchObject({ digitCount: 15, groups: 6 });
    expect(tokensOf('0812-3456')[0]!.separators & SEP_DASH).toBeTruthy();
  });

  it('reads "%2B" before digits as the "+" of a query string', () => {
    const [phone] = tokensOf('GET /daftar?hp=%2B6281234567890&x=1');
    expect(phone).toMatchObject({ digitCount: 13, plus: true });
    expect(tokenText(phone!)).toBe('%2B6281234567890');
    expect(tokensOf('id=%2b62812345678')[0]).toMatchObject({ plus: true });
    expect(tokensOf('x %2C6281234567890')[0]).toMatchObject({ plus: false });
  });

  it('keeps digit values in order', () => {
    const [t] = tokensOf('+62 812');
    expect(Array.from(t!.digits.subarray(0, t!.digitCount))).toEqual([6, 2, 8, 1, 2]);
  });

  it('splits two numbers written side by side', () => {
    expect(texts('3171100101900001 081234567890')).toEqual(['number:3171100101900001', 'number:081234567890']);
    expect(texts('"GET /" 081234567890 200 5120')).toEqual(['number:081234567890', 'number:200 5120']);
    expect(texts('NIK 3171014507900003 12 tahun')).toEqual(['number:3171014507900003', 'number:12']);
    expect(texts('+62 812 3456 7890 / 0812 34567890')).toEqual(['number:+62 812 3456 7890', 'number:0812 34567890']);
  });

  it('ignores digits glued to words but lets a short letter prefix through', () => {
    expect(texts('hash 5f4dcc3b5aa765d61d8327deb882cf99 abc1234567890123')).toEqual([]);
    expect(texts('paspor B1234567')).toEqual(['number:1234567']);
  });

  it('finds e-mail addresses and does not offer their digits as numbers', () => {
    expect(texts('kirim ke Budi.Santoso+x@Mail.CO.id ya')).toEqual(['email:Budi.Santoso+x@Mail.CO.id']);
    expect(texts('081234567890@gmail.com')).toEqual(['email:081234567890@gmail.com']);
    expect(texts('a@b, user@localhost')).toEqual([]);
    expect(texts('atau email Ani2902@inbox-nusantara.Com. Makasih')).toEqual(['email:Ani2902@inbox-nusantara.Com']);
  });

  it('finds IPv6 runs and skips the colons of words', () => {
    expect(texts('from 2001:db8::1 port')).toContain('ipv6:2001:db8::1');
    expect(texts('http://x and key:value')).toEqual([]);
  });

  it('property: without numbers it finds exactly the e-mail and IPv6 candidates of a full scan', () => {
    const unit = fc.constantFrom(...'0123456789 -./()+@:abcdefXYZ_\n,;"'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 80 }), (s) => {
      const spans = (tokens: ReturnType<typeof tokensOf>) => tokens.map((t) => `${t.kind}:${t.start}-${t.end}`);
      expect(spans(tokensOf(s, false))).toEqual(spans(tokensOf(s).filter((t) => t.kind !== 'number')));
    }), { numRuns: 2000 });
    expect(texts('order 081234567890@gmail.com 2001:db8::1 3171100101900001')).toContain('number:3171100101900001');
    expect(tokensOf('order 081234567890@gmail.com 2001:db8::1 3171100101900001', false).map((t) => t.kind)).toEqual(['email', 'ipv6']);
  });

  it('never throws and keeps spans inside the input, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -./()+@:abcXYZ_\n,;"'.split('')) }), (s) => {
        const length = new TextEncoder().encode(s).length;
        for (const t of tokensOf(s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(length);
          expect(t.end).toBeGreaterThan(t.start);
        }
      }),
    );
  });

  it('marks the fields that hold a label separator or a self-introduction cue', () => {
    expect(marksOf('Nama: Budi')).toBe(MARK_LABEL_SEPARATOR);
    expect(marksOf('alamat=Jl. Merdeka')).toBe(MARK_LABEL_SEPARATOR);
    expect(marksOf('Halo kak, saya Adi')).toBe(MARK_INTRODUCTION);
    expect(marksOf('Hi, my name is John')).toBe(MARK_INTRODUCTION);
    for (const cue of ['lahir 12 Maret 1985', 'tgl Kelahiran', 'born on', 'DOB 5 Jul']) expect(marksOf(cue), cue).toBe(MARK_BIRTH);
    expect(marksOf('lahirnya pada 12 Maret')).toBe(0);
    // A cue glued after a number inside a word is still a cue for the introduction reader.
    expect(marksOf('Nama1saya Adi Hidayat.', false)).toBe(MARK_INTRODUCTION);
    expect(marksOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe(0);
    expect(marksOf('0812 3456 7890, Jl. Merdeka 5, Surabaya')).toBe(0);
  });

  it('property: a field without a mark holds nothing for the free-text reader that mark gates', () => {
    const word = fc.constantFrom(
      'saya', 'Saya', 'SAYA', 'sayang', 'my', 'MY', 'name', 'is', 'nama', 'bernama', 'Budi', 'Adi', 'Hidayat', 'M.', 'alamat',
      'Nama', 'Adi Hidayat.', 'Rina Lestari dari', 'x@saya', 'a@b.id', '2001:db8::1', '0812', 'B123', 'Win64', '123', ':', '=', '.', ',',
      'é', '\n',
    );
    const gap = fc.constantFrom('', ' ', ' ', ' ', '  ', ',', ':', '=', '.', '@', '1'); // spaces weighted: names need them
    fc.assert(fc.property(fc.array(fc.tuple(word, gap), { maxLength: 12 }), fc.boolean(), (parts, numbers) => {
      const text = parts.map(([w, g]) => w + g).join('');
      const bytes = new TextEncoder().encode(text);
      const marks = marksOf(text, numbers);
      let labels = 0, names = 0;
      textLabels(bytes, 0, bytes.length, -1, () => labels++);
      introducedNames(bytes, 0, bytes.length, () => names++);
      if (labels > 0) expect(marks & MARK_LABEL_SEPARATOR).toBeTruthy();
      if (names > 0) expect(marks & MARK_INTRODUCTION).toBeTruthy();
    }), { numRuns: 2000 });
  });
});

function marksOf(text: string, numbers = true): number {
  const bytes = new TextEncoder().encode(text);
  return scanTokens(bytes, 0, bytes.length, createToken(), () => {}, numbers);
}
