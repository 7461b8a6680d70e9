// Generic HTML forums and markets, configured per source with CSS selectors: a thread list (with
// pagination) → each thread → its posts. Login cookies are sent as configured.
import * as cheerio from 'cheerio';
import { cleanText, type Connector, type SourceItem } from './connector.js';

export interface HtmlSourceConfig {
  url: string;
  /** Links to threads on the list page; without it, posts are read from the list page itself. */
  threadLink?: string;
  /** A post, and inside it its text, optional author and optional id attribute holder. */
  post: string;
  text: string;
  author?: string;
  /** Attribute on the post element that holds a stable id (e.g. "data-post-id", "id"). */
  idAttribute?: string;
  /** The "next page" link on list pages. */
  nextPage?: string;
  maxPages?: number;
  /** Cookie header value for sources behind a login. */
  cookie?: string;
}

export function parsePosts(html: string, pageUrl: string, config: HtmlSourceConfig): SourceItem[] {
  const $ = cheerio.load(html);
  const title = cleanText($('title').first().text());
  const items: SourceItem[] = [];
  $(config.post).each((i, el) => {
    const p = $(el);
    const text = cleanText(p.find(config.text).text());
    if (!text) return;
    const id = (config.idAttribute && p.attr(config.idAttribute)) || `${i}`;
    items.push({
      externalId: `${pageUrl}#${id}`, url: `${pageUrl}#${id}`, title, text,
      author: config.author ? cleanText(p.find(config.author).first().text()) || null : null, publishedAt: null,
    });
  });
  return items;
}

export function htmlConnector(config: HtmlSourceConfig): Connector {
  const headers: Record<string, string> = config.cookie ? { cookie: config.cookie } : {};
  return {
    async fetch(client, state) {
      const items: SourceItem[] = [];
      let pageUrl: string | null = config.url;
      let validators = { etag: state.etag, lastModified: state.lastModified };
      for (let page = 0; pageUrl && page < (config.maxPages ?? 3); page++) {
        // The first list page carries the validators: unchanged list, nothing new to read.
        const res = await client.request(pageUrl, page === 0 ? { headers, ...validators } : { headers });
        if (page === 0) {
          if (res.notModified) return { items: [], state };
          validators = { etag: res.etag, lastModified: res.lastModified };
        }
        const $ = cheerio.load(res.body);
        if (config.threadLink) {
          const links = $(config.threadLink).map((_, a) => $(a).attr('href')).get().filter(Boolean);
          for (const href of links) {
            const threadUrl = new URL(href, res.url).href;
            const thread = await client.request(threadUrl, { headers });
            items.push(...parsePosts(thread.body, threadUrl, config));
          }
        } else {
          items.push(...parsePosts(res.body, res.url, config));
        }
        const next = config.nextPage ? $(config.nextPage).attr('href') : undefined;
        pageUrl = next ? new URL(next, res.url).href : null;
      }
      return { items, state: { ...state, ...validators } };
    },
  };
}
