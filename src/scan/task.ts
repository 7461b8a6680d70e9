// One unit of scan work: a byte range of one file (or a whole gzip stream), parsed by its format
// reader and fed through the engine. Runs the same way in a worker thread or in-process.
import { closeSync, openSync, readSync } from 'node:fs';
import { Engine, parseAsOf, type Finding, type PiiType } from '../engine/index.js';
import type { ScanStats } from '../engine/stats/scan-stats.js';
import { readers } from '../formats/index.js';
import { endsWithCr, INPUT_END, loneCrsAsLf, loneCrToLf, readsLoneCrAsLf } from '../formats/line-breaks.js';
import type { FileState, FormatReader } from '../formats/types.js';
import { FindingEncoder, type FindingRecord } from './findings.js';
import { GzipFile } from './gunzip.js';
import { PLAN_HERE, planFile } from './plan.js';
import { describeReadError } from './read-error.js';

export const READ_CHUNK = 4 << 20;
/** Full-size read buffers of finished ranges, for the next ones (tasks in one thread may overlap). */
const readBuffers: Buffer[] = [];
const MAX_FREE_BUFFERS = 4;

export interface ScanTask {
  id: number;
  path: string;
  /** PLAN_HERE: a small file whose format the thread that scans it sniffs (see runSmallFile). */
  format: string;
  state: FileState;
  /** Byte range of the file; for gzip always the whole file. */
  start: number;
  end: number;
  gzip: boolean;
  /** The range's bytes, already read (a range of a decompressed gzip stream): nothing is read from `path`. */
  bytes?: Uint8Array;
  /** 1-based line number at `start` (findings' lines are counted from it). */
  lineBase: number;
  asOf: string;
  types: PiiType[] | null;
  /** What to do with each finding beyond counting it. */
  findings: { text: boolean; records: boolean; reveal: boolean; keyHex: string } | null;
}

export interface TaskResult {
  id: number;
  records: number;
  /** Findings in this task's range; their distinct values went into the thread's totals. */
  findings: number;
  warnings: string[];
  error: string | null;
  /** The task's bytes, handed back once scanned, for the next range to reuse. */
  bytes?: Uint8Array;
  /** The format sniffed, for a task planned where it ran. */
  format?: string;
}

export interface TaskEvents {
  progress(id: number, bytes: number): void;
  /**
   * NDJSON lines as UTF-8 (when findings.text; the receiver owns the bytes) and/or records (when
   * findings.records), in batches.
   */
  findings(id: number, text: Uint8Array | null, records: FindingRecord[]): void;
}

const FLUSH_EVERY = 2000;
/** NDJSON is written straight into buffers of this size, each handed over whole (no string joins or copies). */
const TEXT_CHUNK = 1 << 20;

export function readerFor(format: string): FormatReader {
  const reader = readers.find((r) => r.format === format);
  if (!reader) throw new Error(`no reader for format ${format}`);
  return reader;
}

/** By the totals it counts into: the last engine that only counted, and the task options it was made for. */
const countingEngines = new WeakMap<ScanStats, { key: string; engine: Engine }>();

/**
 * An engine that counts into `totals` and reports nothing. A thread's tasks share it, so the rule
 * tables and column plans it made for one file serve the next: each of a folder's thousands of
 * small exports would otherwise build them again.
 */
function countingEngine(task: ScanTask, totals: ScanStats): Engine {
  const key = `${task.asOf} ${task.types?.join(',') ?? ''}`;
  let counting = countingEngines.get(totals);
  if (counting?.key !== key) {
    counting = { key, engine: new Engine({ asOf: parseAsOf(task.asOf)!, stats: totals, ...(task.types ? { types: task.types } : {}) }) };
    countingEngines.set(totals, counting);
  }
  return counting.engine;
}

/**
 * Scans one task's range into `totals`, the running totals of the thread that runs it: a worker
 * keeps one for the whole scan, so its distinct tables grow once, not once per range, and the main
 * thread merges one state per worker at the end instead of one per range while workers wait.
 */
export async function runTask(task: ScanTask, events: TaskEvents, totals: ScanStats): Promise<TaskResult> {
  if (task.format === PLAN_HERE) return runSmallFile(task, events, totals);
  const reader = readerFor(task.format);
  const encoder = task.findings ? new FindingEncoder(task.path, task.findings.keyHex, task.findings.reveal) : null;
  const text = new TextChunks((bytes) => events.findings(task.id, bytes, []));
  let records: FindingRecord[] = [];
  const flush = () => {
    text.flush();
    if (records.length === 0) return;
    events.findings(task.id, null, records);
    records = [];
  };
  const onFinding = encoder
    ? (finding: Finding) => {
        const record = encoder.encode(finding);
        if (task.findings!.text) text.addLine(JSON.stringify(record));
        if (task.findings!.records) {
          records.push(record);
          if (records.length >= FLUSH_EVERY) flush();
        }
      }
    : undefined;
  const engine = onFinding
    ? new Engine({ asOf: parseAsOf(task.asOf)!, stats: totals, countLines: true, onFinding, ...(task.types ? { types: task.types } : {}) })
    : countingEngine(task, totals);
  engine.startRange(task.start, task.lineBase);
  const parser = reader.createParser(task.state, task.start);
  const findingsBefore = totals.findings;
  let recordCount = 0;
  let error: string | null = null;
  const scan = (chunk: Uint8Array, offset: number) => {
    const batch = parser.push(chunk, offset);
    recordCount += batch.records;
    engine.scanBatch(batch);
  };
  try {
    if (task.bytes) {
      for (let at = 0; at < task.bytes.length; at += READ_CHUNK) scan(task.bytes.subarray(at, at + READ_CHUNK), task.start + at);
    } else if (task.gzip) await readGzip(task, scan, events);
    else readRange(task, scan, events);
  } catch (e) {
    error = describeReadError(e);
  }
  try {
    const last = parser.end();
    recordCount += last.records;
    engine.scanBatch(last);
  } catch (e) {
    error ??= describeReadError(e);
  }
  parser.release?.();
  flush();
  return {
    id: task.id, records: recordCount, findings: totals.findings - findingsBefore, warnings: [...parser.warnings], error,
    ...(task.bytes ? { bytes: task.bytes } : {}),
  };
}

/**
 * Plans a small file (`task.end` is its size) and scans it whole. It reports no progress: the scan
 * counts the file's bytes when the result comes, which saves a message per file.
 */
async function runSmallFile(task: ScanTask, events: TaskEvents, totals: ScanStats): Promise<TaskResult> {
  const plan = await planFile({ path: task.path, size: task.end });
  const quiet: TaskEvents = { progress: () => {}, findings: events.findings };
  const result: TaskResult = plan.error
    ? { id: task.id, records: 0, findings: 0, warnings: [], error: plan.error }
    : await runTask({ ...task, format: plan.format, state: plan.state, gzip: plan.gzip, ...(plan.bytes ? { bytes: plan.bytes } : {}) }, quiet, totals);
  // The bytes were read here: nothing goes back for a next range.
  return { ...result, format: plan.format, bytes: undefined };
}

/**
 * Reads a range in chunks and scans each, its lone CRs as LFs where the plan says so (bytes handed
 * over with a task were read so by the planner). The reads block: a thread that scans has nothing
 * else to do, and each awaited open, read and close left it idle for a round trip through libuv's
 * pool (a worker of a 2-worker scan of a 512 MB file idled 185-225 ms in all; now 75-140 ms, at
 * its ends).
 */
function readRange(task: ScanTask, scan: (chunk: Uint8Array, offset: number) => void, events: TaskEvents): void {
  const fd = openSync(task.path, 'r');
  const loneCrs = readsLoneCrAsLf(task.state);
  try {
    let offset = task.start;
    // One buffer for the whole range: parsers copy whatever tail they keep (RecordParser contract).
    // Buffers go back to a free list: a fresh 4 MB per range is external memory, and its churn
    // alone sets off a full garbage collection every range or two.
    const length = Math.min(READ_CHUNK, task.end - task.start);
    const chunk = (length === READ_CHUNK && readBuffers.pop()) || Buffer.allocUnsafe(length);
    try {
      while (offset < task.end) {
        const bytesRead = readSync(fd, chunk, 0, Math.min(chunk.length, task.end - offset), offset);
        if (bytesRead === 0) break;
        const bytes = chunk.subarray(0, bytesRead);
        if (loneCrs) loneCrToLf(bytes, endsWithCr(bytes) ? byteAt(fd, offset + bytesRead) : INPUT_END);
        scan(bytes, offset);
        offset += bytesRead;
        events.progress(task.id, bytesRead);
      }
    } finally {
      if (length === READ_CHUNK && readBuffers.length < MAX_FREE_BUFFERS) readBuffers.push(chunk);
    }
  } finally {
    closeSync(fd);
  }
}

/** The byte at `offset` of a file, or INPUT_END past its end. */
function byteAt(fd: number, offset: number): number {
  const one = Buffer.alloc(1);
  return readSync(fd, one, 0, 1, offset) === 1 ? one[0]! : INPUT_END;
}

async function readGzip(task: ScanTask, scan: (chunk: Uint8Array, offset: number) => void, events: TaskEvents): Promise<void> {
  const file = new GzipFile(task.path);
  const loneCrs = readsLoneCrAsLf(task.state);
  let reported = 0, offset = 0;
  for await (const chunk of loneCrs ? loneCrsAsLf(file) : file) {
    scan(chunk, offset);
    offset += chunk.length;
    if (file.compressedRead > reported) {
      events.progress(task.id, file.compressedRead - reported);
      reported = file.compressedRead;
    }
  }
}

/** Text encoded as UTF-8 into fixed-size buffers; each full buffer is handed on and never touched again. */
export class TextChunks {
  private chunk: Buffer | null = null;
  private used = 0;

  constructor(private readonly handOn: (bytes: Uint8Array) => void, private readonly chunkBytes = TEXT_CHUNK) {}

  /** Adds `line` and a newline (written apart: `line + '\n'` would be a rope to flatten first). */
  addLine(line: string): void {
    const most = line.length * 3 + 1;
    if (this.chunk && this.used + most > this.chunk.length) this.flush();
    // Its own ArrayBuffer (never the shared pool), so a worker can transfer it instead of copying.
    this.chunk ??= Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, most));
    this.used += this.chunk.write(line, this.used);
    this.chunk[this.used++] = 10;
  }

  flush(): void {
    if (this.chunk && this.used > 0) this.handOn(this.chunk.subarray(0, this.used));
    this.chunk = null;
    this.used = 0;
  }
}
