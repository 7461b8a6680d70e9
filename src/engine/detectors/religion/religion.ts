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

/** Explanations by KTP term: a closed list, so each is built once. */
const validators = new Map<string, string>();

export const religionDetector: FieldDetector = {
  type: 'RELIGION',
  category: 'general',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & RELIGION)) return null;
    const term = religionTerm(value);
    if (!term) return null;
    let validator = validators.get(term);
    if (!validator) validators.set(term, (validator = `one of the KTP religions (${term}); religion label`));
    return { confidence: context.source === 'column' ? 0.95 : 0.9, rule: 'religion.closed-list+label', validator };
  },

  normalizeField(value: string): string {
    return religionTerm(value) ?? value.trim().toLowerCase();
  },
};
