// Masked forms of values for reports and findings: enough to recognise a value you already hold,
// never enough to recover one you do not.
import type { PiiType } from './types.js';

const star = (n: number) => '*'.repeat(Math.max(0, n));

/** Masks a normalized value: identifiers keep a short prefix and suffix, free text its first letter. */
export function mask(type: PiiType, value: string): string {
  switch (type) {
    case 'NIK':
    case 'KK':
      // The region code is not secret and is what an analyst needs to see; the rest is hidden.
      return value.slice(0, 6) + star(value.length - 8) + value.slice(-2);
    case 'PHONE':
      return value.slice(0, 6) + star(value.length - 9) + value.slice(-3);
    case 'EMAIL': {
      const at = value.lastIndexOf('@');
      if (at < 1) return star(value.length);
      // Short local parts are hidden whole: "a@b.id" must not come back unchanged.
      return (at <= 2 ? star(at) : value[0] + star(at - 1)) + value.slice(at);
    }
    case 'CREDIT_CARD':
    case 'BANK_ACCOUNT':
    case 'BPJS':
    case 'NPWP':
    case 'PASSPORT':
      return star(value.length - 4) + value.slice(-4);
    case 'PASSWORD':
      return '********';
    case 'IP_ADDRESS': {
      const dot = value.lastIndexOf('.');
      return dot > 0 ? value.slice(0, dot) + '.***' : value.slice(0, Math.min(9, value.length)) + '::***';
    }
    case 'DATE_OF_BIRTH':
      return value.slice(0, 4) + '-**-**';
    default:
      // A one- or two-letter value (a blood type "O", "AB") would come back whole from its first letter.
      if (value.length <= 2) return star(value.length);
      return value
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => word[0] + star(word.length - 1))
        .join(' ');
  }
}
