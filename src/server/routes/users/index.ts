// User administration (admins only): list, create with a role, change role or disable.
import { forgetCredentials } from '../../auth/authenticate.js';
import { hashPassword, generatePassword } from '../../auth/password.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { presentUser, userColumns, type UserRecord } from '../../presenters/users.js';
import { userCreateBody, userListQuery, userUpdateBody } from './schema.js';

export const userRoutes = [
  route({
    operationId: 'users.list',
    method: 'GET',
    path: '/users',
    summary: 'List users (filter by role, organization, text)',
    tag: 'users',
    query: userListQuery,
    async handler({ query, services }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.role) {
        params.push(query.role);
        where.push(`u.role = ANY($${params.length})`);
      }
      if (query.organizationId) {
        params.push(query.organizationId);
        where.push(`u.organization_id = $${params.length}`);
      }
      if (query.q) {
        params.push(`%${query.q.toLowerCase()}%`);
        where.push(`(lower(u.email) LIKE $${params.length} OR lower(u.name) LIKE $${params.length})`);
      }
      const rows = await services.db.query<UserRecord>(`SELECT ${userColumns} FROM users u ${pageClause('u', query, where, params)}`, params);
      return toPage(rows, query.limit, presentUser);
    },
  }),
  route({
    operationId: 'users.create',
    method: 'POST',
    path: '/users',
    summary: 'Create a user; without a password, a one-time password is generated and returned once',
    tag: 'users',
    body: userCreateBody,
    successStatus: 201,
    async handler({ body, services, write }) {
      const generated = body.password ? undefined : generatePassword();
      const hash = await hashPassword(body.password ?? generated!);
      const existing = await services.db.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [body.email]);
      if (existing.length) throw errors.conflict('USER_EMAIL_TAKEN', 'Email sudah dipakai', 'E-mail already in use');
      if (body.organizationId) {
        const org = await services.db.query('SELECT 1 FROM organizations WHERE id = $1', [body.organizationId]);
        if (!org.length) throw errors.notFound('organization');
      }
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<UserRecord>(
          `INSERT INTO users (email, name, role, organization_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${userColumns}`,
          [body.email, body.name, body.role, body.organizationId ?? null, hash],
        );
        audit({ action: 'user.create', targetType: 'user', targetId: created!.id, detail: { role: body.role, organizationId: body.organizationId ?? null } });
        return created!;
      });
      return { user: presentUser(row), ...(generated ? { oneTimePassword: generated } : {}) };
    },
  }),
  route({
    operationId: 'users.get',
    method: 'GET',
    path: '/users/:id',
    summary: 'One user',
    tag: 'users',
    params: idParam,
    async handler({ params, services }) {
      const [row] = await services.db.query<UserRecord>(`SELECT ${userColumns} FROM users WHERE id = $1`, [params.id]);
      if (!row) throw errors.notFound('user');
      return presentUser(row);
    },
  }),
  route({
    operationId: 'users.update',
    method: 'PATCH',
    path: '/users/:id',
    summary: 'Change name, role, organization, password, or disable (disabling ends sessions)',
    tag: 'users',
    params: idParam,
    body: userUpdateBody,
    async handler({ params, body, services, write }) {
      const [current] = await services.db.query<UserRecord>(`SELECT ${userColumns} FROM users WHERE id = $1`, [params.id]);
      if (!current) throw errors.notFound('user');
      const role = body.role ?? current.role;
      const organizationId = body.organizationId !== undefined ? body.organizationId : current.organization_id;
      if ((role === 'pse_officer') !== (organizationId != null)) {
        throw errors.validation([{ path: 'body.organizationId', message: 'pse_officer wajib terikat pada satu organisasi / pse_officer needs exactly one organizationId' }]);
      }
      const hash = body.password ? await hashPassword(body.password) : null;
      const row = await write(async (tx, audit) => {
        const [updated] = await tx.query<UserRecord>(
          `UPDATE users SET name = $2, role = $3, organization_id = $4, disabled = $5,
             password_hash = COALESCE($6, password_hash), updated_at = now()
           WHERE id = $1 RETURNING ${userColumns}`,
          [params.id, body.name ?? current.name, role, organizationId, body.disabled ?? current.disabled, hash],
        );
        if (body.disabled || hash || role !== current.role) await tx.query('DELETE FROM sessions WHERE user_id = $1', [params.id]);
        const changed = Object.keys(body).filter((k) => k !== 'password');
        audit({ action: 'user.update', targetType: 'user', targetId: params.id, detail: { changed, passwordReset: Boolean(hash) } });
        return updated!;
      });
      forgetCredentials();
      return presentUser(row);
    },
  }),
];
