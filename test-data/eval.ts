// `npm run eval`: generates a synthetic dump in every format (plain and gzip) with known ground
// truth, runs the real `telusur scan … --json --findings FILE --reveal` on them, and prints
// precision and recall per type over distinct values (all formats, and per format), then a
// PASS/FAIL line against the issue-2 targets. Exit 0 on PASS, 1 on FAIL, 2 when eval cannot run.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, generateDump } from './generator/dump.js';
import type { GroundTruth } from './generator/truth.js';
import { EXTENSIONS, FORMATS, type DumpFormat } from './generator/writers/index.js';
import { checkTargets, comparable, fmt, mergeTruth, scoreFindings, TARGETS, type TypeScore } from './scoring.js';

interface FindingLine { type: string; file: string; line: number; field: string | null; value?: string }
interface DumpFile { readonly format: DumpFormat; readonly gzip: boolean; readonly path: string; readonly truth: GroundTruth }

const USAGE = 'Penggunaan / usage: npm run eval -- [--rows N] [--seed S] [--examples N] [--keep]\n';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'telusur.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bin/telusur.js tidak ditemukan / not found above the eval script');
    dir = up;
  }
  return dir;
}

async function writeDumps(dir: string, rows: number, seed: string, truthDir: string | null): Promise<DumpFile[]> {
  const dumps: DumpFile[] = [];
  for (const format of FORMATS) {
    for (const gzip of [false, true]) {
      const path = join(dir, `${format}${gzip ? '-gz' : ''}.${EXTENSIONS[format]}${gzip ? '.gz' : ''}`);
      // Different seeds for the gzip twin: a value missed only in gzip must not hide behind its plain copy.
      // The gzip CSV is also the Excel dialect (`;`, CRLF, BOM), so both dialects are scored.
      const { truth } = await generateDump({
        format, rows, seed: `${seed}-${format}-${gzip ? 'gz' : 'plain'}`, path, gzip, asOf: DEFAULT_AS_OF, csvDialect: gzip ? 'excel' : 'comma',
        ...(truthDir ? { truthPath: join(truthDir, `${basename(path)}.truth.json`) } : {}),
      });
      dumps.push({ format, gzip, path, truth });
    }
  }
  return dumps;
}

interface ScanRun { readonly exitCode: number; readonly report: { files?: { path: string; format: string; error: unknown }[]; elapsedMs?: number } | null; readonly stderr: string }

function runScan(root: string, target: string, findings: string): Promise<ScanRun> {
  const args = [join(root, 'bin', 'telusur.js'), 'scan', target, '--json', '--findings', findings, '--reveal', '--as-of', DEFAULT_AS_OF];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      let report: ScanRun['report'] = null;
      try { report = JSON.parse(stdout) as ScanRun['report']; } catch { /* reported below via exit code and stderr */ }
      resolve({ exitCode: code ?? -1, report, stderr });
    });
  });
}

async function readFindings(path: string): Promise<FindingLine[]> {
  const out: FindingLine[] = [];
  if (!existsSync(path)) return out;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try { out.push(JSON.parse(line) as FindingLine); } catch { throw new Error(`${path}:${n}: baris findings bukan JSON / findings line is not JSON`); }
  }
  return out;
}

const pad = (s: string, n: number): string => s.padEnd(n);
const num = (n: number, w: number): string => String(n).padStart(w);

function printTable(title: string, scores: Map<string, TypeScore>): void {
  console.log(`\n${title}`);
  console.log(`${pad('type', 19)}${'positives'.padStart(10)}${'reported'.padStart(9)}${'TP'.padStart(7)}${'FP'.padStart(6)}${'FN'.padStart(6)}  precision  recall   target`);
  for (const s of scores.values()) {
    const target = TARGETS[s.type as keyof typeof TARGETS];
    console.log(`${pad(s.type, 19)}${num(s.positives, 10)}${num(s.reported, 9)}${num(s.truePositives, 7)}${num(s.falsePositives, 6)}` +
      `${num(s.falseNegatives, 6)}  ${pad(fmt(s.precision), 9)}  ${pad(fmt(s.recall), 7)}  ${target ?? ''}`);
  }
}

export async function runEval(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs({ args: argv, options: {
      rows: { type: 'string', default: '300' }, seed: { type: 'string', default: 'eval-1' },
      examples: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false },
    } }).values;
  } catch (err) { process.stderr.write(`${(err as Error).message}\n${USAGE}`); return 2; }
  const rows = Number(opts.rows), examples = Number(opts.examples);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(examples) || examples < 0) { process.stderr.write(USAGE); return 2; }

  const root = repoRoot();
  const work = mkdtempSync(join(tmpdir(), 'telusur-eval-'));
  const dumpsDir = join(work, 'dumps'), findingsPath = join(work, 'findings.ndjson');
  try {
    const dumps = await writeDumps(dumpsDir, rows, opts.seed, opts.keep ? join(work, 'truth') : null);
    console.log(`Telusur eval: ${dumps.length} dumps (${FORMATS.length} formats × plain/gzip; the gzip CSV in Excel's ';' dialect), ${rows} records each, seed ${opts.seed}, as-of ${DEFAULT_AS_OF}`);
    const started = Date.now();
    const scan = await runScan(root, dumpsDir, findingsPath);
    const failedFiles = (scan.report?.files ?? []).filter((f) => f.error);
    console.log(`scan: exit ${scan.exitCode}, ${((Date.now() - started) / 1000).toFixed(1)} s, files with errors: ${failedFiles.length}`);
    for (const f of failedFiles) console.log(`  ${basename(f.path)}: ${JSON.stringify(f.error)}`);
    if (![0, 1, 3].includes(scan.exitCode) || scan.report === null) {
      process.stderr.write(`eval: scan gagal / scan failed (exit ${scan.exitCode})\n${scan.stderr.slice(0, 2000)}\n`);
      return 2;
    }
    const detected = new Map((scan.report.files ?? []).map((f) => [basename(f.path), f.format]));
    console.log(`formats as detected: ${dumps.map((d) => `${basename(d.path)}→${detected.get(basename(d.path)) ?? '?'}`).join(', ')}`);

    const findings = await readFindings(findingsPath);
    const byFile = new Map<string, FindingLine[]>();
    for (const f of findings) {
      const key = basename(f.file);
      let list = byFile.get(key);
      if (!list) byFile.set(key, (list = []));
      list.push(f);
    }
    const unknownFiles = [...byFile.keys()].filter((k) => !dumps.some((d) => basename(d.path) === k));
    if (unknownFiles.length > 0) console.log(`findings in files eval did not write: ${unknownFiles.join(', ')}`);

    const overall = scoreFindings(mergeTruth(dumps.map((d) => d.truth)), findings, { examples });
    printTable('Distinct values, all formats:', overall);

    const targetTypes = Object.keys(TARGETS);
    console.log(`\nPer format (precision/recall, plain+gzip):\n${pad('format', 10)}${targetTypes.map((t) => pad(t, 16)).join('')}`);
    const perFormat = new Map<string, Map<string, TypeScore>>();
    for (const format of FORMATS) {
      const mine = dumps.filter((d) => d.format === format);
      const scores = scoreFindings(mergeTruth(mine.map((d) => d.truth)), mine.flatMap((d) => byFile.get(basename(d.path)) ?? []));
      perFormat.set(format, scores);
      console.log(pad(format, 10) + targetTypes.map((t) => pad(`${fmt(scores.get(t)?.precision ?? null).slice(0, 5)}/${fmt(scores.get(t)?.recall ?? null).slice(0, 5)}`, 16)).join(''));
    }

    printErrors(overall, findings, dumps, examples);
    const verdict = checkTargets(overall);
    console.log(verdict.pass ? '\nPASS: all targets met (≥ 0.99 NIK, PHONE, EMAIL, NPWP, CREDIT_CARD; ≥ 0.95 KK)'
      : `\nFAIL: ${verdict.failures.join('; ')}`);
    return verdict.pass ? 0 : 1;
  } finally {
    if (opts.keep) console.log(`dumps, ground truth and findings kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Why values were wrong, with examples located in the dumps (all values are synthetic). */
function printErrors(scores: Map<string, TypeScore>, findings: FindingLine[], dumps: DumpFile[], examples: number): void {
  if (examples === 0) return;
  const where = new Map<string, FindingLine>();
  for (const f of findings) if (f.value !== undefined) where.set(`${f.type}\0${f.value}`, where.get(`${f.type}\0${f.value}`) ?? f);
  console.log('\nErrors by type (reasons count distinct values; examples are synthetic):');
  for (const s of scores.values()) {
    if (s.falsePositives === 0 && s.falseNegatives === 0) continue;
    console.log(`${s.type}: ${s.falsePositives} false positive(s), ${s.falseNegatives} miss(es)`);
    for (const [reason, n] of Object.entries(s.falsePositiveReasons)) console.log(`  FP ${num(n, 5)}  ${reason}`);
    for (const e of s.falsePositiveExamples) {
      const f = where.get(`${s.type}\0${e.value}`);
      console.log(`  FP e.g. ${e.value} (${e.reason}) at ${f ? `${basename(f.file)}:${f.line} field ${f.field ?? '-'}` : '?'}`);
    }
    for (const v of s.missedExamples) console.log(`  missed e.g. ${v} in ${locate(dumps, s.type, v)}`);
  }
}

/** The dumps holding a missed value, with the text around it (digits may be formatted). */
function locate(dumps: DumpFile[], type: string, value: string): string {
  const key = type as keyof GroundTruth['positives'];
  const digitsOnly = /^\+?\d+$/.test(value);
  const needle = digitsOnly ? value.replace(/^\+62/, '') : value.toLowerCase();
  const pattern = digitsOnly ? new RegExp(needle.split('').join('[^0-9]{0,3}')) : null;
  const hits: string[] = [];
  for (const d of dumps) {
    if (!d.truth.positives[key]?.some((v) => comparable(type, v) === value)) continue;
    if (d.gzip || hits.length >= 2) { hits.push(basename(d.path)); continue; }
    const text = readFileSync(d.path, 'utf8');
    const m = pattern ? pattern.exec(text) : null;
    const at = pattern ? (m?.index ?? -1) : text.toLowerCase().indexOf(needle);
    hits.push(at < 0 ? basename(d.path) : `${basename(d.path)}: …${text.slice(Math.max(0, at - 70), at + value.length + 30).replace(/\n/g, '⏎').replace(/\t/g, '⇥')}…`);
  }
  return hits.length > 2 ? `${hits.slice(0, 2).join(' | ')} | +${hits.length - 2} more dump(s)` : hits.join(' | ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runEval(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`eval: ${(err as Error).message}\n`);
    process.exitCode = 2;
  });
}
