// The embedded job runner: scans run inside the server process, a few at a time, retried with
// backoff. The database is the queue of record: on start it picks up analyses left queued or
// running by a previous process, so a restart loses no job.
import type { Database } from '../db/types.js';
import { failScanAnalysis, runScanAnalysis, type ScanJobDeps } from './scan-job.js';
import type { JobQueue } from './types.js';

export interface InProcessOptions {
  concurrency?: number;
  attempts?: number;
  backoffMs?: number;
  onError?: (analysisId: number, error: unknown) => void;
}

export function createInProcessQueue(deps: ScanJobDeps, options: InProcessOptions = {}): JobQueue & { recover(): Promise<void>; idle(): Promise<void> } {
  const concurrency = options.concurrency ?? 1;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 1000;
  const waiting: number[] = [];
  const known = new Set<number>();
  const running = new Map<number, AbortController>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (waiting.length === 0 && running.size === 0) {
      idleWaiters.forEach((resolve) => resolve());
      idleWaiters = [];
    }
  };

  const pump = () => {
    while (!closed && running.size < concurrency && waiting.length) {
      const id = waiting.shift()!;
      const controller = new AbortController();
      running.set(id, controller);
      void run(id, controller).finally(() => {
        running.delete(id);
        known.delete(id);
        pump();
        settle();
      });
    }
  };

  async function run(id: number, controller: AbortController) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await runScanAnalysis(deps, id, controller.signal);
        return;
      } catch (error) {
        options.onError?.(id, error);
        if (closed || controller.signal.aborted) return;
        if (attempt === attempts) return failScanAnalysis(deps.db, id, error);
        await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  return {
    kind: 'in-process',
    async enqueueScan(id) {
      if (closed || known.has(id)) return;
      known.add(id);
      waiting.push(id);
      pump();
    },
    async cancelScan(id) {
      const index = waiting.indexOf(id);
      if (index >= 0) waiting.splice(index, 1);
      running.get(id)?.abort();
      settle();
    },
    async recover() {
      const rows = await deps.db.query<{ id: number }>(`SELECT id FROM analyses WHERE status IN ('queued', 'running') ORDER BY id`);
      for (const row of rows) await this.enqueueScan(row.id);
    },
    idle: () => new Promise<void>((resolve) => {
      if (waiting.length === 0 && running.size === 0) resolve();
      else idleWaiters.push(resolve);
    }),
    async close() {
      closed = true;
      waiting.length = 0;
      for (const controller of running.values()) controller.abort();
    },
  };
}

export type { Database };
