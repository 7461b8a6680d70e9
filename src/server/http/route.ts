// A route is declared once — method, URL, zod schemas, scope and handler — and that one
// declaration drives registration, central policy enforcement, validation and the OpenAPI document.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuditEntry } from '../audit/chain.js';
import type { Queryable } from '../db/types.js';
import type { ScopedResource } from '../policies/scope.js';
import type { Principal } from '../policies/roles.js';
import type { Services } from '../services.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Audit = (entry: Omit<AuditEntry, 'actorId' | 'actor'> & Partial<Pick<AuditEntry, 'actorId' | 'actor'>>) => void;

export interface RouteContext<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  user: Principal;
  /** The incident the scoped resource belongs to (after the central scope check). */
  incidentId: number | null;
  services: Services;
  req: FastifyRequest;
  reply: FastifyReply;
  /** Runs `work` in a transaction; audit entries it records commit with it. */
  write<T>(work: (tx: Queryable, audit: Audit) => Promise<T>): Promise<T>;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  /** Stable id: the key of the policy table and the OpenAPI operationId. */
  operationId: string;
  method: Method;
  /** Path under /api/v1, Fastify style (`/incidents/:id`). */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Response shape, for the document only. */
  response?: z.ZodType;
  successStatus?: number;
  /** The resource the `id` path parameter names; checked against the caller's scope (404 if out). */
  scope?: { resource: ScopedResource; param: string };
  /** Multipart upload: the handler reads the stream itself. */
  multipart?: boolean;
  /** Response is not JSON (file download, letter). */
  rawResponse?: boolean;
  rateLimit?: { max: number | ((services: Services) => number); timeWindow: string };
  handler(ctx: RouteContext<P, Q, B>): Promise<unknown>;
}

/** Identity function that keeps the schema types tied to the handler's context. */
export function route<P = unknown, Q = unknown, B = unknown>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}
