// The shared negative corpus: values and texts that hold no personal data. Field detectors use
// the placeholder list at run time (an empty-looking cell is never a name or a password), and the
// conformance suite checks that every detector stays silent on all of it.

/** Cell values that mean "no value" in dumps: SQL NULLs, dashes, "tidak ada", masked stars… */
const PLACEHOLDERS = new Set([
  '', '-', '--', '---', '.', '..', '...', '?', '0', 'null', 'nil', 'none', 'nan', 'n/a', 'na', 'n.a.', 'n.a', '#n/a', '\\n',
  'undefined', 'unknown', 'empty', 'blank', 'tidak ada', 'tidak diketahui', 'kosong', 'belum ada', 'tidak tahu', 'tdk ada',
  'belum diisi', 'tidak diisi', '(null)', '<null>', 'default', 'xxx', 'test', 'testing', 'dummy', 'sample', 'contoh', 'lorem ipsum',
]);

/** Placeholders by their first character: a value is compared with the few that share its own. */
const BY_FIRST = new Map<number, string[]>();
for (const p of PLACEHOLDERS) if (p) BY_FIRST.set(p.charCodeAt(0), [...(BY_FIRST.get(p.charCodeAt(0)) ?? []), p]);
const MASK = new Set([...'*x#•-_.='].map((c) => c.charCodeAt(0)));

/**
 * True when a cell value means "no value" rather than holding one: it is in the list once folded
 * (lower case, blank runs as one space), or it is masked ("*****", "xxxx", "====="). Runs on every
 * name, address and diagnosis cell, so it compares in place instead of folding a copy.
 */
export function isPlaceholder(value: string): boolean {
  // Long values are only placeholders when padded (SQL CHAR columns): trim those first.
  if (value.length > 20 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return false;
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (trimmed.length > 20) return false;
  const first = foldAscii(trimmed.charCodeAt(0));
  if (MASK.has(first) && /^[*x#•\-_.=]+$/i.test(trimmed)) return true;
  // Beyond ASCII only toLowerCase knows the folding (the Kelvin sign folds to "k"): fold a copy.
  if (first >= 128) return isFoldedPlaceholder(trimmed);
  for (const p of BY_FIRST.get(first) ?? []) {
    const same = equalsFolded(trimmed, p);
    if (same === null) return isFoldedPlaceholder(trimmed);
    if (same) return true;
  }
  return false;
}

const isFoldedPlaceholder = (text: string) => PLACEHOLDERS.has(text.toLowerCase().replace(/\s+/g, ' '));

const foldAscii = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Whether `value`, lower-cased with each run of blanks as one space, equals `folded` (ASCII, lower
 * case); null when `value` holds a character beyond ASCII, whose folding only toLowerCase knows.
 */
function equalsFolded(value: string, folded: string): boolean | null {
  let i = 0, j = 0;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c >= 128) return null;
    if (j >= folded.length) return false;
    if (isBlank(c)) {
      if (folded.charCodeAt(j) !== 32) return false;
      while (i < value.length && isBlank(value.charCodeAt(i))) i++;
    } else {
      if (foldAscii(c) !== folded.charCodeAt(j)) return false;
      i++;
    }
    j++;
  }
  return j === folded.length;
}

/** Placeholder cells to test against every field detector under its own label. */
export const NEGATIVE_FIELD_VALUES: readonly string[] = [
  '', '   ', '-', '--', 'NULL', 'null', '\\N', 'N/A', 'n/a', 'NA', 'None', 'nil', 'undefined', 'tidak ada', 'Tidak Ada', 'kosong',
  '*****', 'xxxxxxxx', '0', '?', '(null)',
];

/**
 * Free text with numbers and addresses that are not personal data: no token detector may report
 * anything here with a confidence the pipeline keeps, without context.
 */
export const NEGATIVE_TEXTS: readonly string[] = [
  'Harga Rp 1.250.000 per bulan, diskon 15%',
  'Total: Rp 1.200.000.000 (satu miliar dua ratus juta)',
  'Dibuat 2024-01-31 12:30:45 oleh sistem',
  'Timestamp 1706700000 epoch, durasi 3600 detik',
  'Versi aplikasi v1.2.3.4 dirilis tanggal 31/01/2024',
  'Build 10.0.19041.1 x64',
  'Kode pos 12345, RT 001 RW 002',
  'Jumlah penduduk 275.773.800 jiwa pada 2023',
  'Skor 98.5, peringkat 12 dari 300',
  'Lihat bab 3.2.1 halaman 45',
  'logo@2x.png dan icon@3x.jpg dipakai di header',
  'npm install lodash@4.17.21 express@5.0.0',
  'git clone git@localhost:repo',
  'MAC 00:1a:2b:3c:4d:5e terdaftar, jam 12:30:45',
  'Koordinat -6.200000, 106.816666',
  'ISBN 978-602-8519-93-9',
  'Nomor urut 0000000000000 sampai 9999999999999',
  'Barcode 8991234567890 produk mie instan',
  'Loopback 127.0.0.1 dan ::1, bind 0.0.0.0, broadcast 255.255.255.255',
  'Hitung 1234567890123456 langkah simulasi',
  'Serial 4111 1111 1111 1112 rusak',
  'Password: c419741b6e0a13051d70d08652378439',
  'created_ms: 1605369844278, Diperbarui: 20250317203559',
  'Timestamp (µs): 1742500991632189',
  'Invoice: INV/20250317/MPL/3150604032, kode INV/20190718/MPL/0892537543',
  'Total: 15825000 dibayar 2025-03-17T20:35:59+07:00',
  'sha1 9f0d4111111111111111e3a1b2c3d4e5f6a7b8c9',
];

/**
 * Numbers with negative context (order, invoice, resi…): detectors see NEGATIVE_HINT and must
 * stay below the pipeline's threshold.
 */
export const NEGATIVE_CONTEXT_TEXTS: readonly string[] = [
  'No. resi 081234567890',
  'Order ID 4111111111111111',
  'Invoice 3171012345678901',
  'Transaksi 01.234.567.8-901.000',
  'ID transaksi 628123456789',
];
