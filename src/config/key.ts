// The project key: one 32-byte secret that keys finding hashes (HMAC-SHA256) and evidence encryption.
// Taken from TELUSUR_KEY (64 hex chars or base64 of 32 bytes) or else from a key file that is
// generated once with mode 0600, so that hashes stay comparable across runs on one installation.
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class KeyError extends Error {
  readonly code = 'KEY_INVALID';
}

export interface KeySource {
  env?: NodeJS.ProcessEnv;
  /** Where a generated key is kept when TELUSUR_KEY is unset. */
  keyFile?: string;
}

export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TELUSUR_KEY_FILE) return env.TELUSUR_KEY_FILE;
  return join(env.TELUSUR_DATA ?? join(process.cwd(), 'data'), 'telusur.key');
}

export function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new KeyError(`${origin}: kunci harus 32 byte (64 hex atau base64) / key must be 32 bytes (64 hex chars or base64)`);
  }
  return key;
}

/** Loads the project key, generating and saving one on first use. */
export function loadProjectKey(source: KeySource = {}): Buffer {
  const env = source.env ?? process.env;
  if (env.TELUSUR_KEY) return parseKey(env.TELUSUR_KEY, 'TELUSUR_KEY');
  const file = source.keyFile ?? defaultKeyFile(env);
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8'), file);
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

/** Derives an independent sub-key per purpose, so finding hashes never reuse the encryption key. */
export function deriveKey(projectKey: Buffer, purpose: 'finding-hash' | 'evidence-encryption' | 'oprf' | string): Buffer {
  return Buffer.from(hkdfSync('sha256', projectKey, Buffer.alloc(0), `telusur:${purpose}`, 32));
}

/** Keyed hash of a normalized value, as written in findings: lowercase hex HMAC-SHA256. */
export function findingHasher(projectKey: Buffer): (normalized: string) => string {
  const key = deriveKey(projectKey, 'finding-hash');
  return (normalized) => createHmac('sha256', key).update(normalized, 'utf8').digest('hex');
}
