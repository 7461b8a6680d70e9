// Sign-in for people: cookie flags, CSRF on unsafe requests, wrong passwords, the login rate
// limit, logout; tokens stored only as hashes; errors carry a code and never a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, testPassword, type TestServer } from '../../testing.js';

describe.each(testBackends)('auth on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(backend, { config: { loginRateLimit: 6 } });
  });
  afterAll(async () => s?.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('sets an httpOnly, Secure, SameSite=Strict session cookie and requires the CSRF token on writes', async () => {
    const res = await login(s.users.analyst.email, testPassword);
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'telusur_session')!;
    const csrf = res.cookies.find((c) => c.name === 'telusur_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(res.json().csrfToken).toBe(csrf.value);
    const cookie = `telusur_session=${session.value}`;
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user.email).toBe(s.users.analyst.email);
    const body = { title: 'Lewat cookie' };
    const noCsrf = await s.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie }, payload: body });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await s.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie, 'x-csrf-token': 'x' }, payload: body });
    expect(wrong.statusCode).toBe(403);
    const ok = await s.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie, 'x-csrf-token': csrf.value }, payload: body });
    expect(ok.statusCode).toBe(201);
    const out = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf.value } });
    expect(out.statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses wrong passwords and unknown users alike, and rate-limits login per address', async () => {
    const wrong = await login(s.users.admin.email, 'salah-sekali', '10.0.0.2');
    const unknown = await login('tidak.ada@uji.example', 'salah-sekali', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    let last = wrong;
    for (let i = 0; i < 6; i++) last = await login(s.users.admin.email, 'salah-sekali', '10.0.0.2');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    const failures = (await s.call('admin', 'GET', `/api/v1/audit?action=auth.login_failed&limit=500`)).json().items;
    expect(failures.length).toBe(5); // 6 attempts allowed, one of them for an unknown account
    expect(JSON.stringify(failures)).not.toContain('tidak.ada@uji.example');
    // Another address is not affected.
    expect((await login(s.users.admin.email, testPassword, '10.0.0.3')).statusCode).toBe(200);
  });

  it('locks an account after many failures from many addresses, and only that account', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(s.users.investigator.email, 'salah-sekali', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const locked = await login(s.users.investigator.email, testPassword, '10.2.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login(s.users.pse_officer.email, testPassword, '10.2.0.2')).statusCode).toBe(200);
  });

  it('stores API tokens and sessions only as hashes; a revoked token stops working', async () => {
    const created = await s.call('admin', 'POST', '/api/v1/tokens', { userId: s.users.analyst.id, name: 'feeder' });
    expect(created.statusCode).toBe(201);
    const token: string = created.json().token;
    expect(token.startsWith('tls_')).toBe(true);
    const rows = await s.runtime.services.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(rows.some((r) => r.token_hash.includes(token))).toBe(false);
    const auth = { authorization: `Bearer ${token}` };
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth })).statusCode).toBe(200);
    await s.call('admin', 'DELETE', `/api/v1/tokens/${created.json().id}`);
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth })).statusCode).toBe(401);
  });

  it('answers bad input with a stable code and no stack trace', async () => {
    const badJson = await s.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { authorization: `Bearer ${s.users.admin.token}`, 'content-type': 'application/json' }, payload: '{"title":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('BODY_INVALID');
    const invalid = await s.call('admin', 'POST', '/api/v1/incidents', { title: '', severity: 'apocalyptic' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.title', 'body.severity']));
    const title = invalid.json().error.details.find((d: { path: string }) => d.path === 'body.title');
    expect(title.message).toMatch(/Terlalu kecil/);
    expect(title.messageEn).toMatch(/Too small/);
    const dangling = await s.call('admin', 'POST', '/api/v1/alerts', { source: 'forum', text: 'x', seenAt: '2026-01-01T00:00:00Z', victimOrganizationId: 999999 });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json().error.code).toBe('REFERENCE_NOT_FOUND');
    const unknown = await s.call('admin', 'GET', '/api/v1/nope');
    expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
    for (const res of [badJson, invalid, dangling, unknown]) {
      expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves an OpenAPI 3 document listing every route with its roles', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/incidents/{id}'].get['x-roles']).toContain('pse_officer');
    expect(doc.paths['/api/v1/alerts'].post.requestBody.content['application/json'].schema.properties.source).toBeDefined();
  });
});
