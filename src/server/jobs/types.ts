// The one job interface: the in-process runner (embedded mode) and BullMQ (REDIS_URL) both
// implement it. Job state of record lives in the database (analyses), so either runner can
// recover after a crash and the outcome is written exactly once.

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /** Queues the scan of an analysis; queuing the same analysis twice runs it once. */
  enqueueScan(analysisId: number): Promise<void>;
  /** Asks a running or queued scan to stop; the analysis ends as cancelled. */
  cancelScan(analysisId: number): Promise<void>;
  close(): Promise<void>;
}
