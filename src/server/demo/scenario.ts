// The demo scenario, loaded through the API itself (same validation, audit and encryption as a
// person using it): a KTP-selfie sale alert and a hospital patient-data sale promoted to an
// incident with a synthetic sample as evidence, scanned, with tasks and the UU PDP clock running.
// Organizations, people and posts are invented.
import type { FastifyInstance } from 'fastify';
import { apiTokenPrefix, hashSecret, newSecret } from '../auth/secrets.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { Database } from '../db/types.js';
import { multipartBody } from '../http/multipart.js';
import { syntheticPatientCsv } from './sample.js';

export interface DemoResult {
  loaded: boolean;
  incidentId?: number;
  analysisId?: number;
  pseOfficer?: { email: string; password: string };
}

const hospital = 'RSUD Harapan Sentosa (fiktif)';

export async function loadDemo(app: FastifyInstance, db: Database, adminId: number): Promise<DemoResult> {
  const existing = await db.query('SELECT 1 FROM organizations WHERE name = $1', [hospital]);
  if (existing.length) return { loaded: false };
  const token = newSecret(apiTokenPrefix);
  const [row] = await db.query<{ id: number }>(`INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, 'demo', $2, $3) RETURNING id`, [adminId, hashSecret(token), token.slice(0, 8)]);
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await app.inject({ method: method as 'POST', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`demo: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown> & { id: number };
  };
  try {
    const rs = await call('POST', '/organizations', {
      name: hospital, aliases: ['RSUD HS', 'RS Harapan Sentosa'], sector: 'health', ownership: 'public', domains: ['rsud-hs.example'],
      contacts: [{ name: 'Humas RSUD HS', email: 'humas@rsud-hs.example' }], dpo: { name: 'Petugas PDP RSUD HS', email: 'pdp@rsud-hs.example' },
    });
    const wallet = await call('POST', '/organizations', {
      name: 'PT Dompet Digital Nusantara (fiktif)', aliases: ['DompetNusa'], sector: 'finance', ownership: 'private', domains: ['dompetnusa.example'],
      contacts: [{ email: 'security@dompetnusa.example' }], dpo: { email: 'dpo@dompetnusa.example' },
    });
    const now = Date.now();
    await call('POST', '/alerts', {
      source: 'facebook-group', url: 'https://facebook.example/groups/jual-beli-akun/posts/1', title: 'Ready KTP+Selfie HD',
      text: 'Ready KTP+Selfie HD dijamin fresh, cocok buat verifikasi akun DompetNusa. Minat PM, stok terbatas. 5k per lembar.',
      seenAt: new Date(now - 26 * 3600_000).toISOString(), score: 0.91, label: 'offer', victimOrganizationId: wallet.id, externalId: 'demo-ktp-selfie',
      facts: { dataTypes: ['SELFIE_KTP', 'KTP_IMAGE'], price: { amount: 5000, currency: 'IDR', per: 'record' }, platform: 'facebook', victim: 'PT Dompet Digital Nusantara (fiktif)' },
      explain: ['offer words: ready, minat PM', 'data type: KTP+Selfie', 'price per record'],
    });
    const sale = await call('POST', '/alerts', {
      source: 'forum', url: 'https://forum.example/threads/rsud-hs-patient-db', title: 'RSUD HARAPAN SENTOSA PATIENT DATABASE 6 MILLION',
      text: 'Selling full database pasien RSUD HS, 6 juta data pasien, 720 GB termasuk hasil lab dan rontgen. Sampel gratis 1.000 baris. Escrow OK, bayar BTC.',
      seenAt: new Date(now - 50 * 3600_000).toISOString(), score: 0.97, label: 'offer', victimOrganizationId: rs.id, externalId: 'demo-hospital-sale',
      facts: { recordCount: 6_000_000, bytes: 720e9, dataTypes: ['NIK', 'HEALTH', 'PHONE'], price: { amount: 0.5, currency: 'BTC' }, victim: hospital, platform: 'forum' },
      explain: ['offer words: selling, sampel, escrow', 'record count: 6 juta', 'health data → high severity'],
    });
    const promoted = (await call('POST', `/alerts/${sale.id}/promote`, { title: 'Dugaan kebocoran data pasien RSUD Harapan Sentosa', severity: 'critical', tlp: 'amber' })) as unknown as { incident: { id: number } };
    const incidentId = promoted.incident.id;
    const pseEmail = 'pdp@rsud-hs.example';
    const psePassword = generatePassword();
    await db.query(`INSERT INTO users (email, name, role, organization_id, password_hash) VALUES ($1, 'Petugas PDP RSUD HS', 'pse_officer', $2, $3) ON CONFLICT DO NOTHING`, [pseEmail, rs.id, await hashPassword(psePassword)]);

    const upload = multipartBody('sampel-pasien-rsud-hs.csv', Buffer.from(syntheticPatientCsv(1000)), 'Sampel gratis dari utas forum (sintetis)');
    const evidence = await app.inject({ method: 'POST', url: `/api/v1/incidents/${incidentId}/evidence`, payload: upload.payload, headers: { ...upload.headers, authorization: `Bearer ${token}` } });
    if (evidence.statusCode !== 201) throw new Error(`demo: evidence upload → ${evidence.statusCode}`);
    const analysis = await call('POST', `/evidence/${evidence.json().id}/analyses`, {});
    await call('POST', `/incidents/${incidentId}/notes`, { body: 'Penjual menawarkan sampel 1.000 baris; verifikasi sampel sedang berjalan.' });
    await call('POST', `/incidents/${incidentId}/tasks`, { title: 'Koordinasi dengan BSSN untuk forensik', dueAt: new Date(now + 48 * 3600_000).toISOString() });
    await call('POST', `/incidents/${incidentId}/tasks`, { title: 'Panggil PSE untuk klarifikasi', dueAt: new Date(now + 24 * 3600_000).toISOString() });
    for (const status of ['triage', 'investigating', 'pse_notified']) await call('POST', `/incidents/${incidentId}/status`, { status });
    return { loaded: true, incidentId, analysisId: analysis.id, pseOfficer: { email: pseEmail, password: psePassword } };
  } finally {
    await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [row!.id]);
  }
}
