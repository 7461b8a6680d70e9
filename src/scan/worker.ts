// Worker-thread entry: runs scan tasks sent by the pool, posts progress, findings and results, and
// keeps the scan's running totals until the pool collects them.
import { parentPort } from 'node:worker_threads';
import { parseAsOf } from '../engine/index.js';
import { regions } from '../engine/regions/regions.js';
import { ScanStats, stateBuffers } from '../engine/stats/scan-stats.js';
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

/**
 * Messages are handled one after another: the pool sends the next task before this one is done,
 * and a task's findings are counted as the growth of the totals while it alone runs.
 */
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: PoolMessage) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: PoolMessage): Promise<void> {
  if (message.kind === 'collect') {
    const stats = totals?.state(true) ?? null;
    port.postMessage({ kind: 'totals', stats }, stats ? stateBuffers(stats) : []);
    totals = null;
    return;
  }
  const { task } = message;
  totals ??= new ScanStats(parseAsOf(task.asOf)!);
  try {
    const result = await runTask(task, {
      progress: (id, bytes) => port.postMessage({ kind: 'progress', id, bytes }),
      // The text's buffer moves to the main thread instead of being copied.
      findings: (id, text, records) => port.postMessage({ kind: 'findings', id, text, records }, text ? [text.buffer as ArrayBuffer] : []),
    }, totals);
    // A range's bytes go back to the main thread for the next range, without a copy.
    port.postMessage({ kind: 'done', result }, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
  } catch (error) {
    port.postMessage({ kind: 'failed', id: task.id, message: (error as Error).message });
  }
}
