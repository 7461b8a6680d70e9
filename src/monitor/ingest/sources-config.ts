// Source configuration, validated with clear errors: each source has an id, a kind, a schedule
// (seconds between polls) and its kind's settings. Builds the connector for each.
import { z } from 'zod';
import type { Connector } from '../sources/connector.js';
import { feedConnector } from '../sources/feeds.js';
import { htmlConnector } from '../sources/html-pages.js';
import { pasteConnector, redditConnector, xSearchConnector } from '../sources/social.js';
import { telegramBotConnector, telegramPreviewConnector } from '../sources/telegram.js';

const base = { id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), intervalSeconds: z.number().int().min(30).default(900), platform: z.string().optional() };
export const sourceConfigSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('rss'), url: z.string().url() }),
  z.object({
    ...base, kind: z.literal('html'), url: z.string().url(), threadLink: z.string().optional(), post: z.string(), text: z.string(),
    author: z.string().optional(), idAttribute: z.string().optional(), nextPage: z.string().optional(), maxPages: z.number().int().min(1).max(50).optional(),
    cookie: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal('telegram-preview'), channel: z.string(), baseUrl: z.string().url().optional() }),
  z.object({ ...base, kind: z.literal('telegram-bot'), token: z.string(), baseUrl: z.string().url().optional() }),
  z.object({ ...base, kind: z.literal('x'), query: z.string(), bearerToken: z.string(), baseUrl: z.string().url().optional() }),
  z.object({ ...base, kind: z.literal('reddit'), subreddit: z.string(), baseUrl: z.string().url().optional() }),
  z.object({ ...base, kind: z.literal('paste'), baseUrl: z.string().url(), limit: z.number().int().min(1).max(250).optional() }),
]);
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

export function parseSourceConfigs(input: unknown): SourceConfig[] {
  const parsed = z.array(sourceConfigSchema).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`konfigurasi sumber tidak sah / invalid source config at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function connectorFor(c: SourceConfig): Connector {
  switch (c.kind) {
    case 'rss': return feedConnector(c);
    case 'html': return htmlConnector(c);
    case 'telegram-preview': return telegramPreviewConnector(c);
    case 'telegram-bot': return telegramBotConnector(c);
    case 'x': return xSearchConnector(c);
    case 'reddit': return redditConnector(c);
    case 'paste': return pasteConnector(c);
  }
}

const PLATFORM_OF_KIND: Record<SourceConfig['kind'], string | null> = {
  rss: null, html: null, 'telegram-preview': 'Telegram', 'telegram-bot': 'Telegram', x: 'X', reddit: 'Reddit', paste: 'Pastebin',
};

/** The platform a source's items come from, when the text itself does not say. */
export function platformOf(c: SourceConfig): string | null {
  return c.platform ?? PLATFORM_OF_KIND[c.kind];
}
