#!/usr/bin/env node
// `npm run bench`: scan throughput against ripgrep on the same file, worker scaling, peak memory,
// and the other capabilities' throughput benchmarks. Ratios are measured in the same run, so a
// noisy machine moves both sides. Options (env): BENCH_MB (default 512), BENCH_BIG_MB (default
// 2048; 0 skips the memory run), BENCH_DIR (default bench/out).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { generateDump } from '../dist/test-data/generator/dump.js';

const root = new URL('..', import.meta.url).pathname;
const dir = process.env.BENCH_DIR ?? join(root, 'bench', 'out');
const sizeMb = Number(process.env.BENCH_MB ?? 512);
const bigMb = Number(process.env.BENCH_BIG_MB ?? 2048);
mkdirSync(dir, { recursive: true });

function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return;
  console.error('bench: installing ripgrep from Debian…');
  execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null'], { stdio: 'inherit' });
}

async function dump(name, format, mb) {
  const path = join(dir, name);
  if (!existsSync(path) || statSync(path).size < mb * 1e6) {
    console.error(`bench: generating ${mb} MB ${format} dump at ${path}…`);
    await generateDump({ format, bytes: mb * 1e6, seed: 42, path });
  }
  execFileSync('bash', ['-c', `cat '${path}' > /dev/null`]); // warm the page cache for both tools
  return path;
}

/** Best wall time (s) of `runs` runs of a command, and the peak RSS (MB) of the last one. */
function time(cmd, args, runs) {
  let best = Infinity, rssMb = 0, stdout = '';
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    best = Math.min(best, seconds);
    rssMb = Number(result.stderr.trim().split('\n').pop()) / 1024;
    stdout = result.stdout;
  }
  return { seconds: best, rssMb, stdout };
}

/** Wall time (s) of `copies` runs of a command started together, until the last one ends. */
async function timeTogether(cmd, args, copies) {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: copies }, () => new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  })));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const SCALING_ROUNDS = 5;
const telusur = (file, workers) => ['bin/telusur.js', 'scan', file, '--json', '--workers', String(workers), '--as-of', '2026-11-23'];
const row = (label, mb, t) => `${label.padEnd(34)} ${(mb / t.seconds).toFixed(0).padStart(6)} MB/s   ${t.seconds.toFixed(2).padStart(6)} s   RSS ${t.rssMb.toFixed(0).padStart(5)} MB`;

async function scanBench() {
  ensureRipgrep();
  process.chdir(root);
  const file = await dump(`dump-${sizeMb}mb.csv`, 'csv', sizeMb);
  const mb = statSync(file).size / 1e6;
  const rg = time('rg', ['-c', '\\b\\d{16}\\b', file], 3);
  // 1 and 2 workers take turns, so a slow spell of this shared machine hits both alike. Its speed
  // swings by up to 2x within minutes: five rounds, so each side's best is more likely a quiet one.
  // Each round also runs two 1-worker scans at once: what the two cores give two scans that share
  // nothing (the machine's own ceiling for 2 workers against 1, below 2× where the cores slow
  // each other down), measured under the same spells as the rows it is compared with.
  let one = time('node', telusur(file, 1), 1), two = time('node', telusur(file, 2), 1);
  let pair = await timeTogether('node', telusur(file, 1), 2);
  for (let run = 1; run < SCALING_ROUNDS; run++) {
    const nextOne = time('node', telusur(file, 1), 1), nextTwo = time('node', telusur(file, 2), 1);
    if (nextOne.seconds < one.seconds) one = nextOne;
    if (nextTwo.seconds < two.seconds) two = nextTwo;
    pair = Math.min(pair, await timeTogether('node', telusur(file, 1), 2));
  }
  const report = JSON.parse(two.stdout);
  console.log(`\n== Scan: ${mb.toFixed(0)} MB synthetic CSV dump, all detectors`);
  console.log(row('ripgrep -c \\b\\d{16}\\b', mb, rg));
  console.log(row('telusur scan --workers 1', mb, one));
  console.log(row('telusur scan --workers 2', mb, two));
  const ratio = rg.seconds / one.seconds, scaling = one.seconds / two.seconds;
  console.log(`single worker vs ripgrep: ${ratio.toFixed(2)}  (target ≥ 0.33: ${ratio >= 1 / 3 ? 'PASS' : 'FAIL'})`);
  console.log(`2 workers vs 1:           ${scaling.toFixed(2)}× (target ≥ 1.70: ${scaling >= 1.7 ? 'PASS' : 'FAIL'})`);
  const ceiling = (2 * one.seconds) / pair;
  console.log(`two 1-worker scans at once: ${pair.toFixed(2)} s, ${ceiling.toFixed(2)}× the work of one in its time (2 workers reach ${((100 * scaling) / ceiling).toFixed(0)}% of that)`);
  console.log(`found: ${report.totals.findings} findings, ${report.totals.subjects.distinct} distinct people, ${report.totals.records} records`);
  // The same dump gzipped: inflated and cut on the main thread, its ranges scanned by the workers.
  const gz = `${file}.gz`;
  if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(file).mtimeMs) {
    console.error(`bench: gzipping ${file}…`);
    await pipeline(createReadStream(file), createGzip(), createWriteStream(gz));
  }
  const gzTwo = time('node', telusur(gz, 2), 1);
  const gzReport = JSON.parse(gzTwo.stdout);
  console.log(`\n== Gzip: the same dump gzipped (${(statSync(gz).size / 1e6).toFixed(0)} MB), MB/s of ${mb.toFixed(0)} MB inflated`);
  console.log(row('telusur scan --workers 2 (.gz)', mb, gzTwo));
  console.log(`vs the plain file on 2 workers: ${(two.seconds / gzTwo.seconds).toFixed(2)}; same findings: ${gzReport.totals.findings === report.totals.findings ? 'yes' : 'NO'}`);
  await manyFilesBench(file);
  if (bigMb > 0) {
    const big = await dump(`dump-${bigMb}mb.sql`, 'mysql', bigMb);
    const bigSize = statSync(big).size / 1e6;
    const t = time('node', telusur(big, 2), 1);
    console.log(`\n== Memory: ${bigSize.toFixed(0)} MB MySQL dump, 2 workers`);
    console.log(row('telusur scan --workers 2', bigSize, t));
    console.log(`peak RSS ${t.rssMb.toFixed(0)} MB (target ≤ 300: ${t.rssMb <= 300 ? 'PASS' : 'FAIL'})`);
  }
}

/**
 * A folder of CSV exports: the first 100 MB of the dump as ~2,000 files of ~50 KB (each with the
 * header row), against the same bytes as one file. What it shows is the cost per file.
 */
async function manyFilesBench(file) {
  const folder = join(dir, 'many-files'), single = join(dir, 'many-files.csv');
  if (!existsSync(folder)) {
    const fd = openSync(file, 'r'), head = Buffer.allocUnsafe(100e6);
    const bytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    closeSync(fd);
    const headerEnd = bytes.indexOf(10) + 1;
    const header = bytes.subarray(0, headerEnd);
    mkdirSync(folder);
    let at = headerEnd, n = 0;
    const parts = [header];
    const quotesIn = (from, to) => {
      let count = 0;
      for (let q = bytes.indexOf(34, from); q >= 0 && q < to; q = bytes.indexOf(34, q + 1)) count++;
      return count;
    };
    while (at < bytes.length) {
      // Cut at a newline outside quotes: an address may span lines.
      let newline = bytes.indexOf(10, Math.min(at + 50_000, bytes.length - 1));
      for (let quotes = quotesIn(at, newline); newline >= 0 && quotes % 2 === 1;) {
        const next = bytes.indexOf(10, newline + 1);
        quotes += next < 0 ? 0 : quotesIn(newline, next);
        newline = next;
      }
      if (newline < 0) break;
      const body = bytes.subarray(at, newline + 1);
      writeFileSync(join(folder, `ekspor-${String(n++).padStart(4, '0')}.csv`), Buffer.concat([header, body]));
      parts.push(body);
      at = newline + 1;
    }
    writeFileSync(single, Buffer.concat(parts));
  }
  const names = readdirSync(folder);
  const files = names.length;
  const mb = names.reduce((sum, f) => sum + statSync(join(folder, f)).size, 0) / 1e6;
  const best = (path, workers) => {
    const a = time('node', telusur(path, workers), 1), b = time('node', telusur(path, workers), 1);
    return a.seconds <= b.seconds ? a : b;
  };
  const folderOne = best(folder, 1), folderTwo = best(folder, 2), singleOne = best(single, 1), singleTwo = best(single, 2);
  const same = JSON.parse(folderTwo.stdout).totals.findings === JSON.parse(singleTwo.stdout).totals.findings;
  console.log(`\n== Folder: ${files} CSV files of ~50 KB (${mb.toFixed(0)} MB), against the same rows as one file`);
  console.log(row('telusur scan folder --workers 1', mb, folderOne));
  console.log(row('telusur scan folder --workers 2', mb, folderTwo));
  console.log(row('telusur scan one file --workers 1', statSync(single).size / 1e6, singleOne));
  console.log(row('telusur scan one file --workers 2', statSync(single).size / 1e6, singleTwo));
  console.log(`${(files / folderTwo.seconds).toFixed(0)} files/s on 2 workers; same findings as one file: ${same ? 'yes' : 'NO'}`);
}

/** Other capabilities' benchmarks: each bench/<name>.js in dist exporting `runBench()`. */
async function otherBenches() {
  const distBench = join(root, 'dist', 'bench');
  if (!existsSync(distBench)) return;
  for (const name of readdirSync(distBench).filter((f) => f.endsWith('.js')).sort()) {
    const module = await import(join(distBench, name));
    if (typeof module.runBench !== 'function') continue;
    console.log(`\n== ${name.replace(/\.js$/, '')}`);
    console.log(await module.runBench());
  }
}

await scanBench();
await otherBenches();
