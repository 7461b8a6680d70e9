// PASSPORT: passport numbers under a passport label. Indonesian passports are a letter and 7
// digits (`B 1234567`, `X1234567`); other countries use 1–2 letters and 6–8 digits. The number
// token starts at the first digit, so the letters are read from the bytes just before it.
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText } from '../credit-card/digits.js';

const PASSPORT = hintBit('PASSPORT');
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordByte = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/**
 * The series letters before the number: 1–2 letters directly before it or before one space,
 * standing alone as a word. Returns the offset of the first letter, or -1.
 */
export function seriesStart(bytes: Uint8Array, digitStart: number): number {
  let end = digitStart;
  if (end > 0 && bytes[end - 1] === 32) end--;
  let start = end;
  while (start > 0 && end - start < 3 && isLetter(bytes[start - 1]!)) start--;
  const letters = end - start;
  if (letters < 1 || letters > 2) return -1;
  if (start > 0 && isWordByte(bytes[start - 1]!)) return -1;
  return start;
}

export const passportDetector: TokenDetector = {
  type: 'PASSPORT',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 6,
  maxDigits: 8,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const hints = context.hints, count = token.digitCount;
    if (!(hints & PASSPORT) || hints & NEGATIVE_HINT || token.plus || token.groups !== 1 || count < 6 || count > 8) return null;
    const series = seriesStart(token.bytes, token.start);
    if (series < 0) return null;
    const letters = token.start - series - (token.bytes[token.start - 1] === 32 ? 1 : 0);
    const indonesian = letters === 1 && count === 7;
    const validator = `${letters} letter(s) + ${count} digits${indonesian ? ' (Indonesian format)' : ''}; passport context`;
    return { confidence: indonesian ? 0.95 : 0.85, rule: 'passport.format+context', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & PASSPORT && !(hints & NEGATIVE_HINT) ? 1 : 0;
  },

  normalize(token: Token): string {
    let letters = '';
    const series = seriesStart(token.bytes, token.start);
    if (series >= 0) {
      for (let i = series; i < token.start; i++) if (token.bytes[i] !== 32) letters += String.fromCharCode(token.bytes[i]!);
    }
    return letters.toUpperCase() + digitText(token.digits, token.digitCount);
  },
};
