// NPWP (Nomor Pokok Wajib Pajak, taxpayer number). Legacy form: 15 digits ST.sss.sss.C-OOO.BBB,
// where C is a Luhn check digit over the first 9 digits, OOO the tax office and BBB the branch.
// Since 2024 the 16-digit form is `0` + the legacy 15, or the holder's NIK: a NIK-form NPWP is
// left to the NIK detector unless the label says NPWP.
import { NEGATIVE_HINT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { digitText, digitValue, fromFirstDigit, groupLengths, hasShape, insideWord, luhnValid } from '../credit-card/digits.js';

const NPWP = hintBit('NPWP');
const OTHER_IDENTIFIER = hintBit('NIK') | hintBit('KK') | hintBit('CREDIT_CARD') | hintBit('BPJS') | hintBit('BANK_ACCOUNT') | hintBit('PHONE');
const LEGACY_SHAPE = [2, 3, 3, 1, 3, 3];
const LONG_SHAPE = [3, 3, 3, 1, 3, 3];
const lengths = new Int32Array(8);

/** NIK province codes: the first two digits of a NIK-form NPWP. */
const provinces = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
  71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

/** True when the 15 legacy digits starting at `from` carry a valid check digit. */
export function legacyNpwpValid(digits: ArrayLike<number>, from: number): boolean {
  return luhnValid(digits, from, 9);
}

/** Placeholder NPWPs ("00.000.000.0-000.000") pass Luhn but name no taxpayer. */
function zeroSerial(d: ArrayLike<number>, from: number): boolean {
  for (let i = from; i < from + 9; i++) if (d[i] !== 0) return false;
  return true;
}

/** A cheap NIK shape check (province, day incl. +40 for women, month) for NIK-form NPWPs. */
function nikShaped(d: ArrayLike<number>): boolean {
  const day = digitValue(d, 6, 2), month = digitValue(d, 8, 2);
  return provinces.has(digitValue(d, 0, 2)) && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
}

export const npwpDetector: TokenDetector = {
  type: 'NPWP',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 15,
  maxDigits: 16,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    const count = token.digitCount, d = token.digits;
    if (token.plus || (count !== 15 && count !== 16) || insideWord(token)) return null;
    const hints = context.hints, named = (hints & NPWP) !== 0;
    let formatted = false;
    if (token.groups > 1) {
      const n = groupLengths(token, lengths);
      formatted = hasShape(lengths, n, count === 15 ? LEGACY_SHAPE : LONG_SHAPE);
      // Other groupings (4-4-4-4 cards, spaced NIKs) are not how an NPWP is written.
      if (!formatted && !named) return null;
    }
    if (count === 16 && d[0] !== 0) {
      if (!named || !nikShaped(d)) return null;
      return { confidence: 0.9, rule: 'npwp.nik-form+context', validator: 'NIK-form NPWP (16 digits); NPWP context' };
    }
    const from = count - 15;
    if (!legacyNpwpValid(d, from) || zeroSerial(d, from)) return null;
    const form = count === 15 ? 'legacy 15-digit' : '16-digit (0 + legacy)';
    const validator = `${form} NPWP; check digit valid (Luhn over 9 digits)`;
    if (named) return { confidence: 0.97, rule: 'npwp.checksum+context', validator };
    if (hints & NEGATIVE_HINT) return { confidence: 0.25, rule: 'npwp.checksum-negative-context', validator };
    if (hints & OTHER_IDENTIFIER) return { confidence: 0.3, rule: 'npwp.checksum-other-context', validator };
    if (formatted) return { confidence: 0.95, rule: 'npwp.format+checksum', validator };
    // A bare 15/16-digit number passes a 9-digit Luhn one time in ten: valid, but weak alone.
    return { confidence: 0.6, rule: 'npwp.checksum', validator };
  },

  ceiling(hints: LabelHints): number {
    return hints & NPWP ? 1 : hints & NEGATIVE_HINT ? 0.25 : hints & OTHER_IDENTIFIER ? 0.3 : 1;
  },

  normalize(token: Token): string {
    return digitText(token.digits, token.digitCount);
  },

  keyStart: fromFirstDigit,

  describe(normalized: string): Record<string, string | boolean> {
    if (normalized.length === 16 && normalized[0] !== '0') return { form: 'nik' };
    const legacy = normalized.slice(-15);
    return { form: normalized.length === 15 ? 'legacy' : 'sixteen', taxOffice: legacy.slice(9, 12), headOffice: legacy.slice(12) === '000' };
  },
};
