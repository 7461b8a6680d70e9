// Runs scan tasks on N worker threads (or in-process when N is 0), handing each idle worker the
// next task. Each thread counts into its own totals, merged into the scan's once at the end.
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

function threadPool(size: number, events: TaskEvents, totals: ScanStats): Pool {
  const here = new URL(import.meta.url);
  const typescript = here.pathname.endsWith('.ts');
  const script = typescript ? new URL('./worker.ts', here) : workerScript(here);
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  const pending = new Map<number, { resolve(r: TaskResult): void; reject(e: Error): void }>();
  const failed = new Set<Worker>();
  /**
   * Set once no more tasks will come. Each worker then hands in its totals as soon as it is free,
   * so the first to finish is merged while the others still scan their last ranges.
   */
  let collection: { left: number; resolve(): void; reject(e: Error): void } | null = null;

  for (let i = 0; i < size; i++) {
    const worker = typescript
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true })
      : new Worker(script, { resourceLimits: WORKER_LIMITS });
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
      failed.add(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      collection?.reject(error);
    });
    all.push(worker);
    idle.push(worker);
  }

  /** A free worker goes straight to the next waiting task, or hands in its totals, or waits. */
  function release(worker: Worker): void {
    const next = waiting.shift();
    if (next) next(worker);
    else if (collection) worker.postMessage({ kind: 'collect' } satisfies PoolMessage);
    else idle.push(worker);
  }

  function acquire(): Promise<Worker> {
    const worker = idle.pop();
    return worker ? Promise.resolve(worker) : new Promise<Worker>((resolve) => waiting.push(resolve));
  }

  return {
    async run(task) {
      if (collection) throw new Error('scan pool: task after collect');
      const worker = await acquire();
      return new Promise<TaskResult>((resolve, reject) => {
        pending.set(task.id, { resolve, reject });
        // A range's bytes move to the worker instead of being copied.
        worker.postMessage({ kind: 'task', task } satisfies PoolMessage, task.bytes ? [task.bytes.buffer as ArrayBuffer] : []);
      });
    },
    collect() {
      // A worker that failed took its totals with it; its tasks' errors already ended the scan.
      return new Promise<void>((resolve, reject) => {
        collection = { left: all.length - failed.size, resolve, reject };
        if (collection.left === 0) resolve();
        for (const worker of idle.splice(0)) release(worker);
      });
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
