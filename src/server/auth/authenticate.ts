// Finds who a request acts as: a bearer API token (machines) or a session cookie (people).
// Cookie sessions also carry a CSRF secret that unsafe requests must echo in X-CSRF-Token.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import type { Principal, Role } from '../policies/roles.js';
import { apiTokenPrefix, hashSecret } from './secrets.js';

export const sessionCookie = 'telusur_session';
export const csrfCookie = 'telusur_csrf';

export interface Authenticated {
  principal: Principal;
  /** Set for cookie sessions: the SHA-256 of the CSRF secret. */
  csrfHash: string | null;
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  organization_id: number | null;
  csrf_hash?: string;
  token_name?: string;
  token_id?: number;
  stale?: boolean;
}

/**
 * Resolved credentials are kept for a few seconds, so a read costs one database round trip instead
 * of two. Logout, token revocation and user changes clear this process's cache at once; other
 * server processes notice within `cacheTtlMs`.
 */
const cacheTtlMs = 5000;
const cache = new Map<string, { value: Authenticated; until: number }>();

export function forgetCredentials(): void {
  cache.clear();
}

export async function authenticate(req: FastifyRequest, db: Database): Promise<Authenticated | null> {
  const header = req.headers.authorization;
  const secret = header?.startsWith('Bearer ') ? `b:${header.slice(7).trim()}` : req.cookies?.[sessionCookie] ? `s:${req.cookies[sessionCookie]}` : null;
  if (!secret) return null;
  const key = hashSecret(secret);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = await lookup(req, db);
  if (value) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { value, until: now + cacheTtlMs });
  } else cache.delete(key);
  return value;
}

async function lookup(req: FastifyRequest, db: Database): Promise<Authenticated | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    if (!token.startsWith(apiTokenPrefix)) return null;
    const [row] = await db.query<UserRow>(
      `SELECT u.id, u.email, u.name, u.role, u.organization_id, t.name AS token_name, t.id AS token_id,
              (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled`,
      [hashSecret(token)],
    );
    if (!row) return null;
    // Record use at most once a minute, so reads do not become writes.
    if (row.stale) void db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.token_id]).catch(() => undefined);
    return { principal: toPrincipal(row, 'token', `token:${row.token_name}`), csrfHash: null };
  }
  const session = req.cookies?.[sessionCookie];
  if (!session) return null;
  const [row] = await db.query<UserRow>(
    `SELECT u.id, u.email, u.name, u.role, u.organization_id, s.csrf_hash
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [hashSecret(session)],
  );
  if (!row) return null;
  return { principal: toPrincipal(row, 'session', row.email), csrfHash: row.csrf_hash ?? null };
}

function toPrincipal(row: UserRow, via: 'session' | 'token', label: string): Principal {
  return { id: row.id, email: row.email, name: row.name, role: row.role, organizationId: row.organization_id, via, label };
}
