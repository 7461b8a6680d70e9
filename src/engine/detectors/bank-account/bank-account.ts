// BANK_ACCOUNT: bank account numbers (nomor rekening). Banks use 8–16 digits with no public
// check digit, so a number counts only under an account label (rekening, no_rek, account number…).
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText, fromFirstDigit } from '../credit-card/digits.js';

const ACCOUNT = hintBit('BANK_ACCOUNT');
/** A number that a phone or card label also claims is more likely that (e.g. "rekening / hp"). */
const COMPETING = hintBit('PHONE') | hintBit('CREDIT_CARD');

export const bankAccountDetector: TokenDetector = {
  type: 'BANK_ACCOUNT',
  category: 'specific',
  tokenKinds: ['number'],
  minDigits: 8,
  maxDigits: 16,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const hints = context.hints, count = token.digitCount;
    if (!(hints & ACCOUNT) || hints & NEGATIVE_HINT || token.plus || count < 8 || count > 16) return null;
    // Dates and amounts in an account column ("2024-01-31", "1.250.000") are not account numbers.
    if (token.groups > 5 || (token.groups === 3 && token.longestGroup <= 4 && count === 8)) return null;
    const validator = `${count} digits; bank account context`;
    let confidence = context.source === 'column' ? 0.9 : 0.85;
    if (hints & COMPETING) confidence -= 0.2;
    return { confidence, rule: 'bank-account.length+context', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & ACCOUNT && !(hints & NEGATIVE_HINT) ? 1 : 0;
  },

  normalize(token: Token): string {
    return digitText(token.digits, token.digitCount);
  },

  keyStart: fromFirstDigit,
};
