// POST /api/v1/ingest on both backends: a pushed offer becomes one alert however often it is
// pushed, a non-offer creates none, near-identical text joins the first alert, bad input gets
// stable 4xx codes, and only admin/analyst API tokens may push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, testPassword, type TestServer } from '../../testing.js';

const offer = {
  sourceId: 'ail-feeder',
  externalId: 'ail:forum-x:4412',
  url: 'http://forum.example/thread-4412',
  title: 'BPJS KETENAGAKERJAAN INDONESIA 19 MILLION',
  text: 'Selling BPJS Ketenagakerjaan database 19 million records, full data NIK nama alamat, sample available. Price 0.5 BTC, escrow ok. PM for details.',
  author: 'bpjsdump',
  publishedAt: '2026-11-20T08:00:00Z',
  platform: 'Forum X',
};

describe.each(testBackends)('POST /api/v1/ingest on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => { s = await createTestServer(backend); });
  afterAll(async () => s?.close());

  const alertsOf = async (source: string) => (await s.call('admin', 'GET', `/api/v1/alerts?source=${source}`)).json().items as Array<Record<string, unknown>>;

  it('turns a pushed offer into one alert with its facts; pushing it again changes nothing', async () => {
    const first = await s.call('analyst', 'POST', '/api/v1/ingest', offer);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ sourceId: 'ail-feeder', externalId: offer.externalId, outcome: 'alert', label: 'offer' });
    const alertId = first.json().alertId as number;
    const again = await s.call('analyst', 'POST', '/api/v1/ingest', offer);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'seen', alertId });
    const alerts = await alertsOf('ail-feeder');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: alertId, label: 'offer', url: offer.url });
    const facts = alerts[0]!.facts as Record<string, unknown>;
    expect(facts).toMatchObject({ recordCount: 19_000_000, platform: 'Forum X', author: 'bpjsdump', publishedAt: offer.publishedAt, severity: 'high' });
  });

  it('records a non-offer post without an alert', async () => {
    const res = await s.call('admin', 'POST', '/api/v1/ingest', {
      sourceId: 'ail-other', externalId: 'ail:other:1',
      text: 'Dijual motor Honda Beat 2019 mulus, pajak hidup, harga 9 juta nego. Lokasi Bekasi, minat PM.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'ignored', alertId: null });
    expect(await alertsOf('ail-other')).toHaveLength(0);
  });

  it('joins a re-posted offer under another id to the first alert instead of making a second', async () => {
    const res = await s.call('analyst', 'POST', '/api/v1/ingest', { ...offer, externalId: 'ail:forum-y:9', text: `${offer.text} ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('duplicate');
    expect(await alertsOf('ail-feeder')).toHaveLength(1);
  });

  it('refuses the tokens of PSE officers and investigators, and signed-in browsers', async () => {
    for (const actor of ['pse_officer', 'investigator'] as const) {
      const res = await s.call(actor, 'POST', '/api/v1/ingest', { ...offer, externalId: `x-${actor}` });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: s.users.analyst.email, password: testPassword } });
    const cookies = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await s.app.inject({
      method: 'POST', url: '/api/v1/ingest', payload: { ...offer, externalId: 'x-session' },
      headers: { cookie: cookies, 'x-csrf-token': login.json().csrfToken as string },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('API_TOKEN_REQUIRED');
    expect(await alertsOf('ail-feeder')).toHaveLength(1);
  });

  it('answers bad input with 400 VALIDATION_FAILED naming each field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...offer, sourceId: 'Bad Source!' }, 'body.sourceId'],
      [{ ...offer, text: '   ' }, 'body.text'],
      [{ ...offer, externalId: undefined }, 'body.externalId'],
      [{ ...offer, url: 'javascript:alert(1)' }, 'body.url'],
      [{ ...offer, publishedAt: 'kemarin' }, 'body.publishedAt'],
    ];
    for (const [body, path] of cases) {
      const res = await s.call('analyst', 'POST', '/api/v1/ingest', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect((res.json().error.details as Array<{ path: string }>).map((d) => d.path)).toContain(path);
    }
  });

  it('audits every push and lists the push source with its health', async () => {
    const audit = (await s.call('admin', 'GET', '/api/v1/audit?limit=200')).json().items as Array<{ action: string; detail: Record<string, unknown> }>;
    const pushes = audit.filter((a) => a.action === 'ingest.push');
    expect(pushes.map((a) => a.detail.outcome).sort()).toEqual(['alert', 'duplicate', 'ignored', 'seen']);
    const sources = (await s.call('analyst', 'GET', '/api/v1/sources')).json().items as Array<Record<string, unknown>>;
    expect(sources.find((x) => x.id === 'ail-feeder')).toMatchObject({ kind: 'push', health: 'ok', alerts: 1, itemsTotal: 3 });
    expect(sources.find((x) => x.id === 'ail-other')).toMatchObject({ kind: 'push', health: 'ok', alerts: 0 });
  });
});
