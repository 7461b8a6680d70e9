// Every page at 1280 px and at 390 px: it renders, nothing is wider than the screen, every control
// is labelled, text has AA contrast, no string is missing; screenshots are kept for people to look at.
// Also the admin's audit viewer with "verify chain".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, adminEmail, adminPassword, launchBrowser, missingTranslations, openPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';
import { lowContrast, overflowsViewport, unlabelledControls } from './a11y.js';

let server: RunningServer;
let browser: Browser;
let incidentId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, adminEmail, adminPassword);
  const org = await admin.call<{ id: number }>('POST', '/organizations', {
    name: 'Kementerian Kesehatan (uji)',
    aliases: ['Kemenkes'],
    sector: 'pemerintah',
    ownership: 'public',
    domains: ['kemkes.example'],
    dpo: { name: 'Pejabat PDP', email: 'pdp@kemkes.example' },
  });
  await admin.call('POST', '/alerts', {
    source: 'telegram-uji',
    title: 'Data pasien Kemenkes 6 juta orang',
    text: 'Ready data pasien Kemenkes, 6.000.000 orang, hasil lab & rontgen. Harga 10 BTC.',
    seenAt: new Date().toISOString(),
    facts: { victim: 'Kemenkes', recordCount: 6000000, price: '10 BTC' },
    score: 0.82,
    explain: ['menyebut korban', 'menyebut harga'],
  });
  const incident = await admin.call<{ id: number }>('POST', '/incidents', { title: 'Penjualan data pasien Kemenkes', victimOrganizationIds: [org.id], severity: 'critical' });
  incidentId = incident.id;
  await admin.call('POST', `/incidents/${incidentId}/status`, { status: 'investigating' });
  await admin.call('POST', `/incidents/${incidentId}/status`, { status: 'pse_notified' });
  await admin.call('POST', `/incidents/${incidentId}/tasks`, { title: 'Koordinasi dengan BSSN', dueAt: new Date(Date.now() + 86_400_000).toISOString() });
  await admin.call('POST', `/incidents/${incidentId}/notes`, { body: 'Sampel cocok dengan struktur SIMRS.' });
  // More alerts than one page (50) holds, for "load more".
  for (let i = 0; i < 55; i += 1) {
    await admin.call('POST', '/alerts', { source: 'rss-uji', title: `Berita kebocoran ${i + 1}`, text: 'Ringkasan berita', seenAt: new Date(Date.now() - (i + 2) * 3_600_000).toISOString(), score: 0.3 });
  }
  const me = await admin.call<{ user: { id: number } }>('GET', '/auth/me');
  await admin.call('POST', '/tokens', { userId: me.user.id, name: 'pengumpan-forum' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pages = [
  { name: 'dashboard', path: '/#/dashboard', heading: 'Dasbor' },
  { name: 'alerts', path: '/#/alerts', heading: 'Kotak peringatan' },
  { name: 'incidents', path: '/#/incidents', heading: 'Insiden' },
  { name: 'incident', path: () => `/#/incidents/${incidentId}`, heading: /Penjualan data pasien Kemenkes/ },
  { name: 'organizations', path: '/#/organizations', heading: 'Registri PSE' },
  { name: 'sources', path: '/#/sources', heading: 'Sumber pemantauan' },
  { name: 'admin', path: '/#/admin', heading: 'Administrasi' },
];

describe.each([1280, 390])('pages at %i px', (width) => {
  it('render labelled, readable and within the screen', async () => {
    const { page, context, pageErrors, consoleErrors } = await openPage(browser, server.baseUrl, width);
    await signIn(page, adminEmail, adminPassword);
    for (const entry of pages) {
      await page.goto(typeof entry.path === 'string' ? entry.path : entry.path());
      await page.getByRole('heading', { name: entry.heading, exact: typeof entry.heading === 'string' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${entry.name}-${width}`);
      expect(await overflowsViewport(page), `${entry.name} wider than ${width}px`).toBe(false);
      expect(await unlabelledControls(page), entry.name).toEqual([]);
      expect(await lowContrast(page), entry.name).toEqual([]);
      expect(await missingTranslations(page), entry.name).toEqual([]);
    }
    if (width === 390) {
      // On a phone the navigation hides behind the menu button and opens from the keyboard.
      await page.goto('/#/dashboard');
      const navbar = page.getByRole('navigation');
      const link = navbar.getByText('Organisasi (PSE)');
      expect(await navbar.getAttribute('inert')).not.toBeNull();
      // Tabbing from the menu button through the header must not reach the hidden links.
      await page.getByRole('button', { name: 'Buka atau tutup menu' }).focus();
      for (let step = 0; step < 6; step += 1) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('nav'))).toBe(false);
      }
      await page.getByRole('button', { name: 'Buka atau tutup menu' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Organisasi (PSE)' }).waitFor();
      expect(await navbar.getAttribute('inert')).toBeNull();
      await page.waitForTimeout(400); // the slide-in transition
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      await screenshot(page, 'menu-390');
    }
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('long lists', () => {
  it('load the next page on request', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/#/alerts');
    const options = page.getByTestId('alert-list').getByRole('option');
    await options.first().waitFor();
    expect(await options.count()).toBe(50);
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await options.nth(55).waitFor();
    expect(await options.count()).toBe(56);
    expect(await page.getByRole('button', { name: 'Muat lebih banyak' }).count()).toBe(0);
    await context.close();
  });
});

describe('admin audit viewer', () => {
  it('lists audit rows and verifies the hash chain', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/#/admin');
    await page.getByRole('tab', { name: 'Log audit' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText('incident.create').first().waitFor();
    await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.innerText()).toMatch(/Rantai audit utuh/);
    await screenshot(page, 'admin-audit-1280');
    await context.close();
  });
});

describe('served app', () => {
  it('comes with a Content-Security-Policy that allows no inline or foreign script', async () => {
    for (const path of ['/', '/api/v1/health']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src 'self'(;|$)/);
      expect(policy, path).toMatch(/object-src 'none'/);
    }
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  });
});
