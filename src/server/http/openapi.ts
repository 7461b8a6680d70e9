// The OpenAPI 3.1 document, generated from the same route declarations that are registered,
// so the document cannot drift from the server. Each operation lists the roles allowed.
import { z } from 'zod';
import { policy } from '../policies/table.js';
import { apiPrefix } from './register.js';
import type { RouteDef } from './route.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'messageEn'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. INCIDENT_NOT_FOUND' },
        message: { type: 'string', description: 'Bahasa Indonesia' },
        messageEn: { type: 'string', description: 'English' },
        details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } } } },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: prop,
  }));
}

export function buildOpenApi(routes: RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = apiPrefix + def.path.replace(/:(\w+)/g, '{$1}');
    const rule = policy[def.operationId]!;
    const operation: Record<string, unknown> = {
      operationId: def.operationId,
      summary: def.summary,
      tags: [def.tag],
      'x-roles': rule,
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      responses: {
        [String(def.successStatus ?? 200)]: {
          description: 'OK',
          ...(def.response ? { content: { 'application/json': { schema: jsonSchema(def.response) } } } : {}),
        },
        '4XX': { description: 'Client error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      ...(rule === 'public' ? { security: [] } : {}),
    };
    if (def.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(def.body) } } };
    if (def.multipart) {
      operation.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, description: { type: 'string' } } } } },
      };
    }
    (paths[path] ??= {})[def.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Telusur API',
      version,
      description:
        'Investigation server: PSE registry, alerts, incidents, encrypted evidence, scan analyses, UU PDP notifications, audit. ' +
        'People sign in with a session cookie and echo the telusur_csrf cookie in X-CSRF-Token on unsafe requests; machines use Authorization: Bearer tls_…',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'telusur_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
