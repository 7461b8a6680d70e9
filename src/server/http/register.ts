// Registers declared routes on Fastify and enforces, centrally and in this order:
// authentication (401) → the policy table (403) → CSRF for cookie sessions (403) →
// path/query validation (400) → row scope (404, same as a missing row) → body validation (400) → handler.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/chain.js';
import { authenticate } from '../auth/authenticate.js';
import { secretMatches } from '../auth/secrets.js';
import { errors, type ErrorDetail } from '../errors.js';
import { policy } from '../policies/table.js';
import { resolveScope } from '../policies/scope.js';
import type { Principal } from '../policies/roles.js';
import type { Services } from '../services.js';
import type { RouteContext, RouteDef } from './route.js';

export const apiPrefix = '/api/v1';

const indonesian = z.locales.id();

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  // Parse again only on failure, for the same issues worded in Indonesian.
  const inIndonesian = schema.safeParse(value ?? {}, { error: (issue) => indonesian.localeError(issue) });
  const details: ErrorDetail[] = result.error.issues.map((issue, i) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: inIndonesian.error?.issues[i]?.message ?? issue.message,
    messageEn: issue.message,
  }));
  throw errors.validation(details);
}

export function registerRoutes(app: FastifyInstance, routes: RouteDef[], services: Services): void {
  for (const def of routes) {
    const rule = policy[def.operationId];
    if (!rule) throw new Error(`route ${def.operationId} has no entry in the policy table`);
    app.route({
      method: def.method,
      url: apiPrefix + def.path,
      ...(def.rateLimit
        ? {
            config: {
              rateLimit: {
                timeWindow: def.rateLimit.timeWindow,
                max: typeof def.rateLimit.max === 'function' ? def.rateLimit.max(services) : def.rateLimit.max,
              },
            },
          }
        : {}),
      handler: async (req, reply) => {
        let user: Principal | null = null;
        if (rule !== 'public') {
          const auth = await authenticate(req, services.db);
          if (!auth) throw errors.unauthenticated();
          user = auth.principal;
          if (rule !== 'authenticated' && !rule.includes(user.role)) throw errors.forbidden();
          const unsafe = def.method !== 'GET';
          if (unsafe && auth.csrfHash && !secretMatches(String(req.headers['x-csrf-token'] ?? ''), auth.csrfHash)) {
            throw errors.csrf();
          }
        }
        const params = parse(def.params, req.params, 'params');
        const query = parse(def.query, req.query, 'query');
        let incidentId: number | null = null;
        if (def.scope && user) {
          const id = (params as Record<string, number>)[def.scope.param];
          incidentId = await resolveScope(services.db, user, def.scope.resource, Number(id));
          if (incidentId === null) throw errors.notFound(def.scope.resource);
        }
        // The body is checked after the scope, so another tenant's id answers 404 whatever the body.
        const body = def.multipart ? undefined : parse(def.body, req.body, 'body');
        const actor = user;
        const ctx: RouteContext = {
          params,
          query,
          body,
          user: user as Principal,
          incidentId,
          services,
          req,
          reply,
          write: (work) =>
            services.db.transaction(async (tx) => {
              const entries: AuditEntry[] = [];
              const result = await work(tx, (entry) =>
                entries.push({ actorId: actor?.id ?? null, actor: actor?.label ?? 'anonymous', ...entry }),
              );
              await appendAudit(tx, entries, services.db.kind);
              return result;
            }),
        };
        // Set before the handler runs, so a handler can still choose another status (200 for a duplicate).
        reply.code(def.successStatus ?? 200);
        const result = await def.handler(ctx);
        if (def.rawResponse) return reply;
        return result;
      },
    });
  }
}
