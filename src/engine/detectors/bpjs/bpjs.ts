// BPJS: BPJS Kesehatan (JKN-KIS) card numbers, 13 digits and often with leading zeros. No public
// check digit exists, so a 13-digit number counts only under a BPJS label (bpjs, jkn, kis, noka…).
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText, fromFirstDigit } from '../credit-card/digits.js';

const BPJS = hintBit('BPJS');
const CREDIT_CARD = hintBit('CREDIT_CARD');

export const bpjsDetector: TokenDetector = {
  type: 'BPJS',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 13,
  maxDigits: 13,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const hints = context.hints;
    if (!(hints & BPJS) || hints & NEGATIVE_HINT || token.plus || token.digitCount !== 13) return null;
    // Card numbers are printed bare or in 4-4-5 / 4-4-4-1 groups; a long run of small groups is not one.
    if (token.groups > 4) return null;
    const leadingZeros = token.digits[0] === 0 && token.digits[1] === 0;
    // A card label that may name any card ("no kartu"): only the zeros BPJS numbers start with say BPJS.
    if (hints & CREDIT_CARD && !leadingZeros) return null;
    const validator = leadingZeros ? '13 digits with leading zeros; BPJS context' : '13 digits; BPJS context';
    const confidence = context.source === 'column' ? (leadingZeros ? 0.95 : 0.9) : leadingZeros ? 0.9 : 0.85;
    return { confidence, rule: 'bpjs.length+context', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & BPJS && !(hints & NEGATIVE_HINT) ? 1 : 0;
  },

  normalize(token: Token): string {
    return digitText(token.digits, 13);
  },

  keyStart: fromFirstDigit,
};
