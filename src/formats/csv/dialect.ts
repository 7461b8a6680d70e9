// Sniffs a delimited file's dialect from its first bytes: the delimiter (the candidate whose
// count per row is the most consistent), and whether row 1 is a header (name-like tokens over
// data-like rows). Runs once per file on the head, so clarity beats speed here.

export interface CsvDialect {
  /** Delimiter byte: `,` `;` tab or `|`. */
  delimiter: number;
  /** Column names from the header row, or null when row 1 is data. */
  header: string[] | null;
  /** File offset just past the header row (0 without a header). */
  headerEnd: number;
  /** How consistent the delimiter count is over the sampled rows (0–1). */
  consistency: number;
  /** Fields in most rows. */
  width: number;
  rows: number;
}

const CANDIDATES = [44, 59, 9, 124];
const QUOTE = 34, LF = 10, CR = 13;
const MAX_ROWS = 200;

/** Splits the head into rows of raw fields (quote-aware); the last, possibly cut row is dropped. */
export function sampleRows(head: Uint8Array, delimiter: number, maxRows = MAX_ROWS): { rows: string[][]; ends: number[] } {
  const decoder = new TextDecoder();
  const rows: string[][] = [];
  const ends: number[] = [];
  let row: string[] = [];
  let i = 0;
  const n = head.length;
  while (i < n && rows.length < maxRows) {
    let value: string;
    let j: number;
    if (head[i] === QUOTE) {
      j = i + 1;
      for (;;) {
        const q = head.indexOf(QUOTE, j);
        if (q < 0) return { rows, ends };
        if (head[q + 1] === QUOTE) { j = q + 2; continue; }
        value = decoder.decode(head.subarray(i + 1, q)).replace(/""/g, '"');
        j = q + 1;
        while (j < n && head[j] !== delimiter && head[j] !== LF) j++;
        break;
      }
    } else {
      j = i;
      while (j < n && head[j] !== delimiter && head[j] !== LF) j++;
      value = decoder.decode(head.subarray(i, head[j - 1] === CR && j > i ? j - 1 : j));
    }
    if (j >= n) break;
    row.push(value);
    if (head[j] === LF) {
      if (row.length > 1 || row[0] !== '') { rows.push(row); ends.push(j + 1); }
      row = [];
    }
    i = j + 1;
  }
  return { rows, ends };
}

function delimiterScore(head: Uint8Array, delimiter: number): { consistency: number; width: number; rows: number } {
  const { rows } = sampleRows(head, delimiter);
  if (rows.length === 0) return { consistency: 0, width: 0, rows: 0 };
  const widths = new Map<number, number>();
  for (const row of rows) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  let width = 0, best = 0;
  for (const [w, count] of widths) if (count > best || (count === best && w > width)) { width = w; best = count; }
  // Prose: commas followed by a space and long runs of words. Data cells rarely start with a space.
  let later = 0, spaced = 0;
  for (const row of rows) for (let k = 1; k < row.length; k++) { later++; if (row[k]!.startsWith(' ')) spaced++; }
  if (delimiter !== 9 && later > 0 && spaced / later > 0.5) return { consistency: 0, width, rows: rows.length };
  // Log lines split at a timestamp's comma: long, wordy "fields" are sentences, not cells.
  let cells = 0, wordy = 0;
  for (const row of rows) for (const cell of row) { cells++; if (cell.length > 60 && cell.split(' ').length > 6) wordy++; }
  if (cells > 0 && wordy / cells > 0.25) return { consistency: 0, width, rows: rows.length };
  return { consistency: width > 1 ? best / rows.length : 0, width, rows: rows.length };
}

const NAME_LIKE = /^[\p{L}_#][\p{L}\p{N} _.\-/()#]{0,63}$/u;
const DATA_LIKE = /\d{3}|@|^\d+([.,]\d+)?$/;
const COMMON_HEADER = /^(id|no|nik|nama|name|email|e-mail|alamat|address|phone|telp|hp|tgl|tanggal|kode|code)\b/i;

function looksLikeHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (!first || first.length < 2) return false;
  const names = first.map((t) => t.trim());
  if (names.some((t) => !NAME_LIKE.test(t) || DATA_LIKE.test(t))) return false;
  if (new Set(names.map((t) => t.toLowerCase())).size !== names.length) return false;
  const dataBelow = rows.slice(1).some((row) => row.some((t) => DATA_LIKE.test(t)));
  return dataBelow || names.some((t) => t.includes('_') || COMMON_HEADER.test(t));
}

/** Best dialect for the head, or null when no delimiter splits the rows consistently. */
export function sniffDialect(head: Uint8Array, preferred?: number): CsvDialect | null {
  let best: CsvDialect | null = null;
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const { consistency, width, rows } = delimiterScore(head, delimiter);
    if (width < 2 || consistency < 0.6) continue;
    // Prefer consistent, wider splits; a declared preference (the .tsv extension) breaks ties.
    const score = consistency * 10 + Math.min(width, 50) / 100 + (delimiter === preferred ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { delimiter, header: null, headerEnd: 0, consistency, width, rows };
    }
  }
  if (!best) return null;
  const { rows, ends } = sampleRows(head, best.delimiter, 50);
  if (looksLikeHeader(rows)) {
    best.header = rows[0]!.map((t) => t.trim());
    best.headerEnd = ends[0]!;
  }
  return best;
}
