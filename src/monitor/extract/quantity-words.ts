// Vocabulary that tells what a number in a post measures (Indonesian and English, with the
// marketplace abbreviations). Data, not code: extend the sets, not the scanner.

/** Multipliers written after a number. Single letters count only when glued ("1.3M", "$150k"). */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['ribu', 1e3], ['rb', 1e3], ['rebu', 1e3], ['thousand', 1e3], ['k', 1e3],
  ['juta', 1e6], ['jt', 1e6], ['million', 1e6], ['millions', 1e6], ['mil', 1e6], ['mio', 1e6], ['m', 1e6],
  ['miliar', 1e9], ['milyar', 1e9], ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['b', 1e9],
  ['triliun', 1e12], ['trillion', 1e12],
]);
export const GLUED_ONLY_MAGNITUDES = new Set(['k', 'm', 'b']);
/** Abbreviations that sellers use for rupiah amounts: "700rb", "2jt" without a noun are prices. */
export const MONEY_ABBREVIATIONS = new Set(['rb', 'rebu', 'jt']);

/** Decimal byte units (1 GB = 10^9 bytes). */
export const BYTE_UNITS: ReadonlyMap<string, number> = new Map([
  ['kb', 1e3], ['mb', 1e6], ['gb', 1e9], ['tb', 1e12], ['pb', 1e15],
  ['gigabyte', 1e9], ['gigabytes', 1e9], ['terabyte', 1e12], ['terabytes', 1e12],
]);

/** Currency words after or before a number; "$" and "€" are handled as symbols. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['rp', 'IDR'], ['idr', 'IDR'], ['rupiah', 'IDR'],
  ['usd', 'USD'], ['dollar', 'USD'], ['dollars', 'USD'], ['dolar', 'USD'],
  ['usdt', 'USDT'], ['eur', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'],
  ['btc', 'BTC'], ['bitcoin', 'BTC'], ['xmr', 'XMR'], ['monero', 'XMR'], ['eth', 'ETH'], ['ether', 'ETH'],
]);
export const CRYPTO = new Set(['BTC', 'XMR', 'ETH', 'USDT']);

/** Words that make the next number a price. "jual" only counts right before the number. */
export const PRICE_WORDS = new Set([
  'harga', 'hrg', 'price', 'priced', 'seharga', 'cuma', 'cuman', 'only', 'asking', 'mulai', 'borong',
  'borongan', 'senilai', 'tarif',
]);
export const ADJACENT_PRICE_WORDS = new Set(['jual', 'dijual']);
/** Money that is not the price of the data: salaries, budgets, prizes, fees. */
export const OTHER_MONEY_WORDS = new Set([
  'gaji', 'salary', 'budget', 'modal', 'profit', 'honor', 'hadiah', 'omzet', 'deposit', 'dp', 'bayar',
  'biaya', 'fee', 'denda', 'cicilan', 'pay', 'paying', 'paid', 'ransom', 'worth', 'nilai', 'kerugian', 'loss',
]);

/** Nouns that make a number a count of records ("279 juta penduduk", "500K cards"). */
export const RECORD_NOUNS = new Set([
  'data', 'record', 'records', 'row', 'rows', 'baris', 'line', 'lines', 'entry', 'entries', 'entri',
  'user', 'users', 'pengguna', 'akun', 'account', 'accounts', 'nasabah', 'pasien', 'patient', 'patients',
  'penduduk', 'citizen', 'citizens', 'pelanggan', 'customer', 'customers', 'warga', 'siswa', 'student',
  'students', 'mahasiswa', 'pegawai', 'karyawan', 'employee', 'employees', 'staff', 'worker', 'workers',
  'pemilih', 'voter', 'voters', 'peserta', 'participant', 'participants', 'member', 'members', 'anggota',
  'ktp', 'nik', 'niks', 'orang', 'people', 'person', 'persons', 'jiwa', 'identitas', 'email', 'emails',
  'nomor', 'number', 'numbers', 'pcs', 'lembar', 'biji', 'foto', 'photo', 'photos', 'set', 'sets',
  'profile', 'profiles', 'profil', 'driver', 'drivers', 'merchant', 'merchants', 'passenger',
  'passengers', 'penumpang', 'subscriber', 'subscribers', 'holder', 'holders', 'jamaah', 'anak', 'card',
  'cards', 'kartu', 'login', 'logins', 'credential', 'credentials', 'rekam', 'msisdn', 'pns', 'asn',
  'debitur', 'borrower', 'borrowers', 'pemohon', 'applicant', 'applicants', 'donor', 'donors', 'alumni',
  'nasabahnya', 'servants', 'lecturer', 'lecturers', 'traveller', 'travellers', 'policy',
]);

/** Units of a per-record price: "5k per lembar", "10rb/pcs", "$2 per card". */
export const PRICE_UNITS = new Set([
  'lembar', 'data', 'record', 'records', 'pcs', 'pc', 'biji', 'set', 'paket', 'akun', 'account', 'card',
  'kartu', 'login', 'rekening', 'foto', 'photo', 'orang', 'item', 'row', 'baris', 'nik', 'ktp',
]);
/** Glued forms meaning "per one": "perlembar", "sepaket", "satuan", "each". */
export const PER_ONE_WORDS = new Set([
  'satuan', 'sepaket', 'selembar', 'each', 'perlembar', 'perdata', 'perpcs', 'perakun', 'perset', 'perfoto',
]);

/** Words before a number that make it a sample size or a minimum order, not the offer's size. */
export const NOT_TOTAL_WORDS = new Set([
  'sample', 'samples', 'sampel', 'contoh', 'teaser', 'first', 'min', 'minimal', 'minimum', 'order',
]);
