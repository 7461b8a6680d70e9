// DATE_OF_BIRTH: dates under a birth-date label (tgl_lahir, ttl, dob…). Number tokens such as
// 1990-01-31, 31/01/1990, 31.01.1990 or 19900131, and whole field values such as "12 Januari 1990"
// or "Jakarta, 12-01-1990" (TTL = tempat, tanggal lahir). A date must be real, not after the as-of
// day and at most 120 years before it. Two-digit years are not read: the pivot would be a guess.
import { NEGATIVE_HINT, hintBit, type AsOf, type DetectionContext, type LabelHints, type FieldDetector, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { MONTHS, isBirthDate, isoDate, orderDate } from './calendar.js';

const DOB = hintBit('DATE_OF_BIRTH');
const values = new Int32Array(4), lengths = new Int32Array(4);

/** The date a number token spells (yyyymmdd packed), or -1. Trailing time groups are ignored. */
export function tokenDate(token: Token): number {
  const bytes = token.bytes;
  let groups = 0, value = 0, length = 0, firstSeparator = 0, secondSeparator = 0;
  for (let i = token.start; i <= token.end; i++) {
    const c = i < token.end ? bytes[i]! : 32;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      length++;
      continue;
    }
    if (length === 0) continue; // a leading '(' or '+'
    if (groups >= 4) return -1;
    values[groups] = value;
    lengths[groups] = length;
    groups++;
    if (groups === 1) firstSeparator = c;
    else if (groups === 2) secondSeparator = c;
    value = 0;
    length = 0;
  }
  if (groups === 1) {
    if (lengths[0] !== 8) return -1;
    const v = values[0]!;
    const ymd = orderDate(Math.floor(v / 10000), 4, Math.floor(v / 100) % 100, v % 100, 2);
    return ymd >= 0 ? ymd : orderDate(Math.floor(v / 1000000), 2, Math.floor(v / 10000) % 100, v % 10000, 4);
  }
  // Three groups joined by one separator; a fourth (the hour of a timestamp) only after a space.
  if (groups < 3 || firstSeparator !== secondSeparator || firstSeparator === 32 || firstSeparator === 40 || firstSeparator === 41) return -1;
  if (groups === 4 && token.bytes[token.start + lengths[0]! + lengths[1]! + lengths[2]! + 2] !== 32) return -1;
  return orderDate(values[0]!, lengths[0]!, values[1]!, values[2]!, lengths[2]!);
}

const NUMERIC = /(?<!\d)(\d{1,4})([-/.])(\d{1,2})\2(\d{4}|\d{1,2})(?!\d)/;
const WRITTEN = /(?<!\d)(\d{1,2})[\s.\-/]+([a-z]{3,9})\.?[\s,\-/]+(\d{4})(?!\d)/;
const MONTH_FIRST = /([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/;
const COMPACT = /(?<!\d)(\d{8})(?!\d)/;

/** The date written in a field value (yyyymmdd packed), or -1. */
export function fieldDate(value: string): number {
  if (value.length > 80) return -1;
  const text = value.toLowerCase();
  let m = NUMERIC.exec(text);
  if (m) return orderDate(Number(m[1]), m[1]!.length, Number(m[3]), Number(m[4]), m[4]!.length);
  m = WRITTEN.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!);
    return month ? orderDate(Number(m[1]), m[1]!.length, month, Number(m[3]), 4) : -1;
  }
  m = MONTH_FIRST.exec(text);
  if (m) {
    const month = MONTHS.get(m[1]!);
    return month ? orderDate(Number(m[2]), m[2]!.length, month, Number(m[3]), 4) : -1;
  }
  m = COMPACT.exec(text);
  if (!m) return -1;
  const v = Number(m[1]);
  const ymd = orderDate(Math.floor(v / 10000), 4, Math.floor(v / 100) % 100, v % 100, 2);
  return ymd >= 0 ? ymd : orderDate(Math.floor(v / 1000000), 2, Math.floor(v / 10000) % 100, v % 10000, 4);
}

const packedIso = (ymd: number) => isoDate(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);

function verdictFor(ymd: number, context: DetectionContext, rule: string): Verdict | null {
  if (ymd < 0 || !(context.hints & DOB) || context.hints & NEGATIVE_HINT) return null;
  if (!isBirthDate(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100, context.asOf)) return null;
  return { confidence: context.source === 'column' ? 0.95 : 0.9, rule, validator: `real date, not after ${context.asOf.iso}, age ≤ 120; birth-date context` };
}

export const dateOfBirthDetector: TokenDetector & FieldDetector = {
  type: 'DATE_OF_BIRTH',
  category: 'general',
  tokenKinds: ['number'],
  minDigits: 6,
  maxDigits: 14,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    if (!(context.hints & DOB) || token.plus) return null;
    return verdictFor(tokenDate(token), context, 'date-of-birth.date+context');
  },

  ceiling(hints: LabelHints): number {
    return hints & DOB && !(hints & NEGATIVE_HINT) ? 1 : 0;
  },

  normalize(token: Token): string {
    return packedIso(tokenDate(token));
  },

  /** Age on the as-of day, and whether the holder is a child (under 18): children's data is specific. */
  describe(normalized: string, asOf: AsOf) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(normalized);
    if (!m) return null;
    const month = Number(m[2]), day = Number(m[3]);
    const age = asOf.year - Number(m[1]) - (asOf.month < month || (asOf.month === month && asOf.day < day) ? 1 : 0);
    return { age, minor: age < 18 };
  },

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & DOB)) return null;
    return verdictFor(fieldDate(value), context, 'date-of-birth.field+context');
  },

  normalizeField(value: string): string {
    const ymd = fieldDate(value);
    return ymd >= 0 ? packedIso(ymd) : value.trim().toLowerCase();
  },
};
