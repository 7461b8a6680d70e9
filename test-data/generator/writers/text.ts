// Unstructured dumps: pasted registration forms and chat-like prose (`text`), and application
// logs with key=value pairs, URL paths and stack-like noise (`log`). Context comes only from
// the words around a value, so labels vary; every non-null cell of a row is written.
import { columnIndex, SCHEMA, type DumpStyle, type Row } from '../rows.js';
import type { Random } from '../random.js';
import type { FormatWriter } from './types.js';

/** Form labels per column key; the first is the common one. */
const LABELS: Record<string, readonly string[]> = {
  nik: ['NIK', 'No. KTP', 'Nomor Induk Kependudukan', 'NIK KTP'],
  no_kk: ['No. KK', 'Nomor Kartu Keluarga', 'No KK'],
  nik_kepala_keluarga: ['NIK Kepala Keluarga', 'NIK Kepala KK'],
  nama: ['Nama Lengkap', 'Nama', 'Nama Pelanggan'],
  tempat_lahir: ['Tempat Lahir'],
  tanggal_lahir: ['Tanggal Lahir', 'Tgl Lahir', 'Tgl. Lahir'],
  jenis_kelamin: ['Jenis Kelamin'],
  agama: ['Agama'],
  alamat: ['Alamat', 'Alamat KTP', 'Alamat Lengkap'],
  nama_ibu: ['Nama Ibu Kandung', 'Ibu Kandung'],
  no_hp: ['No. HP', 'HP/WA', 'Telepon', 'No. Handphone'],
  telepon_kantor: ['Telp. Kantor', 'Telepon Kantor'],
  email: ['Email', 'E-mail', 'Surel'],
  npwp: ['NPWP', 'No. NPWP'],
  no_paspor: ['No. Paspor', 'Nomor Paspor'],
  no_rekening: ['No. Rekening', 'Nomor Rekening'],
  kode_referensi: ['Kode Referensi', 'Ref'],
  created_at: ['Dibuat (epoch ms)', 'created_at'],
  updated_at: ['Diperbarui', 'updated_at'],
  order_id: ['Order ID', 'No. Pesanan', 'ID Transaksi'],
  no_resi: ['No. Resi', 'Nomor Resi', 'Resi'],
  invoice: ['No. Invoice', 'Invoice'],
  total: ['Total Bayar (Rp)', 'Total'],
  no_kartu: ['Kartu Kredit', 'No. Kartu Kredit', 'Credit Card'],
  hp_penerima: ['HP Penerima', 'No. HP Penerima'],
  created_at_us: ['Timestamp (µs)', 'ts_micro'],
  no_bpjs: ['No. BPJS', 'Nomor Kartu BPJS', 'No. Kartu BPJS Kesehatan'],
  kode_icd10: ['Kode ICD-10', 'ICD10'],
  diagnosa: ['Diagnosa'],
  username: ['Username'],
  password: ['Password Hash', 'Password'],
  last_login_ip: ['IP Login Terakhir', 'IP Address'],
  user_agent: ['User Agent'],
  foto_profil: ['Foto Profil'],
};

const flat = (cell: string): string => cell.replace(/\s*\n\s*/g, ' ');

function formBlock(rng: Random, row: Row): string {
  const id = row[columnIndex('id')] ?? '';
  let out = rng.pick([`=== Data Pelanggan #${id} ===\n`, `--- Formulir Pendaftaran ${id} ---\n`, `[Record ${id}]\n`]);
  const sep = rng.pick([': ', ' : ', ' = ', ':\t']);
  for (let i = 0; i < SCHEMA.length; i++) {
    const spec = SCHEMA[i], cell = row[i];
    if (!spec || spec.key === 'id' || cell === null || cell === undefined) continue;
    out += `${rng.pick(LABELS[spec.key] ?? [spec.key])}${sep}${flat(cell)}\n`;
  }
  return out + '\n';
}

/** A chat message mixing prose and labels, as posted in groups; the rest of the row follows as a form. */
function proseBlock(rng: Random, row: Row): string {
  const cell = (key: string): string | null => row[columnIndex(key)] ?? null;
  const nik = cell('nik'), hp = cell('no_hp'), email = cell('email'), kk = cell('no_kk');
  const said = new Set(['nik', 'no_hp', 'email', 'no_kk', 'nama']);
  let out = `Halo kak, saya ${cell('nama') ?? ''}. Ini data saya ya: NIK ${nik ?? '-'}, nomor kartu keluarga ${kk ?? '-'}. ` +
    `Bisa dihubungi di ${hp ?? '-'} atau email ${email ?? '-'}. Makasih 🙏\n`;
  for (let i = 0; i < SCHEMA.length; i++) {
    const spec = SCHEMA[i], value = row[i];
    if (!spec || spec.key === 'id' || said.has(spec.key) || value === null || value === undefined) continue;
    out += `${rng.pick(LABELS[spec.key] ?? [spec.key])}: ${flat(value)}\n`;
  }
  return out + '\n';
}

export function textWriter(_style: DumpStyle, rng: Random): FormatWriter {
  return {
    start: () => 'DATA PELANGGAN - JANGAN DISEBARKAN\nDiekspor dari sistem CRM v3.12.1\n\n',
    batch: (rows: readonly Row[]) => rows.map((row) => (rng.chance(0.25) ? proseBlock(rng, row) : formBlock(rng, row))).join(''),
    end: () => '-- akhir data --\n',
  };
}

/** Groups of columns, one log event each, with the logger that would have written it. */
const EVENTS: readonly (readonly [string, string, readonly string[]])[] = [
  ['INFO ', 'c.t.auth.LoginController', ['username', 'email', 'last_login_ip', 'user_agent', 'foto_profil', 'password']],
  ['INFO ', 'c.t.kyc.KycService', ['nik', 'no_kk', 'nik_kepala_keluarga', 'nama', 'tempat_lahir', 'tanggal_lahir', 'jenis_kelamin', 'agama', 'alamat', 'nama_ibu', 'created_at', 'updated_at']],
  ['DEBUG', 'c.t.kyc.ContactSync', ['no_hp', 'telepon_kantor', 'npwp', 'no_paspor', 'no_rekening', 'kode_referensi']],
  ['WARN ', 'c.t.order.OrderService', ['order_id', 'no_resi', 'invoice', 'total', 'no_kartu', 'hp_penerima', 'created_at_us']],
  ['ERROR', 'c.t.bpjs.SyncJob', ['no_bpjs', 'kode_icd10', 'diagnosa']],
];

export function logWriter(style: DumpStyle, rng: Random): FormatWriter {
  let clock = Date.UTC(2024, 2, 5, 8, 0, 0);
  const stamp = (): string => {
    clock += rng.range(3, 900);
    return new Date(clock).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
  };
  const pair = (key: string, cell: string): string => {
    const name = style.names[columnIndex(key)] ?? key;
    const value = flat(cell);
    return /[\s"]/.test(value) ? `${name}="${value.replace(/"/g, '\\"')}"` : `${name}=${value}`;
  };
  return {
    start: () => `${stamp()} INFO  [main] c.t.Application - Started Application in 4.21 seconds (JVM running for 5.0)\n`,
    batch(rows: readonly Row[]): string {
      let out = '';
      for (const row of rows) {
        const thread = `[http-nio-8080-exec-${rng.range(1, 12)}]`;
        const nik = row[columnIndex('nik')];
        if (nik && rng.chance(0.3)) {
          // A NIK in a URL path: no label, only its structure tells it apart.
          out += `${stamp()} INFO  ${thread} c.t.web.AccessLog - GET /api/v1/penduduk/${nik}/verifikasi 200 ${rng.range(3, 250)}ms\n`;
        }
        for (const [level, logger, keys] of EVENTS) {
          const pairs = keys.flatMap((k) => { const c = row[columnIndex(k)]; return c === null || c === undefined ? [] : [pair(k, c)]; });
          if (pairs.length > 0) out += `${stamp()} ${level} ${thread} ${logger} - ${pairs.join(' ')}\n`;
        }
        if (rng.chance(0.05)) out += '\tat com.toko.bpjs.SyncJob.run(SyncJob.java:118)\n\tat java.base/java.lang.Thread.run(Thread.java:833)\n';
      }
      return out;
    },
    end: () => `${stamp()} INFO  [main] c.t.Application - Shutting down\n`,
  };
}
