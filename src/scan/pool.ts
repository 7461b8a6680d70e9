// Runs scan tasks on N worker threads (or in-process when N is 0), handing each task to the worker
// that holds the fewest (up to two). Each thread counts into its own totals, merged into the scan's once at the end.
// The command may start the threads before the scan asks for them (startWorkers).
// Under vitest the sources are TypeScript, so workers register tsx before loading them.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScanStats, StatsState } from '../engine/stats/scan-stats.js';
import type { FindingRecord } from './findings.js';
import type { ScanTask, TaskEvents, TaskResult } from './task.js';

/** What the pool sends a worker: a task, or a request for its totals once no task is left for it. */
export type PoolMessage = { kind: 'task'; task: ScanTask } | { kind: 'collect' };

type WorkerMessage =
  | { kind: 'progress'; id: number; bytes: number }
  | { kind: 'findings'; id: number; text: Uint8Array | null; records: FindingRecord[] }
  | { kind: 'done'; result: TaskResult }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'totals'; stats: StatsState | null };

/** A small young generation keeps each worker's memory flat: its garbage is short-lived buffers. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

export interface Pool {
  run(task: ScanTask): Promise<TaskResult>;
  /**
   * Merges every thread's totals into the scan's. Call once, when every task has been handed to
   * `run` (they may still be running): each worker's totals come as soon as it is free.
   */
  collect(): Promise<void>;
  close(): Promise<void>;
}

export function createPool(workers: number, events: TaskEvents, totals: ScanStats): Pool {
  return workers <= 0 ? inProcessPool(events, totals) : threadPool(workers, events, totals);
}

/**
 * Runs tasks on this thread, one at a time as a worker does: a task's findings are the growth of
 * the shared totals while it runs. The detectors are loaded only here (the main thread never needs
 * them otherwise).
 */
function inProcessPool(events: TaskEvents, totals: ScanStats): Pool {
  const task = import('./task.js');
  let previous: Promise<unknown> = task;
  return {
    run(t) {
      const result = previous.then(async () => (await task).runTask(t, events, totals));
      previous = result.catch(() => undefined);
      return result;
    },
    collect: async () => {},
    close: async () => {},
  };
}

/**
 * The compiled worker as one file (`npm run build` bundles it), which a thread loads in about a
 * third of the time the ~140 modules behind worker.js take: every worker pays that before its
 * first range. worker.js when the bundle is missing or older (the sources were compiled without it).
 */
export function workerScript(here: URL): URL {
  const modules = new URL('./worker.js', here), bundle = new URL('./worker.bundle.js', here);
  const built = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return built(bundle) >= built(modules) ? bundle : modules;
}

/** Threads started before any pool asked for them (startWorkers), each taken by the next pool that needs one. */
const early: { worker: Worker; failed: boolean }[] = [];

/**
 * Starts `count` worker threads now: a thread takes longer to boot (Node, the compiled worker, the
 * region tables) than the command takes to load the scan and plan its first file, so `telusur
 * scan` starts them first. They hold the process open only once a pool takes them.
 */
export function startWorkers(count: number): void {
  const script = workerScript(new URL(import.meta.url));
  for (let i = 0; i < count; i++) {
    const started = { worker: new Worker(script, { resourceLimits: WORKER_LIMITS }), failed: false };
    started.worker.unref();
    // A thread that failed to boot is left out; the pool starts its own, which reports the error.
    started.worker.once('error', () => (started.failed = true));
    early.push(started);
  }
}

/** A thread started early and still sound, or null. */
function takeEarlyWorker(): Worker | null {
  for (let started = early.shift(); started; started = early.shift()) {
    if (started.failed) continue;
    started.worker.ref();
    return started.worker;
  }
  return null;
}

/**
 * Tasks a worker holds at once: the one it scans and the next, so it goes on without waiting for
 * the main thread (busy planning and cutting files) to answer its last result. A worker runs its
 * tasks one after another (worker.ts), so a task's findings are still the growth of its totals.
 * At a file's end, a worker holds at most one short tail range that another could have taken.
 */
export const TASKS_PER_WORKER = 2;

function threadPool(size: number, events: TaskEvents, totals: ScanStats): Pool {
  const here = new URL(import.meta.url);
  const typescript = here.pathname.endsWith('.ts');
  const script = typescript ? new URL('./worker.ts', here) : workerScript(here);
  /** Each live worker and how many tasks it holds. */
  const held = new Map<Worker, number>();
  const waiting: ((worker: Worker) => void)[] = [];
  const pending = new Map<number, { resolve(r: TaskResult): void; reject(e: Error): void }>();
  /**
   * Set once no more tasks will come. Once the last waiting task is handed out, every worker is
   * asked for its totals; it answers after its last task, so the first to finish is merged while
   * the others still scan.
   */
  let collection: { left: number; asked: boolean; resolve(): void; reject(e: Error): void } | null = null;

  for (let i = 0; i < size; i++) {
    const worker = typescript
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true })
      : (takeEarlyWorker() ?? new Worker(script, { resourceLimits: WORKER_LIMITS }));
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') events.progress(message.id, message.bytes);
      else if (message.kind === 'findings') events.findings(message.id, message.text, message.records);
      else if (message.kind === 'totals') {
        if (message.stats) totals.merge(message.stats);
        if (collection && --collection.left === 0) collection.resolve();
      } else {
        const id = message.kind === 'done' ? message.result.id : message.id;
        const entry = pending.get(id);
        pending.delete(id);
        if (message.kind === 'done') entry?.resolve(message.result);
        else entry?.reject(new Error(message.message));
        release(worker);
      }
    });
    worker.on('error', (error) => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
      held.delete(worker);
      collection?.reject(error);
    });
    held.set(worker, 0);
  }

  /** The worker holding the fewest tasks, if one can take another. */
  function freest(): Worker | null {
    let best: Worker | null = null, least = TASKS_PER_WORKER;
    for (const [worker, tasks] of held) {
      if (tasks < least) [best, least] = [worker, tasks];
    }
    return best;
  }

  function give(worker: Worker, post: (worker: Worker) => void): void {
    held.set(worker, held.get(worker)! + 1);
    post(worker);
  }

  /** A worker that finished a task takes the next waiting one. */
  function release(worker: Worker): void {
    if (!held.has(worker)) return;
    held.set(worker, held.get(worker)! - 1);
    const next = waiting.shift();
    if (next) give(worker, next);
    askForTotals();
  }

  /** Once every task is with a worker: each hands in its totals after its last task. */
  function askForTotals(): void {
    if (!collection || collection.asked || waiting.length > 0) return;
    collection.asked = true;
    for (const worker of held.keys()) worker.postMessage({ kind: 'collect' } satisfies PoolMessage);
  }

  return {
    run(task) {
      if (collection) return Promise.reject(new Error('scan pool: task after collect'));
      return new Promise<TaskResult>((resolve, reject) => {
        pending.set(task.id, { resolve, reject });
        // Posted at once when a worker can take it, so a task handed over before `collect` is
        // always ahead of the request for totals. A range's bytes move instead of being copied.
        const post = (worker: Worker) =>
          worker.postMessage({ kind: 'task', task } satisfies PoolMessage, task.bytes ? [task.bytes.buffer as ArrayBuffer] : []);
        const worker = freest();
        if (worker) give(worker, post);
        else waiting.push(post);
      });
    },
    collect() {
      // A worker that failed took its totals with it; its tasks' errors already ended the scan.
      return new Promise<void>((resolve, reject) => {
        collection = { left: held.size, asked: false, resolve, reject };
        if (collection.left === 0) resolve();
        else askForTotals();
      });
    },
    async close() {
      // Not waited for: a thread takes tens of milliseconds to tear its heap down, and nothing of
      // the scan is left in it. Unreferenced, the threads never hold the process open.
      for (const worker of held.keys()) {
        worker.unref();
        void worker.terminate();
      }
    },
  };
}
