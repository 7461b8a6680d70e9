// scanPaths: the scan capability as a library. Expands inputs, plans ranges, runs them on the
// worker pool, merges the workers' totals and returns the versioned report (the `--json` contract).
import { availableParallelism } from 'node:os';
import { asOfFromDate, parseAsOf } from '../engine/as-of.js';
import type { PiiType } from '../engine/types.js';
import { ScanStats } from '../engine/stats/scan-stats.js';
import { deriveKey, loadProjectKey } from '../config/key.js';
import type { FindingRecord } from './findings.js';
import { openFindingsFile, type FindingsFile } from './findings-file.js';
import { eachLimited } from './each-limited.js';
import { FileResults } from './file-results.js';
import { expandInputs, type InputFile } from './inputs.js';
import { OrderedFindings } from './ordered-findings.js';
import { countNewlines, newlinesIn, PLAN_HERE, planFile, SMALL_FILE_BYTES, type FilePlan } from './plan.js';
import { createPool, TASKS_PER_WORKER } from './pool.js';
import { buildReport, type FileEntry, type ScanReport } from './report.js';
import { describeReadError } from './read-error.js';
import { recycleRangeBuffer } from './stream.js';
import type { ScanTask } from './task.js';
import { defaultWorkers } from './workers.js';

export type { ScanReport } from './report.js';
export type { FindingRecord } from './findings.js';

export interface ScanProgress {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

export interface ScanOptions {
  /** YYYY-MM-DD; default today (UTC). */
  asOf?: string;
  /** Worker threads; 0 runs in-process. Default: one per 40 MB of input, up to the machine's parallelism. */
  workers?: number;
  types?: readonly PiiType[];
  /** Writes the findings NDJSON here. */
  findingsFile?: string;
  /** Adds the normalized value to each finding (never on by default). */
  reveal?: boolean;
  onFinding?: (finding: FindingRecord) => void;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** The project key (default: TELUSUR_KEY or the key file). */
  key?: Buffer;
  /** Range size for splitting large files (tests use small ones). */
  rangeBytes?: number;
}

/** Files planned (and their ranges handed out) at once. */
const FILES_PLANNED_AT_ONCE = 8;

export class ScanAbortedError extends Error {
  readonly code = 'SCAN_ABORTED';
}

export async function scanPaths(paths: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  const started = performance.now();
  const asOf = options.asOf ? parseAsOf(options.asOf) : asOfFromDate(new Date());
  if (!asOf) throw new RangeError(`--as-of: tanggal tidak valid / invalid date: ${options.asOf}`);
  const wantsFindings = Boolean(options.findingsFile || options.onFinding);
  const keyHex = wantsFindings ? deriveKey(options.key ?? loadProjectKey(), 'finding-hash').toString('hex') : '';
  const progress: ScanProgress = { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0 };
  let findingsOut: FindingsFile | null = null;
  let orderedFindings: OrderedFindings | null = null;
  const totals = new ScanStats(asOf);
  const workers = Math.max(0, options.workers ?? defaultWorkers(paths));
  /**
   * Ranges of a gzip stream (they carry their bytes) out at once: as many as the pool lets each
   * worker hold, so a worker that finishes one goes on with the next while this thread inflates and
   * cuts the one after. With one each, a worker waited for that on every range: 0.7-0.9 s of a 9 s scan.
   */
  const inFlightLimit = Math.max(1, TASKS_PER_WORKER * workers);
  // Workers boot (a JS engine each, the detectors, the region tables) while the inputs are planned.
  const pool = createPool(workers, {
    progress: (_id, bytes) => {
      progress.bytesDone += bytes;
      options.onProgress?.({ ...progress });
    },
    findings: (id, text, records) => {
      if (text && orderedFindings) orderedFindings.write(id, text);
      if (options.onFinding) for (const record of records) options.onFinding(record);
    },
  }, totals);

  let entries: FileEntry[] = [];
  try {
    const inputs = await expandInputs(paths);
    entries = inputs.map((input) => ({
      path: input.path, format: 'unknown', bytes: input.size, records: 0, findings: 0, error: input.error ?? null,
      ...(input.skipped ? { skipped: input.skipped } : {}),
    }));
    progress.bytesTotal = inputs.reduce((sum, input) => sum + (input.error ? 0 : input.size), 0);
    progress.filesDone = inputs.filter((input) => input.error || input.skipped).length;
    progress.filesTotal = inputs.length;
    if (options.findingsFile) {
      findingsOut = await openFindingsFile(options.findingsFile, inputs);
      orderedFindings = new OrderedFindings(findingsOut.stream, findingsOut.spillDir);
    }
    const abort = new Promise<never>((_, reject) => {
      const cancel = () => reject(new ScanAbortedError('pemindaian dibatalkan / scan cancelled'));
      if (options.signal?.aborted) cancel();
      else options.signal?.addEventListener('abort', cancel, { once: true });
    });
    abort.catch(() => {});

    // Small files are planned by the workers when they take every core; with a core to spare the
    // main thread plans them, beside the scan. With a range size set (tests cut small files), only
    // files that size would never cut: a gzip file is cut from a quarter of it.
    const smallFileBytes = workers >= availableParallelism() ? Math.min(SMALL_FILE_BYTES, (options.rangeBytes ?? Infinity) / 4) : -1;
    let nextTaskId = 0;
    /** Hands every range of a file to the pool; resolves then, with the promise of their results. */
    const dispatchFile = async (plan: FilePlan, entry: FileEntry, fileIndex: number): Promise<{ done: Promise<void> }> => {
      if (plan.error) return { done: Promise.resolve() };
      const stream = inputs[fileIndex]!.stream === true;
      const running: Promise<void>[] = [];
      const results = new FileResults(entry);
      let lineBase = 1;
      /** Of a gzip stream split here: compressed bytes whose ranges were handed out. */
      let progressed = 0;
      const newTask = (start: number, end: number, bytes?: Uint8Array): ScanTask => ({
        id: nextTaskId++, path: plan.path, format: plan.format, state: plan.state, start, end, gzip: plan.gzip && !bytes, lineBase,
        asOf: asOf.iso, types: options.types ? [...options.types] : null,
        findings: wantsFindings ? { text: Boolean(findingsOut), records: Boolean(options.onFinding), reveal: Boolean(options.reveal), keyHex } : null,
        ...(bytes ? { bytes } : {}),
      });
      const run = (task: ScanTask) => {
        orderedFindings?.add(task.id, fileIndex);
        return pool.run(task).finally(() => orderedFindings?.finish(task.id));
      };
      try {
        if (plan.streamed) {
          // Ranges of a decompressed stream hold their bytes: only a few are out at a time.
          const out = new Set<Promise<void>>();
          for await (const range of plan.streamed) {
            if (options.signal?.aborted) break;
            const lines = wantsFindings ? newlinesIn(range.bytes) : 0;
            const share = range.compressedEnd - progressed;
            progressed = range.compressedEnd;
            // Standard input or a pipe: its size is what has come so far.
            if (stream) progress.bytesTotal += share;
            const absorb = results.nextRange();
            const done = run(newTask(range.start, range.end, range.bytes)).then((result) => {
              if (result.bytes) recycleRangeBuffer(result.bytes);
              absorb(result);
              progress.bytesDone += share;
              options.onProgress?.({ ...progress });
            });
            running.push(done);
            out.add(done);
            void done.finally(() => out.delete(done)).catch(() => {});
            lineBase += lines;
            while (out.size >= inFlightLimit) await Promise.race(out);
          }
        } else {
          for await (const [start, end] of plan.ranges) {
            if (options.signal?.aborted) break; // stops a file walk still under way
            const absorb = results.nextRange();
            running.push(run(newTask(start, end, plan.bytes)).then((result) => {
              absorb(result);
              // A file planned where it was scanned reports its bytes all at once, when done.
              if (plan.format === PLAN_HERE) progress.bytesDone += plan.size;
            }));
            if (wantsFindings && end < plan.size) lineBase += await countNewlines(plan.path, plan.state, start, end);
          }
        }
      } catch (error) {
        // Finding the ranges failed part way (a read error): what was dispatched still counts.
        entry.error ??= describeReadError(error);
      }
      if (stream) entry.bytes = plan.streamed ? progressed : plan.size;
      if (stream && !plan.streamed) progress.bytesTotal += plan.size;
      const done = Promise.all(running).then(() => {
        // The rest of a gzip file: its trailer, or what a truncated stream could not give.
        if (plan.streamed && !stream) progress.bytesDone += plan.size - progressed;
        results.finish();
        progress.filesDone++;
        options.onProgress?.({ ...progress });
      });
      return { done };
    };

    /** Plans a file and hands its ranges to the pool; resolves once they are handed out. */
    const planAndDispatchFile = async (input: InputFile, i: number): Promise<{ done: Promise<void> }> => {
      const entry = entries[i]!;
      if (options.signal?.aborted || input.skipped) return { done: Promise.resolve() };
      if (!input.error && !input.stream && input.size <= smallFileBytes) {
        // Planned by the thread that scans it; the report learns its format from the result.
        const whole: FilePlan = { path: input.path, size: input.size, format: PLAN_HERE, gzip: false, state: {}, ranges: [[0, input.size]] };
        return dispatchFile(whole, entry, i);
      }
      const plan = await planFile(input, options.rangeBytes);
      entry.format = plan.format;
      if (plan.error && !input.error) {
        entry.error = plan.error;
        progress.bytesTotal -= input.size;
        progress.filesDone++;
      }
      const dispatched = await dispatchFile(plan, entry, i);
      // A file whose bytes go with its task holds its lane until scanned: few are in memory at once.
      if (plan.bytes) await dispatched.done;
      return dispatched;
    };
    const planAndDispatch = (input: InputFile, i: number) => planAndDispatchFile(input, i).finally(() => orderedFindings?.seal(i));
    // A few files are planned at a time, each handed to the pool as soon as it is planned: workers
    // start on the first files while later ones are planned, and only a few heads are in memory
    // however many files a folder holds. Many small files still keep every worker busy.
    const files = await Promise.race([eachLimited(inputs, FILES_PLANNED_AT_ONCE, planAndDispatch), abort]);
    // Every task is with the pool now: workers hand in their totals as each runs out of work.
    await Promise.race([Promise.all([...files.map((f) => f.done), pool.collect()]), abort]);
  } finally {
    await pool.close();
    try {
      await (orderedFindings as OrderedFindings | null)?.close();
    } finally {
      await (findingsOut as FindingsFile | null)?.close();
    }
  }
  return buildReport(asOf.iso, entries, totals, Math.round(performance.now() - started));
}
