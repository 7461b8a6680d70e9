// RSS 2.0 and Atom feeds: MyBB and XenForo publish new threads as feeds, news sites their articles.
import * as cheerio from 'cheerio';
import { cleanText, type Connector, type SourceItem } from './connector.js';

export function parseFeed(xml: string): SourceItem[] {
  const $ = cheerio.load(xml, { xml: true });
  const items: SourceItem[] = [];
  $('item').each((_, el) => {
    const e = $(el);
    const link = cleanText(e.children('link').first().text()) || null;
    const title = cleanText(e.children('title').first().text());
    const body = cheerio.load(e.children('description').first().text() || e.children('content\\:encoded').first().text()).text();
    items.push({
      externalId: cleanText(e.children('guid').first().text()) || link || title,
      url: link, title, text: cleanText(body), author: cleanText(e.children('author, dc\\:creator').first().text()) || null,
      publishedAt: isoDate(e.children('pubDate').first().text()),
    });
  });
  $('entry').each((_, el) => {
    const e = $(el);
    const link = e.children('link[rel="alternate"]').attr('href') ?? e.children('link').first().attr('href') ?? null;
    const title = cleanText(e.children('title').first().text());
    const content = e.children('content').first().text() || e.children('summary').first().text();
    items.push({
      externalId: cleanText(e.children('id').first().text()) || link || title,
      url: link, title, text: cleanText(cheerio.load(content).text()), author: cleanText(e.find('author > name').first().text()) || null,
      publishedAt: isoDate(e.children('updated').first().text() || e.children('published').first().text()),
    });
  });
  return items;
}

export function isoDate(text: string): string | null {
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function feedConnector(config: { url: string }): Connector {
  return {
    async fetch(client, state) {
      const res = await client.request(config.url, { etag: state.etag, lastModified: state.lastModified });
      if (res.notModified) return { items: [], state };
      return { items: parseFeed(res.body), state: { ...state, etag: res.etag, lastModified: res.lastModified } };
    },
  };
}
