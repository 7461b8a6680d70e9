// KK (Kartu Keluarga, family card number): 16 digits starting with the issuing district's code,
// then (per public sources) an issue date and a family serial. It often passes the NIK checks too,
// so it is context-gated: only a KK label ("No. KK", `no_kk`, "kartu keluarga") makes it a KK.
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { fromFirstDigit } from '../credit-card/digits.js';
import { DistrictVerdict, digitString, districtCode, isKnownDistrict, serialIsValid } from '../nik/structure.js';

const KK = hintBit('KK');

export const kkDetector: TokenDetector = {
  type: 'KK',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 16,
  maxDigits: 16,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const digits = token.digits;
    // Structure first: reading the context is the costly part in free text.
    if (token.plus || !isKnownDistrict(digits) || !serialIsValid(digits) || !(context.hints & KK)) return null;
    const negative = (context.hints & NEGATIVE_HINT) !== 0;
    return new DistrictVerdict(negative ? 0.4 : 0.97, negative ? 'kk.context-negative' : 'kk.context', districtCode(digits), 'serial valid');
  },

  ceiling(hints: LabelHints): number {
    return hints & KK ? (hints & NEGATIVE_HINT ? 0.4 : 1) : 0;
  },

  normalize(token: Token): string {
    return digitString(token.digits, 16);
  },

  keyStart: fromFirstDigit,
};
