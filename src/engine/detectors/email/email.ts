// EMAIL: addresses the prefilter found around '@'. The local part and the domain are checked
// against the common (dot-atom) syntax, the domain needs a real-looking alphabetic TLD, and
// asset names such as `logo@2x.png` or package pins such as `lodash@4.17.21` are turned away.
import { NEGATIVE_HINT, hintBit, type DetectionContext, type Token, type TokenDetector, type Verdict } from '../../types.js';

const EMAIL = hintBit('EMAIL');
/** File extensions that follow '@' in asset names (retina images, fonts) but are no TLDs in use. */
const fileExtensionList = (['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'css', 'js', 'ts', 'json', 'xml', 'html',
  'htm', 'php', 'txt', 'pdf', 'woff', 'woff2', 'ttf', 'eot', 'map', 'min', 'tar', 'gz', 'zip', 'exe', 'dll', 'jar']);
/** A TLD of up to 5 letters/digits packed base-37 into a number, so the check allocates nothing. */
function packed(bytes: ArrayLike<number>, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]! | 32;
    key = key * 37 + (c >= 97 ? c - 96 : c - 48 + 27);
  }
  return key;
}
const fileExtensions = new Set(fileExtensionList.map((e) => packed(Array.from(e, (c) => c.charCodeAt(0)), 0, e.length)));

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const ascii = new TextDecoder('latin1');
/** RFC 5322 atext: letters, digits and !#$%&'*+/=?^_`{|}~- */
const atext = new Uint8Array(256);
for (let c = 0; c < 256; c++) atext[c] = isAlpha(c) || isDigit(c) ? 1 : 0;
for (const c of "!#$%&'*+/=?^_`{|}~-") atext[c.charCodeAt(0)] = 1;

/** Checks bytes[start, end) as an address; returns the reason it fails, or null when valid. */
export function emailProblem(bytes: Uint8Array, start: number, end: number): string | null {
  if (end - start > 254) return 'too long';
  let at = -1;
  for (let i = start; i < end; i++) {
    if (bytes[i] === 64) {
      if (at >= 0) return 'two @';
      at = i;
    }
  }
  if (at <= start || at - start > 64) return 'local part length';
  for (let i = start; i < at; i++) {
    const c = bytes[i]!;
    if (c === 46) {
      if (i === start || i === at - 1 || bytes[i - 1] === 46) return 'dots in local part';
    } else if (!atext[c]) return 'local part character';
  }
  let labelStart = at + 1, labels = 0, tldStart = -1;
  for (let i = at + 1; i <= end; i++) {
    if (i < end && bytes[i] !== 46) {
      const c = bytes[i]!;
      if (!(isAlpha(c) || isDigit(c) || c === 45)) return 'domain character';
      continue;
    }
    const length = i - labelStart;
    if (length < 1 || length > 63) return 'domain label length';
    if (bytes[labelStart] === 45 || bytes[i - 1] === 45) return 'hyphen at label edge';
    labels++;
    tldStart = labelStart;
    labelStart = i + 1;
  }
  if (labels < 2) return 'no dot in domain';
  const tldLength = end - tldStart;
  if (tldLength < 2 || tldLength > 24) return 'TLD length';
  const punycode = bytes[tldStart] === 120 && bytes[tldStart + 1] === 110 && bytes[tldStart + 2] === 45 && bytes[tldStart + 3] === 45;
  if (!punycode) {
    for (let i = tldStart; i < end; i++) if (!isAlpha(bytes[i]!)) return 'TLD not alphabetic';
    if (tldLength <= 5 && fileExtensions.has(packed(bytes, tldStart, end))) return 'file extension, not a TLD';
  }
  return null;
}

/**
 * An address whose '@' is written %40, as a URL's query string has it (budi.s%2Bpromo%40mail.co.id),
 * percent-decoded; null for one with a plain '@' (taken as written: '%' is a valid local-part
 * character) or with an escape that decodes to no printable ASCII.
 */
export function percentDecodedAddress(bytes: Uint8Array, start: number, end: number): Uint8Array | null {
  if (bytes.subarray(start, end).includes(64)) return null;
  const decoded = new Uint8Array(end - start);
  let length = 0;
  for (let i = start; i < end; i++) {
    let c = bytes[i]!;
    if (c === 37) {
      c = i + 2 < end ? hexValue(bytes[i + 1]!) * 16 + hexValue(bytes[i + 2]!) : -1;
      if (!(c > 32 && c < 127)) return null;
      i += 2;
    }
    decoded[length++] = c;
  }
  return decoded.subarray(0, length);
}

const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1000);

export const emailDetector: TokenDetector = {
  type: 'EMAIL',
  category: 'general',
  tokenKinds: ['email'],

  confirm(token: Token, context: DetectionContext): Verdict | null {
    if (token.kind !== 'email') return null;
    const decoded = percentDecodedAddress(token.bytes, token.start, token.end);
    if ((decoded ? emailProblem(decoded, 0, decoded.length) : emailProblem(token.bytes, token.start, token.end)) !== null) return null;
    const validator = 'local part, domain labels and TLD valid';
    if (context.hints & EMAIL) return { confidence: 0.98, rule: 'email.syntax+context', validator };
    // An address is personal whatever the words around it; "order" context only tempers it a little.
    if (context.hints & NEGATIVE_HINT) return { confidence: 0.85, rule: 'email.syntax-negative-context', validator };
    return { confidence: 0.95, rule: 'email.syntax', validator };
  },

  normalize(token: Token): string {
    // The prefilter only takes ASCII into an address, so a single-byte decode is exact.
    const decoded = percentDecodedAddress(token.bytes, token.start, token.end);
    return ascii.decode(decoded ?? token.bytes.subarray(token.start, token.end)).toLowerCase();
  },

  describe(normalized: string) {
    return { domain: normalized.slice(normalized.indexOf('@') + 1) };
  },
};
