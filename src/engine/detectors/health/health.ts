// HEALTH: health data under a medical label (diagnosa, hasil_lab, rontgen, icd10…): ICD-10 codes
// such as J18.9, U07.1 or A09 (alone or listed), and diagnosis or lab text. Health data is UU PDP
// specific data, so a labelled medical field counts unless it is empty or a placeholder.
import { hintBit, type DetectionContext, type FieldDetector, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';
import { collapseSpaces, unquote } from '../person-name/person-name.js';

const HEALTH = hintBit('HEALTH');
// ICD-10: a chapter letter, two digits, optionally a dot and 1–4 subdivision characters.
const BLOOD_TYPE = /^(?:A|B|AB|O)\s?(?:[+-]|rh[+-])?$/i;

/** One or more codes separated by blanks , ; or / (the separators never occur inside a code). */
const ICD10_LIST = /^\s*[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?(?:[\s,;/]+[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)*[\s,;/]*$/i;

/** True when every comma/semicolon/space separated part of `value` is an ICD-10 code. */
export function isIcd10List(value: string): boolean {
  return value.length <= 200 && ICD10_LIST.test(value);
}

export const healthDetector: FieldDetector = {
  type: 'HEALTH',
  category: 'specific',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & HEALTH)) return null;
    const text = unquote(value);
    if (isPlaceholder(text) || text.length > 2000) return null;
    const column = context.source === 'column';
    if (isIcd10List(text)) return { confidence: column ? 0.97 : 0.95, rule: 'health.icd10+label', validator: 'ICD-10 code(s); medical label' };
    if (BLOOD_TYPE.test(text)) return { confidence: column ? 0.85 : 0.75, rule: 'health.blood-type+label', validator: 'blood type; medical label' };
    // Text (a diagnosis, a lab result, an X-ray file name) under a medical label.
    if (/\p{L}{2}/u.test(text)) return { confidence: column ? 0.85 : 0.75, rule: 'health.text+label', validator: 'medical text; medical label' };
    // A bare number ("12.5") in a lab column is a result, but alone it says little.
    if (column && /\d/.test(text)) return { confidence: 0.6, rule: 'health.value+label', validator: 'numeric value; medical label' };
    return null;
  },

  normalizeField(value: string): string {
    const text = collapseSpaces(unquote(value));
    return isIcd10List(text) ? text.toUpperCase() : text.toLowerCase();
  },
};
