// `telusur scan PATH... [--json] [--findings FILE] [--reveal] [--as-of YYYY-MM-DD] [--workers N]
//  [--types T,..] [--fail-on T,..]`: the arguments are parsed in scan-args.ts, the work is in src/scan.
import { constants } from 'node:os';
import { FindingsFileError } from '../scan/findings-file.js';
import { ScanAbortedError, scanPaths, type ScanProgress } from '../scan/index.js';
import { formatTable, printable } from '../scan/report.js';
import { scanWorkerCount } from '../scan/workers.js';
import { parseScanArgs } from './scan-args.js';
import { ExitCode, usageError, type CommandResult } from './usage.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const USAGE = 'telusur scan PATH... [--json] [--findings FILE] [--reveal] [--as-of YYYY-MM-DD] [--workers N] [--types T,..] [--fail-on T,..]';

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
  // Ctrl-C or a kill stops the scan cleanly: the findings file gets what was found, the workers and
  // any lines set aside for ordering go. A second signal ends the process at once.
  const stop = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    stop.abort();
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  let report;
  try {
    report = await scanPaths(parsed.paths, {
      ...(parsed.asOf ? { asOf: parsed.asOf } : {}),
      workers: scanWorkerCount(parsed.paths, parsed.workers),
      ...(parsed.types ? { types: parsed.types } : {}),
      ...(parsed.findingsFile ? { findingsFile: parsed.findingsFile, reveal: parsed.reveal } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      signal: stop.signal,
    });
  } catch (error) {
    progress?.done();
    if (error instanceof FindingsFileError) return { exitCode: usageError(printable(error.message)) };
    if (error instanceof ScanAbortedError && stoppedBy) {
      process.stderr.write(`telusur scan: ${error.message} (${stoppedBy})\n`);
      return { exitCode: 128 + constants.signals[stoppedBy] };
    }
    process.stderr.write(`telusur scan: ${printable((error as Error).message)}\n`);
    return { exitCode: ExitCode.unreadableInput };
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
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
