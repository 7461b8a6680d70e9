// Context words per type, in Indonesian and English: data, not code. A phrase matches whole words
// of a column name, JSON field path or the text just before a value ("No. KK", "nama_ibu_kandung").
// Longer phrases win over shorter ones, so "nama ibu kandung" beats "nama".
import type { PiiType } from '../types.js';

export interface ContextPhrase {
  /** Space-separated lowercase words. */
  readonly words: string;
  /** The type the phrase points at, or 'NEGATIVE' for words that mark a non-personal number. */
  readonly type: PiiType | 'NEGATIVE';
}

const phrases: Record<PiiType | 'NEGATIVE', string[]> = {
  NIK: ['nik', 'ktp', 'no ktp', 'nomor ktp', 'kartu tanda penduduk', 'nomor induk kependudukan', 'nik ktp',
    'no nik', 'national id', 'id number', 'identity number', 'nomor identitas', 'no identitas', 'e ktp', 'ektp',
    // Longer than CREDIT_CARD's "card number", so an API's idCardNumber is a NIK's field.
    'id card', 'id card number', 'id card no', 'identity card', 'identity card number', 'ktp number',
    // Indonesian names put the head noun first: "NIK kepala KK" is the NIK of the family head.
    'nik kepala kk', 'nik kepala keluarga', 'nik kk', 'nik ayah', 'nik ibu', 'nik suami', 'nik istri', 'nik anggota keluarga'],
  KK: ['kk', 'no kk', 'nomor kk', 'nokk', 'kartu keluarga', 'nomor kartu keluarga', 'no kartu keluarga', 'family card', 'family card number'],
  NPWP: ['npwp', 'no npwp', 'nomor npwp', 'nomor pokok wajib pajak', 'tax id', 'taxpayer', 'tax number', 'tin'],
  PHONE: ['hp', 'no hp', 'nohp', 'nomor hp', 'handphone', 'telepon', 'telp', 'no telp', 'tlp', 'phone', 'phone number', 'mobile',
    'msisdn', 'whatsapp', 'wa', 'no wa', 'kontak', 'contact', 'ponsel', 'seluler', 'cell', 'tel'],
  EMAIL: ['email', 'e mail', 'surel', 'mail', 'alamat email', 'email address', 'e mail address', 'mail address'],
  CREDIT_CARD: ['kartu kredit', 'credit card', 'card number', 'cc', 'cc number', 'nomor kartu', 'pan', 'visa', 'mastercard', 'card no',
    'no kartu', 'nokartu'],
  BPJS: ['bpjs', 'no bpjs', 'nomor bpjs', 'jkn', 'kis', 'kartu indonesia sehat', 'no kartu bpjs', 'noka', 'no peserta', 'nomor peserta',
    'bpjs kesehatan', 'bpjs ketenagakerjaan', 'kpj',
    // BPJS's own APIs (V-Claim, P-Care) call the card number noKartu; so do card fields elsewhere (CREDIT_CARD too).
    'no kartu', 'nokartu', 'nomor kartu'],
  PASSPORT: ['paspor', 'passport', 'no paspor', 'nomor paspor', 'passport number', 'passport no'],
  BANK_ACCOUNT: ['rekening', 'no rek', 'norek', 'no rekening', 'nomor rekening', 'rek', 'account number', 'bank account', 'account no',
    'acc no', 'virtual account'],
  DATE_OF_BIRTH: ['tgl lahir', 'tanggal lahir', 'tgllahir', 'ttl', 'tempat tanggal lahir', 'tempat tgl lahir', 'lahir', 'dob',
    'date of birth', 'birth date', 'birthdate', 'birthday', 'born',
    // Dukcapil's population-register (SIAK) columns, as leaked exports of it name them: TGL_LHR.
    'tgl lhr', 'tanggal lhr', 'tgllhr'],
  PERSON_NAME: ['nama', 'nama lengkap', 'name', 'full name', 'fullname', 'first name', 'last name', 'nama depan', 'nama belakang',
    'nama pasien', 'nama peserta', 'nama nasabah', 'nama pelanggan', 'customer name', 'patient name', 'nama pemilik', 'atas nama',
    // Government and hospital schemas abbreviate nama: NM_PESERTA, NM_PASIEN, NM_LENGKAP.
    'nm', 'nm lengkap'],
  ADDRESS: ['alamat', 'alamat lengkap', 'address', 'alamat rumah', 'alamat ktp', 'domisili', 'alamat domisili', 'street', 'jalan',
    'home address', 'residential address', 'almt'],
  MOTHER_MAIDEN_NAME: ['nama ibu', 'nama ibu kandung', 'ibu kandung', 'mother maiden name', 'mothers maiden name', 'mother name',
    'mother s maiden name', 'maiden name', 'nama lengkap ibu', 'nm ibu',
    // SIAK: NAMA_LGKP_IBU, beside NAMA_LGKP (the person) and NAMA_LGKP_AYAH (the father: a person's name).
    'nama lgkp ibu'],
  RELIGION: ['agama', 'religion', 'kepercayaan'],
  HEALTH: ['diagnosa', 'diagnosis', 'icd', 'icd10', 'icd 10', 'kode icd', 'penyakit', 'riwayat penyakit', 'hasil lab', 'lab result',
    'rontgen', 'xray', 'x ray', 'rekam medis', 'medical record', 'keluhan', 'tindakan', 'resep', 'obat', 'golongan darah',
    'gol darah', 'goldar', 'gol drh', 'blood type', 'hasil pemeriksaan', 'covid', 'swab', 'pcr',
    // Pandemic and clinic records: symptoms, comorbidities, vaccination, allergies, vital signs.
    'gejala', 'symptom', 'symptoms', 'komorbid', 'komorbiditas', 'penyakit penyerta', 'comorbidity', 'vaksin', 'vaksinasi',
    'vaccine', 'vaccination', 'alergi', 'allergy', 'tekanan darah', 'blood pressure', 'gula darah', 'riwayat medis',
    'medical history', 'disabilitas', 'disability', 'kehamilan'],
  BIOMETRIC: ['sidik jari', 'fingerprint', 'biometrik', 'biometric', 'foto wajah', 'face template', 'iris', 'retina',
    'face embedding', 'wajah', 'selfie'],
  PASSWORD: ['password', 'passwd', 'pwd', 'pass', 'kata sandi', 'sandi', 'password hash', 'pass hash', 'passhash', 'hashed password',
    'pwd hash', 'passwd hash', 'hash password', 'password digest', 'sandi hash', 'hash sandi', 'password bcrypt', 'password md5'],
  IP_ADDRESS: ['ip', 'ip address', 'ip addr', 'alamat ip', 'ipv4', 'ipv6', 'remote addr', 'client ip'],
  NEGATIVE: ['resi', 'no resi', 'order', 'order id', 'no order', 'pesanan', 'id pesanan', 'transaksi', 'id transaksi', 'invoice',
    'no invoice', 'faktur', 'tracking', 'awb', 'ref', 'referensi', 'reference', 'trx', 'serial', 'sku', 'barcode', 'kode booking',
    'booking', 'tiket', 'ticket', 'timestamp', 'created at', 'updated at', 'version', 'versi', 'harga', 'price', 'amount', 'total',
    'nominal', 'saldo', 'balance', 'id produk', 'product id', 'imei', 'uuid', 'hash'],
};

export const CONTEXT_PHRASES: readonly ContextPhrase[] = Object.entries(phrases).flatMap(([type, list]) =>
  list.map((words) => ({ words, type: type as PiiType | 'NEGATIVE' })),
);
