// Push endpoint for external crawlers (AIL framework feeders and the like): one post per request,
// classified, deduplicated and turned into an alert exactly like a polled post. Machine tokens
// only (Authorization: Bearer tls_…); which roles' tokens may push is in policies/table.ts.
import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { route } from '../../http/route.js';
import { analyserFor, ingestPushedItem } from '../../monitoring/push.js';

/** Same id rule as a configured source (src/monitor/ingest/sources-config.ts). */
const sourceId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'huruf kecil, angka, . _ - (maks. 64) / lowercase letters, digits, . _ - (max 64)');

export const pushedItemBody = z.object({
  sourceId,
  externalId: z.string().trim().min(1).max(500),
  url: z.url({ protocol: /^https?$/ }).max(4000).nullable().optional(),
  title: z.string().max(2000).default(''),
  text: z.string().trim().min(1).max(200_000),
  author: z.string().max(500).nullable().optional(),
  publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Where the post was seen (Telegram, a forum's name…), when the text does not say. */
  platform: z.string().trim().min(1).max(100).optional(),
});

const pushResult = z.object({
  sourceId: z.string(),
  externalId: z.string(),
  outcome: z.enum(['alert', 'duplicate', 'ignored', 'seen']),
  alertId: z.number().nullable(),
  label: z.string().nullable(),
});

export const ingestRoutes = [
  route({
    operationId: 'ingest.push',
    method: 'POST',
    path: '/ingest',
    summary:
      'Push one crawled post (API token only). 201 when it created an alert; 200 otherwise: `ignored` (not an offer/report), ' +
      '`duplicate` (same or near-same text as an earlier alert), `seen` (this sourceId + externalId was pushed before)',
    tag: 'monitoring',
    body: pushedItemBody,
    response: pushResult,
    successStatus: 201,
    async handler({ body, user, reply, services, write }) {
      if (user.via !== 'token') {
        throw new ApiError(403, 'API_TOKEN_REQUIRED', 'Gunakan token API (Authorization: Bearer) untuk mengirim item', 'Use an API token (Authorization: Bearer) to push items');
      }
      const item = {
        externalId: body.externalId, url: body.url ?? null, title: body.title, text: body.text,
        author: body.author ?? null, publishedAt: body.publishedAt ?? null,
      };
      const analyser = await analyserFor(services);
      const result = await write(async (tx, audit) => {
        const r = await ingestPushedItem(services, analyser, tx, body.sourceId, item, body.platform);
        audit({
          action: 'ingest.push', targetType: r.alertId ? 'alert' : 'monitor_item', targetId: r.alertId,
          detail: { sourceId: body.sourceId, externalId: body.externalId, outcome: r.outcome },
        });
        return r;
      });
      if (result.outcome !== 'alert') reply.code(200);
      return { sourceId: body.sourceId, externalId: body.externalId, ...result };
    },
  }),
];
