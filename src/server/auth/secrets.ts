// Bearer secrets (session ids, CSRF tokens, API tokens): random, shown once, stored only as SHA-256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string | undefined, storedHash: string): boolean {
  if (!secret) return false;
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** API tokens carry a recognisable prefix so secret scanners (and people) can spot a leaked one. */
export const apiTokenPrefix = 'tls_';
