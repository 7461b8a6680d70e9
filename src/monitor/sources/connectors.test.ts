import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_STATE } from './connector.js';
import { feedConnector } from './feeds.js';
import { startFixtureInternet, type FixtureInternet } from './fixture-internet.js';
import { htmlConnector } from './html-pages.js';
import { HttpClient } from './http-client.js';
import { pasteConnector, redditConnector, xSearchConnector } from './social.js';
import { telegramBotConnector, telegramPreviewConnector } from './telegram.js';

let net: FixtureInternet;
let client: HttpClient;
beforeAll(async () => {
  net = await startFixtureInternet();
  client = new HttpClient({ ssrf: { allow: ['127.0.0.1'] }, perHostIntervalMs: 0, retries: 0 });
});
afterAll(() => net.close());

describe('connectors against the fixture internet', () => {
  it('RSS: reads items, then answers 304 to a conditional GET', async () => {
    const c = feedConnector({ url: `${net.base}/forum/syndication.php` });
    const first = await c.fetch(client, INITIAL_STATE);
    expect(first.items).toHaveLength(3);
    expect(first.items[0]).toMatchObject({ externalId: 'thread-1', url: 'http://forum.example/thread-1.html', publishedAt: '2024-01-01T10:00:00.000Z' });
    expect(first.items[0]!.text).toContain('19 MILLION');
    const second = await c.fetch(client, first.state);
    expect(second.items).toEqual([]);
  });

  it('Atom: reads entries', async () => {
    const { items } = await feedConnector({ url: `${net.base}/news/atom.xml` }).fetch(client, INITIAL_STATE);
    expect(items).toEqual([expect.objectContaining({ externalId: 'tag:news,2024:1', url: 'http://news.example/1', author: 'Redaksi' })]);
  });

  it('HTML: follows thread links across pages with the login cookie and reads posts by selector', async () => {
    const c = htmlConnector({ url: `${net.base}/market/list`, threadLink: 'a.thread', nextPage: 'a.next', post: '.post', text: '.body', author: '.user', idAttribute: 'data-pid', cookie: 'session=fixture-login' });
    const { items, state } = await c.fetch(client, INITIAL_STATE);
    expect(items.map((i) => i.author)).toEqual(['seller1', 'seller2']);
    expect(items[0]!.externalId).toBe(`${net.base}/market/thread/1#p1`);
    expect((await c.fetch(client, state)).items).toEqual([]); // Last-Modified unchanged: 304
    await expect(htmlConnector({ url: `${net.base}/market/list`, post: '.post', text: '.body' }).fetch(client, INITIAL_STATE)).rejects.toThrow(/403/);
  });

  it('Telegram channel preview: reads messages and only newer ones next time', async () => {
    const c = telegramPreviewConnector({ channel: 'datanasabahid', baseUrl: net.base });
    const first = await c.fetch(client, INITIAL_STATE);
    expect(first.items.map((i) => i.externalId)).toEqual(['datanasabahid/41', 'datanasabahid/42']);
    expect(first.state.cursor).toBe('42');
    expect((await c.fetch(client, first.state)).items).toEqual([]);
  });

  it('Telegram Bot API: getUpdates with an advancing offset', async () => {
    const c = telegramBotConnector({ token: 'TESTTOKEN', baseUrl: net.base });
    const first = await c.fetch(client, INITIAL_STATE);
    expect(first.items).toEqual([expect.objectContaining({ externalId: '-100/7', author: 'rsdata' })]);
    expect(first.state.cursor).toBe('901');
    expect((await c.fetch(client, first.state)).items).toEqual([]);
  });

  it('X API v2 recent search: bearer token, since_id cursor', async () => {
    const c = xSearchConnector({ query: 'database indonesia', bearerToken: 'XTOKEN', baseUrl: net.base });
    const first = await c.fetch(client, INITIAL_STATE);
    expect(first.items).toEqual([expect.objectContaining({ externalId: '1750000000000000001', author: 'dumpseller', url: 'https://x.com/dumpseller/status/1750000000000000001' })]);
    expect(first.state.cursor).toBe('1750000000000000001');
    await c.fetch(client, first.state);
    expect(net.requests.at(-1)).toContain('since_id=1750000000000000001');
  });

  it('Reddit JSON listing and paste scraping API', async () => {
    const reddit = await redditConnector({ subreddit: 'indonesia', baseUrl: net.base }).fetch(client, INITIAL_STATE);
    expect(reddit.items[0]).toMatchObject({ externalId: 't3_abc', author: 'warganet' });
    const paste = await pasteConnector({ baseUrl: net.base }).fetch(client, INITIAL_STATE);
    expect(paste.items[0]).toMatchObject({ externalId: 'Xy12Ab', url: 'http://paste.example/Xy12Ab' });
    expect(paste.items[0]!.text).toContain('full 2 juta baris');
  });
});
