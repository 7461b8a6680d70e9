// Evidence end to end: streamed encrypted upload addressed by SHA-256, download, chain of
// custody, size limit, and a scan analysis. At rest: after upload and scan, no plaintext NIK is
// anywhere under the data folder (blobs, database files) nor in the server log.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../db/testing.js';
import { createTestServer, multipartBody, waitForAnalysis, type TestServer } from '../../testing.js';

// Synthetic NIKs (valid structure, no real people).
const nikA = '3174015708900001';
const nikB = '3273010101900002';
const sample = Buffer.from(`nik,nama,kota\n${nikA},Siti Contoh,Jakarta\n${nikB},Budi Contoh,Bandung\n${nikA},Siti Contoh,Jakarta\n1234567890123456,Salah,Entah\n`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(testBackends)('evidence on %s', (backend) => {
  let s: TestServer;
  let incident: number;
  const log = new PassThrough();
  const logLines: string[] = [];
  log.on('data', (chunk) => logLines.push(String(chunk)));

  beforeAll(async () => {
    s = await createTestServer(backend, { config: { evidenceMaxBytes: 4096 }, logStream: log, dbInDataDir: true });
    incident = (await s.call('analyst', 'POST', '/api/v1/incidents', { title: 'Data pasien RS', victimOrganizationIds: [s.orgs.a] })).json().id;
  });
  afterAll(async () => s?.close());

  const upload = (name: string, content: Buffer, actor: 'analyst' | 'investigator' = 'analyst') => {
    const body = multipartBody(name, content, 'sampel dari forum');
    return s.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident}/evidence`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${s.users[actor].token}` } });
  };

  it('stores the upload encrypted under its SHA-256, scans it, and leaves no plaintext NIK at rest or in logs', async () => {
    const res = await upload('pasien.csv', sample);
    expect(res.statusCode).toBe(201);
    const evidence = res.json();
    expect(evidence.sha256).toBe(createHash('sha256').update(sample).digest('hex'));
    expect(evidence).toMatchObject({ fileName: 'pasien.csv', sizeBytes: sample.length, description: 'sampel dari forum', deduplicated: false });

    const download = await s.call('investigator', 'GET', `/api/v1/evidence/${evidence.id}/content`);
    expect(download.statusCode).toBe(404); // the investigator is not assigned to this incident yet
    await s.call('analyst', 'PATCH', `/api/v1/incidents/${incident}`, { assigneeIds: [s.users.investigator.id] });
    const again = await s.call('investigator', 'GET', `/api/v1/evidence/${evidence.id}/content`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(sample)).toBe(true);
    expect(again.headers['content-disposition']).toContain('attachment');

    const started = await s.call('analyst', 'POST', `/api/v1/evidence/${evidence.id}/analyses`, {});
    expect(started.statusCode).toBe(202);
    const done = (await waitForAnalysis(s, started.json().id)) as {
      status: string; progress: number; report: { totals: { byType: Record<string, { count: number; distinct: number }> } };
      verification: { byType: Record<string, { valid: number; invalid: number; duplicateShare: number }> };
    };
    expect(done.status).toBe('done');
    expect((done as unknown as { claimedRecords: number | null }).claimedRecords).toBeNull();
    expect(done.progress).toBe(100);
    expect(done.report.totals.byType.NIK).toMatchObject({ count: 3, distinct: 2 });
    expect(done.verification.byType.NIK!.duplicateShare).toBeCloseTo(1 / 3, 3);
    const findings = (await s.call('analyst', 'GET', `/api/v1/analyses/${started.json().id}/findings?type=NIK`)).json();
    expect(findings.items).toHaveLength(2);
    expect(findings.items[0]).toMatchObject({ type: 'NIK', occurrences: 2 });
    expect(findings.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(findings)).not.toContain(nikA);

    const stats = (await s.call('analyst', 'GET', '/api/v1/stats')).json();
    expect(stats.subjectsByProvince).toEqual({ '31': 1, '32': 1 });
    expect(stats.incidentsByStatus).toEqual({ new: 1 });
    const custody = (await s.call('analyst', 'GET', `/api/v1/evidence/${evidence.id}/custody`)).json();
    expect(custody.items.map((c: { action: string }) => c.action).sort()).toEqual(['download', 'scan', 'upload']);
    const audit = (await s.call('admin', 'GET', `/api/v1/audit?targetType=evidence&targetId=${evidence.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['evidence.download', 'evidence.upload']);

    // At rest: the blob store, the embedded database and anything else under the data folder.
    await s.runtime.services.db.query('CHECKPOINT');
    const files = filesUnder(s.dataDir);
    expect(files.some((f) => f.endsWith('.blob'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const nik of [nikA, nikB]) {
        expect(bytes.includes(Buffer.from(nik)), `${nik} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(nik, 'utf16le')), `${nik} (UTF-16) in ${file}`).toBe(false);
      }
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).not.toContain(nikA);
  });

  it('deduplicates identical content and refuses files over the size limit with a clear error', async () => {
    const twice = await upload('salinan.csv', sample);
    expect(twice.json().deduplicated).toBe(true);
    const big = await upload('besar.bin', Buffer.alloc(5000, 65));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'EVIDENCE_TOO_LARGE' });
    expect(big.json().error.messageEn).toContain('4096');
    expect(filesUnder(join(s.dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('refuses a non-multipart upload and a write by a read-only investigator', async () => {
    const plain = await s.call('analyst', 'POST', `/api/v1/incidents/${incident}/evidence`, { file: 'x' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.code).toBe('MULTIPART_REQUIRED');
    expect((await upload('x.csv', sample, 'investigator')).statusCode).toBe(403);
  });
});
