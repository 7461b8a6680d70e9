// GET /api/v1/staff on both backends: analysts can see who may be assigned (names and roles only),
// PSE officers and disabled accounts are not offered, and the list pages like the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, type TestServer } from '../../testing.js';

describe.each(testBackends)('GET /api/v1/staff on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => { s = await createTestServer(backend); });
  afterAll(async () => s?.close());

  it('lists active admins, analysts and investigators with id, name and role only', async () => {
    await s.runtime.services.db.query(`INSERT INTO users (email, name, role, disabled) VALUES ('keluar@uji.example', 'Sudah Keluar', 'analyst', true)`);
    const res = await s.call('analyst', 'GET', '/api/v1/staff');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items.map((u) => u.role).sort()).toEqual(['admin', 'analyst', 'investigator']);
    expect(items.map((u) => u.id)).toContain(s.users.investigator.id);
    expect(items.find((u) => u.id === s.users.analyst.id)).toEqual({ id: s.users.analyst.id, name: 'Uji analyst', displayName: 'Uji analyst', role: 'analyst' });
    expect(JSON.stringify(items)).not.toContain('@uji.example');
    const investigators = (await s.call('analyst', 'GET', '/api/v1/staff?role=investigator')).json().items as Array<{ id: number }>;
    expect(investigators.map((u) => u.id)).toEqual([s.users.investigator.id]);
  });

  it('pages with limit and cursor', async () => {
    const first = (await s.call('admin', 'GET', '/api/v1/staff?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await s.call('admin', 'GET', `/api/v1/staff?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('is refused to investigators and PSE officers; a bad role filter is a 400', async () => {
    expect((await s.call('investigator', 'GET', '/api/v1/staff')).statusCode).toBe(403);
    expect((await s.call('pse_officer', 'GET', '/api/v1/staff')).statusCode).toBe(403);
    const bad = await s.call('analyst', 'GET', '/api/v1/staff?role=pse_officer');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});
