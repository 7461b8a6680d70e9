// Incident work as an analyst does it: triage alerts into incidents (promote, merge, dismiss),
// walk the status machine, follow the UU PDP 72-hour clock from PSE notification to a filed
// Art. 46 notification, read the timeline and the generated letters; lists page and filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, type TestServer } from '../../testing.js';

describe.each(testBackends)('incidents on %s', (backend) => {
  let s: TestServer;
  let clock = new Date('2026-03-02T02:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(backend, { now: () => clock });
  });
  afterAll(async () => s?.close());

  const alert = (text: string, extra: Record<string, unknown> = {}) =>
    s.call('analyst', 'POST', '/api/v1/alerts', { source: 'forum', text, title: text.slice(0, 40), seenAt: '2026-03-01T10:00:00Z', victimOrganizationId: s.orgs.a, ...extra });

  it('promotes, merges and dismisses alerts; a triaged alert cannot be triaged again', async () => {
    const a = (await alert('Dijual 6 juta data pasien RS Contoh A')).json();
    const promoted = await s.call('analyst', 'POST', `/api/v1/alerts/${a.id}/promote`, { severity: 'critical' });
    expect(promoted.statusCode).toBe(201);
    const incident = promoted.json().incident;
    expect(incident).toMatchObject({ title: a.title, severity: 'critical', status: 'new', victims: [{ id: s.orgs.a, name: 'Rumah Sakit Contoh A' }] });
    expect(promoted.json().alert).toMatchObject({ status: 'promoted', incidentId: incident.id });

    const b = (await alert('Sampel 1.000 baris data pasien RS Contoh A')).json();
    const merged = await s.call('analyst', 'POST', `/api/v1/alerts/${b.id}/merge`, { incidentId: incident.id });
    expect(merged.json()).toMatchObject({ status: 'merged', incidentId: incident.id });
    const linked = (await s.call('investigator', 'GET', `/api/v1/incidents/${incident.id}/alerts`)).statusCode;
    expect(linked).toBe(404); // not assigned
    expect((await s.call('analyst', 'GET', `/api/v1/incidents/${incident.id}/alerts`)).json().items).toHaveLength(2);
    const again = await s.call('analyst', 'POST', `/api/v1/alerts/${a.id}/promote`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALERT_ALREADY_TRIAGED');

    const c = (await alert('Jual HP bekas, bukan data')).json();
    expect((await s.call('analyst', 'POST', `/api/v1/alerts/${c.id}/dismiss`, {})).statusCode).toBe(400);
    expect((await s.call('analyst', 'POST', `/api/v1/alerts/${c.id}/dismiss`, { reason: 'Iklan toko HP' })).json()).toMatchObject({ status: 'dismissed', dismissReason: 'Iklan toko HP' });
    const newOnes = (await s.call('analyst', 'GET', '/api/v1/alerts?status=new')).json().items;
    expect(newOnes).toEqual([]);
  });

  it('is idempotent on (source, externalId) so a retrying feeder does not duplicate alerts', async () => {
    const first = await alert('Data nasabah 5k per lembar', { externalId: 'post-77' });
    const second = await alert('Data nasabah 5k per lembar', { externalId: 'post-77' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, duplicate: true });
  });

  it('walks the status machine and runs the 72-hour clock until the notification is filed', async () => {
    const incident = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Kebocoran KTP', victimOrganizationIds: [s.orgs.a] })).json();
    const move = (status: string, extra: Record<string, unknown> = {}) => s.call('analyst', 'POST', `/api/v1/incidents/${incident.id}/status`, { status, ...extra });
    const bad = await move('closed');
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('INCIDENT_STATUS_TRANSITION_INVALID');
    expect((await move('triage')).json().deadline.state).toBe('not_started');
    expect((await move('investigating')).statusCode).toBe(200);
    const notified = (await move('pse_notified')).json();
    expect(notified.pseNotifiedAt).toBe('2026-03-02T02:00:00.000Z');
    expect(notified.deadline).toMatchObject({ state: 'running', dueAt: '2026-03-05T02:00:00.000Z', remainingMs: 72 * 3600_000 });

    clock = new Date('2026-03-05T03:00:00Z');
    const late = (await s.call('pse_officer', 'GET', `/api/v1/incidents/${incident.id}`)).json();
    expect(late.deadline).toMatchObject({ state: 'overdue', remainingMs: -3600_000 });
    expect((await s.call('analyst', 'GET', '/api/v1/incidents?deadline=overdue')).json().items.map((i: { id: number }) => i.id)).toEqual([incident.id]);
    expect((await s.call('analyst', 'GET', '/api/v1/stats')).json().deadlines.map((d: { incidentId: number }) => d.incidentId)).toContain(incident.id);

    expect((await s.call('pse_officer', 'POST', `/api/v1/incidents/${incident.id}/acknowledge`)).json().acknowledgedAt).toBe('2026-03-05T03:00:00.000Z');
    const filed = await s.call('pse_officer', 'POST', `/api/v1/incidents/${incident.id}/notifications`, {
      dataExposed: 'Foto KTP dan swafoto pelanggan', exposedAt: '2026-02-28T12:00:00Z', exposureHow: 'Bucket penyimpanan terbuka',
      handling: 'Akses publik ditutup', recovery: 'Audit konfigurasi penyimpanan', subjectsEstimate: 25000, contact: 'pdp@rsca.example',
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().organizationId).toBe(s.orgs.a);
    const met = (await s.call('analyst', 'GET', `/api/v1/incidents/${incident.id}`)).json();
    expect(met.deadline).toMatchObject({ state: 'met_late', metAt: '2026-03-05T03:00:00.000Z' });

    const letter = await s.call('pse_officer', 'GET', `/api/v1/notifications/${filed.json().id}/letter?audience=subjects&lang=id`);
    expect(letter.headers['content-type']).toContain('text/html');
    expect(letter.body).toContain('Foto KTP dan swafoto pelanggan');
    expect(letter.body).toContain('25.000');
    expect((await s.call('pse_officer', 'GET', `/api/v1/notifications/${filed.json().id}/letter?lang=en`)).body).toContain('Article 46(2)');
    const pdf = await s.call('pse_officer', 'GET', `/api/v1/notifications/${filed.json().id}/letter?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const timeline = (await s.call('pse_officer', 'GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(['notification_filed', 'acknowledged', 'status_changed', 'status_changed', 'status_changed', 'created']);
    await s.call('analyst', 'POST', `/api/v1/incidents/${incident.id}/notes`, { body: 'Catatan internal regulator' });
    const forPse = (await s.call('pse_officer', 'GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
    expect(forPse).not.toContain('note_added');
    expect((await s.call('analyst', 'GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items[0].kind).toBe('note_added');
    const dup = await move('duplicate');
    expect(dup.statusCode).toBe(409); // pse_notified → duplicate is not a move
  });

  it('pages with a cursor and filters lists', async () => {
    for (let i = 0; i < 7; i++) await s.call('analyst', 'POST', '/api/v1/incidents', { title: `Halaman ${i}`, severity: i % 2 ? 'high' : 'low' });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (await s.call('analyst', 'GET', `/api/v1/incidents?q=halaman&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const high = (await s.call('analyst', 'GET', '/api/v1/incidents?q=halaman&severity=high')).json().items;
    expect(high).toHaveLength(3);
    const bad = await s.call('analyst', 'GET', '/api/v1/incidents?severity=apocalyptic&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.limit', 'query.severity.0']);
  });

  it('keeps tasks with assignees and due dates, and records every write in the audit chain', async () => {
    const incident = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Tugas' })).json();
    const task = (await s.call('analyst', 'POST', `/api/v1/incidents/${incident.id}/tasks`, { title: 'Panggil PSE', assigneeId: s.users.analyst.id, dueAt: '2026-03-01T00:00:00Z' })).json();
    expect((await s.call('analyst', 'GET', '/api/v1/tasks?overdue=true')).json().items.map((t: { id: number }) => t.id)).toContain(task.id);
    expect((await s.call('analyst', 'PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' })).json().status).toBe('done');
    expect((await s.call('analyst', 'GET', `/api/v1/incidents/${incident.id}/tasks?status=done`)).json().items.map((t: { id: number }) => t.id)).toEqual([task.id]);
    const verify = (await s.call('admin', 'POST', '/api/v1/audit/verify')).json();
    expect(verify.ok).toBe(true);
    const actions = (await s.call('admin', 'GET', '/api/v1/audit?limit=3')).json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['task.update', 'task.create', 'incident.create']);
  });
});

describe('alert lists on pglite', () => {
  it('carry an excerpt of long posts; the detail carries the whole text', async () => {
    const s = await createTestServer('pglite');
    try {
      const long = 'Dijual data pelanggan. '.repeat(100);
      const created = (await s.call('analyst', 'POST', '/api/v1/alerts', { source: 'paste', text: long, seenAt: '2026-03-01T00:00:00Z' })).json();
      const [item] = (await s.call('analyst', 'GET', '/api/v1/alerts')).json().items;
      expect(item.text).toHaveLength(500);
      expect(item.textTruncated).toBe(true);
      expect((await s.call('analyst', 'GET', `/api/v1/alerts/${created.id}`)).json()).toMatchObject({ text: long, textTruncated: false });
    } finally {
      await s.close();
    }
  });
});
