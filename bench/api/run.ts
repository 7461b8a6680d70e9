// `npm run bench:api`: seeds 100k alerts and 10k incidents into a fresh PostgreSQL database (or
// PGlite with --pglite), starts `telusur serve` as its own process, and loads the list and detail
// endpoints from this process with autocannon. Prints p50/p99 latency per endpoint; target p99 ≤ 50 ms.
//   options: --pglite  --duration <s> (10)  --connections <n> (10)  --json <file>
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { createTestDatabase } from '../../src/server/db/testing.js';
import { seedBench } from './seed.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const backend = args.includes('--pglite') ? 'pglite' : 'postgres';
const duration = Number(flag('--duration', '10'));
const connections = Number(flag('--connections', '10'));
const counts = { organizations: 100, incidents: 10_000, alerts: 100_000 };

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'telusur-bench-'));
  // PGlite is one process per folder: seed it, close it, then let the server open it.
  const database = await createTestDatabase(backend, backend === 'pglite' ? { dataDir: join(dataDir, 'db') } : {});
  const seedStart = performance.now();
  const { token } = await seedBench(database.db, counts);
  const seedMs = performance.now() - seedStart;
  if (backend === 'pglite') await database.db.close();
  const port = await freePort();
  const bin = resolve(import.meta.dirname, '../../../bin/telusur.js');
  const server = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, ...(database.url ? { DATABASE_URL: database.url } : {}), TELUSUR_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', TELUSUR_LOG_LEVEL: 'warn', TELUSUR_ADMIN_PASSWORD: 'bench-password-unused', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
      if (i > 300) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const randomId = (max: number) => 1 + Math.floor(Math.random() * max);
    const endpoints: { name: string; path: () => string }[] = [
      { name: 'GET /alerts (list, 50)', path: () => '/api/v1/alerts?limit=50' },
      { name: 'GET /alerts?status=new&source=telegram', path: () => '/api/v1/alerts?status=new&source=telegram&limit=50' },
      { name: 'GET /alerts (page via cursor)', path: () => `/api/v1/alerts?limit=50&cursor=${randomId(counts.alerts)}` },
      { name: 'GET /alerts/:id', path: () => `/api/v1/alerts/${randomId(counts.alerts)}` },
      { name: 'GET /incidents (list, 50)', path: () => '/api/v1/incidents?limit=50' },
      { name: 'GET /incidents?status=investigating&severity=high', path: () => '/api/v1/incidents?status=investigating&severity=high,critical&limit=50' },
      { name: 'GET /incidents/:id', path: () => `/api/v1/incidents/${randomId(counts.incidents)}` },
    ];
    // Warm up connections and plans.
    await autocannon({ url: base, connections, duration: 2, requests: endpoints.map((e) => ({ method: 'GET', path: e.path(), headers })) });
    const results = [];
    for (const endpoint of endpoints) {
      const result = await autocannon({
        url: base,
        connections,
        duration,
        headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: endpoint.path() }) }],
      });
      const row = {
        endpoint: endpoint.name,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        p50ms: result.latency.p50,
        p99ms: result.latency.p99,
        maxMs: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
      };
      results.push(row);
      process.stdout.write(`${row.endpoint.padEnd(52)} p50 ${String(row.p50ms).padStart(4)} ms  p99 ${String(row.p99ms).padStart(4)} ms  ${String(row.rps).padStart(5)} req/s  non-2xx ${row.non2xx}\n`);
    }
    const worstP99 = Math.max(...results.map((r) => r.p99ms));
    const summary = { backend, counts, connections, durationSeconds: duration, seedMs: Math.round(seedMs), worstP99, targetP99Ms: 50, met: worstP99 <= 50, results };
    process.stdout.write(`\n${backend}: ${counts.alerts} alerts, ${counts.incidents} incidents, ${connections} connections, seeded in ${summary.seedMs} ms; worst p99 ${worstP99} ms (target ≤ 50 ms: ${summary.met ? 'met' : 'NOT met'})\n`);
    const out = flag('--json', '');
    if (out) writeFileSync(out, JSON.stringify(summary, null, 2));
    if (results.some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (backend === 'postgres') await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
