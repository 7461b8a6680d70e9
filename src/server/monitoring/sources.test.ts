// What the Sources page may show: URLs without credentials or secret query values, error texts
// without tokens, and the health rule (failing, pending, stale after three intervals, push sources).
import { describe, expect, it } from 'vitest';
import { parseSourceConfigs } from '../../monitor/ingest/sources-config.js';
import { healthOf, redactText, redactUrl, sourceUrl } from './sources.js';

const [rss, bot, x] = parseSourceConfigs([
  { id: 'forum', kind: 'rss', url: 'https://user:pw@forum.example/feed.php?key=abc123&forum=7', intervalSeconds: 600 },
  { id: 'bot', kind: 'telegram-bot', token: '123456:RAHASIA' },
  { id: 'x', kind: 'x', query: 'data bocor', bearerToken: 'BEARER-RAHASIA-1' },
]);

describe('source views', () => {
  it('strips credentials and secret-looking query values from URLs', () => {
    expect(sourceUrl(rss!)).toBe('https://***@forum.example/feed.php?key=***&forum=7');
    expect(sourceUrl(bot!)).toBe('https://api.telegram.org/');
    expect(redactUrl('https://api.telegram.org/bot123:ABC/getUpdates')).toBe('https://api.telegram.org/bot***/getUpdates');
    expect(redactUrl('not a url')).toBe('***');
  });

  it('strikes tokens out of error texts', () => {
    expect(redactText('HTTP 401 dari / from https://api.telegram.org/bot123456:RAHASIA/getUpdates', bot)).toBe('HTTP 401 dari / from https://api.telegram.org/bot***/getUpdates');
    expect(redactText('bad bearer BEARER-RAHASIA-1 refused', x)).toBe('bad bearer *** refused');
    expect(redactText('fetch https://a:b@host.example/x failed', undefined)).toBe('fetch https://***@host.example/x failed');
  });

  it('labels health from the poll record', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const row = (over: Record<string, unknown>) => ({ id: 'forum', state: {}, next_run_at: null, last_success_at: null, last_error: null, last_error_at: null, consecutive_failures: 0, items_total: 0, ...over });
    expect(healthOf(rss, undefined, false, now)).toBe('pending');
    expect(healthOf(rss, row({}), false, now)).toBe('pending');
    expect(healthOf(rss, row({ last_success_at: '2026-11-23T11:40:00Z' }), false, now)).toBe('ok');
    expect(healthOf(rss, row({ last_success_at: '2026-11-23T11:20:00Z' }), false, now)).toBe('stale'); // 40 min > 3 × 10 min
    expect(healthOf(rss, row({ last_success_at: '2026-11-23T11:50:00Z', consecutive_failures: 2 }), false, now)).toBe('failing');
    expect(healthOf(undefined, row({ last_success_at: '2026-11-23T11:50:00Z' }), false, now)).toBe('unconfigured');
    expect(healthOf(undefined, row({ last_success_at: '2026-11-22T13:00:00Z' }), true, now)).toBe('ok');
    expect(healthOf(undefined, row({ last_success_at: '2026-11-22T11:00:00Z' }), true, now)).toBe('stale');
  });
});
