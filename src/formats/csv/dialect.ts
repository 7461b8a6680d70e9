// Sniffs a delimited file's dialect from its first bytes: the delimiter (the candidate whose
// count per row is the most consistent), and whether row 1 is a header (name-like tokens over
// data-like rows). Runs once per file on its head: in a folder of thousands of small exports,
// that is most of the planning.
import { decodeUtf8 } from '../../engine/prefilter/decode.js';

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
const QUOTE = 34, LF = 10, CR = 13, COMMA = 44;
const MAX_ROWS = 200;
const SNIFF_BYTES = 65536;
const QUICK_SNIFF_BYTES = 16384;
const QUICK_SNIFF_ROWS = 20;
/**
 * More cells in a row than any export writes (Excel stops at 16,384 columns): a line of megabytes
 * of one byte, whose walk would hold three numbers and a string per cell.
 */
const MAX_ROW_CELLS = 1 << 17;

/**
 * The first delimiter or line feed at or after a position (or the head's end), for positions that
 * only move forward. Cells are short in a CSV, but a candidate delimiter that is not the file's
 * makes whole rows one cell: past a few bytes, native searches take over from the byte loop, and
 * each search's answer is kept until passed, so a byte that is rare in the head (one `;` in an
 * address) is searched for once, not once per row to the head's end.
 */
function cellEnds(head: Uint8Array, delimiter: number): (from: number) => number {
  const n = head.length;
  let delimiterAt = -1, lineFeedAt = -1;
  return (from) => {
    const near = Math.min(n, from + 32);
    let j = from;
    while (j < near && head[j] !== delimiter && head[j] !== LF) j++;
    if (j < near || j === n) return j;
    if (delimiterAt < j) delimiterAt = nextOrEnd(head, delimiter, j);
    if (lineFeedAt < j) lineFeedAt = nextOrEnd(head, LF, j);
    return Math.min(delimiterAt, lineFeedAt);
  };
}

function nextOrEnd(head: Uint8Array, byte: number, from: number): number {
  const at = head.indexOf(byte, from);
  return at < 0 ? head.length : at;
}

/**
 * Walks the head's rows (quote-aware), reporting each cell's byte range (quotes excluded) and
 * each row end; the last, possibly cut row is not reported. Returns the number of rows.
 */
function walkRows(
  head: Uint8Array, delimiter: number, maxRows: number,
  onCell: (start: number, end: number, quoted: boolean) => void, onRow: (end: number) => void,
): number {
  let rows = 0, cells = 0, empty = true;
  let i = 0;
  const n = head.length;
  /** The row's cells so far as (start, end, quoted) triples, reported once the row is whole. */
  const pending: number[] = [];
  const cellEnd = cellEnds(head, delimiter);
  while (i < n && rows < maxRows) {
    let j: number, start: number, end: number, quoted = false;
    if (head[i] === QUOTE) {
      j = i + 1;
      for (;;) {
        const q = head.indexOf(QUOTE, j);
        if (q < 0) return rows;
        if (head[q + 1] === QUOTE) { j = q + 2; continue; }
        start = i + 1; end = q; quoted = true;
        j = cellEnd(q + 1);
        break;
      }
    } else {
      j = cellEnd(i);
      start = i; end = head[j - 1] === CR && j > i ? j - 1 : j;
    }
    if (j >= n) break;
    pending[3 * cells] = start;
    pending[3 * cells + 1] = end;
    pending[3 * cells + 2] = quoted ? 1 : 0;
    if (++cells > MAX_ROW_CELLS) return rows;
    if (end > start || quoted) empty = false;
    if (head[j] === LF) {
      if (cells > 1 || !empty) {
        for (let c = 0; c < 3 * cells; c += 3) onCell(pending[c]!, pending[c + 1]!, pending[c + 2] === 1);
        onRow(j + 1);
        rows++;
      }
      cells = 0;
      empty = true;
    }
    i = j + 1;
  }
  return rows;
}

/** Splits the head into rows of decoded fields; the last, possibly cut row is dropped. */
export function sampleRows(head: Uint8Array, delimiter: number, maxRows = MAX_ROWS): { rows: string[][]; ends: number[] } {
  const rows: string[][] = [];
  const ends: number[] = [];
  let row: string[] = [];
  walkRows(head, delimiter, maxRows, (start, end, quoted) => {
    const value = decodeUtf8(head, start, end);
    row.push(quoted ? value.replace(/""/g, '"') : value);
  }, (end) => { rows.push(row); ends.push(end); row = []; });
  return { rows, ends };
}

function delimiterScore(head: Uint8Array, delimiter: number): { consistency: number; width: number; rows: number } {
  // A delimiter that never occurs splits nothing: every row is one field (no walk needed).
  if (head.indexOf(delimiter) < 0) return { consistency: 0, width: 1, rows: 0 };
  // Counting only: no strings are made, so sniffing a megabyte-long SQL line stays cheap.
  const widths = new Map<number, number>();
  let width = 0, later = 0, spaced = 0, cells = 0, wordy = 0;
  const rows = walkRows(head, delimiter, MAX_ROWS, (start, end) => {
    if (width > 0) { later++; if (head[start] === 32) spaced++; }
    width++;
    cells++;
    if (end - start > 60) {
      let words = 0;
      for (let k = start; k < end && words <= 6; k++) if (head[k] === 32) words++;
      if (words > 6) wordy++;
    }
  }, () => { widths.set(width, (widths.get(width) ?? 0) + 1); width = 0; });
  if (rows === 0) return { consistency: 0, width: 0, rows: 0 };
  let common = 0, best = 0;
  for (const [w, count] of widths) if (count > best || (count === best && w > common)) { common = w; best = count; }
  // Prose: commas followed by a space. Data cells rarely start with a space.
  if (delimiter !== 9 && later > 0 && spaced / later > 0.5) return { consistency: 0, width: common, rows };
  // Log lines split at a timestamp's comma: long, wordy "fields" are sentences, not cells.
  if (cells > 0 && wordy / cells > 0.25) return { consistency: 0, width: common, rows };
  return { consistency: common > 1 ? best / rows : 0, width: common, rows };
}

// Header cells as exports write them: words, digits and punctuation, a line break or a comma in
// a quoted one ("alamat, lengkap"), an undecodable byte from a Latin-1 name.
const NAME_LIKE = /^[\p{L}_#][\p{L}\p{M}\p{N}\s_.,;|\-/()#?:'&%\uFFFD]{0,63}$/u;
/** A cell of the rows below row 1 that only data holds: three digits in a row, an @, a number. */
const DATA_LIKE = /\d{3}|@|^\d+([.,]\d+)?$/;
/**
 * A value that no column name holds, though it starts with a letter: an e-mail address, an
 * identifier or phone number (a run of 5 digits, or 7 in groups), a date or time, an amount.
 * Column names do number themselves ("kode 123", "nama_ayah1", "Kode Pos 2024"), so shorter
 * digit runs are no sign of data.
 */
const VALUE_LIKE =
  /@|\d{5}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}:\d{2}|\d{1,2}[\s\-/](jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)\p{L}*[\s\-/]\d{2,4}|\d[.,]\d{3}(\D|$)|\b(rp|idr|usd)\.?\s?\d/iu;
/** Digits of an identifier written in groups ("0812 3456 7890", "NPWP 01.234.567.8-901.000"). */
const GROUPED_DIGITS = 7;
/** A year closing a column name ("Kode Pos 2024", "nilai_2023") is not data. */
const NAME_YEAR = /[\s_](19|20)\d\d$/;
/** Years numbering column names ("nilai_2023_2024") are not digits of an identifier. */
const YEAR = /(?<!\d)(19|20)\d\d(?!\d)/g;
const COMMON_HEADER = /^(id|no|nik|nama|name|email|e-mail|alamat|address|phone|telp|hp|tgl|tanggal|kode|code)\b/i;
/** Report title lines that Excel writes above the header row. */
const MAX_TITLE_ROWS = 5;

function isHeaderCell(name: string): boolean {
  if (!NAME_LIKE.test(name) || VALUE_LIKE.test(name)) return false;
  return (name.replace(YEAR, '').match(/\d/g)?.length ?? 0) < GROUPED_DIGITS;
}

const TITLE_DATE = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;

/**
 * A report title above the header ("LAPORAN DATA PESERTA 2024,,,,"): one cell at most, and nothing
 * an identifier could be in (dates aside, 4 digits at most, no @), so skipping it loses nothing.
 */
function isTitleRow(row: string[]): boolean {
  const filled = row.filter((t) => t.trim());
  if (filled.length > 1) return false;
  const text = filled[0]?.replace(TITLE_DATE, '') ?? '';
  return !text.includes('@') && (text.match(/\d/g)?.length ?? 0) <= 4;
}

/** A cell's shape: its letters as `a`, its digits as `9` ("Kode 123" is "aaaa 999"). */
function shapeOf(cell: string): string {
  return cell.trim().replace(/\p{L}/gu, 'a').replace(/\d/g, '9');
}

/** Whether row 1 of `rows` is a header; null when only more rows below it can tell. */
function looksLikeHeader(rows: string[][]): boolean | null {
  const first = rows[0];
  if (!first || first.length < 2) return false;
  // Exports leave header cells empty: pandas' unnamed index column, a trailing delimiter.
  const names = first.map((t) => t.trim()).filter(Boolean);
  if (names.length < Math.max(2, first.length / 2)) return false;
  if (!names.every(isHeaderCell)) return false;
  // A numbered cell over cells of its shape ("Kode 123" over "Kode 124") is a value of its column.
  const below = rows.slice(1);
  for (const [i, cell] of first.entries()) {
    if (/\d/.test(cell) && below.some((row) => row[i] !== undefined && shapeOf(row[i]) === shapeOf(cell))) return false;
  }
  // Repeated names (joined tables) need data below to tell them from a row of repeated values.
  const distinct = new Set(names.map((t) => t.toLowerCase())).size === names.length;
  if (distinct && names.some((t) => t.includes('_') || COMMON_HEADER.test(t))) return true;
  // Without a name to go by, three digits in a row may be a value (a house number), as below.
  if (names.some((t) => DATA_LIKE.test(t.replace(NAME_YEAR, '')))) return false;
  return below.some((row) => row.some((t) => DATA_LIKE.test(t))) || null;
}

/**
 * What was learned of each head: format detection sniffs it as CSV and as TSV, then the chosen
 * reader prepares with it, and walking it is the main thread's largest cost per file when a scan
 * holds thousands of small files. Keyed by the head object, whose bytes must not change.
 */
interface Sniffed {
  head: Uint8Array;
  scores: ReturnType<typeof delimiterScore>[];
  /** Every comma of the sniffed bytes sits between two digits. */
  decimalCommas: boolean;
  /** By delimiter: the header row, when row 1 is one. */
  headers: Map<number, { header: string[]; headerEnd: number } | null>;
}
const sniffed = new WeakMap<Uint8Array, Sniffed>();

function onlyDecimalCommas(head: Uint8Array): boolean {
  const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
  for (let at = head.indexOf(COMMA); at >= 0; at = head.indexOf(COMMA, at + 1)) {
    if (!isDigit(head[at - 1]) || !isDigit(head[at + 1])) return false;
  }
  return true;
}

/** Best dialect for the head, or null when no delimiter splits the rows consistently. */
export function sniffDialect(fullHead: Uint8Array, preferred?: number): CsvDialect | null {
  let memo = sniffed.get(fullHead);
  if (!memo) {
    // 64 KB is plenty of rows, and bounds the cost of sniffing huge lines (a SQL dump's head). The
    // first 16 KB decide when they hold enough rows: sniffing is most of the planning of each file
    // in a folder of thousands of small exports. Rows of thousands of columns need all of the head
    // for two rows: a header and the data that tells it.
    let head = fullHead.subarray(0, SNIFF_BYTES);
    const scoresOf = (bytes: Uint8Array) => CANDIDATES.map((delimiter) => delimiterScore(bytes, delimiter));
    const rowsOf = (scores: ReturnType<typeof scoresOf>) => Math.max(...scores.map((s) => s.rows));
    let scores = scoresOf(head.subarray(0, QUICK_SNIFF_BYTES));
    if (head.length > QUICK_SNIFF_BYTES && rowsOf(scores) < QUICK_SNIFF_ROWS) scores = scoresOf(head);
    if (fullHead.length > head.length && rowsOf(scores) < 2) {
      head = fullHead;
      scores = scoresOf(head);
    }
    memo = { head, scores, decimalCommas: onlyDecimalCommas(head), headers: new Map() };
    sniffed.set(fullHead, memo);
  }
  let best: CsvDialect | null = null;
  let bestScore = 0;
  for (const [i, delimiter] of CANDIDATES.entries()) {
    const { consistency, width, rows } = memo.scores[i]!;
    if (width < 2 || consistency < 0.6) continue;
    // Prefer consistent, wider splits; a declared preference (the .tsv extension) breaks ties.
    // Commas that all sit between digits are decimal commas (1500,50) beside another delimiter.
    const decimal = delimiter === COMMA && memo.decimalCommas ? 1 : 0;
    const score = consistency * 10 + Math.min(width, 50) / 100 + (delimiter === preferred ? 0.5 : 0) - decimal;
    if (score > bestScore) {
      bestScore = score;
      best = { delimiter, header: null, headerEnd: 0, consistency, width, rows };
    }
  }
  if (!best) return null;
  if (!memo.headers.has(best.delimiter)) memo.headers.set(best.delimiter, headerRow(memo.head, best.delimiter));
  const found = memo.headers.get(best.delimiter);
  return found ? { ...best, header: [...found.header], headerEnd: found.headerEnd } : best;
}

/** Excel's line naming the delimiter, written before the header row. */
const SEP_LINE = /^sep=[^\r\n]?\r?\n/i;

function headerRow(fullHead: Uint8Array, delimiter: number): { header: string[]; headerEnd: number } | null {
  const sepLine = SEP_LINE.exec(String.fromCharCode(...fullHead.subarray(0, 8)));
  const skipped = sepLine ? sepLine[0].length : 0;
  const head = fullHead.subarray(skipped);
  // Two rows decide nearly every file (a header over a data row); 50 only when row 2 holds no data.
  let sample = sampleRows(head, delimiter, 2);
  let titles = 0;
  if (sample.rows[0] && isTitleRow(sample.rows[0])) {
    sample = sampleRows(head, delimiter, MAX_TITLE_ROWS + 2);
    while (titles < MAX_TITLE_ROWS && titles < sample.rows.length && isTitleRow(sample.rows[titles]!)) titles++;
  }
  let header = looksLikeHeader(sample.rows.slice(titles));
  if (header === null) {
    sample = sampleRows(head, delimiter, titles + 50);
    header = looksLikeHeader(sample.rows.slice(titles)) === true;
  }
  return header ? { header: sample.rows[titles]!.map((t) => t.trim()), headerEnd: skipped + sample.ends[titles]! } : null;
}
