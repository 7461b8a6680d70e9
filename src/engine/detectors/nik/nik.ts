// NIK (Nomor Induk Kependudukan): 16 digits PP RR DD DDMMYY SSSS. No check digit exists, so the
// region code (current or historical Kemendagri list), the birth date (day + 40 for women) and
// the serial carry the validation, and context words lift or sink the confidence.
import { regionNames } from '../../regions/regions.js';
import { NEGATIVE_HINT, hintBit, type AsOf, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { DistrictVerdict, ageOn, digitString, digitsOf, districtCode, hasBirthDate, isKnownDistrict, nikBirthDate, serialIsValid } from './structure.js';

const NIK = hintBit('NIK');
/** Hints that say the number is some other 16-digit identifier. */
const OTHER_IDENTIFIER = hintBit('KK') | hintBit('NPWP') | hintBit('CREDIT_CARD') | hintBit('BANK_ACCOUNT') | hintBit('BPJS');

export const nikDetector: TokenDetector = {
  type: 'NIK',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 16,
  maxDigits: 16,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const digits = token.digits;
    // A NIK is written bare or in groups of 2/4 digits; "+" or a long run of groups is something else.
    if (token.plus || token.groups > 6) return null;
    if (!isKnownDistrict(digits)) return null;
    if (!hasBirthDate(digits, context.asOf) || !serialIsValid(digits)) return null;
    const { hints } = context;
    let confidence = 0.85;
    let rule = 'nik.structure';
    if (hints & NIK) {
      confidence = 0.99;
      rule = 'nik.structure+context';
    } else if (hints & NEGATIVE_HINT) {
      confidence = 0.3;
      rule = 'nik.structure-negative-context';
    } else if (hints & OTHER_IDENTIFIER) {
      confidence = 0.45;
      rule = 'nik.structure-other-context';
    } else if (token.groups > 1) {
      confidence = 0.75;
    }
    return new DistrictVerdict(confidence, rule, districtCode(digits), 'birth date valid; serial valid');
  },

  ceiling(hints: LabelHints): number {
    return hints & NIK ? 1 : hints & NEGATIVE_HINT ? 0.3 : hints & OTHER_IDENTIFIER ? 0.45 : 1;
  },

  normalize(token: Token): string {
    return digitString(token.digits, 16);
  },

  describe(normalized: string, asOf: AsOf) {
    return describeNik(normalized, asOf);
  },
};

/** What a NIK says about its holder: region names, birth date, gender and age. */
export function describeNik(nik: string, asOf: AsOf): Record<string, string | number | boolean> | null {
  const digits = digitsOf(nik);
  const birth = nikBirthDate(digits, asOf);
  if (!birth) return null;
  const { provinceNames, regencyNames, districtNames } = regionNames();
  const district = districtCode(digits);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    provinceCode: nik.slice(0, 2),
    province: provinceNames.get(Math.floor(district / 10_000)) ?? '',
    regency: regencyNames.get(Math.floor(district / 100)) ?? '',
    district: districtNames.get(district) ?? '',
    birthDate: `${birth.year}-${pad(birth.month)}-${pad(birth.day)}`,
    gender: birth.female ? 'F' : 'M',
    age: ageOn(birth, asOf),
  };
}
