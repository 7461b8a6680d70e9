// PERSON_NAME: a person's name in a field labelled as one (nama, nama_lengkap, full name…). The
// label found the field; this decides whether the value really is a name: letters, a few words,
// no digits, no placeholder ("-", "NULL", "N/A"). Shared with MOTHER_MAIDEN_NAME.
import { hintBit, type DetectionContext, type FieldDetector, type PiiType, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';

/** Letters (any script), spaces and the punctuation of names and titles: "Dr. Siti Nur'aini, S.Kom." */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .,'’`-]*$/u;
const LETTER = /\p{L}/gu;

/** Why `value` is not a name, or null when it looks like one. */
export function nameProblem(value: string): string | null {
  const name = value.trim();
  if (isPlaceholder(name)) return 'placeholder';
  if (name.length < 2 || name.length > 100) return 'length';
  if (!NAME.test(name)) return 'characters other than letters and name punctuation';
  const letters = name.match(LETTER)?.length ?? 0;
  if (letters < 2) return 'too few letters';
  if (name.split(/\s+/).length > 8) return 'too many words';
  return null;
}

/** Trim, collapse spaces, lowercase: "  BUDI   Santoso " and "Budi Santoso" count once. */
export function normalizeName(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A name detector for `type` (PERSON_NAME, MOTHER_MAIDEN_NAME): same test, its own label. */
export function nameDetector(type: PiiType, rule: string): FieldDetector {
  const bit = hintBit(type);
  return {
    type,
    category: 'general',
    confirmField(value: string, context: DetectionContext): Verdict | null {
      if (!(context.hints & bit) || nameProblem(value) !== null) return null;
      const words = value.trim().split(/\s+/).length;
      // A single word in a name column is still a name (many Indonesians have one), a little less surely.
      const base = context.source === 'column' ? 0.9 : 0.8;
      return { confidence: words > 1 ? base + 0.05 : base, rule, validator: `${words} word(s) of letters; ${type} label` };
    },
    normalizeField: normalizeName,
  };
}

export const personNameDetector: FieldDetector = nameDetector('PERSON_NAME', 'person-name.letters+label');
