// The demo scenario loads through the API: two alerts, a critical incident on the clock, a scanned
// synthetic sample whose verification sets the seller's claim beside what the sample holds; and
// loading twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, waitForAnalysis, type TestServer } from '../testing.js';
import { loadDemo } from './scenario.js';

describe('demo scenario on pglite', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer('pglite');
  });
  afterAll(async () => s?.close());

  it('loads a scanned hospital-sample incident and a KTP-selfie alert, once', async () => {
    const result = await loadDemo(s.app, s.runtime.services.db, s.users.admin.id);
    expect(result.loaded).toBe(true);
    const incident = (await s.call('analyst', 'GET', `/api/v1/incidents/${result.incidentId}`)).json();
    expect(incident).toMatchObject({ severity: 'critical', status: 'pse_notified', deadline: { state: 'running' } });
    const analysis = (await waitForAnalysis(s, result.analysisId!)) as { status: string; claimedRecords: number; verification: { overall: { validShare: number; duplicateShare: number }; records: number } };
    expect(analysis.status).toBe('done');
    expect(analysis.claimedRecords).toBe(6_000_000);
    expect(analysis.verification.records).toBe(1000);
    expect(analysis.verification.overall.validShare).toBeGreaterThan(0.8);
    expect(analysis.verification.overall.validShare).toBeLessThan(1);
    expect(analysis.verification.overall.duplicateShare).toBeGreaterThan(0);
    const alerts = (await s.call('analyst', 'GET', '/api/v1/alerts')).json().items;
    expect(alerts.map((a: { title: string }) => a.title)).toEqual(expect.arrayContaining(['Ready KTP+Selfie HD']));
    expect((await s.call('analyst', 'GET', `/api/v1/incidents/${result.incidentId}/tasks`)).json().items).toHaveLength(2);
    // The demo's own token is revoked when it is done.
    const tokens = (await s.call('admin', 'GET', '/api/v1/tokens?active=true')).json().items.map((t: { name: string }) => t.name);
    expect(tokens).not.toContain('demo');
    expect((await loadDemo(s.app, s.runtime.services.db, s.users.admin.id)).loaded).toBe(false);
    expect((await s.call('admin', 'POST', '/api/v1/audit/verify')).json().ok).toBe(true);
  });
});
