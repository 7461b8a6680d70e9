// X (Twitter) API v2 recent search with a bearer token, Reddit JSON listings, and paste sites
// with a scraping API (list of recent pastes, then each paste's raw content).
import { cleanText, type Connector, type SourceItem } from './connector.js';

interface XResponse { data?: Array<{ id: string; text: string; author_id?: string; created_at?: string }>; includes?: { users?: Array<{ id: string; username: string }> }; meta?: { newest_id?: string } }

export function parseXSearch(body: string): { items: SourceItem[]; newestId: string | null } {
  const parsed = JSON.parse(body) as XResponse;
  const users = new Map((parsed.includes?.users ?? []).map((u) => [u.id, u.username]));
  const items = (parsed.data ?? []).map((t) => {
    const username = t.author_id ? users.get(t.author_id) ?? null : null;
    return {
      externalId: t.id, url: username ? `https://x.com/${username}/status/${t.id}` : `https://x.com/i/web/status/${t.id}`,
      title: '', text: cleanText(t.text), author: username, publishedAt: t.created_at ?? null,
    };
  });
  return { items, newestId: parsed.meta?.newest_id ?? null };
}

export function xSearchConnector(config: { query: string; bearerToken: string; baseUrl?: string }): Connector {
  const base = (config.baseUrl ?? 'https://api.twitter.com').replace(/\/$/, '');
  return {
    async fetch(client, state) {
      const params = new URLSearchParams({ query: config.query, max_results: '100', 'tweet.fields': 'created_at,author_id', expansions: 'author_id', 'user.fields': 'username' });
      if (state.cursor) params.set('since_id', state.cursor);
      const res = await client.request(`${base}/2/tweets/search/recent?${params}`, { headers: { authorization: `Bearer ${config.bearerToken}` } });
      const { items, newestId } = parseXSearch(res.body);
      return { items, state: { ...state, cursor: newestId ?? state.cursor } };
    },
  };
}

interface RedditListing { data: { children: Array<{ data: { name: string; title: string; selftext?: string; author?: string; permalink?: string; created_utc?: number } }> } }

export function parseRedditListing(body: string, baseUrl = 'https://www.reddit.com'): SourceItem[] {
  const parsed = JSON.parse(body) as RedditListing;
  return parsed.data.children.map(({ data: d }) => ({
    externalId: d.name, url: d.permalink ? `${baseUrl}${d.permalink}` : null, title: cleanText(d.title),
    text: cleanText(`${d.title}\n${d.selftext ?? ''}`), author: d.author ?? null,
    publishedAt: d.created_utc ? new Date(d.created_utc * 1000).toISOString() : null,
  }));
}

export function redditConnector(config: { subreddit: string; baseUrl?: string }): Connector {
  const base = (config.baseUrl ?? 'https://www.reddit.com').replace(/\/$/, '');
  return {
    async fetch(client, state) {
      const res = await client.request(`${base}/r/${encodeURIComponent(config.subreddit)}/new.json?limit=100`, { etag: state.etag, lastModified: state.lastModified });
      if (res.notModified) return { items: [], state };
      return { items: parseRedditListing(res.body, base), state: { ...state, etag: res.etag, lastModified: res.lastModified } };
    },
  };
}

interface PasteEntry { key: string; title?: string; user?: string; date?: string; full_url?: string }

/** Pastebin-style scraping API: api_scraping.php lists recent pastes, api_scrape_item.php?i= gives one. */
export function pasteConnector(config: { baseUrl: string; limit?: number }): Connector {
  const base = config.baseUrl.replace(/\/$/, '');
  return {
    async fetch(client, state) {
      const list = JSON.parse((await client.request(`${base}/api_scraping.php?limit=${config.limit ?? 100}`)).body) as PasteEntry[];
      const items: SourceItem[] = [];
      for (const p of list) {
        const raw = await client.request(`${base}/api_scrape_item.php?i=${encodeURIComponent(p.key)}`);
        items.push({
          externalId: p.key, url: p.full_url ?? null, title: p.title ?? '', text: raw.body, author: p.user || null,
          publishedAt: p.date ? new Date(Number(p.date) * 1000).toISOString() : null,
        });
      }
      return { items, state };
    },
  };
}
