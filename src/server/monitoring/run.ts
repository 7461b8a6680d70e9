// Monitoring inside `telusur serve`: with a sources file configured (TELUSUR_SOURCES), the
// monitor's poller runs in the server process on the server's database. With the embedded
// database this is the only way (PGlite is single-process); with PostgreSQL it is simply convenient.
import { findingHasher } from '../../config/key.js';
import { startMonitoring } from '../../monitor/ingest/run.js';
import type { PollReport } from '../../monitor/ingest/poller.js';
import type { Services } from '../services.js';
import { configuredSources, redactText } from './sources.js';

export interface ServerMonitoring {
  /** Stops polling and waits for the current round to finish (its items are committed or re-read later). */
  stop(): Promise<void>;
}

export interface ServerMonitoringOptions {
  /** Seconds between looks for due sources (each source keeps its own interval). */
  tickSeconds?: number;
  /** Where one line per poll problem goes; never post content, secrets struck out. */
  log?: (line: string) => void;
}

/** Starts the poller when a sources file is configured; null otherwise. */
export function startServerMonitoring(services: Services, options: ServerMonitoringOptions = {}): ServerMonitoring | null {
  const sourcesFile = services.config.sourcesFile;
  if (!sourcesFile) return null;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const controller = new AbortController();
  const onReport = (report: PollReport) => {
    if (!report.error) return;
    const source = configuredSources(sourcesFile).find((s) => s.id === report.source);
    log(`telusur: sumber / source ${report.source} gagal / failed: ${redactText(report.error, source)}`);
  };
  const running = startMonitoring(
    {
      db: services.db,
      sourcesFile,
      allow: services.config.monitorAllow,
      findingHash: findingHasher(services.projectKey),
      onReport,
      ...(options.tickSeconds ? { tickSeconds: options.tickSeconds } : {}),
    },
    controller.signal,
  ).catch((error: unknown) => {
    // The server keeps serving without monitoring; the reason is the monitor's own message (file, config, database).
    log(`telusur: pemantauan berhenti / monitoring stopped: ${redactText((error as Error).message, undefined)}`);
  });
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
