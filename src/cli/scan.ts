// `telusur scan PATH... [--json] [--findings FILE] [--reveal] [--as-of YYYY-MM-DD] [--workers N]
//  [--types T,..] [--fail-on T,..]`: parsing here, the work in src/scan.
import { parseArgs } from 'node:util';
import { parseAsOf } from '../engine/as-of.js';
import { PII_TYPES, type PiiType } from '../engine/types.js';
import { scanPaths, type ScanProgress } from '../scan/index.js';
import { formatTable } from '../scan/report.js';
import { ExitCode, usageError, type CommandResult } from './usage.js';

const USAGE = 'telusur scan PATH... [--json] [--findings FILE] [--reveal] [--as-of YYYY-MM-DD] [--workers N] [--types T,..] [--fail-on T,..]';

export interface ScanArgs {
  paths: string[];
  json: boolean;
  findingsFile?: string;
  reveal: boolean;
  asOf?: string;
  workers?: number;
  types?: PiiType[];
  failOn: PiiType[];
}

/** Parses the command line; returns an error message for a usage error. */
export function parseScanArgs(args: string[]): ScanArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        json: { type: 'boolean', default: false }, findings: { type: 'string' }, reveal: { type: 'boolean', default: false },
        'as-of': { type: 'string' }, workers: { type: 'string' }, types: { type: 'string' }, 'fail-on': { type: 'string' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return 'tidak ada PATH / no PATH given';
  if (values['as-of'] !== undefined && !parseAsOf(values['as-of'])) return `--as-of: bukan tanggal YYYY-MM-DD yang valid / not a valid YYYY-MM-DD date: ${values['as-of']}`;
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) return `--workers: harus bilangan bulat 1–256 / must be a whole number 1–256: ${values.workers}`;
  }
  const typeList = (flag: string, text: string | undefined): PiiType[] | string | undefined => {
    if (text === undefined) return undefined;
    const list = text.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
    const unknown = list.filter((t) => !(PII_TYPES as readonly string[]).includes(t));
    if (unknown.length) return `${flag}: jenis tidak dikenal / unknown type: ${unknown.join(', ')} (known: ${PII_TYPES.join(', ')})`;
    return list as PiiType[];
  };
  const types = typeList('--types', values.types);
  if (typeof types === 'string') return types;
  const failOn = typeList('--fail-on', values['fail-on']);
  if (typeof failOn === 'string') return failOn;
  if (values.reveal && !values.findings) return '--reveal hanya berlaku dengan --findings / --reveal only applies with --findings';
  return {
    paths: positionals, json: values.json ?? false, reveal: values.reveal ?? false, failOn: failOn ?? [],
    ...(values.findings !== undefined ? { findingsFile: values.findings } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(types ? { types } : {}),
  };
}

export async function run(args: string[]): Promise<CommandResult> {
  const end = args.indexOf('--'); // after it, "--help" is a path
  const options = end >= 0 ? args.slice(0, end) : args;
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`Penggunaan / usage: ${USAGE}\n`);
    return { exitCode: ExitCode.ok };
  }
  const parsed = parseScanArgs(args);
  if (typeof parsed === 'string') return { exitCode: usageError(`${parsed}\nPenggunaan / usage: ${USAGE}`) };
  const progress = process.stderr.isTTY ? progressBar() : undefined;
  let report;
  try {
    report = await scanPaths(parsed.paths, {
      ...(parsed.asOf ? { asOf: parsed.asOf } : {}),
      ...(parsed.workers ? { workers: parsed.workers } : {}),
      ...(parsed.types ? { types: parsed.types } : {}),
      ...(parsed.findingsFile ? { findingsFile: parsed.findingsFile, reveal: parsed.reveal } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } catch (error) {
    progress?.done();
    process.stderr.write(`telusur scan: ${(error as Error).message}\n`);
    return { exitCode: ExitCode.unreadableInput };
  }
  progress?.done();
  process.stdout.write(parsed.json ? JSON.stringify(report, null, 2) + '\n' : formatTable(report));
  if (parsed.failOn.some((type) => (report.totals.byType[type]?.count ?? 0) > 0)) return { exitCode: ExitCode.failOn };
  if (report.files.some((f) => f.error)) return { exitCode: ExitCode.unreadableInput };
  return { exitCode: ExitCode.ok };
}

/** A one-line progress bar on stderr: bytes, MB/s and ETA. */
function progressBar(): { update(p: ScanProgress): void; done(): void } {
  const started = performance.now();
  let last = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 100 && p.bytesDone < p.bytesTotal) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = p.bytesDone / 1e6 / Math.max(seconds, 0.001);
      const share = p.bytesTotal ? p.bytesDone / p.bytesTotal : 1;
      const eta = rate > 0 ? (p.bytesTotal - p.bytesDone) / 1e6 / rate : 0;
      const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
      process.stderr.write(`\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB  ${rate.toFixed(0)} MB/s  ETA ${eta.toFixed(0)} s  `);
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
