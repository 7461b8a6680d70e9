// Telegram: public channel web previews (t.me/s/<channel> HTML) and the Bot API (getUpdates) for
// groups where a bot is a member.
import * as cheerio from 'cheerio';
import { cleanText, type Connector, type SourceItem } from './connector.js';

export function parseChannelPreview(html: string, baseUrl: string): SourceItem[] {
  const $ = cheerio.load(html);
  const items: SourceItem[] = [];
  $('.tgme_widget_message[data-post]').each((_, el) => {
    const m = $(el);
    const post = m.attr('data-post')!;
    const text = cleanText(m.find('.tgme_widget_message_text').first().text());
    if (!text) return;
    items.push({
      externalId: post, url: `${baseUrl}/${post}`, title: cleanText(m.find('.tgme_widget_message_owner_name').first().text()),
      text, author: post.split('/')[0] ?? null, publishedAt: m.find('time[datetime]').first().attr('datetime') ?? null,
    });
  });
  return items;
}

export function telegramPreviewConnector(config: { channel: string; baseUrl?: string }): Connector {
  const base = (config.baseUrl ?? 'https://t.me').replace(/\/$/, '');
  return {
    async fetch(client, state) {
      const res = await client.request(`${base}/s/${encodeURIComponent(config.channel)}`, { etag: state.etag, lastModified: state.lastModified });
      if (res.notModified) return { items: [], state };
      const items = parseChannelPreview(res.body, base);
      // Previews list the latest ~20 messages; the cursor keeps us from re-reading older ones.
      const last = Number(state.cursor ?? 0);
      const fresh = items.filter((i) => Number(i.externalId.split('/')[1]) > last);
      const newest = Math.max(last, ...items.map((i) => Number(i.externalId.split('/')[1]) || 0));
      return { items: fresh, state: { ...state, etag: res.etag, lastModified: res.lastModified, cursor: String(newest) } };
    },
  };
}

interface BotMessage { message_id: number; date: number; text?: string; caption?: string; chat: { id: number; username?: string; title?: string }; from?: { username?: string } }
interface BotUpdate { update_id: number; message?: BotMessage; channel_post?: BotMessage }

export function parseUpdates(body: string): { items: SourceItem[]; nextOffset: number | null } {
  const parsed = JSON.parse(body) as { ok: boolean; result?: BotUpdate[]; description?: string };
  if (!parsed.ok) throw new Error(`Telegram Bot API: ${parsed.description ?? 'error'}`);
  const items: SourceItem[] = [];
  let next: number | null = null;
  for (const u of parsed.result ?? []) {
    next = Math.max(next ?? 0, u.update_id + 1);
    const m = u.message ?? u.channel_post;
    const text = m?.text ?? m?.caption;
    if (!m || !text) continue;
    items.push({
      externalId: `${m.chat.id}/${m.message_id}`, url: m.chat.username ? `https://t.me/${m.chat.username}/${m.message_id}` : null,
      title: m.chat.title ?? m.chat.username ?? '', text: cleanText(text), author: m.from?.username ?? m.chat.username ?? null,
      publishedAt: new Date(m.date * 1000).toISOString(),
    });
  }
  return { items, nextOffset: next };
}

export function telegramBotConnector(config: { token: string; baseUrl?: string }): Connector {
  const base = (config.baseUrl ?? 'https://api.telegram.org').replace(/\/$/, '');
  return {
    async fetch(client, state) {
      const offset = state.cursor ? `&offset=${state.cursor}` : '';
      const res = await client.request(`${base}/bot${config.token}/getUpdates?timeout=0${offset}`);
      const { items, nextOffset } = parseUpdates(res.body);
      return { items, state: { ...state, cursor: nextOffset === null ? state.cursor : String(nextOffset) } };
    },
  };
}
