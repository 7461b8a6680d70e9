// Names the kinds of personal data a post says it holds ("NIK, KK, nama ibu kandung", "KTP +
// selfie", "medical records"), as the project's type ids plus KTP_IMAGE and SELFIE_KTP.
import type { PostDataType } from '../facts.js';
import { PII_TYPES } from '../../engine/types.js';

/** Phrases (lowercase words, punctuation ignored) → the types they name. Longest phrase wins. */
const PHRASES: ReadonlyArray<[string, PostDataType[]]> = [
  ['nik', ['NIK']], ['niks', ['NIK']], ['nomor induk kependudukan', ['NIK']], ['no ktp', ['NIK']],
  ['nomor ktp', ['NIK']], ['ktp number', ['NIK']], ['ktp numbers', ['NIK']], ['data ktp', ['NIK']],
  ['data e ktp', ['NIK']],
  ['kk', ['KK']], ['kartu keluarga', ['KK']],
  ['npwp', ['NPWP']], ['tax id', ['NPWP']],
  ['hp', ['PHONE']], ['nohp', ['PHONE']], ['telp', ['PHONE']], ['telepon', ['PHONE']], ['phone', ['PHONE']],
  ['phones', ['PHONE']], ['msisdn', ['PHONE']], ['msisdns', ['PHONE']],
  ['email', ['EMAIL']], ['emails', ['EMAIL']], ['e mail', ['EMAIL']], ['surel', ['EMAIL']], ['email address', ['EMAIL']],
  ['kartu kredit', ['CREDIT_CARD']], ['credit card', ['CREDIT_CARD']], ['credit cards', ['CREDIT_CARD']],
  ['cvv', ['CREDIT_CARD']], ['card number', ['CREDIT_CARD']], ['card numbers', ['CREDIT_CARD']],
  ['no bpjs', ['BPJS']], ['nomor bpjs', ['BPJS']], ['kartu bpjs', ['BPJS']], ['bpjs number', ['BPJS']],
  ['bpjs numbers', ['BPJS']],
  ['paspor', ['PASSPORT']], ['passport', ['PASSPORT']], ['passports', ['PASSPORT']],
  ['rekening', ['BANK_ACCOUNT']], ['no rek', ['BANK_ACCOUNT']], ['bank account', ['BANK_ACCOUNT']],
  ['bank accounts', ['BANK_ACCOUNT']], ['account number', ['BANK_ACCOUNT']], ['account numbers', ['BANK_ACCOUNT']],
  ['tanggal lahir', ['DATE_OF_BIRTH']], ['tgl lahir', ['DATE_OF_BIRTH']], ['ttl', ['DATE_OF_BIRTH']],
  ['dob', ['DATE_OF_BIRTH']], ['date of birth', ['DATE_OF_BIRTH']], ['birth date', ['DATE_OF_BIRTH']],
  ['birth dates', ['DATE_OF_BIRTH']], ['birthdate', ['DATE_OF_BIRTH']],
  ['nama', ['PERSON_NAME']], ['nama lengkap', ['PERSON_NAME']], ['name', ['PERSON_NAME']],
  ['names', ['PERSON_NAME']], ['full name', ['PERSON_NAME']], ['full names', ['PERSON_NAME']],
  ['alamat', ['ADDRESS']], ['address', ['ADDRESS']], ['addresses', ['ADDRESS']],
  ['ibu kandung', ['MOTHER_MAIDEN_NAME']], ['nama ibu kandung', ['MOTHER_MAIDEN_NAME']],
  ['mother maiden name', ['MOTHER_MAIDEN_NAME']], ['mother s maiden name', ['MOTHER_MAIDEN_NAME']],
  ['mother name', ['MOTHER_MAIDEN_NAME']], ['mother s name', ['MOTHER_MAIDEN_NAME']],
  ['agama', ['RELIGION']], ['religion', ['RELIGION']],
  ['rekam medis', ['HEALTH']], ['medical', ['HEALTH']], ['diagnosa', ['HEALTH']], ['diagnosis', ['HEALTH']],
  ['diagnoses', ['HEALTH']], ['hasil lab', ['HEALTH']], ['lab results', ['HEALTH']], ['rontgen', ['HEALTH']],
  ['x ray', ['HEALTH']], ['usg', ['HEALTH']], ['ultrasound', ['HEALTH']], ['riwayat penyakit', ['HEALTH']],
  ['disease', ['HEALTH']], ['diseases', ['HEALTH']], ['pasien', ['HEALTH']], ['patient', ['HEALTH']],
  ['patients', ['HEALTH']], ['vaksin', ['HEALTH']], ['vaksinasi', ['HEALTH']], ['vaccination', ['HEALTH']],
  ['test results', ['HEALTH']], ['hasil tes', ['HEALTH']], ['hiv', ['HEALTH']], ['health data', ['HEALTH']],
  ['data kesehatan', ['HEALTH']],
  ['sidik jari', ['BIOMETRIC']], ['fingerprint', ['BIOMETRIC']], ['fingerprints', ['BIOMETRIC']],
  ['biometric', ['BIOMETRIC']], ['biometrik', ['BIOMETRIC']], ['foto wajah', ['BIOMETRIC']],
  ['face photos', ['BIOMETRIC']], ['face photo', ['BIOMETRIC']], ['face recognition', ['BIOMETRIC']],
  ['password', ['PASSWORD']], ['passwords', ['PASSWORD']], ['pass', ['PASSWORD']], ['kata sandi', ['PASSWORD']],
  ['hash', ['PASSWORD']], ['hashed', ['PASSWORD']], ['md', ['PASSWORD']], ['bcrypt', ['PASSWORD']],
  ['sha', ['PASSWORD']], ['combolist', ['PASSWORD']], ['combo list', ['PASSWORD']],
  ['ip address', ['IP_ADDRESS']], ['ip addresses', ['IP_ADDRESS']], ['alamat ip', ['IP_ADDRESS']],
  ['foto ktp', ['KTP_IMAGE']], ['ktp foto', ['KTP_IMAGE']], ['foto e ktp', ['KTP_IMAGE']], ['ktp hd', ['KTP_IMAGE']],
  ['scan ktp', ['KTP_IMAGE']], ['ktp scan', ['KTP_IMAGE']], ['ktp scans', ['KTP_IMAGE']],
  ['ktp photo', ['KTP_IMAGE']], ['ktp photos', ['KTP_IMAGE']], ['ktp images', ['KTP_IMAGE']],
  ['ktp selfie', ['KTP_IMAGE', 'SELFIE_KTP']], ['ktp dan selfie', ['KTP_IMAGE', 'SELFIE_KTP']],
];

interface Trie { next: Map<string, Trie>; types?: PostDataType[] }
const root: Trie = { next: new Map() };
for (const [phrase, types] of PHRASES) {
  let node = root;
  for (const w of phrase.split(' ')) {
    let child = node.next.get(w);
    if (!child) { child = { next: new Map() }; node.next.set(w, child); }
    node = child;
  }
  node.types = types;
}

const ORDER: readonly PostDataType[] = [...PII_TYPES, 'KTP_IMAGE', 'SELFIE_KTP'];
/** A selfie named this close to "KTP" is a selfie holding the card. */
const SELFIE_WINDOW = 4;

/** Data types named in the post's words (lowercase word tokens), in the project's type order. */
export function extractDataTypes(words: readonly string[]): PostDataType[] {
  const found = new Set<PostDataType>();
  for (let i = 0; i < words.length;) {
    let node: Trie | undefined = root;
    let best: { types: PostDataType[]; length: number } | null = null;
    for (let k = i; k < words.length; k++) {
      node = node.next.get(words[k]!);
      if (!node) break;
      if (node.types) best = { types: node.types, length: k - i + 1 };
    }
    if (best) { best.types.forEach((t) => found.add(t)); i += best.length; } else i++;
  }
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'selfie' && words[i] !== 'selfies') continue;
    const lo = Math.max(0, i - SELFIE_WINDOW);
    if (words.slice(lo, i + SELFIE_WINDOW + 1).includes('ktp')) found.add('SELFIE_KTP');
  }
  return ORDER.filter((t) => found.has(t));
}
