// `telusur posts classify [--no-pii] [--as-of YYYY-MM-DD]`: NDJSON {"id","text"} on stdin → one
// NDJSON result per line on stdout (contract: src/monitor/CONTRACT.md).
// `telusur posts poll --sources FILE [--once] [--allow HOST,..] [--socks5 HOST:PORT]`: monitoring
// into the platform database (DATABASE_URL, else PGlite in TELUSUR_DATA). Parsing here; the work in src/monitor.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ExitCode, usageError, type CommandResult } from './usage.js';

const USAGE = 'telusur posts classify [--no-pii] [--as-of YYYY-MM-DD]  < posts.ndjson\n       telusur posts poll --sources FILE [--once] [--allow HOST,..] [--socks5 HOST:PORT]';

export type PostsArgs =
  | { subcommand: 'classify'; scanPii: boolean; asOf?: Date }
  | { subcommand: 'poll'; sourcesFile: string; once: boolean; allow: string[]; socks5?: { host: string; port: number } };

export function parsePostsArgs(args: string[]): PostsArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        'no-pii': { type: 'boolean', default: false }, 'as-of': { type: 'string' }, sources: { type: 'string' },
        once: { type: 'boolean', default: false }, allow: { type: 'string' }, socks5: { type: 'string' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const [sub, ...extra] = parsed.positionals;
  if (sub === 'poll') {
    if (extra.length > 0) return `argumen berlebih / unexpected arguments: ${extra.join(' ')}`;
    const sourcesFile = parsed.values.sources;
    if (!sourcesFile) return '--sources FILE wajib / --sources FILE is required';
    const proxy = parsed.values.socks5;
    const m = proxy === undefined ? null : /^([^:]+):(\d{1,5})$/.exec(proxy);
    if (proxy !== undefined && !m) return `--socks5: harus HOST:PORT / must be HOST:PORT: ${proxy}`;
    const allow = (parsed.values.allow ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    return { subcommand: 'poll', sourcesFile, once: parsed.values.once ?? false, allow, ...(m ? { socks5: { host: m[1]!, port: Number(m[2]) } } : {}) };
  }
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
  if (parsed.subcommand === 'poll') return poll(parsed);
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

async function poll(args: Extract<PostsArgs, { subcommand: 'poll' }>): Promise<CommandResult> {
  const { openDatabase } = await import('../server/db/open.js');
  const { findingHasher, loadProjectKey } = await import('../config/key.js');
  const { createPoller, startMonitoring } = await import('../monitor/ingest/run.js');
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.TELUSUR_DATA ?? './data' });
  try {
    const options = { db, sourcesFile: args.sourcesFile, allow: args.allow, findingHash: findingHasher(loadProjectKey()), ...(args.socks5 ? { socks5: args.socks5 } : {}) };
    const log = (r: { source: string; items: number; alerts: number; duplicates: number; error: string | null }) =>
      process.stderr.write(`telusur posts: ${r.source}: ${r.error ? `GAGAL / FAILED ${r.error}` : `${r.items} item, ${r.alerts} alert, ${r.duplicates} duplikat`}\n`);
    if (args.once) {
      const reports = await (await createPoller(options)).runAll();
      reports.forEach(log);
      return { exitCode: reports.some((r) => r.error) ? ExitCode.failOn : ExitCode.ok };
    }
    const stop = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
    await startMonitoring({ ...options, onReport: log }, stop.signal);
    return { exitCode: ExitCode.ok };
  } catch (error) {
    return { exitCode: usageError((error as Error).message) };
  } finally {
    await db.close();
  }
}
