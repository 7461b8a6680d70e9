// PASSWORD: credentials under a password label: crypt-style hashes (bcrypt, argon2, sha-crypt,
// md5-crypt, Django PBKDF2), bare MD5/SHA-1/SHA-256/SHA-512 hex digests, and plaintext. Plaintext
// is reported too, with its own rule, because a leaked plaintext password is the worst case.
import { hintBit, type DetectionContext, type FieldDetector, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';
import { wordCount } from '../person-name/person-name.js';

const PASSWORD = hintBit('PASSWORD');

const formats: ReadonlyArray<readonly [string, RegExp]> = [
  ['bcrypt', /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/],
  ['argon2', /^\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/],
  ['sha-crypt', /^\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/],
  ['md5-crypt', /^\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/],
  ['pbkdf2', /^pbkdf2_sha(?:1|256|512)\$\d+\$[A-Za-z0-9./+]+\$[A-Za-z0-9+/=]+$/],
];
const hexLengths = new Map([[32, 'MD5'], [40, 'SHA-1'], [56, 'SHA-224'], [64, 'SHA-256'], [96, 'SHA-384'], [128, 'SHA-512']]);
const HEX = /^(?:[0-9a-f]+|[0-9A-F]+)$/;

/** The hash format of a password value ('bcrypt', 'SHA-256'…), or null for anything else. */
export function hashFormat(value: string): string | null {
  for (const [name, pattern] of formats) if (pattern.test(value)) return name;
  const hex = hexLengths.get(value.length);
  return hex && HEX.test(value) ? hex : null;
}

export const passwordDetector: FieldDetector = {
  type: 'PASSWORD',
  category: 'general',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & PASSWORD)) return null;
    const text = value.trim();
    if (text.length === 0 || text.length > 256 || isPlaceholder(text)) return null;
    const format = hashFormat(text);
    const column = context.source === 'column';
    if (format) return { confidence: column ? 0.97 : 0.92, rule: 'password.hash+label', validator: `${format} hash; password label` };
    // Text with spaces beyond a few words is a note or a question, not a password.
    if (wordCount(text) > 3) return null;
    return { confidence: column ? 0.9 : 0.8, rule: 'password.plaintext+label', validator: 'plaintext password (not hashed); password label' };
  },

  normalizeField(value: string): string {
    const text = value.trim();
    // Hex digests are case-insensitive; everything else (crypt strings, plaintext) is kept exact.
    return hexLengths.has(text.length) && HEX.test(text) ? text.toLowerCase() : text;
  },

  // "password=rahasia123 ok" in a log line: a password in running text ends at the first space.
  textValueEnd(bytes: Uint8Array, start: number, end: number): number {
    for (let i = start; i < end; i++) if (bytes[i] === 32) return i;
    return end;
  },
};
