import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { hashFormat, passwordDetector } from './password.js';

const verdictOf = (value: string, label: string | null = 'password') => passwordDetector.confirmField(value, contextFor(label));
const BCRYPT = '$2b$12$' + 'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';

describe('passwordDetector', () => {
  it('names hash formats', () => {
    expect(hashFormat(BCRYPT)).toBe('bcrypt');
    expect(hashFormat('$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG')).toBe('argon2');
    expect(hashFormat('$1$saltsalt$qjXMvbEw8oaL.CzflDugX/')).toBe('md5-crypt');
    expect(hashFormat('pbkdf2_sha256$260000$abc123$Zm9vYmFy')).toBe('pbkdf2');
  });

  it('recognizes MD5, SHA-1, SHA-256 and SHA-512 hex digests of any password', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (password) => {
      for (const [algorithm, name] of [['md5', 'MD5'], ['sha1', 'SHA-1'], ['sha256', 'SHA-256'], ['sha512', 'SHA-512']] as const) {
        const digest = createHash(algorithm).update(password).digest('hex');
        expect(hashFormat(digest)).toBe(name);
        expect(hashFormat(digest.toUpperCase())).toBe(name);
        expect(verdictOf(digest)!.rule).toBe('password.hash+label');
      }
    }), { numRuns: 50 });
  });

  it('reports plaintext passwords under a password label with their own rule', () => {
    const verdict = verdictOf('rahasia123')!;
    expect(verdict.rule).toBe('password.plaintext+label');
    expect(verdict.confidence).toBeGreaterThanOrEqual(0.8);
    expect(verdict.validator).not.toContain('rahasia123');
  });

  it('rejects placeholders, masked values and anything without a password label', () => {
    for (const value of ['', '-', 'NULL', '********', 'xxxxxx']) expect(verdictOf(value), value).toBeNull();
    expect(verdictOf(BCRYPT, 'nama')).toBeNull();
  });

  it('lowercases hex digests for counting and keeps everything else exact', () => {
    expect(passwordDetector.normalizeField('5F4DCC3B5AA765D61D8327DEB882CF99')).toBe('5f4dcc3b5aa765d61d8327deb882cf99');
    expect(passwordDetector.normalizeField(' Rahasia123 ')).toBe('Rahasia123');
  });
});
