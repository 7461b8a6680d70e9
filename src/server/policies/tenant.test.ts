// Tenant isolation: a PSE officer sees their own organization's incidents and nothing of another's —
// not by id guessing (404, identical to a missing row), not by list filters, not through child
// resources (evidence, analyses, notifications, timeline). Investigators see only assigned incidents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../db/testing.js';
import { createTestServer, multipartBody, type TestServer } from '../testing.js';

describe.each(testBackends)('tenant isolation on %s', (backend) => {
  let s: TestServer;
  let mine: number;
  let theirs: number;
  let theirEvidence: number;
  let theirAnalysis: number;
  let theirNotification: number;

  beforeAll(async () => {
    s = await createTestServer(backend);
    mine = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Kebocoran A', victimOrganizationIds: [s.orgs.a] })).json().id;
    theirs = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Kebocoran B', victimOrganizationIds: [s.orgs.b], assigneeIds: [s.users.investigator.id] })).json().id;
    const upload = multipartBody('b.txt', Buffer.from('rahasia B'));
    theirEvidence = (
      await s.app.inject({ method: 'POST', url: `/api/v1/incidents/${theirs}/evidence`, payload: upload.payload, headers: { ...upload.headers, authorization: `Bearer ${s.users.analyst.token}` } })
    ).json().id;
    theirAnalysis = (await s.call('analyst', 'POST', `/api/v1/evidence/${theirEvidence}/analyses`, {})).json().id;
    theirNotification = (
      await s.call('analyst', 'POST', `/api/v1/incidents/${theirs}/notifications`, { dataExposed: 'x', exposureHow: 'y', handling: 'z', recovery: 'w' })
    ).json().id;
    await s.call('analyst', 'POST', '/api/v1/alerts', { source: 'forum', text: 'Dijual data Kementerian Contoh B', seenAt: new Date().toISOString(), victimOrganizationId: s.orgs.b });
  });
  afterAll(async () => s?.close());

  it('lists only the officer’s own incidents, whatever the filter', async () => {
    const all = (await s.call('pse_officer', 'GET', '/api/v1/incidents')).json();
    expect(all.items.map((i: { id: number }) => i.id)).toEqual([mine]);
    for (const query of [`organizationId=${s.orgs.b}`, 'q=Kebocoran%20B', 'status=new', 'limit=200', `cursor=${theirs + 1}`]) {
      const ids = (await s.call('pse_officer', 'GET', `/api/v1/incidents?${query}`)).json().items.map((i: { id: number }) => i.id);
      expect(ids, query).not.toContain(theirs);
    }
  });

  it('answers another tenant’s ids exactly like ids that do not exist', async () => {
    const pairs: [string, string][] = [
      [`/api/v1/incidents/${theirs}`, '/api/v1/incidents/999999'],
      [`/api/v1/incidents/${theirs}/timeline`, '/api/v1/incidents/999999/timeline'],
      [`/api/v1/incidents/${theirs}/evidence`, '/api/v1/incidents/999999/evidence'],
      [`/api/v1/incidents/${theirs}/analyses`, '/api/v1/incidents/999999/analyses'],
      [`/api/v1/incidents/${theirs}/notifications`, '/api/v1/incidents/999999/notifications'],
      [`/api/v1/evidence/${theirEvidence}`, '/api/v1/evidence/999999'],
      [`/api/v1/analyses/${theirAnalysis}`, '/api/v1/analyses/999999'],
      [`/api/v1/notifications/${theirNotification}`, '/api/v1/notifications/999999'],
      [`/api/v1/notifications/${theirNotification}/letter`, '/api/v1/notifications/999999/letter'],
      [`/api/v1/organizations/${s.orgs.b}`, '/api/v1/organizations/999999'],
    ];
    for (const [other, missing] of pairs) {
      const a = await s.call('pse_officer', 'GET', other);
      const b = await s.call('pse_officer', 'GET', missing);
      expect(a.statusCode, other).toBe(404);
      expect(a.body, other).toBe(b.body);
    }
    for (const [method, url, body] of [
      ['POST', `/api/v1/incidents/${theirs}/acknowledge`, undefined],
      ['POST', `/api/v1/incidents/${theirs}/notifications`, { dataExposed: 'x', exposureHow: 'y', handling: 'z', recovery: 'w' }],
      ['POST', `/api/v1/incidents/${theirs}/notifications`, {}],
    ] as const) {
      expect((await s.call('pse_officer', method, url, body)).statusCode, url).toBe(404);
    }
  });

  it('shows the officer only their own organization and no alerts', async () => {
    const orgs = (await s.call('pse_officer', 'GET', '/api/v1/organizations?q=Kementerian')).json();
    expect(orgs.items).toEqual([]);
    const own = (await s.call('pse_officer', 'GET', '/api/v1/organizations')).json();
    expect(own.items.map((o: { id: number }) => o.id)).toEqual([s.orgs.a]);
    expect((await s.call('pse_officer', 'GET', `/api/v1/alerts?victimOrganizationId=${s.orgs.b}`)).statusCode).toBe(403);
  });

  it('lets the other organization’s officer see theirs, and an investigator only assigned incidents', async () => {
    const b = (await s.call('pse_officer_b', 'GET', '/api/v1/incidents')).json();
    expect(b.items.map((i: { id: number }) => i.id)).toEqual([theirs]);
    expect((await s.call('pse_officer_b', 'GET', `/api/v1/evidence/${theirEvidence}`)).statusCode).toBe(200);
    const inv = (await s.call('investigator', 'GET', '/api/v1/incidents')).json();
    expect(inv.items.map((i: { id: number }) => i.id)).toEqual([theirs]);
    expect((await s.call('investigator', 'GET', `/api/v1/incidents/${mine}`)).statusCode).toBe(404);
    const tasks = await s.call('investigator', 'GET', `/api/v1/tasks?incidentId=${mine}`);
    expect(tasks.json().items).toEqual([]);
  });
});
