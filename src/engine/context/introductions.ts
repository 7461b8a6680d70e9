// Names that people give for themselves in free text, with no "label: value" around them: chat
// and complaint exports read "Halo kak, saya Adi Hidayat. Ini data saya ya: NIK …". The cue is
// "saya" or "my name is"; the name is the Title Case words right after it ("saya bernama Rina
// Lestari", "nama saya Budi"). Sale posts are often written all in Title Case ("Saya Jual Data
// KTP Fresh"), so a bare "saya" needs two name words that end the sentence or meet a lowercase
// word, and the first may not be one of the common words such posts start with.

/**
 * "saya" and "my name is", matched as whole words in any case, found by their "y". The engine reads
 * only fields where the prefilter saw a word of their shape (MARK_INTRODUCTION): a new cue must be
 * marked there too.
 */
const SAYA = bytesOf('saya'), MY_NAME_IS = bytesOf('my name is'), NAMA = bytesOf('nama');
/** Words between the cue and the name ("saya adalah Budi", "saya bernama Rina"). */
const FILLERS = new Set(['adalah', 'ialah', 'bernama', 'yaitu']);
/** Title Case words that follow "Saya" in posts and are not names: verbs, roles ("Saya Tim Support …"). */
const NOT_NAMES = new Set([
  'ada', 'admin', 'agen', 'agent', 'akan', 'anak', 'bantu', 'beli', 'belum', 'berikan', 'bisa', 'butuh', 'cari',
  'customer', 'dan', 'dari', 'dengan', 'di', 'guru', 'harap', 'hanya', 'ingin', 'jual', 'jualan', 'juga', 'karyawan',
  'ke', 'kirim', 'korban', 'lagi', 'mahasiswa', 'mau', 'masih', 'membeli', 'mencari', 'menjual', 'minat', 'minta',
  'mohon', 'nasabah', 'orang', 'owner', 'pegawai', 'pelanggan', 'pembeli', 'pemilik', 'pengguna', 'penjual', 'perlu',
  'pernah', 'peserta', 'petugas', 'pihak', 'punya', 'ready', 'sedang', 'seller', 'sendiri', 'siap', 'siswa', 'staf',
  'staff', 'sudah', 'tanya', 'team', 'tidak', 'tim', 'untuk', 'warga', 'yang',
]);
const MAX_WORDS = 4;

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * Calls `visit(start, end, cue)` with the span of each name introduced in bytes[s, e). Only names
 * written in Title Case count: a name in lowercase cannot be told from the words around it.
 */
export function introducedNames(bytes: Uint8Array, s: number, e: number, visit: (start: number, end: number, cue: string) => void): void {
  // Both cues hold a "y", a rare letter in Indonesian: the loop tests one byte, not every "s" and "n".
  for (let y = s + 1; y < e; y++) {
    if ((bytes[y]! | 32) !== 121) continue;
    const cue = y - 2 >= s && startsWith(bytes, y - 2, e, SAYA) ? SAYA : y - 1 >= s && startsWith(bytes, y - 1, e, MY_NAME_IS) ? MY_NAME_IS : null;
    const cueStart = y - (cue === SAYA ? 2 : 1);
    if (!cue || (cueStart > s && isLetter(bytes[cueStart - 1]!))) continue;
    let at = cueStart + cue.length;
    if (at < e && isLetter(bytes[at]!)) continue;
    // "nama saya Budi" and "my name is Budi" name one; a bare "saya" needs a full name.
    const named = cue === MY_NAME_IS || followsNama(bytes, s, cueStart);
    at = skipBlanks(bytes, at, e);
    const filler = wordEnd(bytes, at, e);
    if (FILLERS.has(lowercase(bytes, at, filler))) at = skipBlanks(bytes, filler, e);
    let words = 0, end = at;
    for (let word = at, wordStop = titleWordEnd(bytes, word, e); wordStop > 0 && words <= MAX_WORDS; wordStop = titleWordEnd(bytes, word, e)) {
      if (NOT_NAMES.has(lowercase(bytes, word, wordStop))) break; // the name, if any, ended before it
      end = wordStop;
      words++;
      word = skipSpaces(bytes, end, e);
    }
    y = Math.max(y, end - 1);
    if (words === 0 || words > MAX_WORDS || (!named && (words < 2 || !endsSentence(bytes, end, e)))) continue;
    visit(at, end, cue === MY_NAME_IS ? 'my name is' : named ? 'nama saya' : 'saya');
  }
}

function isLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function startsWith(bytes: Uint8Array, at: number, e: number, cue: Uint8Array): boolean {
  if (at + cue.length > e) return false;
  for (let k = 0; k < cue.length; k++) if ((bytes[at + k]! | 32) !== cue[k]) return false;
  return true;
}

/** "nama saya": the word before the cue at `at` is "nama". */
function followsNama(bytes: Uint8Array, s: number, at: number): boolean {
  let end = at;
  while (end > s && bytes[end - 1] === 32) end--;
  return end - 4 >= s && startsWith(bytes, end - 4, end, NAMA) && (end - 4 === s || !isLetter(bytes[end - 5]!));
}

function skipBlanks(bytes: Uint8Array, at: number, e: number): number {
  while (at < e && (bytes[at] === 32 || bytes[at] === 44 || bytes[at] === 58)) at++;
  return at;
}

function skipSpaces(bytes: Uint8Array, at: number, e: number): number {
  while (at < e && bytes[at] === 32) at++;
  return at;
}

/** The end of the word at `at`: letters, and the apostrophes and hyphens inside names (Nur'aini, Al-Fatih). */
function wordEnd(bytes: Uint8Array, at: number, e: number): number {
  let end = at;
  while (end < e && (isLetter(bytes[end]!) || ((bytes[end] === 39 || bytes[end] === 45) && end > at && end + 1 < e && isLetter(bytes[end + 1]!)))) end++;
  return end;
}

/**
 * The end of the Title Case word at `at`, or 0 when there is none: a capital, then lowercase
 * letters ("Budi"), or an initial with its dot ("M. Rizki"). "BUDI" and "budi" are not.
 */
function titleWordEnd(bytes: Uint8Array, at: number, e: number): number {
  if (at >= e || !isUpper(bytes[at]!)) return 0;
  const end = wordEnd(bytes, at, e);
  if (end === at + 1) return end + 1 < e && bytes[end] === 46 && bytes[end + 1] === 32 ? end + 1 : 0;
  for (let k = at + 1; k < end; k++) if (isUpper(bytes[k]!)) return 0;
  return end;
}

/** After the name: the end of the text or a sentence, a comma, or a lowercase word ("… Hidayat dari Bandung"). */
function endsSentence(bytes: Uint8Array, end: number, e: number): boolean {
  const at = skipSpaces(bytes, end, e);
  if (at >= e) return true;
  const c = bytes[at]!;
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 41 || c === 10 || c === 13 || (c >= 97 && c <= 122);
}

function lowercase(bytes: Uint8Array, at: number, end: number): string {
  let word = '';
  for (let k = at; k < end && k - at < 16; k++) word += String.fromCharCode(bytes[k]! | 32);
  return word;
}
