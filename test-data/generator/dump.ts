// generateDump: writes one synthetic leak in a given format (optionally gzipped) and returns its
// ground truth. Rows are built with string templates and written in batches of a few hundred rows with
// back-pressure, so a 500 MB file takes seconds, not minutes. Used by eval, bench and the CLI.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { makeFamily, makePerson, type Family } from './people.js';
import { Random } from './random.js';
import { buildRow, chooseStyle, styleColumns, type Row } from './rows.js';
import { TruthRecorder, type GroundTruth, type TruthMode } from './truth.js';
import { writerFor, type CsvDialect, type DumpFormat } from './writers/index.js';

export interface DumpOptions {
  readonly format: DumpFormat;
  /** Stop after this many records… */
  readonly rows?: number;
  /** …or once this many (uncompressed) bytes are written. One of the two is required. */
  readonly bytes?: number;
  readonly seed: number | string;
  readonly path: string;
  /** Gzip the output; defaults to true when `path` ends with `.gz`. */
  readonly gzip?: boolean;
  /** `full` keeps every distinct value (default with `rows`); `counts` only counts (default with `bytes`). */
  readonly truth?: TruthMode;
  /** Also write the ground truth as JSON to this file (keep it outside the folder you scan). */
  readonly truthPath?: string;
  /** The scan's as-of date: birth years and minors are relative to it. */
  readonly asOf?: string;
  /** CSV only: `excel` writes `;`, CRLF and a BOM, as Excel does in an Indonesian locale. */
  readonly csvDialect?: CsvDialect;
}

export interface DumpResult {
  readonly path: string;
  readonly truth: GroundTruth;
  /** Uncompressed bytes written. */
  readonly bytes: number;
}

export const DEFAULT_AS_OF = '2025-12-31';
const BATCH_ROWS = 250;

export async function generateDump(options: DumpOptions): Promise<DumpResult> {
  const { format, path } = options;
  if (options.rows === undefined && options.bytes === undefined) {
    throw new Error('generateDump: berikan rows atau bytes / give rows or bytes');
  }
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfYear = Number(asOf.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOfYear < 1990) throw new Error(`generateDump: asOf tidak valid / invalid asOf: ${asOf}`);
  const gzip = options.gzip ?? path.endsWith('.gz');
  const seed = String(options.seed);
  const rng = new Random(`${seed}:${format}`);
  const style = chooseStyle(rng);
  const writer = writerFor(format, style, rng, options.csvDialect);
  const truth = new TruthRecorder(options.truth ?? (options.rows !== undefined ? 'full' : 'counts'));

  await mkdir(dirname(path), { recursive: true });
  const file = createWriteStream(path);
  const gz = gzip ? createGzip({ level: 6 }) : null;
  if (gz) gz.pipe(file);
  const sink = gz ?? file;
  let written = 0;
  const emit = async (chunk: string): Promise<void> => {
    if (chunk.length === 0) return;
    written += Buffer.byteLength(chunk);
    if (!sink.write(chunk)) await once(sink, 'drain');
  };

  await emit(writer.start());
  let id = 0, family: Family | null = null, familyLeft = 0, first = true;
  const more = (): boolean => (options.rows !== undefined ? id < options.rows : written < (options.bytes ?? 0));
  while (more()) {
    const rows: Row[] = [];
    while (rows.length < BATCH_ROWS && (options.rows === undefined || id < options.rows)) {
      if (!family || familyLeft === 0) { family = makeFamily(rng); familyLeft = rng.range(1, 4); }
      familyLeft--;
      rows.push(buildRow(rng, makePerson(rng, family, asOfYear), ++id, style, truth));
    }
    // One write per batch (~200 KB): no big string is ever concatenated, which keeps GC cheap.
    await emit(writer.batch(rows, first));
    first = false;
  }
  await emit(writer.end());
  sink.end();
  await finished(file);

  const result = truth.finish({ format, gzip, seed, asOf, columns: styleColumns(style) });
  if (options.truthPath) {
    await mkdir(dirname(options.truthPath), { recursive: true });
    await writeFile(options.truthPath, JSON.stringify(result, null, 1) + '\n');
  }
  return { path, truth: result, bytes: written };
}
