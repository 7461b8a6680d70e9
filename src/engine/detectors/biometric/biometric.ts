// BIOMETRIC: fingerprint or face data under a biometric label (sidik_jari, foto_wajah, face
// template…): encoded template or image blobs (base64, hex, data: URIs, PostgreSQL bytea) and
// image or template file names and URLs. Biometric data is UU PDP specific data.
import { hintBit, type DetectionContext, type FieldDetector, type Verdict } from '../../types.js';
import { isPlaceholder } from '../negatives.js';
import { unquote } from '../person-name/person-name.js';

const BIOMETRIC = hintBit('BIOMETRIC');
const DATA_URI = /^data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]{16}/i;
const BASE64 = /^[A-Za-z0-9+/_-]{64,}={0,2}$/;
const HEX = /^(?:\\x|0x)?[0-9a-fA-F]{64,}$/;
const FILE = /^[^\s<>"|?*]{1,255}\.(?:jpe?g|png|bmp|gif|tiff?|webp|heic|wsq|fpt|nist|eft|ist|iso|ansi|xyt|min|bir|cbeff|dat|bin|tpl)$/i;

/** Encoded templates look random: a run of one repeated character ("aaaa…", "0000…") is filler. */
function varied(value: string): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < 64 && i < value.length; i++) seen.add(value[i]!);
  return seen.size >= 8;
}

/** What kind of biometric payload a value is ('base64 blob', 'image file'…), or null. */
export function biometricForm(value: string): string | null {
  if (DATA_URI.test(value)) return 'data URI';
  if (value.length >= 64 && !varied(value.slice(value.length - 64))) return null;
  if (value.length >= 64 && HEX.test(value)) return 'hex blob';
  // Base64 needs both cases or digits: a long run of one letter case is text, not an encoding.
  if (value.length >= 64 && BASE64.test(value) && /[a-z]/.test(value) && /[A-Z0-9]/.test(value)) return 'base64 blob';
  if (FILE.test(value)) return /^https?:\/\//i.test(value) ? 'file URL' : 'file name';
  return null;
}

export const biometricDetector: FieldDetector = {
  type: 'BIOMETRIC',
  category: 'specific',

  confirmField(value: string, context: DetectionContext): Verdict | null {
    if (!(context.hints & BIOMETRIC)) return null;
    const text = unquote(value);
    if (isPlaceholder(text)) return null;
    const form = biometricForm(text);
    if (!form) return null;
    const strong = form !== 'file name' && form !== 'file URL';
    const column = context.source === 'column';
    return {
      confidence: strong ? (column ? 0.95 : 0.9) : column ? 0.85 : 0.75,
      rule: strong ? 'biometric.blob+label' : 'biometric.file+label',
      validator: `${form}; biometric label`,
    };
  },

  normalizeField(value: string): string {
    return unquote(value);
  },
};
