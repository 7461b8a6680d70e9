// `telusur posts classify [--no-pii] [--as-of YYYY-MM-DD]`: NDJSON {"id","text"} on stdin → one
// NDJSON result per line on stdout (contract: src/monitor/CONTRACT.md). Parsing here; the work in src/monitor.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ExitCode, usageError, type CommandResult } from './usage.js';

const USAGE = 'telusur posts classify [--no-pii] [--as-of YYYY-MM-DD]  < posts.ndjson';

export interface PostsArgs { subcommand: 'classify'; scanPii: boolean; asOf?: Date }

export function parsePostsArgs(args: string[]): PostsArgs | string {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'no-pii': { type: 'boolean', default: false }, 'as-of': { type: 'string' } } });
  } catch (error) {
    return (error as Error).message;
  }
  const [sub, ...extra] = parsed.positionals;
  if (sub !== 'classify') return `sub-perintah tidak dikenal / unknown sub-command: ${sub ?? '(none)'}`;
  if (extra.length > 0) return `argumen berlebih / unexpected arguments: ${extra.join(' ')}`;
  const asOfText = parsed.values['as-of'];
  let asOf: Date | undefined;
  if (asOfText !== undefined) {
    asOf = new Date(`${asOfText}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText) || Number.isNaN(asOf.getTime())) return `--as-of: bukan tanggal YYYY-MM-DD yang valid / not a valid YYYY-MM-DD date: ${asOfText}`;
  }
  return { subcommand: 'classify', scanPii: !parsed.values['no-pii'], ...(asOf ? { asOf } : {}) };
}

export async function run(args: string[]): Promise<CommandResult> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`Penggunaan / usage: ${USAGE}\n`);
    return { exitCode: ExitCode.ok };
  }
  const parsed = parsePostsArgs(args);
  if (typeof parsed === 'string') return { exitCode: usageError(`${parsed}\nPenggunaan / usage: ${USAGE}`) };
  const { PostAnalyser } = await import('../monitor/analyse.js');
  const { classifyStream } = await import('../monitor/classify-stream.js');
  const analyser = new PostAnalyser({ scanPii: parsed.scanPii, ...(parsed.asOf ? { asOf: parsed.asOf } : {}) });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    const summary = await classifyStream(analyser, lines, (line) => new Promise<void>((resolve) => {
      if (process.stdout.write(line)) resolve(); else process.stdout.once('drain', resolve);
    }));
    if (summary.failed > 0) {
      process.stderr.write(`telusur posts: ${summary.failed} dari ${summary.lines} baris gagal / ${summary.failed} of ${summary.lines} lines failed\n`);
      return { exitCode: ExitCode.failOn };
    }
    return { exitCode: ExitCode.ok };
  } catch (error) {
    process.stderr.write(`telusur posts: stdin tidak terbaca / stdin unreadable: ${(error as Error).message}\n`);
    return { exitCode: ExitCode.unreadableInput };
  }
}
