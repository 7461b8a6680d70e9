// PHONE: Indonesian mobile numbers in every common shape (0812…, +62 812…, 62812…, (0812) 3456-7890).
// Landlines and toll-free numbers are not reported. A digit-level pre-check runs first; the
// libphonenumber-js verdict (mobile metadata) depends only on the prefix and length of the national
// number for Indonesia, so it is asked once per (prefix, length) and remembered.
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText, digitValue, insideWord } from '../credit-card/digits.js';

const PHONE = hintBit('PHONE');
const OTHER_IDENTIFIER = hintBit('NIK') | hintBit('KK') | hintBit('NPWP') | hintBit('CREDIT_CARD') | hintBit('BPJS') | hintBit('BANK_ACCOUNT');

const operators: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['Telkomsel', [811, 812, 813, 821, 822, 823, 851, 852, 853]],
  ['Indosat', [814, 815, 816, 855, 856, 857, 858]],
  ['XL', [817, 818, 819, 859, 877, 878]],
  ['Tri', [895, 896, 897, 898, 899]],
  ['Smartfren', [881, 882, 883, 884, 885, 886, 887, 888, 889]],
  ['Axis', [831, 832, 833, 838]],
];
const operatorByPrefix = new Map<number, string>();
for (const [name, prefixes] of operators) for (const p of prefixes) operatorByPrefix.set(p, name);

/** The mobile operator of a national number's 3-digit prefix (8xx), or null. */
export function operatorOf(prefix: number): string | null {
  return operatorByPrefix.get(prefix) ?? null;
}

/** Where the national number starts (after +62, 62, 0062 or the 0 trunk prefix), or -1. */
export function nationalStart(d: ArrayLike<number>, count: number, plus: boolean): number {
  if (d[0] === 6 && d[1] === 2) return 2;
  if (plus) return -1;
  if (d[0] === 0 && d[1] === 0 && d[2] === 6 && d[3] === 2) return 4;
  if (d[0] === 0) return 1;
  return count > 0 && d[0] === 8 ? 0 : -1;
}

/** Where a confirmed number's national digits start: "+62" and they are its E.164 form. */
function nationalDigitsStart(token: Token): number {
  return Math.max(nationalStart(token.digits, token.digitCount, token.plus), 0);
}

/** "INV/20190718/MPL/0892537543", "ORD_0812…": digits glued by / _ # to a word are an id's tail. */
function partOfIdentifier(token: Token): boolean {
  const at = token.start, bytes = token.bytes;
  if (at < 2) return false;
  const glue = bytes[at - 1]!, before = bytes[at - 2]! | 32;
  return (glue === 47 || glue === 95 || glue === 35) && ((before >= 97 && before <= 122) || (before >= 48 && before <= 57));
}

/** Per (prefix, length): the validator text when libphonenumber-js accepts the number, else null. */
const verdicts = new Map<number, string | null>();
/** libphonenumber-js's verdict for +62 numbers with this national prefix (3 digits) and length. */
function acceptedMobile(d: ArrayLike<number>, from: number, length: number): string | null {
  const prefix = digitValue(d, from, 3);
  const key = prefix * 100 + length;
  let validator = verdicts.get(key);
  if (validator === undefined) {
    // A representative number: the prefix padded with 5s (any digits give the same verdict).
    const parsed = parsePhoneNumberFromString(`+62${String(prefix).padEnd(length, '5')}`);
    validator = parsed?.isValid() ? `Indonesian mobile, ${length + 1} digits; ${operatorOf(prefix) ?? 'unknown operator'}` : null;
    verdicts.set(key, validator);
  }
  return validator;
}

/** True when libphonenumber-js itself (not the memo) validates the full number; used by tests. */
export function libraryValidates(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.isValid() === true;
}

export const phoneDetector: TokenDetector = {
  type: 'PHONE',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 9,
  maxDigits: 16,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const d = token.digits, count = token.digitCount;
    const from = nationalStart(d, count, token.plus);
    if (from < 0 || insideWord(token)) return null;
    const length = count - from;
    // Landlines, toll-free and service numbers are no personal mobiles: the issue and the eval's
    // ground truth count them as hard negatives even under a phone label.
    if (d[from] !== 8 || length < 9 || length > 12) return null;
    // Context last: in free text, reading the words before a number costs more than these checks.
    const hints = context.hints, named = (hints & PHONE) !== 0;
    // Without a trunk or country prefix a number is only a phone under a phone label (Excel drops the 0).
    if (!named && (from === 0 || partOfIdentifier(token))) return null;
    const validator = acceptedMobile(d, from, length);
    if (validator === null) return null;
    if (named) return { confidence: 0.97, rule: 'phone.mobile+context', validator };
    if (hints & NEGATIVE_HINT) return { confidence: 0.3, rule: 'phone.mobile-negative-context', validator };
    if (hints & OTHER_IDENTIFIER) return { confidence: 0.4, rule: 'phone.mobile-other-context', validator };
    // "62812…" without "+" is also how long ids start; "+62" or "08" is unmistakable.
    const base = from === 2 && !token.plus ? 0.75 : operatorOf(digitValue(d, from, 3)) ? 0.92 : 0.85;
    return { confidence: base, rule: 'phone.mobile', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & PHONE ? 1 : hints & NEGATIVE_HINT ? 0.3 : hints & OTHER_IDENTIFIER ? 0.4 : 1;
  },

  normalize(token: Token): string {
    return digitText(token.digits, token.digitCount, nationalDigitsStart(token), '+62');
  },

  keyStart: nationalDigitsStart,

  describe(normalized: string): Record<string, string | boolean> {
    const national = normalized.slice(3);
    const operator = operatorOf(Number(national.slice(0, 3)));
    return operator ? { kind: 'mobile', operator } : { kind: 'mobile' };
  },
};
