// API tokens for machines (monitoring feeders, scripts): shown once at creation, stored as SHA-256.
// A token acts with its user's role and scope.
import { z } from 'zod';
import { forgetCredentials } from '../../auth/authenticate.js';
import { apiTokenPrefix, hashSecret, newSecret } from '../../auth/secrets.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
const columns = 'id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at';
const present = (t: TokenRow) => ({
  id: t.id,
  userId: t.user_id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

export const tokenRoutes = [
  route({
    operationId: 'tokens.list',
    method: 'GET',
    path: '/tokens',
    summary: 'List API tokens (never their secrets)',
    tag: 'tokens',
    query: z.object({ ...pageQuery, userId: z.coerce.number().int().positive().optional(), active: z.enum(['true', 'false']).optional() }),
    async handler({ query, services }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.userId) {
        params.push(query.userId);
        where.push(`t.user_id = $${params.length}`);
      }
      if (query.active === 'true') where.push('t.revoked_at IS NULL');
      if (query.active === 'false') where.push('t.revoked_at IS NOT NULL');
      const rows = await services.db.query<TokenRow>(`SELECT ${columns} FROM api_tokens t ${pageClause('t', query, where, params)}`, params);
      return toPage(rows, query.limit, present);
    },
  }),
  route({
    operationId: 'tokens.create',
    method: 'POST',
    path: '/tokens',
    summary: 'Create an API token for a user; the secret is returned once',
    tag: 'tokens',
    body: z.object({
      userId: z.number().int().positive(),
      name: z.string().trim().min(1).max(100),
      expiresAt: z.iso.datetime({ offset: true }).optional(),
    }),
    successStatus: 201,
    async handler({ body, services, write }) {
      const users = await services.db.query('SELECT 1 FROM users WHERE id = $1', [body.userId]);
      if (!users.length) throw errors.notFound('user');
      const token = newSecret(apiTokenPrefix);
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<TokenRow>(
          `INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
          [body.userId, body.name, hashSecret(token), token.slice(0, 8), body.expiresAt ?? null],
        );
        audit({ action: 'token.create', targetType: 'token', targetId: created!.id, detail: { userId: body.userId, name: body.name } });
        return created!;
      });
      return { ...present(row), token };
    },
  }),
  route({
    operationId: 'tokens.revoke',
    method: 'DELETE',
    path: '/tokens/:id',
    summary: 'Revoke an API token',
    tag: 'tokens',
    params: idParam,
    async handler({ params, write }) {
      const row = await write(async (tx, audit) => {
        const [revoked] = await tx.query<TokenRow>(
          `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${columns}`,
          [params.id],
        );
        if (revoked) audit({ action: 'token.revoke', targetType: 'token', targetId: params.id });
        return revoked;
      });
      forgetCredentials();
      if (!row) throw errors.notFound('token');
      return present(row);
    },
  }),
];
