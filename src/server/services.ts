// What every route handler can reach: configuration, the database, the evidence store and the jobs.
import type { ServerConfig } from './config.js';
import type { Database } from './db/types.js';
import type { BlobStore } from './evidence/store.js';
import type { JobQueue } from './jobs/types.js';

export interface Services {
  config: ServerConfig;
  db: Database;
  blobs: BlobStore;
  jobs: JobQueue;
  projectKey: Buffer;
  /** The clock, injectable so deadline tests need not wait 72 hours. */
  now(): Date;
}
