// Runs monitoring against the platform database: loads the source list, feeds victim resolution
// from the organizations table (the seed registry while it is empty), and polls on schedule.
// `telusur posts poll` uses it; the server can call startMonitoring() in-process (PGlite is
// single-process, so with the embedded database the poller must live inside `telusur serve`).
import { readFileSync } from 'node:fs';
import type { Database } from '../../server/db/types.js';
import { PostAnalyser } from '../analyse.js';
import { seedVictimResolver, victimResolverFromDatabase } from '../extract/index.js';
import { HttpClient } from '../sources/http-client.js';
import type { Socks5Proxy } from '../sources/socks5.js';
import { Poller, type PollReport } from './poller.js';
import { parseSourceConfigs } from './sources-config.js';

export interface MonitoringOptions {
  db: Database;
  sourcesFile: string;
  /** Internal hosts an admin allow-listed for fetching. */
  allow?: string[];
  socks5?: Socks5Proxy;
  findingHash?: (normalized: string) => string;
  /** How often to look for due sources. */
  tickSeconds?: number;
  onReport?: (report: PollReport) => void;
}

export function readSourcesFile(path: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: tidak terbaca sebagai JSON / not readable as JSON (${(error as Error).message})`, { cause: error });
  }
  return parseSourceConfigs(raw);
}

export async function createPoller(o: MonitoringOptions): Promise<Poller> {
  const sources = readSourcesFile(o.sourcesFile);
  const fromDb = await victimResolverFromDatabase(o.db);
  const [{ n }] = await o.db.query<{ n: string | number }>('SELECT count(*) AS n FROM organizations') as [{ n: string | number }];
  const analyser = new PostAnalyser({ victims: Number(n) > 0 ? fromDb : seedVictimResolver(), ...(o.findingHash ? { findingHash: o.findingHash } : {}) });
  const client = new HttpClient({ ssrf: { allow: o.allow ?? [] }, ...(o.socks5 ? { socks5: o.socks5 } : {}) });
  const poller = new Poller({ db: o.db, sources, client, analyser });
  await poller.init();
  return poller;
}

/** Polls until `signal` aborts. Each tick runs the sources that are due. */
export async function startMonitoring(o: MonitoringOptions, signal: AbortSignal): Promise<void> {
  const poller = await createPoller(o);
  while (!signal.aborted) {
    for (const report of await poller.runDue()) o.onReport?.(report);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, (o.tickSeconds ?? 30) * 1000);
      signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
}
