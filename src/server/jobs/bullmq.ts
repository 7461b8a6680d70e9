// Production jobs on BullMQ (REDIS_URL): the server enqueues, `telusur worker` processes on any
// number of machines. The job id is the analysis id, so queuing twice runs once; a worker that
// dies mid-scan loses its lock and BullMQ hands the job to another worker (stalled-job recovery),
// where the run-token claim makes sure the result is still written once.
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { failScanAnalysis, runScanAnalysis, type ScanJobDeps } from './scan-job.js';
import type { JobQueue } from './types.js';

export interface BullOptions {
  redisUrl: string;
  /** Key prefix: one per installation (and per test run). */
  prefix?: string;
  attempts?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export const scanQueueName = 'telusur-scan';

function connection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export function createBullQueue(options: BullOptions): JobQueue {
  const queue = new Queue(scanQueueName, { connection: connection(options.redisUrl), prefix: options.prefix ?? 'telusur' });
  return {
    kind: 'bullmq',
    async enqueueScan(analysisId) {
      await queue.add(
        'scan',
        { analysisId },
        {
          jobId: `analysis-${analysisId}`,
          attempts: options.attempts ?? 3,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
          removeOnFail: 1000,
        },
      );
    },
    // The worker sees the cancelled status at its next progress write and stops there.
    async cancelScan(analysisId) {
      const job = await queue.getJob(`analysis-${analysisId}`);
      if (job && (await job.isWaiting())) await job.remove().catch(() => undefined);
    },
    close: () => queue.close(),
  };
}

export function startBullWorker(deps: ScanJobDeps, options: BullOptions & { concurrency?: number; onError?: (id: number, e: unknown) => void }): Worker {
  const attempts = options.attempts ?? 3;
  return new Worker(
    scanQueueName,
    async (job) => {
      const analysisId = Number((job.data as { analysisId: number }).analysisId);
      try {
        return await runScanAnalysis(deps, analysisId);
      } catch (error) {
        options.onError?.(analysisId, error);
        if (job.attemptsMade + 1 >= attempts) await failScanAnalysis(deps.db, analysisId, error);
        throw error;
      }
    },
    {
      connection: connection(options.redisUrl),
      prefix: options.prefix ?? 'telusur',
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 5,
    },
  );
}
