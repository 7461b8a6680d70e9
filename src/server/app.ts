// Builds the Fastify application: plugins, security headers, the declared API routes, the
// OpenAPI document at /api/docs, and the web app from web/dist at / when it has been built.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { errors } from './errors.js';
import { installErrorHandler } from './http/errors.js';
import { buildOpenApi } from './http/openapi.js';
import { registerRoutes } from './http/register.js';
import { addSecurityHeaders } from './http/security.js';
import { apiRoutes } from './routes/index.js';
import type { Services } from './services.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    if (pkg.version) return pkg.version;
  } catch {
    // running from the source tree: one level less deep
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export interface AppOptions {
  /** A pino destination for tests that inspect the log; default stdout. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: false,
    bodyLimit: 1024 * 1024,
  });
  installErrorHandler(app, config.evidenceMaxBytes);
  addSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => errors.rateLimited(Math.ceil(context.ttl / 1000)),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: config.evidenceMaxBytes + 1, files: 1, fields: 10 } });

  registerRoutes(app, apiRoutes, services);
  const document = buildOpenApi(apiRoutes, packageVersion());
  app.get('/api/docs', async () => document);

  const webDist = resolve(config.webDist);
  const hasWeb = existsSync(resolve(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.code(404).send(errors.notFound('route').toJSON());
    }
    // The web app routes on the client: unknown paths get its index page.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
