// The embedded job runner: cancellation stops a scan and records nothing; a failing scan is
// retried and then marked failed with a safe message; analyses left queued by a previous process
// are picked up on start.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatientCsv } from '../demo/sample.js';
import { testBackends } from '../db/testing.js';
import { createTestServer, multipartBody, waitForAnalysis, type TestServer } from '../testing.js';
import { createInProcessQueue } from './in-process.js';

describe.each(testBackends)('in-process jobs on %s', (backend) => {
  let s: TestServer;
  let incident: number;
  beforeAll(async () => {
    s = await createTestServer(backend);
    incident = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Uji pekerjaan' })).json().id;
  });
  afterAll(async () => s?.close());

  const upload = async (name: string, content: string) => {
    const body = multipartBody(name, Buffer.from(content));
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident}/evidence`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${s.users.analyst.token}` } });
    return res.json() as { id: number; sha256: string };
  };

  it('cancels a running scan; nothing is recorded and the cancel is final', async () => {
    const evidence = await upload('besar.csv', syntheticPatientCsv(300_000, 3));
    const analysis = (await s.call('analyst', 'POST', `/api/v1/evidence/${evidence.id}/analyses`, {})).json();
    const cancel = await s.call('analyst', 'POST', `/api/v1/analyses/${analysis.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    const final = await waitForAnalysis(s, analysis.id);
    expect(final.status).toBe('cancelled');
    await (s.runtime.services.jobs as ReturnType<typeof createInProcessQueue>).idle();
    const rows = await s.runtime.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM analysis_findings WHERE analysis_id = $1', [analysis.id]);
    expect(rows[0]!.n).toBe(0);
    expect((await s.call('analyst', 'POST', `/api/v1/analyses/${analysis.id}/cancel`)).json().error.code).toBe('ANALYSIS_NOT_CANCELLABLE');
  });

  it('retries a failing scan, then marks it failed without quoting content', async () => {
    const evidence = await upload('hilang.csv', 'nik\n3174015708900001\n');
    // Lose the blob: every attempt fails to read it.
    const blobDir = join(s.dataDir, 'blobs', evidence.sha256.slice(0, 2));
    for (const f of readdirSync(blobDir)) if (f.startsWith(evidence.sha256)) rmSync(join(blobDir, f));
    const queue = createInProcessQueue({ db: s.runtime.services.db, blobs: s.runtime.services.blobs, projectKey: s.runtime.services.projectKey }, { attempts: 3, backoffMs: 10 });
    const [row] = await s.runtime.services.db.query<{ id: number }>(`INSERT INTO analyses (evidence_id, incident_id) VALUES ($1, $2) RETURNING id`, [evidence.id, incident]);
    await queue.enqueueScan(row!.id);
    await queue.idle();
    const failed = await waitForAnalysis(s, row!.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(String(failed.error)).toMatch(/analysis failed \(ENOENT\)/);
    expect(String(failed.error)).not.toContain('3174015708900001');
    await queue.close();
  });

  it('recovers analyses left queued by a previous process', async () => {
    const evidence = await upload('tertinggal.csv', 'nik,nama\n3273010101900002,Budi Contoh\n');
    const [row] = await s.runtime.services.db.query<{ id: number }>(`INSERT INTO analyses (evidence_id, incident_id, status) VALUES ($1, $2, 'running') RETURNING id`, [evidence.id, incident]);
    const queue = createInProcessQueue(
      { db: s.runtime.services.db, blobs: s.runtime.services.blobs, projectKey: s.runtime.services.projectKey },
      { onError: (id, error) => console.error(`analysis ${id} attempt failed:`, (error as Error).name, (error as { code?: string }).code, (error as Error).message) },
    );
    await queue.recover();
    await queue.idle();
    const done = await waitForAnalysis(s, row!.id);
    expect(done).toMatchObject({ status: 'done', error: null });
    await queue.close();
  });
});
