// User and registry administration: roles bound correctly, one-time passwords, disabling ends
// access; organizations searchable by alias and domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, type TestServer } from '../../testing.js';

describe.each(testBackends)('users and organizations on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(backend);
  });
  afterAll(async () => s?.close());

  it('binds a PSE officer to exactly one organization and returns a generated password once', async () => {
    const missing = await s.call('admin', 'POST', '/api/v1/users', { email: 'pse@contoh.example', name: 'PSE', role: 'pse_officer' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('body.organizationId');
    const created = await s.call('admin', 'POST', '/api/v1/users', { email: 'pse@contoh.example', name: 'PSE', role: 'pse_officer', organizationId: s.orgs.b });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(user).toMatchObject({ role: 'pse_officer', organizationId: s.orgs.b });
    expect(JSON.stringify(user)).not.toContain('hash');
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'PSE@contoh.example', password: oneTimePassword } });
    expect(login.statusCode).toBe(200);
    const dup = await s.call('admin', 'POST', '/api/v1/users', { email: 'pse@contoh.example', name: 'Lagi', role: 'analyst' });
    expect(dup.json().error.code).toBe('USER_EMAIL_TAKEN');

    const disabled = await s.call('admin', 'PATCH', `/api/v1/users/${user.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const list = (await s.call('admin', 'GET', '/api/v1/users?role=pse_officer')).json().items;
    expect(list.map((u: { email: string }) => u.email)).toContain('pse@contoh.example');
  });

  it('registers organizations with aliases, DPO and domains, and finds them by any of these', async () => {
    const created = await s.call('analyst', 'POST', '/api/v1/organizations', {
      name: 'Badan Penyelenggara Contoh', aliases: ['BPC'], sector: 'insurance', ownership: 'public',
      dpo: { name: 'Petugas PDP', email: 'pdp@bpc.example' }, domains: ['BPC.example'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().domains).toEqual(['bpc.example']);
    for (const q of ['q=bpc', 'q=penyelenggara', 'domain=bpc.example', 'ownership=public&sector=insurance']) {
      const names = (await s.call('analyst', 'GET', `/api/v1/organizations?${q}`)).json().items.map((o: { name: string }) => o.name);
      expect(names, q).toContain('Badan Penyelenggara Contoh');
    }
    expect((await s.call('analyst', 'POST', '/api/v1/organizations', { name: 'badan penyelenggara contoh' })).json().error.code).toBe('ORGANIZATION_NAME_TAKEN');
    expect((await s.call('analyst', 'POST', '/api/v1/organizations', { name: 'X', domains: ['not a domain'] })).statusCode).toBe(400);
    const patched = await s.call('analyst', 'PATCH', `/api/v1/organizations/${created.json().id}`, { aliases: ['BPC', 'Badan PC'] });
    expect(patched.json().aliases).toEqual(['BPC', 'Badan PC']);
  });
});
