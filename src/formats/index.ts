// The format registry: every reader, and detectFormat, which picks one for a file from its first
// bytes (content first, the extension only as a tie-breaker inside each sniff). Binary files are
// refused with a reason; UTF-16 text is transcoded to UTF-8 for whichever reader fits it.
//
// What callers can rely on (beyond types.ts):
// - A FieldBatch (bytes and arrays) is valid until the next push/end on the same parser.
// - Chunks may be reused by the caller after push returns: parsers copy what they keep.
// - Every state survives structured cloning. Optional `maxRecordBytes` (default 8 MB) bounds
//   the tail a parser keeps; `encoding: 'utf-16le' | 'utf-16be'` makes parsers transcode;
//   `loneCrLineBreaks: true` says lone CRs end lines (line-breaks.ts): the scan maps them to LFs
//   as it reads the bytes, a UTF-16 parser as it transcodes.
//   text, json, xml: {}.  ndjson: { jsonLineHeader? } (a first line of column names).
//   csv/tsv: { delimiter, header: string[] | null, headerEnd }.
//   table: { openTable: header names | null, boxed, expanded } (what the head leaves open).
//   sql: { tables: {table: columns}, copies: [dataStart, dataEnd, table, columns][], backslashEscapes }.
// - Columns: CSV header names (else col1…), JSON paths (`data.pasien[].nik`; top-level array
//   elements add nothing), SQL `table.column` (else `table.colN`); -1 = free text.
import { csvReader, tsvReader } from './csv/csv.js';
import { jsonReader, ndjsonReader } from './json/json.js';
import { hasLoneCr, INPUT_END, loneCrToLf, withLoneCrLineBreaks } from './line-breaks.js';
import { sqlReader } from './sql/sql.js';
import { tableReader } from './table/table.js';
import { textReader } from './text/text.js';
import { xmlReader } from './xml/xml.js';
import { FormatError, type ByteSource, type FileState, type FormatReader } from './types.js';

/** Every reader, most specific first: on equal sniff scores the earlier one wins. */
export const readers: FormatReader[] = [sqlReader, ndjsonReader, jsonReader, xmlReader, tableReader, csvReader, tsvReader, textReader];

const SAMPLE = 65536;

const MAGIC: [string, number[]][] = [
  ['gzip', [0x1f, 0x8b]], ['zip', [0x50, 0x4b, 0x03, 0x04]], ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['png', [0x89, 0x50, 0x4e, 0x47]], ['jpeg', [0xff, 0xd8, 0xff]], ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]], ['rar', [0x52, 0x61, 0x72, 0x21]], ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a]], ['bzip2', [0x42, 0x5a, 0x68]],
];

/** Why these bytes are not text, or null when they are. */
export function binaryReason(head: Uint8Array): string | null {
  for (const [kind, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) {
      return `berkas biner (${kind}), bukan teks / binary file (${kind}), not text`;
    }
  }
  const n = Math.min(head.length, SAMPLE);
  const nul = head.subarray(0, n).indexOf(0);
  if (nul >= 0) return `berisi byte NUL di posisi ${nul}: berkas biner / contains a NUL byte at offset ${nul}: binary file`;
  const control = controlBytes(head, n);
  if (n > 0 && control / n > 0.1) {
    const share = Math.round((control / n) * 100);
    return `${share}% byte kontrol di awal berkas: berkas biner / ${share}% control bytes in the head: binary file`;
  }
  return null;
}

/**
 * Control bytes in head[0, n) other than tab, LF, FF, CR and ESC (ANSI colours in logs), which
 * are normal in text. Four bytes are tested at once: text has a byte below 32 only every line or
 * so, and the main thread runs this for every file of a folder.
 */
function controlBytes(head: Uint8Array, n: number): number {
  let control = 0;
  const countFrom = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = head[k]!;
      if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
    }
  };
  const start = (4 - (head.byteOffset & 3)) & 3;
  if (n < start + 4) {
    countFrom(0, n);
    return control;
  }
  const words = new Uint32Array(head.buffer, head.byteOffset + start, (n - start) >>> 2);
  countFrom(0, start);
  for (let w = 0; w < words.length; w++) {
    const x = words[w]!;
    // Some byte of x is below 0x20 (the classic "has less than" test).
    if (((x - 0x20202020) & ~x & 0x80808080) !== 0) countFrom(start + 4 * w, start + 4 * w + 4);
  }
  countFrom(start + 4 * words.length, n);
  return control;
}

/** UTF-16 by byte-order mark, or by the zero bytes of ASCII text in UTF-16 without one. */
export function utf16Encoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function pick(head: Uint8Array, path: string): FormatReader {
  let best = textReader;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.sniff(head, path);
    if (score > bestScore) { best = reader; bestScore = score; }
  }
  return best;
}

/**
 * A UTF-16 head as UTF-8, with its lone CRs as LFs when it ends lines so, as its parsers then read
 * it (line-breaks.ts; the bytes of UTF-16 cannot be mapped as they are read).
 */
function utf8Head(head: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { utf8: Buffer; loneCrs: boolean } {
  const utf8 = Buffer.from(new TextDecoder(encoding).decode(head), 'utf8');
  const loneCrs = hasLoneCr(utf8);
  return { utf8: loneCrs ? loneCrToLf(utf8, INPUT_END) : utf8, loneCrs };
}

/** A reader for UTF-16 text: the same format, fed UTF-8 that its parsers transcode on the fly. */
function utf16Reader(inner: FormatReader, encoding: 'utf-16le' | 'utf-16be'): FormatReader {
  return {
    format: inner.format,
    // Byte offsets of UTF-16 and its UTF-8 transcoding differ: one parser reads the whole file.
    splittable: false,
    sniff: inner.sniff,
    async prepare(_source: ByteSource, head: Uint8Array): Promise<FileState> {
      const { utf8, loneCrs } = utf8Head(head, encoding);
      const source: ByteSource = { size: utf8.length, read: async (o, l) => utf8.subarray(o, o + l) };
      const state = { ...(await inner.prepare(source, utf8)), encoding };
      return loneCrs ? withLoneCrLineBreaks(state) : state;
    },
    createParser: (state, rangeStart) => inner.createParser(state, rangeStart),
  };
}

/**
 * The reader for a file, from its first bytes (ideally 64 KB or more) and its path. Unknown
 * text falls back to the text reader. Throws FormatError('BINARY') for binary content.
 */
export function detectFormat(head: Uint8Array, path: string): FormatReader {
  const encoding = utf16Encoding(head);
  if (encoding) return utf16Reader(pick(utf8Head(head, encoding).utf8, path), encoding);
  const reason = binaryReason(head);
  if (reason) throw new FormatError('BINARY', reason);
  return pick(head, path);
}

export { FormatError } from './types.js';
export type { ByteSource, FileState, FormatReader, RecordParser } from './types.js';
