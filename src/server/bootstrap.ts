// Wires the server's parts from the configuration: database (PostgreSQL or PGlite), project key,
// encrypted blob store, and the job runner (BullMQ with REDIS_URL, in-process otherwise).
import { join, resolve } from 'node:path';
import type { Worker } from 'bullmq';
import { deriveKey, loadProjectKey } from '../config/key.js';
import { generatePassword, hashPassword } from './auth/password.js';
import type { ServerConfig } from './config.js';
import { openDatabase } from './db/open.js';
import type { Database } from './db/types.js';
import { createLocalBlobStore } from './evidence/local-store.js';
import { createBullQueue, startBullWorker } from './jobs/bullmq.js';
import { createInProcessQueue } from './jobs/in-process.js';
import { sweepScanTemp } from './jobs/scan-job.js';
import type { Services } from './services.js';

export interface Runtime {
  services: Services;
  /** The BullMQ worker, when this process runs one. */
  worker: Worker | null;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run job workers in this process (default true). `telusur worker` runs only workers. */
  workers?: boolean;
  bullPrefix?: string;
  now?: () => Date;
  /** Use this database instead of opening one (tests). */
  db?: Database;
  onJobError?: (analysisId: number, error: unknown) => void;
}

/** Job failures are reported by kind only: messages from parsers can quote file content. */
function reportJobError(analysisId: number, error: unknown): void {
  const e = error as { code?: string; name?: string };
  process.stderr.write(`telusur: analisis ${analysisId} gagal, dicoba lagi / analysis ${analysisId} failed, will retry: ${e.code ?? e.name ?? 'Error'}\n`);
}

export async function startRuntime(config: ServerConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const dataDir = resolve(config.dataDir);
  const projectKey = loadProjectKey({ env: { ...process.env, TELUSUR_DATA: dataDir } });
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir }));
  const blobs = createLocalBlobStore(join(dataDir, 'blobs'), deriveKey(projectKey, 'evidence-encryption'));
  const deps = { db, blobs, projectKey };
  const runWorkers = options.workers ?? true;
  let worker: Worker | null = null;
  let jobs: Services['jobs'];
  let recover: (() => Promise<void>) | null = null;
  if (config.redisUrl) {
    const bull = { redisUrl: config.redisUrl, prefix: options.bullPrefix ?? process.env.TELUSUR_QUEUE_PREFIX ?? 'telusur' };
    jobs = createBullQueue(bull);
    if (runWorkers) {
      worker = startBullWorker(deps, {
        ...bull,
        concurrency: config.jobConcurrency,
        lockDurationMs: Number(process.env.TELUSUR_JOB_LOCK_MS ?? 30_000),
        stalledIntervalMs: Number(process.env.TELUSUR_JOB_STALLED_MS ?? 30_000),
        onError: options.onJobError ?? reportJobError,
      });
    }
    // Analyses whose enqueue never reached Redis are queued again; the job id makes this a no-op otherwise.
    recover = async () => {
      const rows = await db.query<{ id: number }>(`SELECT id FROM analyses WHERE status IN ('queued', 'running')`);
      for (const row of rows) await jobs.enqueueScan(row.id);
    };
  } else {
    const queue = createInProcessQueue(deps, { concurrency: config.jobConcurrency, onError: options.onJobError ?? reportJobError });
    jobs = queue;
    if (runWorkers) recover = () => queue.recover();
  }
  if (runWorkers) await sweepScanTemp();
  if (recover) await recover();
  const services: Services = { config, db, blobs, jobs, projectKey, now: options.now ?? (() => new Date()) };
  return {
    services,
    worker,
    async close() {
      await worker?.close();
      await jobs.close();
      if (!options.db) await db.close();
    },
  };
}

/**
 * On first run (no users yet) creates the admin. Returns the one-time password to print when
 * none was configured, else null.
 */
export async function ensureAdmin(db: Database, configured?: string): Promise<{ email: string; password: string | null } | null> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (row && row.n > 0) return null;
  const email = 'admin@telusur.local';
  const password = configured ?? generatePassword();
  await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Administrator', 'admin', $2)`, [email, await hashPassword(password)]);
  return { email, password: configured ? null : password };
}
