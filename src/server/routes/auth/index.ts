// Sign-in for people: scrypt-checked password → httpOnly session cookie plus a readable CSRF
// cookie whose value unsafe requests must echo in X-CSRF-Token. Login is rate limited per IP.
import { csrfCookie, forgetCredentials, sessionCookie } from '../../auth/authenticate.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { hashSecret, newSecret } from '../../auth/secrets.js';
import { errors } from '../../errors.js';
import { route } from '../../http/route.js';
import { presentUser, userColumns, type UserRecord } from '../../presenters/users.js';
import { changePasswordBody, loginBody } from './schema.js';

/** Failed sign-ins on one account within 15 minutes, from any address, before it is locked for the rest of that window. */
export const accountFailureLimit = 20;

export const authRoutes = [
  route({
    operationId: 'auth.login',
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password; sets the session and CSRF cookies',
    tag: 'auth',
    body: loginBody,
    rateLimit: { max: (services) => services.config.loginRateLimit, timeWindow: '1 minute' },
    async handler({ body, services, reply, write }) {
      const [row] = await services.db.query<UserRecord & { password_hash: string | null }>(
        `SELECT ${userColumns}, password_hash FROM users WHERE lower(email) = lower($1)`,
        [body.email],
      );
      if (row) {
        // Per account, across addresses: many recent failures lock sign-in for a while.
        const [recent] = await services.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'user' AND target_id = $1
             AND action = 'auth.login_failed' AND at > now() - interval '15 minutes'`,
          [String(row.id)],
        );
        if (recent!.n >= accountFailureLimit) throw errors.accountLocked();
      }
      const ok = await verifyPassword(body.password, row?.password_hash);
      if (!row || !ok || row.disabled) {
        // Failed attempts on real accounts are audited; what was typed for unknown accounts is not kept.
        if (row) await write(async (_tx, audit) => audit({ actorId: row.id, actor: row.email, action: 'auth.login_failed', targetType: 'user', targetId: row.id }));
        throw errors.loginFailed();
      }
      const session = newSecret();
      const csrf = newSecret();
      const expiresAt = new Date(services.now().getTime() + services.config.sessionTtlHours * 3600_000);
      await write(async (tx, audit) => {
        await tx.query('DELETE FROM sessions WHERE expires_at < now()'); // expired sessions are kept no longer than the next login
        await tx.query('INSERT INTO sessions (token_hash, csrf_hash, user_id, expires_at) VALUES ($1, $2, $3, $4)', [
          hashSecret(session),
          hashSecret(csrf),
          row.id,
          expiresAt,
        ]);
        audit({ actorId: row.id, actor: row.email, action: 'auth.login', targetType: 'user', targetId: row.id });
      });
      const cookie = { path: '/', secure: services.config.cookieSecure, sameSite: 'strict' as const, expires: expiresAt };
      reply.setCookie(sessionCookie, session, { ...cookie, httpOnly: true });
      reply.setCookie(csrfCookie, csrf, { ...cookie, httpOnly: false });
      return { user: presentUser(row), csrfToken: csrf, expiresAt };
    },
  }),
  route({
    operationId: 'auth.logout',
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    async handler({ req, reply, write }) {
      const session = req.cookies[sessionCookie];
      await write(async (tx, audit) => {
        if (session) await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(session)]);
        audit({ action: 'auth.logout', targetType: 'session', targetId: null });
      });
      forgetCredentials();
      reply.clearCookie(sessionCookie, { path: '/' });
      reply.clearCookie(csrfCookie, { path: '/' });
      return { ok: true };
    },
  }),
  route({
    operationId: 'auth.me',
    method: 'GET',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    async handler({ user, services }) {
      const [row] = await services.db.query<UserRecord>(`SELECT ${userColumns} FROM users WHERE id = $1`, [user.id]);
      return { user: presentUser(row!), via: user.via };
    },
  }),
  route({
    operationId: 'auth.changePassword',
    method: 'POST',
    path: '/auth/password',
    summary: 'Change your own password (ends your other sessions)',
    tag: 'auth',
    body: changePasswordBody,
    async handler({ body, user, services, req, write }) {
      const [row] = await services.db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      if (!(await verifyPassword(body.currentPassword, row?.password_hash))) throw errors.loginFailed();
      const hash = await hashPassword(body.newPassword);
      const current = req.cookies[sessionCookie];
      await write(async (tx, audit) => {
        await tx.query('UPDATE users SET password_hash = $1, updated_at = now() WHERE id = $2', [hash, user.id]);
        await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [user.id, current ? hashSecret(current) : '']);
        audit({ action: 'user.password_change', targetType: 'user', targetId: user.id });
      });
      forgetCredentials();
      return { ok: true };
    },
  }),
];
