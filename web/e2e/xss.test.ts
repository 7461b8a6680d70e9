// Fifty hostile payloads in alert text, evidence file names and organization names, rendered by
// the real app from the real server: no script runs, no dialog opens, no markup is created, and
// the payloads show up as plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, adminEmail, adminPassword, launchBrowser, openPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';
import { payloads } from './payloads.js';

let server: RunningServer;
let browser: Browser;
let incidentId: number;
let storedFileNames: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, adminEmail, adminPassword);
  for (const [index, payload] of payloads.entries()) {
    await admin.call('POST', '/organizations', { name: payload, aliases: [payload.slice(0, 200)], sector: payload.slice(0, 100) });
    await admin.call('POST', '/alerts', {
      source: `forum ${payload}`.slice(0, 200),
      title: payload,
      text: `Dijual data ${payload} 1000 record. Kontak ${payload}`,
      seenAt: new Date(Date.now() - index * 60_000).toISOString(),
      facts: { victim: payload, seller: payload, recordCount: 1000, dataTypes: [payload] },
      score: 0.5,
      explain: [payload],
    });
  }
  const incident = await admin.call<{ id: number }>('POST', '/incidents', { title: payloads[0]!, summary: payloads[1]! });
  incidentId = incident.id;
  for (const payload of payloads) {
    const form = new FormData();
    form.append('file', new Blob([`nik\n3201011203850001\n`], { type: 'text/csv' }), `${payload}.csv`);
    await admin.call('POST', `/incidents/${incidentId}/evidence`, form);
  }
  // Multipart encodes quotes and the server keeps only the last path segment: compare with what it stored.
  const evidence = await admin.call<{ items: { fileName: string }[] }>('GET', `/incidents/${incidentId}/evidence?limit=100`);
  storedFileNames = evidence.items.map((e) => e.fileName);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Anything a payload could have created: handler attributes, script-bearing elements, script URLs. */
async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*(javascript|data):/i.test(attribute.value) && ['href', 'src', 'action', 'data', 'formaction', 'xlink:href'].includes(attribute.name))
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    for (const element of document.querySelectorAll('script:not([src]), iframe, object, embed, template, marquee, meta[http-equiv], base'))
      found.push(element.tagName);
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push('window.__xss set');
    return found;
  });
}

describe('hostile content renders inert', () => {
  it('in alert titles, texts, facts and sources', async () => {
    const { page, context, dialogs, pageErrors, consoleErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/#/alerts');
    const list = page.getByTestId('alert-list');
    await list.waitFor();
    expect(await list.getByRole('option').count()).toBe(payloads.length);
    await list.focus();
    // Walk every alert (newest first) so each one's detail, the post with highlighted facts, is rendered.
    const newestFirst = [...payloads].reverse();
    for (let index = 0; index < newestFirst.length; index += 1) {
      await page.locator(`[role=option][aria-selected=true]`).nth(0).waitFor();
      const detail = await page.getByTestId('alert-detail').innerText();
      expect(detail).toContain(`Dijual data ${newestFirst[index]} 1000 record`);
      await page.keyboard.press('ArrowDown');
    }
    await screenshot(page, 'xss-alerts-1280');
    expect(await injectedMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // The detector itself must see markup when some is there (else the checks above prove nothing).
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__xss=1">'));
    expect(await injectedMarkup(page)).toEqual(['IMG onerror']);
    await context.close();
  });

  it('in evidence file names', async () => {
    const { page, context, dialogs, pageErrors, consoleErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto(`/#/incidents/${incidentId}`);
    await page.getByRole('tab', { name: /Barang bukti/ }).click();
    const names = page.getByTestId('evidence-name');
    await names.first().waitFor();
    const shown = await names.allInnerTexts();
    expect(shown).toHaveLength(payloads.length);
    expect([...shown].sort()).toEqual([...storedFileNames].sort());
    // Payloads with a "/" lose what precedes it on the server; the rest still carry their markup.
    expect(storedFileNames.filter((name) => name.includes('<')).length).toBeGreaterThanOrEqual(20);
    await page.getByRole('tab', { name: 'Linimasa' }).click();
    await page.getByRole('tab', { name: 'Ikhtisar' }).click();
    await screenshot(page, 'xss-incident-1280');
    expect(await injectedMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('in organization names, aliases and sectors', async () => {
    const { page, context, dialogs, pageErrors, consoleErrors } = await openPage(browser, server.baseUrl);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/#/organizations');
    await page.getByTestId('org-name').first().waitFor();
    expect((await page.getByTestId('org-name').allInnerTexts()).sort()).toEqual([...payloads].sort());
    await page.goto('/#/incidents');
    await page.getByRole('button', { name: 'Insiden baru' }).click();
    await page.getByRole('dialog').getByLabel('Organisasi korban').click();
    await page.getByRole('option').first().waitFor();
    await screenshot(page, 'xss-organizations-1280');
    expect(await injectedMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
