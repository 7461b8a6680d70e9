// CLI of the test-data generator:
//   node dist/test-data/generate.js --format csv --bytes 500MB --out FILE [--seed S] [--gzip]
//                                   [--rows N] [--truth FILE] [--as-of YYYY-MM-DD]
// Writes one synthetic leak with known ground truth. With --truth, the full ground truth (every
// distinct value) is written as JSON there; keep it outside any folder you scan.
import { parseArgs } from 'node:util';
import { generateDump } from './generator/dump.js';
import { FORMATS, isDumpFormat } from './generator/writers/index.js';

const USAGE = `Penggunaan / usage: node dist/test-data/generate.js --format ${FORMATS.join('|')} (--rows N | --bytes 500MB) --out FILE
  [--seed S] [--gzip] [--truth FILE] [--as-of YYYY-MM-DD]\n`;

/** `500MB`, `2GB`, `1.5gb`, `1000000` → bytes (decimal units, as disk sizes are quoted). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new Error(`ukuran tidak valid / invalid size: ${text}`);
  const unit = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(m[1]) * unit);
}

export async function runGenerate(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' }, rows: { type: 'string' }, bytes: { type: 'string' }, out: { type: 'string' },
        seed: { type: 'string', default: '1' }, gzip: { type: 'boolean', default: false },
        truth: { type: 'string' }, 'as-of': { type: 'string' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { format, out } = values;
  if (!format || !isDumpFormat(format) || !out || (!values.rows && !values.bytes)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let rows: number | undefined, bytes: number | undefined;
  try {
    if (values.rows) { rows = Number(values.rows); if (!Number.isInteger(rows) || rows < 0) throw new Error(`--rows tidak valid / invalid --rows: ${values.rows}`); }
    if (values.bytes) bytes = parseSize(values.bytes);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const result = await generateDump({
    format, path: out, seed: values.seed, gzip: values.gzip || out.endsWith('.gz'),
    ...(rows !== undefined ? { rows } : {}), ...(bytes !== undefined ? { bytes } : {}),
    truth: values.truth ? 'full' : 'counts',
    ...(values.truth ? { truthPath: values.truth } : {}),
    ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
  });
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`${result.path}: ${result.truth.records} records, ${(result.bytes / 1e6).toFixed(1)} MB ` +
    `in ${seconds.toFixed(1)} s (${(result.bytes / 1e6 / seconds).toFixed(0)} MB/s)\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runGenerate(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`generate: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
