// Test server: a real app on a fresh database (PGlite or PostgreSQL), with one user per role
// (two PSE officers of different organizations) and an API token each. Requests go through
// Fastify's inject — the same routing, policy and validation as over the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app.js';
import { hashPassword } from './auth/password.js';
import { apiTokenPrefix, hashSecret, newSecret } from './auth/secrets.js';
import { startRuntime, type Runtime } from './bootstrap.js';
import { loadConfig, type ServerConfig } from './config.js';
import { createTestDatabase, type TestBackend } from './db/testing.js';
import type { Role } from './policies/roles.js';

export const testPassword = 'kata-sandi-uji-123';
export type Actor = Role | 'pse_officer_b';
export const actors: Actor[] = ['admin', 'analyst', 'investigator', 'pse_officer', 'pse_officer_b'];

export interface TestServer {
  /** The PostgreSQL connection string (postgres backend only), for child processes. */
  databaseUrl?: string;
  app: FastifyInstance;
  runtime: Runtime;
  dataDir: string;
  users: Record<Actor, { id: number; email: string; token: string }>;
  orgs: { a: number; b: number };
  /** Request as an actor (bearer token), or anonymously with null. */
  call(actor: Actor | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestServer(
  backend: TestBackend,
  options: { config?: Partial<ServerConfig>; now?: () => Date; logStream?: NodeJS.WritableStream; dataDir?: string; dbInDataDir?: boolean; workers?: boolean; bullPrefix?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'telusur-server-'));
  const database = await createTestDatabase(backend, options.dbInDataDir ? { dataDir: join(dataDir, 'db') } : {});
  const config = loadConfig({}, { dataDir, logLevel: options.logStream ? 'info' : 'silent', webDist: join(dataDir, 'no-web'), ...options.config });
  const runtime = await startRuntime(config, {
    db: database.db,
    ...(options.now ? { now: options.now } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.bullPrefix ? { bullPrefix: options.bullPrefix } : {}),
  });
  const app = await buildApp(runtime.services, options.logStream ? { logStream: options.logStream } : {});
  const db = database.db;

  const [a] = await db.query<{ id: number }>(`INSERT INTO organizations (name, aliases, sector, ownership, domains) VALUES ('Rumah Sakit Contoh A', '{RSCA}', 'health', 'private', '{rsca.example}') RETURNING id`);
  const [b] = await db.query<{ id: number }>(`INSERT INTO organizations (name, aliases, sector, ownership, domains) VALUES ('Kementerian Contoh B', '{Kemenb}', 'government', 'public', '{kemenb.example}') RETURNING id`);
  const orgs = { a: a!.id, b: b!.id };
  const hash = await hashPassword(testPassword);
  const users = {} as TestServer['users'];
  for (const actor of actors) {
    const role: Role = actor === 'pse_officer_b' ? 'pse_officer' : actor;
    const org = actor === 'pse_officer' ? orgs.a : actor === 'pse_officer_b' ? orgs.b : null;
    const email = `${actor.replace('_', '.')}@uji.example`;
    const [user] = await db.query<{ id: number }>(
      `INSERT INTO users (email, name, role, organization_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [email, `Uji ${actor}`, role, org, hash],
    );
    const token = newSecret(apiTokenPrefix);
    await db.query(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4)`, [user!.id, `test-${actor}`, hashSecret(token), token.slice(0, 8)]);
    users[actor] = { id: user!.id, email, token };
  }

  return {
    ...(database.url ? { databaseUrl: database.url } : {}),
    app,
    runtime,
    dataDir,
    users,
    orgs,
    call(actor, method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: { ...(actor ? { authorization: `Bearer ${users[actor].token}` } : {}), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls an analysis until it leaves queued/running. */
export async function waitForAnalysis(s: TestServer, id: number, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await s.call('admin', 'GET', `/api/v1/analyses/${id}`);
    const body = res.json() as Record<string, unknown>;
    if (!['queued', 'running'].includes(String(body.status))) return body;
    if (Date.now() > deadline) throw new Error(`analysis ${id} still ${String(body.status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { multipartBody } from './http/multipart.js';
