// The table layout of a synthetic leak and how one person becomes one row of it: which value
// goes in which column, in which shape, and what it adds to the ground truth. Every format
// writer emits every non-null cell of a row, so recording here matches what is written.
import type { PiiType } from '../../src/engine/types.js';
import {
  brokenNik, cardBadLuhn, compactTimestamp, epochMs, epochUs, formatNpwp, isoDate, notMobile,
  npwpBadCheck, orderNumber16, plainReference16, shapeCard, shapePhone, type NikFlaw,
} from './identifiers.js';
import { shapeDate, type Person } from './people.js';
import type { Random } from './random.js';
import type { TruthRecorder } from './truth.js';

export type TableName = 'penduduk' | 'pesanan' | 'kesehatan' | 'akun';

export interface ColumnSpec {
  readonly key: string;
  readonly table: TableName;
  /** Names seen in real exports; each dump picks one per column. */
  readonly aliases: readonly string[];
  /** Written as a bare number in JSON and SQL. */
  readonly numeric?: boolean;
  /**
   * Free text that may hold commas, quotes or newlines. Other columns are built from digits,
   * letters and `.-/+()@:$` only, so writers may skip quoting checks on them.
   */
  readonly free?: boolean;
}

const col = (key: string, table: TableName, aliases: string[], numeric = false): ColumnSpec => ({ key, table, aliases, numeric });
const text = (key: string, table: TableName, aliases: string[]): ColumnSpec => ({ key, table, aliases, free: true });

export const SCHEMA: readonly ColumnSpec[] = [
  col('id', 'penduduk', ['id'], true),
  col('nik', 'penduduk', ['nik', 'no_ktp', 'nomor_induk_kependudukan', 'NIK', 'nik_ktp']),
  col('no_kk', 'penduduk', ['no_kk', 'nomor_kk', 'no_kartu_keluarga', 'kk']),
  // A NIK under a label that mentions the family card: must stay a NIK, not become a KK.
  col('nik_kepala_keluarga', 'penduduk', ['nik_kepala_keluarga', 'nik_kepala_kk']),
  text('nama', 'penduduk', ['nama', 'nama_lengkap', 'full_name', 'nama_pelanggan']),
  text('tempat_lahir', 'penduduk', ['tempat_lahir', 'birth_place']),
  col('tanggal_lahir', 'penduduk', ['tanggal_lahir', 'tgl_lahir', 'date_of_birth', 'dob']),
  col('jenis_kelamin', 'penduduk', ['jenis_kelamin', 'gender', 'jk']),
  col('agama', 'penduduk', ['agama', 'religion']),
  text('alamat', 'penduduk', ['alamat', 'alamat_lengkap', 'address', 'alamat_ktp']),
  text('nama_ibu', 'penduduk', ['nama_ibu_kandung', 'ibu_kandung', 'mother_maiden_name']),
  col('no_hp', 'penduduk', ['no_hp', 'telepon', 'phone', 'nomor_hp', 'whatsapp', 'hp']),
  col('telepon_kantor', 'penduduk', ['telepon_kantor', 'office_phone']),
  col('email', 'penduduk', ['email', 'surel', 'e_mail', 'alamat_email']),
  col('npwp', 'penduduk', ['npwp', 'no_npwp', 'nomor_npwp']),
  col('no_paspor', 'penduduk', ['no_paspor', 'passport_no', 'nomor_paspor']),
  col('no_rekening', 'penduduk', ['no_rekening', 'nomor_rekening', 'account_number']),
  col('kode_referensi', 'penduduk', ['kode_referensi', 'ref_code']),
  col('created_at', 'penduduk', ['created_at', 'created_ms'], true),
  col('updated_at', 'penduduk', ['updated_at', 'last_update']),
  col('order_id', 'pesanan', ['order_id', 'no_pesanan', 'id_transaksi', 'order_no']),
  col('no_resi', 'pesanan', ['no_resi', 'nomor_resi', 'resi']),
  col('invoice', 'pesanan', ['invoice_no', 'no_invoice']),
  col('total', 'pesanan', ['total', 'amount', 'total_bayar'], true),
  col('no_kartu', 'pesanan', ['no_kartu_kredit', 'card_number', 'cc_number', 'nomor_kartu_kredit']),
  col('hp_penerima', 'pesanan', ['hp_penerima', 'phone_penerima', 'recipient_phone']),
  col('created_at_us', 'pesanan', ['created_at_us', 'ts_micro'], true),
  col('no_bpjs', 'kesehatan', ['no_bpjs', 'nomor_bpjs', 'no_kartu_bpjs', 'noka_bpjs']),
  col('kode_icd10', 'kesehatan', ['kode_icd10', 'icd10', 'kode_diagnosa']),
  text('diagnosa', 'kesehatan', ['diagnosa', 'diagnosis']),
  col('username', 'akun', ['username', 'user_name']),
  col('password', 'akun', ['password', 'password_hash', 'pwd_hash']),
  col('last_login_ip', 'akun', ['last_login_ip', 'ip_address']),
  text('user_agent', 'akun', ['user_agent', 'ua']),
  col('foto_profil', 'akun', ['foto_profil', 'avatar_url']),
];

export const TABLES: readonly TableName[] = ['penduduk', 'pesanan', 'kesehatan', 'akun'];
const INDEX = new Map(SCHEMA.map((c, i) => [c.key, i]));

export function columnIndex(key: string): number {
  const i = INDEX.get(key);
  if (i === undefined) throw new Error(`kolom tidak dikenal / unknown column key: ${key}`);
  return i;
}

export interface DumpStyle {
  /** Column name per SCHEMA index. */
  readonly names: readonly string[];
  readonly dateStyle: number;
  readonly genderLong: boolean;
}

export function chooseStyle(rng: Random): DumpStyle {
  return { names: SCHEMA.map((c) => rng.pick(c.aliases)), dateStyle: rng.int(3), genderLong: rng.chance(0.5) };
}

export function styleColumns(style: DumpStyle): Record<string, string> {
  return Object.fromEntries(SCHEMA.map((c, i) => [c.key, style.names[i] ?? c.key]));
}

export type Row = (string | null)[];

const CHROME = ['119.0.6045.163', '120.0.6099.144', '121.0.6167.101', '122.0.6261.119', '124.0.6367.82'];
const FLAWS: readonly NikFlaw[] = ['invalid region', 'invalid date', 'serial 0000'];

/** Builds one row for `person` and records every planted value in the ground truth. */
export function buildRow(rng: Random, person: Person, id: number, style: DumpStyle, truth: TruthRecorder): Row {
  const pos = (type: PiiType, value: string): void => truth.positive(type, value);
  const neg = (types: PiiType[], value: string, reason: string): void => { for (const t of types) truth.negative(t, value, reason); };
  const row: Row = new Array<string | null>(SCHEMA.length).fill(null);
  const set = (key: string, text: string | null): void => { row[INDEX.get(key) as number] = text; };

  set('id', String(id));
  const fabricated = rng.chance(0.03);
  if (fabricated) {
    // A fabricated NIK (the "are the identifiers real?" question): structure broken on purpose.
    const flaw = rng.pick(FLAWS);
    const fake = brokenNik(rng, flaw);
    neg(['NIK', 'KK'], fake, `fabricated NIK: ${flaw}`);
    set('nik', fake);
  } else {
    pos('NIK', person.nik);
    set('nik', person.nik);
  }
  pos('KK', person.family.kk);
  set('no_kk', person.family.kk);
  if (person.family.headNik) {
    pos('NIK', person.family.headNik);
    set('nik_kepala_keluarga', person.family.headNik);
  }
  pos('PERSON_NAME', person.name);
  set('nama', person.name);
  set('tempat_lahir', person.family.district.regency.replace(/^Kabupaten /, ''));
  pos('DATE_OF_BIRTH', isoDate(person.birth));
  set('tanggal_lahir', shapeDate(style.dateStyle, person.birth));
  set('jenis_kelamin', style.genderLong ? (person.female ? 'Perempuan' : 'Laki-laki') : person.female ? 'P' : 'L');
  pos('RELIGION', person.religion);
  set('agama', person.religion);
  // Some addresses span two lines or carry quotes: CSV quoting and SQL escaping must cope.
  const address = rng.chance(0.05) ? person.family.address.replace(', RT', ',\nRT')
    : rng.chance(0.03) ? person.family.address.replace(', RT', ' "Gang Buntu", RT') : person.family.address;
  pos('ADDRESS', address.replace(/\s+/g, ' '));
  set('alamat', address);
  pos('MOTHER_MAIDEN_NAME', person.family.motherName);
  set('nama_ibu', person.family.motherName);
  const phone = shapePhone(rng, person.phones[0] ?? '');
  pos('PHONE', phone.value);
  set('no_hp', phone.text);
  if (rng.chance(0.3)) {
    const office = notMobile(rng);
    neg(['PHONE'], office.value, 'not an Indonesian mobile (landline, toll-free or wrong length)');
    set('telepon_kantor', office.text);
  }
  pos('EMAIL', person.email.toLowerCase());
  set('email', person.email);
  if (rng.chance(0.04)) {
    const fake = npwpBadCheck(rng);
    neg(['NPWP'], fake, 'fabricated NPWP: Luhn check digit wrong');
    set('npwp', rng.chance(0.5) ? formatNpwp(fake) : fake);
  } else if (person.npwp) {
    const shape = rng.next();
    if (shape < 0.1 && !fabricated) {
      // The 16-digit NPWP of a person is their NIK: a positive of both types.
      pos('NPWP', person.nik);
      set('npwp', person.nik);
    } else if (shape < 0.25) {
      pos('NPWP', `0${person.npwp}`);
      set('npwp', `0${person.npwp}`);
    } else {
      pos('NPWP', person.npwp);
      set('npwp', shape < 0.65 ? formatNpwp(person.npwp) : person.npwp);
    }
  }
  if (person.passport) {
    pos('PASSPORT', person.passport);
    set('no_paspor', person.passport);
  }
  pos('BANK_ACCOUNT', person.bankAccount);
  set('no_rekening', person.bankAccount);
  if (rng.chance(0.3)) {
    const ref = plainReference16(rng);
    neg(['NIK', 'KK', 'CREDIT_CARD'], ref, '16-digit reference code without NIK structure');
    set('kode_referensi', ref);
  }
  const created = epochMs(rng);
  neg(['BPJS', 'PHONE'], created, 'epoch milliseconds (13 digits)');
  set('created_at', created);
  const updated = compactTimestamp(rng);
  neg(['BANK_ACCOUNT', 'PHONE'], updated, 'compact timestamp yyyymmddhhmmss');
  set('updated_at', updated);

  const order = orderNumber16(rng);
  neg(['NIK', 'KK', 'CREDIT_CARD'], order, 'order id in an order column');
  set('order_id', order);
  const resi = orderNumber16(rng);
  neg(['NIK', 'KK', 'CREDIT_CARD'], resi, 'resi (shipping receipt) number');
  set('no_resi', resi);
  if (rng.chance(0.4)) {
    const invoice = orderNumber16(rng);
    neg(['NIK', 'KK', 'CREDIT_CARD'], invoice, 'invoice number');
    set('invoice', invoice);
  } else {
    set('invoice', `INV/${updated.slice(0, 8)}/MPL/${rng.digits(10)}`);
  }
  set('total', String(rng.range(10, 50_000) * 1000));
  if (rng.chance(0.08)) {
    const fake = cardBadLuhn(rng);
    neg(['CREDIT_CARD'], fake, 'card-like number failing Luhn');
    set('no_kartu', shapeCard(rng, fake));
  } else if (person.card) {
    pos('CREDIT_CARD', person.card);
    set('no_kartu', shapeCard(rng, person.card));
  }
  const recipient = shapePhone(rng, person.phones[1] ?? person.phones[0] ?? '');
  pos('PHONE', recipient.value);
  set('hp_penerima', recipient.text);
  const micro = epochUs(rng);
  neg(['NIK', 'KK', 'CREDIT_CARD'], micro, 'epoch microseconds (16 digits)');
  set('created_at_us', micro);

  pos('BPJS', person.bpjs);
  set('no_bpjs', person.bpjs);
  pos('HEALTH', person.diagnosis[0]);
  set('kode_icd10', person.diagnosis[0]);
  // A diagnosis under a medical field is health data as much as its ICD-10 code.
  pos('HEALTH', person.diagnosis[1]);
  set('diagnosa', person.diagnosis[1]);

  set('username', person.email.toLowerCase().split('@')[0] ?? null);
  pos('PASSWORD', person.passwordHash);
  set('password', person.passwordHash);
  pos('IP_ADDRESS', person.ip);
  set('last_login_ip', person.ip);
  const chrome = rng.pick(CHROME);
  neg(['IP_ADDRESS'], chrome, 'browser version string');
  set('user_agent', `Mozilla/5.0 (Linux; Android 13; SM-A525F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome} Mobile Safari/537.36`);
  neg(['EMAIL'], `${id}@2x.png`, 'retina image file name');
  set('foto_profil', `https://cdn.toko-contoh.id/avatar/${id}@2x.png`);
  truth.records++;
  return row;
}
