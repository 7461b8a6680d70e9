// End-to-end flows in Chromium against the real server: sign in, upload and scan a sample, triage
// an alert, tenant isolation for a PSE officer, the Art. 46 deadline from due to met, language.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, adminEmail, adminPassword, launchBrowser, missingTranslations, openPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';
import { expected, sampleCsv } from './sample.js';

type Org = { id: number; name: string };
type Incident = { id: number; title: string; status: string; deadline: { state: string } };

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
const officerPassword = 'petugas-PSE-rahasia-1';
let orgA: Org;
let orgB: Org;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, adminEmail, adminPassword);
  orgA = await admin.call<Org>('POST', '/organizations', { name: 'RS Sehat Sentosa (uji)', aliases: ['RSSS'], sector: 'kesehatan', ownership: 'private', domains: ['rsss.example'] });
  orgB = await admin.call<Org>('POST', '/organizations', { name: 'Bank Contoh Makmur (uji)', aliases: ['BCM'], sector: 'keuangan', ownership: 'private' });
  await admin.call('POST', '/users', { email: 'dpo@rsss.example', name: 'Petugas RSSS', role: 'pse_officer', organizationId: orgA.id, password: officerPassword });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('web app in a real browser', () => {
  it('signs in and shows the dashboard in Indonesian', async () => {
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Masuk ke Telusur' }).waitFor();
    await screenshot(page, 'login-1280');
    await page.getByLabel(/^Email/).fill(adminEmail);
    await page.getByLabel(/^Kata sandi/).fill('salah-sekali-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Email atau kata sandi salah').waitFor();
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    await page.getByText('Insiden terbuka menurut status').waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    await screenshot(page, 'dashboard-1280');
    // When the session ends (here: its cookie is gone), the next request brings back the sign-in form.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Insiden' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Telusur' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('uploads a sample to an incident, shows its SHA-256, scans it and reports the right numbers', async () => {
    const incident = await admin.call<Incident>('POST', '/incidents', { title: 'Sampel data pasien RSSS dijual', victimOrganizationIds: [orgA.id], severity: 'high' });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`/#/incidents/${incident.id}`);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    const csv = Buffer.from(sampleCsv());
    await page.locator('input[type=file]').setInputFiles({ name: 'sampel_pasien.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const sha = await page.getByTestId('upload-sha256').textContent();
    expect(sha).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(await page.getByTestId('upload-progress').getAttribute('data-value')).toBe('100');
    await page.getByRole('button', { name: 'Pindai sampel_pasien.csv' }).click();
    await page.locator('[data-testid=analysis-row][data-status=done]').waitFor({ timeout: 60_000 });
    const report = page.getByTestId('scan-report');
    await report.waitFor();
    expect(await page.getByTestId('report-distinct').textContent()).toBe(String(expected.distinct));
    expect(await page.getByTestId('report-female').textContent()).toBe(String(expected.female));
    expect(await page.getByTestId('report-male').textContent()).toBe(String(expected.male));
    expect(await page.getByTestId('report-minors').textContent()).toBe(String(expected.minors));
    expect(await page.getByTestId('count-NIK').textContent()).toBe(String(expected.validNik));
    for (const [province, count] of Object.entries(expected.byProvince)) {
      expect(await report.locator(`tr[data-province="${province}"] td`).nth(1).textContent()).toBe(String(count));
    }
    expect(await report.locator('path[data-shape="id-jb"]').getAttribute('data-count')).toBe(String(expected.byProvince['32']));
    // Sample verification of the NIKs: 8 valid of 9 under the nik column, 6 distinct → 25 % repeats.
    const nik = report.locator('[data-testid=report-verification] tr[data-type=NIK] td');
    expect(await nik.nth(1).textContent()).toMatch(/^8 \(88,9\s?%\)$/);
    expect(await nik.nth(2).textContent()).toMatch(/^1 \(11,1\s?%\)$/);
    expect(await nik.nth(3).textContent()).toMatch(/^25\s?%$/);
    await expect(report.getByText(/data anak/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'scan-report-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'scan-report-390');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the upload progress of a large file on a slow link', async () => {
    const incident = await admin.call<Incident>('POST', '/incidents', { title: 'Dump besar untuk uji unggah', victimOrganizationIds: [orgB.id] });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`/#/incidents/${incident.id}`);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    // 3 MiB over a link throttled to 1 MiB/s: the bar must move through intermediate values.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const big = Buffer.alloc(3 * 1024 * 1024, 'nama,kota\nContoh,Bandung\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'dump_besar.csv', mimeType: 'text/csv', buffer: big });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const seen = new Set<number>();
    const bar = page.getByTestId('upload-progress');
    await bar.waitFor();
    while (!(await page.getByTestId('upload-done').isVisible())) {
      seen.add(Number(await bar.getAttribute('data-value')));
      await page.waitForTimeout(100);
    }
    expect([...seen].filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('upload-sha256').textContent()).toBe(createHash('sha256').update(big).digest('hex'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('follows a long scan job live, from queued to done', async () => {
    const incident = await admin.call<Incident>('POST', '/incidents', { title: 'Dump NIK besar', victimOrganizationIds: [orgB.id] });
    // About 30 MB of synthetic rows: long enough for the job to report progress while it runs.
    const rows = ['nik,nama'];
    for (let i = 0; i < 600_000; i += 1) rows.push(`320101${String(1 + (i % 28)).padStart(2, '0')}0385${String(i % 10_000).padStart(4, '0')},Nama Contoh ${i}`);
    const form = new FormData();
    form.append('file', new Blob([rows.join('\n')], { type: 'text/csv' }), 'dump_nik_besar.csv');
    await admin.call('POST', `/incidents/${incident.id}/evidence`, form);
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`/#/incidents/${incident.id}`);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    await page.getByRole('button', { name: 'Pindai dump_nik_besar.csv' }).click();
    const row = page.getByTestId('analysis-row').first();
    await row.waitFor();
    const seen = new Set<string>();
    for (let tries = 0; tries < 600 && (await row.getAttribute('data-status')) !== 'done'; tries += 1) {
      seen.add(`${await row.getAttribute('data-status')}:${await row.getAttribute('data-progress')}`);
      await page.waitForTimeout(100);
    }
    expect(await row.getAttribute('data-status')).toBe('done');
    const running = [...seen].filter((s) => s.startsWith('running:')).map((s) => Number(s.split(':')[1]));
    expect(running.some((p) => p > 0 && p < 100), [...seen].join(' ')).toBe(true);
    await page.getByTestId('report-distinct').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('triages alerts from the keyboard: promote to a new incident, dismiss with a reason, merge a repost', async () => {
    const noise = await admin.call<{ id: number }>('POST', '/alerts', {
      source: 'forum-uji',
      title: 'Tutorial membuat database',
      text: 'Cara membuat tabel pelanggan di MySQL',
      seenAt: new Date(Date.now() - 3_600_000).toISOString(),
      score: 0.12,
    });
    await admin.call('POST', '/alerts', {
      source: 'forum-uji',
      title: 'Dijual: database nasabah Bank Contoh Makmur 250.000 record',
      text: 'Fresh. 250.000 record nasabah BCM, NIK + no HP. Harga 5k per lembar. PM @seller_uji.',
      seenAt: new Date().toISOString(),
      // Facts as the monitor's classifier states them (src/monitor/CONTRACT.md).
      facts: {
        recordCount: 250000,
        bytes: null,
        price: { amount: 5000, currency: 'IDR', per: 'record' },
        dataTypes: ['NIK', 'PHONE'],
        victim: 'Bank Contoh Makmur',
        platform: 'Telegram',
        seller: 'seller_uji',
        contacts: [{ kind: 'telegram', value: '@seller_uji' }],
        pii: [],
      },
      score: 0.91,
      explain: ['menyebut jumlah rekaman', 'menyebut harga'],
      victimOrganizationId: orgB.id,
    });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/#/alerts');
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor();
    expect(await detail.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Bank Contoh Makmur', '250.000', '@seller_uji']));
    const factsText = await detail.innerText();
    expect(factsText).toContain('Harga: 5.000 IDR per rekaman');
    expect(factsText).toContain('Jenis data: NIK, Nomor telepon');
    expect(factsText).toContain('Kontak penjual: telegram: @seller_uji');
    await screenshot(page, 'alerts-1280');
    await page.getByTestId('alert-list').focus();
    await page.keyboard.press('p');
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByLabel('Judul').fill('Penjualan data nasabah BCM');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Penjualan data nasabah BCM/ }).waitFor();
    const incidentId = Number(/#\/incidents\/(\d+)/.exec(page.url())?.[1]);
    const linked = await admin.call<{ items: { status: string }[] }>('GET', `/incidents/${incidentId}/alerts`);
    expect(linked.items.map((a) => a.status)).toEqual(['promoted']);
    // Back in the inbox only the noise is left: dismiss it with "d" and a reason.
    await page.goto('/#/alerts');
    await page.getByTestId('alert-detail').getByRole('heading', { name: 'Tutorial membuat database' }).waitFor();
    await page.getByTestId('alert-list').focus();
    await page.keyboard.press('d');
    await page.getByRole('dialog').getByLabel(/Alasan/).fill('Bukan penjualan data');
    await page.getByRole('dialog').getByRole('button', { name: 'Abaikan peringatan' }).click();
    await page.getByText('Tidak ada peringatan dengan status ini.').waitFor();
    const dismissed = await admin.call<{ status: string; dismissReason: string }>('GET', `/alerts/${noise.id}`);
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'Bukan penjualan data' });
    // A repost of the same sale: merge it into the incident with "m".
    const repost = await admin.call<{ id: number }>('POST', '/alerts', {
      source: 'telegram-uji',
      title: 'Repost: data nasabah BCM',
      text: 'Masih ada data nasabah BCM, PM seller_uji',
      seenAt: new Date().toISOString(),
      score: 0.75,
    });
    await page.reload();
    await page.getByTestId('alert-detail').getByRole('heading', { name: 'Repost: data nasabah BCM' }).waitFor();
    await page.getByTestId('alert-list').focus();
    await page.keyboard.press('m');
    await page.getByRole('dialog').getByLabel(/Insiden tujuan/).click();
    await page.getByRole('option', { name: `#${incidentId} Penjualan data nasabah BCM` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gabungkan ke insiden' }).click();
    await page.getByText('Tidak ada peringatan dengan status ini.').waitFor();
    const merged = await admin.call<{ status: string; incidentId: number }>('GET', `/alerts/${repost.id}`);
    expect(merged).toMatchObject({ status: 'merged', incidentId });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a PSE officer their own organization and incidents and nothing else', async () => {
    const own = await admin.call<Incident>('POST', '/incidents', { title: 'Kebocoran milik RSSS', victimOrganizationIds: [orgA.id] });
    const other = await admin.call<Incident>('POST', '/incidents', { title: 'Kebocoran milik BCM', victimOrganizationIds: [orgB.id] });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, 'dpo@rsss.example', officerPassword);
    await page.goto('/#/incidents');
    const table = page.getByTestId('incident-table');
    await table.locator(`tr[data-incident="${own.id}"]`).waitFor();
    const text = await table.innerText();
    expect(text).toContain('Kebocoran milik RSSS');
    expect(text).not.toContain('BCM');
    expect(await page.getByRole('link', { name: 'Kotak peringatan' }).count()).toBe(0);
    await page.goto(`/#/incidents/${other.id}`);
    await page.getByRole('alert').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Kebocoran milik BCM');
    await page.goto('/#/organizations');
    await page.getByTestId('org-name').first().waitFor();
    expect(await page.getByTestId('org-name').allTextContents()).toEqual([orgA.name]);
    await screenshot(page, 'pse-organizations-1280');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('gives an investigator a read-only view of the incidents assigned to them only', async () => {
    const password = 'penyidik-rahasia-123';
    const created = await admin.call<{ user: { id: number } }>('POST', '/users', { email: 'penyidik@polri.example', name: 'Penyidik Uji', role: 'investigator', password });
    const assigned = await admin.call<Incident>('POST', '/incidents', { title: 'Kasus untuk penyidik', victimOrganizationIds: [orgB.id] });
    await admin.call('PATCH', `/incidents/${assigned.id}`, { assigneeIds: [created.user.id] });
    await admin.call('POST', '/incidents', { title: 'Kasus lain tanpa penyidik', victimOrganizationIds: [orgB.id] });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, 'penyidik@polri.example', password);
    await page.goto('/#/incidents');
    await page.getByTestId('incident-table').locator(`tr[data-incident="${assigned.id}"]`).waitFor();
    const text = await page.getByTestId('incident-table').innerText();
    expect(text).toContain('Kasus untuk penyidik');
    expect(text).not.toContain('Kasus lain tanpa penyidik');
    expect(await page.getByRole('button', { name: 'Insiden baru' }).count()).toBe(0);
    await page.goto(`/#/incidents/${assigned.id}`);
    await page.getByRole('heading', { name: /Kasus untuk penyidik/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Ubah ke:/ }).count()).toBe(0);
    expect(await page.locator('main input[aria-haspopup][disabled]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('main input[aria-haspopup]:not([disabled])').count()).toBe(0);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    expect(await page.getByText('Unggah barang bukti').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets the PSE officer file the Art. 46 notification and the deadline moves from due to met', async () => {
    const incident = await admin.call<Incident>('POST', '/incidents', { title: 'Data pasien RSSS di forum', victimOrganizationIds: [orgA.id] });
    await admin.call('POST', `/incidents/${incident.id}/status`, { status: 'investigating' });
    await admin.call('POST', `/incidents/${incident.id}/status`, { status: 'pse_notified' });
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, 'dpo@rsss.example', officerPassword);
    await page.goto(`/#/incidents/${incident.id}`);
    await page.getByRole('button', { name: 'Konfirmasi penerimaan insiden' }).click();
    await page.getByTestId('acknowledged').waitFor();
    await page.getByRole('tab', { name: 'Pemberitahuan Pasal 46' }).click();
    const clock = page.getByTestId('pdp-clock').getByTestId('clock-state');
    expect(await clock.getAttribute('data-state')).toBe('running');
    expect(await page.getByTestId('pdp-clock').innerText()).toMatch(/sisa (71|72) j/);
    await page.getByLabel(/Data pribadi yang terungkap/).fill('NIK, nama dan nomor telepon pasien');
    await page.getByLabel(/Bagaimana terungkap/).fill('Cadangan basis data terbuka di server uji');
    await page.getByLabel(/Upaya penanganan/).fill('Server ditutup, kata sandi diganti');
    await page.getByLabel(/Upaya pemulihan/).fill('Audit keamanan oleh pihak ketiga');
    await page.getByLabel(/Perkiraan jumlah subjek data/).fill('6');
    await screenshot(page, 'notification-form-1280');
    await page.getByRole('button', { name: 'Ajukan pemberitahuan' }).click();
    await page.locator('[data-testid=pdp-clock] [data-state=met]').waitFor();
    await page.getByTestId('notification-filed').waitFor();
    await page.getByTestId('letter').filter({ hasText: 'Cadangan basis data terbuka di server uji' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'notification-letter-1280');
    const after = await admin.call<Incident>('GET', `/incidents/${incident.id}`);
    expect(after.deadline.state).toBe('met');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('switches the whole interface to English and back, with no missing translation', async () => {
    const { page, context, pageErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    for (const [path, heading] of [
      ['/#/alerts', 'Alerts inbox'],
      ['/#/incidents', 'Incidents'],
      ['/#/organizations', 'PSE registry'],
      ['/#/sources', 'Monitoring sources'],
      ['/#/admin', 'Administration'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await missingTranslations(page), path).toEqual([]);
    }
    // An incident with evidence, a scan report, a notification: every tab in English.
    const incidents = await admin.call<{ items: Incident[] }>('GET', '/incidents?limit=200');
    const scanned = incidents.items.find((i) => i.title === 'Sampel data pasien RSSS dijual')!;
    await page.goto(`/#/incidents/${scanned.id}`);
    for (const tab of ['Overview', 'Evidence & scans', 'Tasks', 'Notes', 'Timeline', 'Art. 46 notification']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
      if (tab === 'Evidence & scans') {
        await page.getByRole('button', { name: 'Show report' }).first().click();
        await page.getByTestId('scan-report').getByText('Distinct people (NIK)').waitFor();
      }
      expect(await missingTranslations(page), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByText('Scan finished').waitFor();
    await page.reload();
    await page.goto('/#/admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    // Time zone: the same moment shown one hour later in WITA than in WIB.
    await page.goto('/#/incidents');
    const created = page.getByTestId('incident-table').locator('tbody tr').first().locator('td').nth(4);
    const wib = await created.innerText();
    expect(wib).toMatch(/ WIB$/);
    await page.locator('input[aria-label="Time zone"]').click();
    await page.getByRole('option', { name: 'WITA' }).click();
    const wita = await created.innerText();
    expect(wita).toMatch(/ WITA$/);
    const hour = (text: string) => Number(/(\d{2}):\d{2} WI/.exec(text)?.[1]);
    expect((hour(wita) - hour(wib) + 24) % 24).toBe(1);
    await page.locator('input[aria-label="Time zone"]').click();
    await page.getByRole('option', { name: 'WIB' }).click();
    await page.goto('/#/admin');
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Administrasi' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
