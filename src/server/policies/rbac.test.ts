// RBAC matrix: every declared route × every role, against the declared policy table. Allowed
// roles never get 401/403; denied roles get 403; nobody signed out gets past 401 on a private route;
// a PSE officer of another organization gets 404 on scoped routes it is otherwise allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../db/testing.js';
import { apiRoutes } from '../routes/index.js';
import { createTestServer, multipartBody, type TestServer } from '../testing.js';
import { roles } from './roles.js';
import { policy } from './table.js';

describe('policy table', () => {
  it('has exactly one entry per declared route', () => {
    const ids = apiRoutes.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(policy).sort()).toEqual([...ids].sort());
  });
});

describe.each(testBackends)('RBAC matrix on %s', (backend) => {
  let s: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    s = await createTestServer(backend);
    const incident = await s.call('admin', 'POST', '/api/v1/incidents', {
      title: 'Matrix incident',
      victimOrganizationIds: [s.orgs.a],
      assigneeIds: [s.users.investigator.id],
    });
    ids.incident = incident.json().id;
    const upload = multipartBody('sampel.csv', Buffer.from('nama,kota\nBudi,Bandung\n'));
    const evidence = await s.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${ids.incident}/evidence`,
      payload: upload.payload,
      headers: { ...upload.headers, authorization: `Bearer ${s.users.admin.token}` },
    });
    expect(evidence.statusCode).toBe(201);
    ids.evidence = evidence.json().id;
    ids.analysis = (await s.call('admin', 'POST', `/api/v1/evidence/${ids.evidence}/analyses`, {})).json().id;
    ids.task = (await s.call('admin', 'POST', `/api/v1/incidents/${ids.incident}/tasks`, { title: 'Koordinasi dengan BSSN' })).json().id;
    ids.notification = (
      await s.call('admin', 'POST', `/api/v1/incidents/${ids.incident}/notifications`, {
        dataExposed: 'Nama',
        exposureHow: 'Forum',
        handling: 'Ditutup',
        recovery: 'Diganti',
      })
    ).json().id;
    ids.alert = (await s.call('admin', 'POST', '/api/v1/alerts', { source: 'manual', text: 'contoh', seenAt: new Date().toISOString() })).json().id;
    ids.user = s.users.analyst.id;
    ids.token = (await s.call('admin', 'POST', '/api/v1/tokens', { userId: s.users.analyst.id, name: 'spare' })).json().id;
    ids.organization = s.orgs.a;
    for (const [k, v] of Object.entries(ids)) expect(v, k).toBeGreaterThan(0);
  });
  afterAll(async () => s?.close());

  const resourceOf = (path: string) => {
    const head = path.split('/')[1]!;
    const map: Record<string, string> = {
      incidents: 'incident', evidence: 'evidence', analyses: 'analysis', tasks: 'task', notifications: 'notification',
      alerts: 'alert', users: 'user', tokens: 'token', organizations: 'organization',
    };
    return map[head]!;
  };
  const urlOf = (path: string) => `/api/v1${path.replace(':id', () => String(ids[resourceOf(path)]))}`;

  for (const def of apiRoutes) {
    const rule = policy[def.operationId]!;
    it(`${def.operationId}: ${def.method} ${def.path}`, async () => {
      const url = urlOf(def.path);
      const body = def.method === 'GET' ? undefined : {};
      if (rule !== 'public') {
        expect((await s.call(null, def.method, url, body)).statusCode, 'signed out').toBe(401);
      }
      for (const role of roles) {
        const allowed = rule === 'public' || rule === 'authenticated' || rule.includes(role);
        const res = await s.call(role, def.method, url, body);
        if (allowed) expect([401, 403], `${role} is allowed (${res.body})`).not.toContain(res.statusCode);
        else {
          expect(res.statusCode, `${role} is denied`).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
      }
      // A PSE officer of another organization: allowed by role, but the row is not theirs.
      if (def.scope && rule !== 'public' && rule !== 'authenticated' && rule.includes('pse_officer')) {
        const res = await s.call('pse_officer_b', def.method, url, body);
        expect(res.statusCode, `other tenant on ${url}`).toBe(404);
      }
    });
  }
});
