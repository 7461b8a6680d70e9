// RELIGION: religion (agama) from the closed list on the KTP, in Indonesian and English and any
// case, under a religion label. Normalized to the KTP term so "Moslem" and "ISLAM" count once.
import { hintBit, type DetectionContext, type FieldDetector, type Verdict } from '../../types.js';

const RELIGION = hintBit('RELIGION');

const spellings: Record<string, readonly string[]> = {
  islam: ['islam', 'muslim', 'moslem', 'muslimah'],
  kristen: ['kristen', 'kristen protestan', 'protestan', 'protestant', 'christian', 'christianity', 'kristiani', 'nasrani'],
  katolik: ['katolik', 'katholik', 'kristen katolik', 'katolik roma', 'catholic', 'roman catholic', 'catholicism'],
  hindu: ['hindu', 'hinduism', 'hindu dharma'],
  buddha: ['buddha', 'budha', 'budda', 'buddhis', 'buddhist', 'buddhism', 'budhis'],
  konghucu: ['konghucu', 'khonghucu', 'kong hu cu', 'khong hu cu', 'konghuchu', 'confucian', 'confucianism'],
  kepercayaan: ['kepercayaan', 'kepercayaan terhadap tuhan yme', 'kepercayaan terhadap tuhan yang maha esa', 'penghayat kepercayaan',
    'aliran kepercayaan', 'penghayat'],
};
const canonical = new Map<string, string>();
/** The spellings as dumps write them (lower, UPPER, Title Case): most values need no normalizing. */
const exact = new Map<string, string>();
const title = (s: string) => s.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
for (const [term, list] of Object.entries(spellings)) {
  for (const s of list) {
    canonical.set(s, term);
    for (const form of [s, s.toUpperCase(), title(s)]) exact.set(form, term);
  }
}

/** The KTP term for a religion value ("ISLAM", "Protestant" → "islam", "kristen"), or null. */
export function religionTerm(value: string): string | null {
  if (value.length > 60) return null;
  const direct = exact.get(value);
  if (direct) return direct;
  const key = value.trim().toLowerCase().replace(/["'.]/g, '').replace(/\s+/g, ' ');
  return canonical.get(key) ?? null;
}

/**
 * Population-register exports (Dukcapil SIAK, and Dapodik after it) code AGAMA as a number in this
 * order. Read only in a religion column: a digit in running text after "agama" may be anything.
 */
const CODES = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu', 'kepercayaan'];

/** The KTP term a coded religion column's value stands for ("1" → "islam"), or null. */
function codedTerm(value: string): string | null {
  const code = value.trim();
  return code.length === 1 ? (CODES[code.charCodeAt(0) - 49] ?? null) : null;
}

/** Explanations by KTP term: a closed list, so each is built once. */
const validators = new Map<string, string>();

export const religionDetector: FieldDetector = {
  type: 'RELIGION',
  category: 'general',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & RELIGION)) return null;
    const term = religionTerm(value);
    if (!term) {
      const coded = context.source === 'column' ? codedTerm(value) : null;
      if (!coded) return null;
      return { confidence: 0.8, rule: 'religion.register-code+column', validator: `register code ${value.trim()} (${coded}); religion column` };
    }
    let validator = validators.get(term);
    if (!validator) validators.set(term, (validator = `one of the KTP religions (${term}); religion label`));
    return { confidence: context.source === 'column' ? 0.95 : 0.9, rule: 'religion.closed-list+label', validator };
  },

  normalizeField(value: string): string {
    return religionTerm(value) ?? codedTerm(value) ?? value.trim().toLowerCase();
  },
};
