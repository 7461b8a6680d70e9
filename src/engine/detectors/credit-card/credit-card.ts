// CREDIT_CARD: payment card numbers (PAN). A number is a card when it passes Luhn and its prefix
// and length match an issuer. 16-digit NIKs starting 51–53 or 35/36/62/64/65 look like Mastercard,
// JCB, Diners, UnionPay or Discover numbers and one in ten passes Luhn, so without card context
// such numbers stay below a validated NIK's confidence (0.85) unless written in card groups.
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText, digitValue, fromFirstDigit, groupLengths, hasShape, insideWord, luhnValid } from './digits.js';

interface Issuer {
  readonly name: string;
  /** Inclusive range of the prefix of `digits` digits. */
  readonly digits: number;
  readonly low: number;
  readonly high: number;
  readonly lengths: readonly number[];
}

const issuers: readonly Issuer[] = [
  { name: 'Visa', digits: 1, low: 4, high: 4, lengths: [13, 16, 19] },
  { name: 'Mastercard', digits: 2, low: 51, high: 55, lengths: [16] },
  { name: 'Mastercard', digits: 4, low: 2221, high: 2720, lengths: [16] },
  { name: 'American Express', digits: 2, low: 34, high: 34, lengths: [15] },
  { name: 'American Express', digits: 2, low: 37, high: 37, lengths: [15] },
  { name: 'JCB', digits: 4, low: 3528, high: 3589, lengths: [16, 17, 18, 19] },
  { name: 'Discover', digits: 4, low: 6011, high: 6011, lengths: [16, 19] },
  { name: 'Discover', digits: 3, low: 644, high: 649, lengths: [16, 19] },
  { name: 'Discover', digits: 2, low: 65, high: 65, lengths: [16, 19] },
  { name: 'UnionPay', digits: 2, low: 62, high: 62, lengths: [16, 17, 18, 19] },
  { name: 'Diners Club', digits: 3, low: 300, high: 305, lengths: [14, 16] },
  { name: 'Diners Club', digits: 2, low: 36, high: 36, lengths: [14] },
  { name: 'Diners Club', digits: 2, low: 38, high: 39, lengths: [14, 16] },
  // GPN (Gerbang Pembayaran Nasional): Indonesian domestic debit cards, IIN range 9360.
  { name: 'GPN', digits: 4, low: 9360, high: 9360, lengths: [16, 18, 19] },
];

/** First two digits of NIK province codes: a 16-digit card with these could be a NIK. */
const nikProvinces = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
  71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

const CARD = hintBit('CREDIT_CARD');
const OTHER_IDENTIFIER = hintBit('NIK') | hintBit('KK') | hintBit('NPWP') | hintBit('BPJS') | hintBit('BANK_ACCOUNT') | hintBit('PHONE');
const lengths = new Int32Array(8);

/** Issuers by the first two digits, so most numbers (NIKs among them) are turned away by one lookup. */
const byPrefix: Issuer[][] = Array.from({ length: 100 }, (_, two) =>
  issuers.filter((i) => {
    const scale = 10 ** Math.max(i.digits - 2, 0), shift = 10 ** Math.max(2 - i.digits, 0);
    const low = Math.floor(i.low / scale) * shift, high = Math.floor(i.high / scale) * shift + shift - 1;
    return two >= low && two <= high;
  }));

export function cardIssuer(digits: ArrayLike<number>, count: number): string | null {
  for (const issuer of byPrefix[digits[0]! * 10 + digits[1]!]!) {
    if (count < issuer.digits) continue;
    const prefix = digitValue(digits, 0, issuer.digits);
    if (prefix >= issuer.low && prefix <= issuer.high && issuer.lengths.includes(count)) return issuer.name;
  }
  return null;
}

/** Card numbers are written bare or in groups of 4 (Amex 4-6-5, Diners 4-6-4). */
function cardGrouping(token: Token): 'bare' | 'card' | 'other' {
  if (token.groups === 1) return 'bare';
  const n = groupLengths(token, lengths);
  const count = token.digitCount;
  if (count % 4 === 0 || count === 19) {
    let ok = true;
    for (let i = 0; i < n; i++) if (lengths[i] !== (i === n - 1 && count === 19 ? 3 : 4)) ok = false;
    if (ok) return 'card';
  }
  return hasShape(lengths, n, [4, 6, 5]) || hasShape(lengths, n, [4, 6, 4]) ? 'card' : 'other';
}

export const creditCardDetector: TokenDetector = {
  type: 'CREDIT_CARD',
  category: 'specific',
  tokenKinds: ['number'],
  minDigits: 13,
  maxDigits: 19,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const count = token.digitCount;
    if (token.plus || count < 13 || count > 19 || insideWord(token)) return null;
    const issuer = cardIssuer(token.digits, count);
    if (!issuer || !luhnValid(token.digits, 0, count)) return null;
    const grouping = cardGrouping(token);
    if (grouping === 'other') return null;
    const validator = `Luhn valid; ${issuer} prefix and length (${count} digits)`;
    const hints = context.hints;
    if (hints & CARD) return { confidence: 0.97, rule: 'credit-card.luhn+context', validator };
    if (hints & NEGATIVE_HINT) return { confidence: 0.3, rule: 'credit-card.luhn-negative-context', validator };
    if (hints & OTHER_IDENTIFIER) return { confidence: 0.3, rule: 'credit-card.luhn-other-context', validator };
    if (grouping === 'card') return { confidence: 0.9, rule: 'credit-card.luhn+grouping', validator };
    const nikLike = count === 16 && nikProvinces.has(digitValue(token.digits, 0, 2));
    if (nikLike) return { confidence: 0.6, rule: 'credit-card.luhn-nik-shaped', validator };
    // 13-digit Visa numbers have not been issued for decades; bank accounts of that length have.
    if (count === 13) return { confidence: 0.55, rule: 'credit-card.luhn-legacy-length', validator };
    return { confidence: 0.8, rule: 'credit-card.luhn', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & CARD ? 1 : hints & (NEGATIVE_HINT | OTHER_IDENTIFIER) ? 0.3 : 1;
  },

  normalize(token: Token): string {
    return digitText(token.digits, Math.min(token.digitCount, 19));
  },

  keyStart: fromFirstDigit,

  describe(normalized: string) {
    const digits = Array.from(normalized, (c) => c.charCodeAt(0) - 48);
    const issuer = cardIssuer(digits, digits.length);
    return issuer ? { issuer } : null;
  },
};
