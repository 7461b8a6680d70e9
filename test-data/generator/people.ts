// Synthetic Indonesian people and families. Names are random combinations of common given and
// family names from our own lists, never real people; places are real district names so that
// NIK prefixes, addresses and birth places agree.
import {
  bpjs, cardNumber, isoDate, kk, mobileNsn, nik, npwpLegacy, randomDate, type Ymd,
} from './identifiers.js';
import type { Random } from './random.js';
import { regionData, type District } from './regions.js';

const MALE = ['Budi', 'Agus', 'Andi', 'Dedi', 'Eko', 'Hendra', 'Joko', 'Rudi', 'Slamet', 'Wahyu', 'Yusuf', 'Rizky', 'Fajar', 'Arif', 'Bayu', 'Dimas', 'Gilang', 'Hadi', 'Irfan', 'Teguh', 'Ahmad', 'Muhammad', 'Adi', 'Bambang', 'Taufik', 'Reza', 'Iqbal', 'Galih', 'Yoga', 'Putu', 'Made', 'Kadek', 'Ketut', 'Hasan', 'Ilham'];
const FEMALE = ['Siti', 'Sri', 'Dewi', 'Rina', 'Ani', 'Wati', 'Putri', 'Ayu', 'Indah', 'Fitri', 'Nur', 'Rahma', 'Dian', 'Ratna', 'Yuni', 'Wulan', 'Anisa', 'Nabila', 'Citra', 'Maya', 'Intan', 'Ika', 'Kartika', 'Mega', 'Novi', 'Nurul', 'Tiara', 'Larasati', 'Ningsih', 'Aisyah'];
const MIDDLE = ['Dwi', 'Tri', 'Eka', 'Adi', 'Nur', 'Sri', 'Ayu', 'Putra', 'Putri', 'Dharma', 'Indra', 'Surya'];
const FAMILY = ['Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Kurniawan', 'Setiawan', 'Nugroho', 'Susanto', 'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sihombing', 'Hutapea', 'Ginting', 'Tarigan', 'Sembiring', 'Manurung', 'Wibowo', 'Purnomo', 'Gunawan', 'Rahman', 'Hakim', 'Permana', 'Utami', 'Lestari', 'Maharani', 'Anggraini', 'Handayani', 'Rahayu', 'Wulandari', 'Suryani', 'Situmorang', 'Pangaribuan', 'Tanjung', 'Daulay'];
const STREETS = ['Merdeka', 'Sudirman', 'Diponegoro', 'Ahmad Yani', 'Gatot Subroto', 'Pahlawan', 'Mawar', 'Melati', 'Kenanga', 'Flamboyan', 'Veteran', 'Cendana', 'Anggrek', 'Kartini', 'Imam Bonjol', 'Pemuda', 'Cempaka', 'Dahlia', 'Kamboja', 'Sisingamangaraja'];
const RELIGIONS = ['Islam', 'Islam', 'Islam', 'Islam', 'Islam', 'Islam', 'Kristen', 'Katolik', 'Hindu', 'Buddha', 'Konghucu'];
export const DOMAINS = ['mailnusantara.co.id', 'suratku.id', 'kotakpos.net', 'surel-contoh.com', 'posel.web.id', 'contoh-mail.co.id', 'webmail.example.id', 'inbox-nusantara.com'];

/** ICD-10 codes with Indonesian descriptions, as in hospital exports. */
export const DIAGNOSES: readonly (readonly [string, string])[] = [
  ['J18.9', 'Pneumonia, tidak spesifik'], ['E11.9', 'Diabetes melitus tipe 2'], ['I10', 'Hipertensi esensial'],
  ['A09', 'Diare dan gastroenteritis'], ['A01.0', 'Demam tifoid'], ['A90', 'Demam dengue'],
  ['J06.9', 'Infeksi saluran pernapasan akut'], ['K29.7', 'Gastritis'], ['N39.0', 'Infeksi saluran kemih'],
  ['O80', 'Persalinan normal'], ['B20', 'Penyakit HIV'], ['F32.9', 'Episode depresi'],
  ['C50.9', 'Kanker payudara'], ['M54.5', 'Nyeri punggung bawah'], ['A15.0', 'Tuberkulosis paru'], ['Z34.9', 'Kehamilan normal'],
];

export interface Family {
  readonly kk: string;
  readonly district: District;
  readonly address: string;
  readonly familyName: string;
  readonly motherName: string;
  /** NIK of the head of the family (kepala keluarga): the first member generated. */
  headNik: string | null;
}

export interface Person {
  readonly family: Family;
  readonly female: boolean;
  readonly name: string;
  readonly birth: Ymd;
  readonly nik: string;
  readonly religion: string;
  readonly phones: readonly string[];
  readonly email: string;
  /** Legacy 15-digit NPWP, or null for people without one (minors, most students). */
  readonly npwp: string | null;
  readonly bpjs: string;
  readonly card: string | null;
  readonly diagnosis: readonly [string, string];
  readonly passport: string | null;
  readonly bankAccount: string;
  readonly passwordHash: string;
  readonly ip: string;
}

export function makeFamily(rng: Random): Family {
  const district = rng.pick(regionData().districts);
  const familyName = rng.pick(FAMILY);
  const street = `Jl. ${rng.pick(STREETS)} No. ${rng.range(1, 250)}`;
  const rt = `RT ${String(rng.range(1, 20)).padStart(3, '0')}/RW ${String(rng.range(1, 15)).padStart(3, '0')}`;
  const address = `${street}, ${rt}, Kec. ${district.name}, ${district.regency}, ${district.province}`;
  const motherName = `${rng.pick(FEMALE)} ${rng.pick(FAMILY)}`;
  return { kk: kk(rng, district), district, address, familyName, motherName, headNik: null };
}

/** One member of a family; ~15% are minors relative to `asOfYear`. */
export function makePerson(rng: Random, family: Family, asOfYear: number): Person {
  const female = rng.chance(0.5);
  const birth = rng.chance(0.15) ? randomDate(rng, asOfYear - 17, asOfYear - 1) : randomDate(rng, 1945, asOfYear - 18);
  const given = rng.pick(female ? FEMALE : MALE);
  const name = rng.chance(0.3) ? `${given} ${rng.pick(MIDDLE)} ${family.familyName}` : `${given} ${family.familyName}`;
  const phones = rng.chance(0.25) ? [mobileNsn(rng), mobileNsn(rng)] : [mobileNsn(rng)];
  const adult = birth.year <= asOfYear - 18;
  const personNik = nik(rng, family.district, birth, female);
  family.headNik ??= personNik;
  return {
    family, female, name, birth,
    nik: personNik,
    religion: rng.pick(RELIGIONS),
    phones,
    email: emailFor(rng, name, birth),
    npwp: adult && rng.chance(0.7) ? npwpLegacy(rng) : null,
    bpjs: bpjs(rng),
    card: adult && rng.chance(0.6) ? cardNumber(rng) : null,
    diagnosis: rng.pick(DIAGNOSES),
    passport: adult && rng.chance(0.3) ? `${rng.pick(['A', 'B', 'C', 'E', 'X'])}${rng.digits(7)}` : null,
    // Accounts never start with 0, so a 13-digit one cannot pass as an 08… mobile.
    bankAccount: String(rng.range(1, 9)) + rng.digits(rng.pick([9, 12, 14])),
    passwordHash: passwordHash(rng),
    ip: rng.chance(0.85)
      ? `${rng.pick([36, 39, 103, 110, 114, 125, 180, 182, 202])}.${rng.int(256)}.${rng.int(256)}.${rng.range(1, 254)}`
      : `2404:${rng.hex(4).replace(/^0+(?=.)/, '')}:${rng.hex(4).replace(/^0+(?=.)/, '')}::${rng.hex(3).replace(/^0+(?=.)/, '')}`,
  };
}

/** Local part from the name, mixed case sometimes: the value is lowercased in the ground truth. */
function emailFor(rng: Random, name: string, birth: Ymd): string {
  const parts = name.toLowerCase().split(' ');
  const first = parts[0] ?? 'user', last = parts.at(-1) ?? 'id';
  const local = rng.pick([
    `${first}.${last}`, `${first}${last}${birth.year % 100}`, `${first}_${last}${rng.range(1, 999)}`,
    `${first}${rng.range(10, 9999)}`, `${first[0]}${last}${birth.year}`,
  ]);
  const address = `${local}@${rng.pick(DOMAINS)}`;
  return rng.chance(0.2) ? address.replace(/(^|[._])(\w)/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase()) : address;
}

const BCRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function passwordHash(rng: Random): string {
  switch (rng.int(4)) {
    case 0: {
      let salt = '';
      for (let i = 0; i < 53; i++) salt += BCRYPT[rng.int(64)];
      return `$2y$10$${salt}`;
    }
    case 1: return rng.hex(32);
    case 2: return rng.hex(40);
    default: return rng.hex(64);
  }
}

/** Birth date in one of the shapes leaks use; the ground truth keeps ISO. */
export function shapeDate(style: number, d: Ymd): string {
  const dd = String(d.day).padStart(2, '0'), mm = String(d.month).padStart(2, '0');
  if (style === 1) return `${dd}-${mm}-${d.year}`;
  if (style === 2) return `${dd}/${mm}/${d.year}`;
  return isoDate(d);
}
