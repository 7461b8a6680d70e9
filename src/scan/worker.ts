// Worker-thread entry: runs scan tasks sent by the pool, posts progress, findings and results, and
// keeps the scan's running totals until the pool collects them.
import { parentPort } from 'node:worker_threads';
import { parseAsOf } from '../engine/index.js';
import { regions } from '../engine/regions/regions.js';
import { ScanStats } from '../engine/stats/scan-stats.js';
import type { PoolMessage } from './pool.js';
import { runTask } from './task.js';

const port = parentPort!;
let totals: ScanStats | null = null;

// Load the region tables now, while the main thread plans the scan, not on the first NIK of the
// first range. A failure here shows again, as that task's error, when a detector needs them.
try {
  regions();
} catch {
  // reported by the first task that needs the tables
}

port.on('message', (message: PoolMessage) => {
  if (message.kind === 'collect') {
    port.postMessage({ kind: 'totals', stats: totals?.state() ?? null });
    totals = null;
    return;
  }
  const { task } = message;
  totals ??= new ScanStats(parseAsOf(task.asOf)!);
  runTask(task, {
    progress: (id, bytes) => port.postMessage({ kind: 'progress', id, bytes }),
    // The text's buffer moves to the main thread instead of being copied.
    findings: (id, text, records) => port.postMessage({ kind: 'findings', id, text, records }, text ? [text.buffer as ArrayBuffer] : []),
  }, totals).then(
    // A range's bytes go back to the main thread for the next range, without a copy.
    (result) => port.postMessage({ kind: 'done', result }, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []),
    (error: Error) => port.postMessage({ kind: 'failed', id: task.id, message: error.message }),
  );
});
