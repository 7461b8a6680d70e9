// Cue words for the post classifier, by the intent they signal (Indonesian, English, slang).
// They become features whose weights the model learns; they are data, not rules.
export const CUES: Readonly<Record<string, readonly string[]>> = {
  sell: [
    'jual', 'dijual', 'menjual', 'jualan', 'ready', 'redy', 'sedia', 'stok', 'stock', 'selling', 'sell',
    'for sale', 'wts', 'menawarkan', 'open po', 'new drop', 'drop', 'fresh', 'full data', 'full db',
    'dump', 'db', 'leak', 'leaked', 'bocoran', 'free download', 'download', 'gratis', 'free', 'sample',
    'samples', 'sampel', 'murah', 'murmer', 'grosir', 'borong', 'testi', 'price', 'harga', 'nego',
  ],
  contact: [
    'minat pm', 'pm', 'japri', 'dm', 'hub', 'kontak', 'contact', 'ping me', 'hit me up', 'tele', 'tg',
    'wa', 'fast respon', 'fast response', 'no tipu', 'escrow', 'middleman', 'serius', 'serious', 'tox',
    'jabber', 'xmpp', 'session',
  ],
  wantToBuy: [
    'wtb', 'want to buy', 'buying', 'looking for', 'cari', 'mencari', 'dicari', 'butuh', 'need',
    'mau beli', 'beli', 'request', 'ada yang jual', 'ada yg jual', 'yang punya', 'yg punya', 'who has',
    'budget', 'paying', 'will pay', 'siap bayar', 'anyone has',
  ],
  news: [
    'diduga', 'dugaan', 'menurut', 'mengatakan', 'menyatakan', 'said', 'says', 'according', 'claims',
    'claimed', 'diklaim', 'mengklaim', 'membantah', 'bantah', 'denies', 'investigating', 'menyelidiki',
    'polisi', 'ditangkap', 'arrest', 'researchers', 'researcher', 'peneliti', 'pakar', 'ahli',
    'kebocoran', 'breach', 'confirmed', 'mengonfirmasi', 'tersangka', 'kasus', 'laporan', 'report',
    'memastikan', 'mengimbau', 'urges', 'warns', 'fake', 'investigasi', 'beredar', 'berkoordinasi',
    'threat actor', 'hacker', 'peretas', 'forum', 'bocor', 'terverifikasi', 'verified', 'sindikat',
  ],
  advice: [
    'tips', 'jangan', 'hati hati', 'cara', 'pastikan', 'gunakan', 'aktifkan', 'waspada', 'remember',
    'never', 'checklist', 'edukasi', 'simak', 'protect', 'lindungi', 'habits', 'webinar',
  ],
  job: [
    'lowongan', 'loker', 'dibutuhkan', 'hiring', 'vacancy', 'gaji', 'kirim cv', 'lamaran', 'syarat',
    'kerja', 'part time', 'freelance', 'recruitment', 'job', 'apply', 'hrd',
  ],
  goods: [
    'iphone', 'samsung', 'redmi', 'oppo', 'ram', 'ssd', 'laptop', 'baterai', 'garansi', 'mulus', 'second',
    'bekas', 'cod', 'ongkir', 'kuota', 'voucher', 'segel', 'fullset', 'kg', 'motor', 'mobil', 'rumah',
  ],
  scam: [
    'hadiah', 'selamat', 'undian', 'klik', 'link', 'pinjaman', 'cair', 'profit', 'investasi', 'giveaway',
    'verifikasi', 'bantuan', 'biaya admin', 'blokir',
  ],
};

interface CueNode { next: Map<string, CueNode>; cue?: string; phrase?: string }
const root: CueNode = { next: new Map() };
for (const [cue, phrases] of Object.entries(CUES)) {
  for (const phrase of phrases) {
    let node = root;
    for (const w of phrase.split(' ')) {
      let child = node.next.get(w);
      if (!child) { child = { next: new Map() }; node.next.set(w, child); }
      node = child;
    }
    node.cue = cue;
    node.phrase = phrase;
  }
}

export interface CueHit { cue: string; phrase: string }

/** Cue phrases found in a post's lowercase words (longest match at each position). */
export function findCues(words: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < words.length;) {
    let node: CueNode | undefined = root;
    let best: { hit: CueHit; length: number } | null = null;
    for (let k = i; k < words.length; k++) {
      node = node.next.get(words[k]!);
      if (!node) break;
      if (node.cue) best = { hit: { cue: node.cue, phrase: node.phrase! }, length: k - i + 1 };
    }
    if (best) { hits.push(best.hit); i += best.length; } else i++;
  }
  return hits;
}
