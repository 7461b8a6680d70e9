// Server configuration: read from the environment and an optional JSON config file
// (TELUSUR_CONFIG), validated once at start so that a bad setting fails loudly and by name.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseSourceConfigs } from '../monitor/ingest/sources-config.js';

const boolText = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

const number = () => z.coerce.number({ error: 'harus berupa angka / must be a number' }).int('harus bilangan bulat / must be a whole number');

const schema = z.object({
  port: number().min(0).max(65535, 'harus 0–65535 / must be 0–65535').default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'harus URL postgres:// / must be a postgres:// URL').optional(),
  redisUrl: z.string().regex(/^rediss?:\/\//, 'harus URL redis:// / must be a redis:// URL').optional(),
  adminPassword: z.string().min(12, 'minimal 12 karakter / at least 12 characters').optional(),
  evidenceMaxBytes: number().positive('harus lebih dari 0 / must be above 0').default(2 * 1024 ** 3),
  cookieSecure: boolText.default(true),
  sessionTtlHours: z.coerce.number().positive().default(12),
  loginRateLimit: number().positive('harus lebih dari 0 / must be above 0').default(10),
  jobConcurrency: number().positive('harus lebih dari 0 / must be above 0').default(1),
  /** With REDIS_URL: also run job workers inside `telusur serve` (set false when `telusur worker` runs elsewhere). */
  serveWorkers: boolText.default(true),
  webDist: z.string().default('./web/dist'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Monitoring sources (src/monitor sources file): when set, `telusur serve` polls them in-process. */
  sourcesFile: z.string().min(1).optional(),
  /** Internal hosts the monitor may fetch despite the SSRF guard (comma-separated in the environment). */
  monitorAllow: z
    .union([z.array(z.string().min(1)), z.string().transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean))])
    .default([]),
});

export type ServerConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Environment variable → config key. */
const envNames: Record<string, keyof ServerConfig> = {
  PORT: 'port',
  HOST: 'host',
  TELUSUR_DATA: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  TELUSUR_ADMIN_PASSWORD: 'adminPassword',
  TELUSUR_EVIDENCE_MAX_BYTES: 'evidenceMaxBytes',
  TELUSUR_COOKIE_SECURE: 'cookieSecure',
  TELUSUR_SESSION_TTL_HOURS: 'sessionTtlHours',
  TELUSUR_LOGIN_RATE_LIMIT: 'loginRateLimit',
  TELUSUR_JOB_CONCURRENCY: 'jobConcurrency',
  TELUSUR_SERVE_WORKERS: 'serveWorkers',
  TELUSUR_WEB_DIST: 'webDist',
  TELUSUR_LOG_LEVEL: 'logLevel',
  TELUSUR_SOURCES: 'sourcesFile',
  TELUSUR_MONITOR_ALLOW: 'monitorAllow',
};

/**
 * Builds the configuration: file values first, environment over them, overrides last.
 * Throws ConfigError naming every bad setting and where it came from.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const raw: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const file = env.TELUSUR_CONFIG;
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(resolve(file), 'utf8'));
    } catch (error) {
      throw new ConfigError(`TELUSUR_CONFIG ${file}: berkas konfigurasi tidak terbaca / config file unreadable: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(`TELUSUR_CONFIG ${file}: harus objek JSON / must be a JSON object`);
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in schema.shape)) throw new ConfigError(`${file}: kunci tidak dikenal / unknown key "${key}"`);
      raw[key] = value;
      origin[key] = `${file}:${key}`;
    }
  }
  for (const [name, key] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      raw[key] = value;
      origin[key] = name;
    }
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) {
      raw[key] = value;
      origin[key] = key;
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `${origin[key] ?? key}: ${issue.message}`;
    });
    throw new ConfigError(`konfigurasi tidak valid / invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  if (result.data.sourcesFile) checkSourcesFile(result.data.sourcesFile, origin.sourcesFile ?? 'sourcesFile');
  return result.data;
}

/** A sources file that is missing, not JSON or not a valid source list stops the start, naming the setting. */
function checkSourcesFile(file: string, origin: string): void {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    throw new ConfigError(`${origin} ${file}: berkas sumber tidak terbaca sebagai JSON / sources file not readable as JSON: ${(error as Error).message}`);
  }
  try {
    parseSourceConfigs(raw);
  } catch (error) {
    throw new ConfigError(`${origin} ${file}: ${(error as Error).message}`);
  }
}
