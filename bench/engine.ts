// Engine-only throughput: a generated CSV dump (the same generator and seed as `npm run bench`) is
// parsed once into field batches in memory, then the engine scans those batches (best of N
// runs); a plain JS byte loop over the same bytes runs in the same process as the yardstick, so
// the ratio holds on a loaded machine. Also prints the reader alone and reader + engine.
// Run alone: `npm run build && node dist/bench/engine.js [MB]`; `npm run bench` calls runBench().
import { readFileSync, rmSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Engine } from '../src/engine/pipeline.js';
import { parseAsOf } from '../src/engine/as-of.js';
import { createToken, scanTokens } from '../src/engine/prefilter/scanner.js';
import type { FieldBatch } from '../src/engine/types.js';
import { detectFormat } from '../src/formats/index.js';
import type { FileState, FormatReader } from '../src/formats/types.js';
import { generateDump } from '../test-data/generator/dump.js';

const CHUNK = 4 << 20;
const asOf = parseAsOf('2026-11-23')!;

export interface Prepared { bytes: Uint8Array; reader: FormatReader; state: FileState; batches: FieldBatch[]; findings: number }

/** The generated dump in memory, its reader state and its parsed batches (exported for profiling). */
export async function prepare(megabytes: number): Promise<Prepared> {
  const path = join(tmpdir(), `telusur-engine-bench-${process.pid}.csv`);
  try {
    await generateDump({ format: 'csv', bytes: megabytes * 1e6, seed: 42, path });
    const bytes = new Uint8Array(readFileSync(path));
    const head = bytes.subarray(0, 256 << 10);
    const reader = detectFormat(head, path);
    const state = await reader.prepare({ size: bytes.length, read: async (o, n) => bytes.subarray(o, o + n) }, head);
    // Batches are valid only until the next push: keep copies so the engine runs alone. A copy
    // made with `new Uint8Array`, as a reader's bytes may be a Buffer, whose slice() is only a view.
    const batches: FieldBatch[] = [];
    parse(bytes, reader, state, (b) => batches.push({
      ...b, bytes: new Uint8Array(b.bytes), start: b.start.slice(0, b.count), end: b.end.slice(0, b.count), column: b.column.slice(0, b.count),
    }));
    return { bytes, reader, state, batches, findings: 0 };
  } finally {
    rmSync(path, { force: true });
  }
}

export function parse(bytes: Uint8Array, reader: FormatReader, state: FileState, onBatch: (b: FieldBatch) => void): void {
  const parser = reader.createParser(state, 0);
  for (let at = 0; at < bytes.length; at += CHUNK) onBatch(parser.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at));
  onBatch(parser.end());
}

/** Best CPU time (s) of `runs` runs: CPU time, not wall time, so other processes' load matters less. */
function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1e6);
  }
  return fastest;
}

/** The yardstick: the cheapest useful per-byte JS loop (count digits) over the same bytes. */
function byteLoop(bytes: Uint8Array): number {
  let digits = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

export interface EngineBenchResult {
  megabytes: number; byteLoop: number; reader: number; prefilter: number; engine: number; both: number; findings: number; tokens: number;
  /** JS heap bytes the engine allocates per input byte (what its GCs freed plus what it kept). */
  allocatedPerByte: number;
}

/** JS heap bytes allocated while `work` runs: the garbage its collections freed, plus the heap's growth. */
function heapAllocated(work: () => void): number {
  const profiler = new GCProfiler();
  const before = getHeapStatistics().used_heap_size;
  profiler.start();
  work();
  const { statistics } = profiler.stop();
  let freed = 0;
  for (const gc of statistics) freed += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize);
  return freed + getHeapStatistics().used_heap_size - before;
}

/** The prefilter alone over every field (tokens counted, no detector): the floor under the engine's cost. */
function prefilterOnly(batches: readonly FieldBatch[]): number {
  const token = createToken();
  let tokens = 0;
  const onToken = () => { tokens++; };
  for (const b of batches) for (let i = 0; i < b.count; i++) scanTokens(b.bytes, b.start[i]!, b.end[i]!, token, onToken);
  return tokens;
}

export async function measureEngine(megabytes = Number(process.env.BENCH_ENGINE_MB ?? 20), runs = 3): Promise<EngineBenchResult> {
  const p = await prepare(megabytes);
  const mb = p.bytes.length / 1e6;
  let sink = 0, findings = 0, tokens = 0;
  const loop = best(runs, () => { sink += byteLoop(p.bytes); });
  const reader = best(runs, () => parse(p.bytes, p.reader, p.state, (b) => { sink += b.count; }));
  const prefilter = best(runs, () => { tokens = prefilterOnly(p.batches); });
  const engine = best(runs, () => {
    const e = new Engine({ asOf });
    for (const b of p.batches) e.scanBatch(b);
    findings = e.stats.findings;
  });
  const allocated = heapAllocated(() => {
    const e = new Engine({ asOf });
    for (const b of p.batches) e.scanBatch(b);
  });
  const both = best(runs, () => {
    const e = new Engine({ asOf });
    parse(p.bytes, p.reader, p.state, (b) => e.scanBatch(b));
  });
  if (sink < 0) console.log(sink);
  return {
    megabytes: mb, byteLoop: mb / loop, reader: mb / reader, prefilter: mb / prefilter, engine: mb / engine, both: mb / both, findings, tokens,
    allocatedPerByte: allocated / p.bytes.length,
  };
}

export async function runBench(): Promise<string> {
  const r = await measureEngine();
  const row = (label: string, mbs: number) => `${label.padEnd(30)} ${mbs.toFixed(0).padStart(6)} MB/s  (${(mbs / r.byteLoop).toFixed(3)} of the byte loop)`;
  return [
    `Engine on a ${r.megabytes.toFixed(0)} MB generated CSV dump, in memory, one thread, best of 3 by CPU time (${r.tokens} candidates, ${r.findings} findings)`,
    row('JS byte loop (yardstick)', r.byteLoop),
    row('CSV reader alone', r.reader),
    row('prefilter alone (no detector)', r.prefilter),
    row('engine alone (parsed batches)', r.engine),
    row('reader + engine', r.both),
    `engine allocates ${r.allocatedPerByte.toFixed(2)} bytes of JS heap per input byte`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2]) process.env.BENCH_ENGINE_MB = process.argv[2];
  console.log(await runBench());
}
