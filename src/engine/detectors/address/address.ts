// ADDRESS: a postal address in a field labelled as one (alamat, domisili, address…). Indonesian
// address words (Jl., RT/RW, Kel., Kec., Gg., Blok, Perum…) raise confidence; a lone word (just a
// city) counts with less confidence, and placeholders or bare numbers never do.
import { hintBit, type DetectionContext, type FieldDetector, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';
import { normalizeName, unquote, wordCount } from '../person-name/person-name.js';

const ADDRESS = hintBit('ADDRESS');
/** Words that mark an Indonesian or English street address, matched as whole words. */
const ADDRESS_WORDS = /(?:^|[^\p{L}])(?:jl|jln|jalan|gg|gang|rt|rw|kel|kelurahan|desa|ds|dusun|kec|kecamatan|kab|kabupaten|kota|blok|blk|no|nomor|perum|perumahan|komplek|kompleks|komp|apartemen|apt|lantai|lt|kav|kavling|street|st|road|rd|avenue|ave|village|district)(?![\p{L}])/iu;
const LETTERS = /\p{L}{2}/u;

export const addressDetector: FieldDetector = {
  type: 'ADDRESS',
  category: 'general',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & ADDRESS)) return null;
    const text = unquote(value);
    if (isPlaceholder(text) || text.length < 3 || text.length > 500 || !LETTERS.test(text)) return null;
    const column = context.source === 'column';
    if (ADDRESS_WORDS.test(text)) {
      return { confidence: column ? 0.95 : 0.9, rule: 'address.words+label', validator: 'address words (street, RT/RW, village, district); address label' };
    }
    const words = wordCount(text);
    if (words >= 2) return { confidence: column ? 0.85 : 0.75, rule: 'address.text+label', validator: `${words} words; address label` };
    return { confidence: column ? 0.65 : 0.55, rule: 'address.place+label', validator: 'single place name; address label' };
  },

  normalizeField: normalizeName,
};
