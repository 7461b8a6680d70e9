// How many worker threads a scan starts when it is not told. Every worker pays its own start-up
// and JIT warm-up (about half a second of CPU on its first range), so a worker needs tens of
// megabytes to earn its keep. On 2 cores (`telusur scan FILE --json`, wall time): a 5 MB CSV takes
// 1.05-1.10 s on one worker and 1.46-1.77 s on two, 20 MB 1.42-1.48 s and 1.60-1.76 s, 40 MB
// about the same on both (1.9-2.2 s), 64 MB 2.71-2.82 s on one and 2.30-2.38 s on two.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { STDIN_PATH } from './stream-input.js';

/** A worker for every BYTES_PER_WORKER of input begun: below about 40 MB one more costs more than it saves. */
export const BYTES_PER_WORKER = 40 << 20;
/** A gzip file's size understates what a scan reads: CSV and SQL dumps inflate about 3 times. */
const GZIP_INFLATION = 3;
/** Folder entries looked at before a folder counts as large: the estimate stays a few milliseconds. */
const ENTRIES_LOOKED_AT = 256;

/**
 * The shortest regular range plan.ts cuts (below it a range costs more to set up and merge than it
 * gains in balance), so a worker beyond one per such range finds little or nothing to scan.
 */
export const MIN_RANGE_BYTES = 4 << 20;

/**
 * The worker threads a scan of `paths` starts: `requested` (--workers), but no more than the
 * input has ranges for, since each thread costs its boot and ~13 MB whether or not it scans (100
 * threads took 12 s on a 57-byte file); without a request, the default.
 */
export function scanWorkerCount(paths: readonly string[], requested?: number, cores = availableParallelism()): number {
  if (requested === undefined) return defaultWorkers(paths, cores);
  const ranges = Math.ceil(estimateInputBytes(paths, requested * MIN_RANGE_BYTES) / MIN_RANGE_BYTES);
  return Math.min(requested, Math.max(1, ranges));
}

/** The default worker count for a scan of `paths`: one per BYTES_PER_WORKER begun, from 1 to `cores`. */
export function defaultWorkers(paths: readonly string[], cores = availableParallelism()): number {
  const enough = cores * BYTES_PER_WORKER;
  return Math.min(cores, Math.max(1, Math.ceil(estimateInputBytes(paths, enough) / BYTES_PER_WORKER)));
}

/**
 * About how many bytes a scan of `paths` reads, stopping once that reaches `enough`. Synchronous
 * and bounded (the command decides how to start Node with it): a folder with more entries than
 * ENTRIES_LOOKED_AT counts as `enough`. Paths that cannot be read count as empty; the scan
 * reports them.
 */
export function estimateInputBytes(paths: readonly string[], enough = Infinity): number {
  let total = 0, entries = 0;
  const pending = [...paths];
  while (pending.length > 0 && total < enough) {
    const path = pending.pop()!;
    const info = statOrNull(path);
    // Standard input or a pipe: its size is unknown until it ends, and may be large.
    if (path === STDIN_PATH || info?.isFIFO()) return Math.max(total, enough);
    if (info?.isFile()) {
      total += /\.gz(ip)?$/i.test(path) ? info.size * GZIP_INFLATION : info.size;
    } else if (info?.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path);
      } catch {
        continue;
      }
      entries += names.length;
      if (entries > ENTRIES_LOOKED_AT) return Math.max(total, enough);
      for (const name of names) pending.push(join(path, name));
    }
  }
  return total;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
