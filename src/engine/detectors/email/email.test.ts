import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, tokensOf } from '../../prefilter/testing.js';
import { emailDetector, emailProblem, percentDecodedAddress } from './email.js';

const problem = (address: string) => emailProblem(new TextEncoder().encode(address), 0, address.length);
function emailVerdicts(text: string, label: string | null = null) {
  return tokensOf(text).filter((t) => t.kind === 'email').map((t) => ({ verdict: emailDetector.confirm(t, contextFor(label)), value: emailDetector.normalize(t) }));
}

describe('emailProblem', () => {
  it('accepts ordinary addresses', () => {
    for (const a of ['budi.santoso@example.co.id', 'siti_nur+promo@mail.example.com', 'a@b.id', 'x-y@sub-domain.example.org', 'user@example.xn--p1ai']) {
      expect(problem(a), a).toBeNull();
    }
  });

  it('rejects broken syntax, asset names and package pins', () => {
    for (const a of ['.budi@example.com', 'budi.@example.com', 'bu..di@example.com', 'budi@example', 'budi@-example.com', 'budi@example-.com',
      'budi@example.c', 'budi@example.123', 'logo@2x.png', 'lodash@4.17.21', 'a@b@example.com', `${'a'.repeat(65)}@example.com`]) {
      expect(problem(a), a).not.toBeNull();
    }
  });

  it('accepts any well-formed address built from valid parts', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const local = fc.stringMatching(/^[a-z0-9_+]{1,10}(\.[a-z0-9_+]{1,10}){0,2}$/);
    const tld = fc.constantFrom('id', 'com', 'org', 'co', 'net', 'ac', 'sch');
    fc.assert(fc.property(local, label, tld, (l, d, t) => {
      expect(problem(`${l}@${d}.${t}`)).toBeNull();
    }));
  });
});

describe('emailDetector', () => {
  it('finds addresses in text and lowercases them', () => {
    const [found] = emailVerdicts('Hubungi Budi.Santoso@Example.CO.ID segera');
    expect(found!.verdict!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(found!.value).toBe('budi.santoso@example.co.id');
  });

  it('stays personal under order context, only a little less sure', () => {
    const [found] = emailVerdicts('siti@example.com', 'order_id');
    expect(found!.verdict!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(found!.verdict!.confidence).toBeLessThan(emailVerdicts('siti@example.com')[0]!.verdict!.confidence);
  });

  it('is silent on retina asset names', () => {
    expect(emailVerdicts('logo@2x.png icon@3x.jpg').every((f) => f.verdict === null)).toBe(true);
  });

  it('describes the domain', () => {
    expect(emailDetector.describe!('budi@example.co.id', contextFor(null).asOf)).toEqual({ domain: 'example.co.id' });
  });
});

describe('addresses written with %40 (a URL query string)', () => {
  it('finds and decodes them, with the raw bytes as the span', () => {
    const found = emailVerdicts('GET /cek?email=budi.s%40gmail.com&x=1 /b?e=Budi%2Bpromo%40Mail.co.id');
    expect(found.map((f) => [f.value, Boolean(f.verdict)])).toEqual([['budi.s@gmail.com', true], ['budi+promo@mail.co.id', true]]);
    expect(tokensOf('e=budi.s%40gmail.com&').map((t) => [t.kind, t.start, t.end])).toEqual([['email', 2, 20]]);
  });

  it('turns away what is no address once decoded, and leaves a plain @ alone', () => {
    expect(emailVerdicts('size 100%40 items, x%40y, 50%40%, a%40b%00.com').every((f) => f.verdict === null)).toBe(true);
    const plain = new TextEncoder().encode('a%40b@example.com');
    expect(percentDecodedAddress(plain, 0, plain.length)).toBeNull();
    expect(emailVerdicts('a%40b@example.com').map((f) => f.value)).toEqual(['a%40b@example.com']);
  });

  it('decodes to what the address was, for any valid address', () => {
    const local = fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,20}[a-z0-9])?$/).filter((l) => !l.includes('..'));
    fc.assert(fc.property(local, fc.constantFrom('gmail.com', 'mail.co.id', 'x-y.example.org'), (user, domain) => {
      const encoded = `${user.replace(/\+/g, '%2B')}%40${domain}`;
      expect(emailVerdicts(`?email=${encoded}&`).map((f) => f.value)).toEqual([`${user}@${domain}`]);
    }));
  });
});
