// The dashboard and the scanned incident of `telusur demo`'s synthetic scenario, as a person first
// sees them: alerts per day, the province map filled from the scan, deadlines; screenshots kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, adminEmail, adminPassword, launchBrowser, openPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('demo scenario in the browser', () => {
  it('fills the dashboard map from the scanned sample and shows the scan report', async () => {
    const admin = await ApiSession.login(server.baseUrl, adminEmail, adminPassword);
    const stats = await admin.call<{ subjectsByProvince: Record<string, number> }>('GET', '/stats');
    const provinces = Object.entries(stats.subjectsByProvince);
    expect(provinces.length).toBeGreaterThan(0);
    const { page, context, pageErrors, consoleErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    for (const [code, count] of provinces) {
      await page.locator(`tr[data-province="${code}"]`).waitFor();
      expect(await page.locator(`tr[data-province="${code}"] td`).nth(1).textContent()).toBe(new Intl.NumberFormat('id-ID').format(count));
    }
    expect(await page.locator('path[data-count]:not([data-count="0"])').count()).toBeGreaterThan(0);
    await screenshot(page, 'demo-dashboard-1280');
    const incidents = await admin.call<{ items: { id: number }[] }>('GET', '/incidents');
    const analysed = [];
    for (const incident of incidents.items) {
      const analyses = await admin.call<{ items: { id: number; status: string }[] }>('GET', `/incidents/${incident.id}/analyses`);
      if (analyses.items.some((a) => a.status === 'done')) analysed.push(incident.id);
    }
    expect(analysed.length).toBeGreaterThan(0);
    await page.goto(`/#/incidents/${analysed[0]}`);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    await page.getByRole('button', { name: 'Lihat laporan' }).first().click();
    await page.getByTestId('scan-report').waitFor();
    await page.getByTestId('report-distinct').waitFor();
    await screenshot(page, 'demo-scan-report-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/#/dashboard');
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    await screenshot(page, 'demo-dashboard-390');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
