import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackends, type TestDatabase } from '../../server/db/testing.js';
import { findingHasher } from '../../config/key.js';
import { PostAnalyser } from '../analyse.js';
import { victimResolverFromDatabase } from '../extract/index.js';
import { startFixtureInternet, type FixtureInternet } from '../sources/fixture-internet.js';
import { HttpClient } from '../sources/http-client.js';
import { sqlAlertSink } from './alerts.js';
import { Poller } from './poller.js';
import { parseSourceConfigs, type SourceConfig } from './sources-config.js';

// Each backend gets its own fixture internet: tests add posts to the feed as they go.
let net: FixtureInternet;

function sources(base: string): SourceConfig[] {
  return parseSourceConfigs([
    { id: 'forum-rss', kind: 'rss', url: `${base}/forum/syndication.php` },
    { id: 'news-atom', kind: 'rss', url: `${base}/news/atom.xml` },
    { id: 'market', kind: 'html', url: `${base}/market/list`, threadLink: 'a.thread', nextPage: 'a.next', post: '.post', text: '.body', author: '.user', idAttribute: 'data-pid', cookie: 'session=fixture-login' },
    { id: 'tg-preview', kind: 'telegram-preview', channel: 'datanasabahid', baseUrl: base },
    { id: 'tg-bot', kind: 'telegram-bot', token: 'TESTTOKEN', baseUrl: base },
    { id: 'x-search', kind: 'x', query: 'database indonesia', bearerToken: 'XTOKEN', baseUrl: base },
    { id: 'reddit', kind: 'reddit', subreddit: 'indonesia', baseUrl: base },
    { id: 'paste', kind: 'paste', baseUrl: base },
  ]);
}

describe.each(testBackends)('poller end to end on %s: posts in, alerts out, nothing lost or doubled across a restart', (backend) => {
  let t: TestDatabase;
  let clock = new Date('2026-11-23T10:00:00Z');
  const analyser = new PostAnalyser({ scanPii: true, asOf: new Date('2026-11-23') });
  const client = new HttpClient({ ssrf: { allow: ['127.0.0.1'] }, perHostIntervalMs: 0, retries: 1, backoffBaseMs: 5 });
  const newPoller = () => new Poller({ db: t.db, sources: sources(net.base), client, analyser, now: () => clock });
  const alerts = () => t.db.query<{ id: number; source: string; external_id: string; label: string; facts: Record<string, unknown> }>('SELECT id, source, external_id, label, facts FROM alerts ORDER BY id');

  beforeAll(async () => { t = await createTestDatabase(backend); net = await startFixtureInternet(); });
  afterAll(async () => { await net.close(); await t.drop(); });

  it('polls every connector kind and creates explained alerts with severity and clusters', async () => {
    const poller = newPoller();
    await poller.init();
    const reports = await poller.runDue();
    expect(reports.map((r) => [r.source, r.error])).toEqual(sources(net.base).map((s) => [s.id, null]));
    const rows = await alerts();
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['forum-rss', 'news-atom', 'market', 'tg-preview', 'tg-bot', 'x-search', 'reddit', 'paste']));
    const bpjs = rows.find((r) => r.external_id === 'thread-1')!;
    expect(bpjs).toMatchObject({ label: 'offer', facts: { recordCount: 19_000_000, victim: 'BPJS Ketenagakerjaan', severity: 'high' } });
    expect(rows.some((r) => r.external_id === 'thread-3')).toBe(false); // the motorbike sale is not an alert
    // The two forum threads are one post reworded: one alert, one near-duplicate.
    expect(rows.filter((r) => r.source === 'market')).toHaveLength(1);
    expect(reports.find((r) => r.source === 'market')!.duplicates).toBe(1);
    const paste = rows.find((r) => r.source === 'paste')!;
    expect(JSON.stringify(paste.facts)).not.toContain('3171014509900002');
    expect((paste.facts.pii as Array<{ type: string }>).map((p) => p.type)).toContain('NIK');
    const health = await poller.health();
    expect(health.every((h) => h.lastSuccessAt !== null && h.lastError === null)).toBe(true);
  });

  it('after a crash that lost the saved source state, a restarted poller re-reads items but adds no alert', async () => {
    const before = await alerts();
    await t.db.query(`UPDATE monitor_sources SET state = '{}'`);
    clock = new Date(clock.getTime() + 3_600_000);
    const reports = await newPoller().runDue();
    expect(reports.reduce((n, r) => n + r.alerts, 0)).toBe(0);
    expect(await alerts()).toEqual(before);
  });

  it('a crash in the middle of a batch keeps the source state, and the retry completes without doubles', async () => {
    net.addPost('Jual data pelanggan PLN Sumatra 6,2 juta baris, NIK + alamat, harga 18k USD. tele @plnleak');
    net.addPost('Bocoran data Kemensos DTKS 4 juta baris, NIK KK nama alamat, harga 0.4 BTC. tele @dtksleak');
    let calls = 0;
    // The real SQL sink, made to fail once on its second alert: a crash half-way through the feed.
    const crashing = { ...sqlAlertSink, upsert: async (tx: Parameters<typeof sqlAlertSink.upsert>[0], a: Parameters<typeof sqlAlertSink.upsert>[1]) => {
      if (++calls === 2) throw new Error('simulated crash');
      return sqlAlertSink.upsert(tx, a);
    } };
    clock = new Date(clock.getTime() + 3_600_000);
    const rss = sources(net.base).filter((s) => s.id === 'forum-rss');
    const stateBefore = await t.db.query(`SELECT state FROM monitor_sources WHERE id = 'forum-rss'`);
    const [crashed] = await new Poller({ db: t.db, sources: rss, client, analyser, alerts: crashing, now: () => clock }).runDue();
    expect(crashed!.error).toMatch(/simulated crash/);
    expect(await t.db.query(`SELECT state FROM monitor_sources WHERE id = 'forum-rss'`)).toEqual(stateBefore);
    clock = new Date(clock.getTime() + 86_400_000);
    await new Poller({ db: t.db, sources: rss, client, analyser, now: () => clock }).runDue();
    const rows = (await alerts()).filter((r) => r.external_id === 'thread-4' || r.external_id === 'thread-5');
    expect(rows.map((r) => r.external_id).sort()).toEqual(['thread-4', 'thread-5']);
  });

  it('picks up a new post on the next scheduled poll, once', async () => {
    net.addPost('Selling Dapodik student data 2024 - 3 million students with NIK and parents names. 0.5 BTC');
    clock = new Date(clock.getTime() + 3_600_000);
    await newPoller().runDue();
    await newPoller().runDue(); // not due again yet: nothing happens
    const rows = (await alerts()).filter((r) => r.external_id === 'thread-6');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.facts).toMatchObject({ severity: 'high', recordCount: 3_000_000 });
  });

  it('clusters alerts about the same victim within the window under the first one', async () => {
    net.addPost('[SELLING] BPJS Ketenagakerjaan employer accounts 2024, 500k records with NIK and salary. $2,000, escrow ok');
    clock = new Date(clock.getTime() + 3_600_000);
    await newPoller().runDue();
    const rows = await alerts();
    const head = rows.find((r) => r.external_id === 'thread-1')!;
    const joined = rows.find((r) => r.external_id === 'thread-7')!;
    expect(head.facts.cluster).toBeNull();
    expect(joined.facts).toMatchObject({ victim: 'BPJS Ketenagakerjaan', cluster: Number(head.id) });
  });

  it('takes pushed items (POST /api/v1/ingest) idempotently and clusters posts showing the same sample', async () => {
    const hashing = new PostAnalyser({ asOf: new Date('2026-11-23'), findingHash: findingHasher(Buffer.alloc(32, 7)) });
    const push = parseSourceConfigs([{ id: 'ail-feeder', kind: 'rss', url: 'http://127.0.0.1/unused' }]);
    const poller = new Poller({ db: t.db, sources: push, client, analyser: hashing, now: () => clock });
    await poller.init();
    const sample = 'nik|nama\n3171014509900002|SITI RAHAYU\n3578011003850002|AGUS PRATAMA';
    const first = { externalId: 'ail-1', url: null, title: '', text: `Selling hospital db 2 juta pasien, 1 BTC, sample:\n${sample}\ncontact @medleak_one`, author: null, publishedAt: null };
    const second = { externalId: 'ail-2', url: null, title: '', text: `Fresh drop!! insurance claims dump 900k rows, $4k. proof:\n${sample}\ntg @other_vendor`, author: null, publishedAt: null };
    expect(await poller.ingestPushed('ail-feeder', first)).toBe('alert');
    expect(await poller.ingestPushed('ail-feeder', first)).toBe('seen');
    expect(await poller.ingestPushed('ail-feeder', second)).toBe('alert');
    const rows = (await alerts()).filter((r) => r.source === 'ail-feeder');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.facts.cluster).toBe(Number(rows[0]!.id));
    expect(JSON.stringify(rows)).not.toContain('3171014509900002');
    await expect(poller.ingestPushed('nope', first)).rejects.toThrow(/unknown source/);
  });

  it('resolves victims against the server organizations table', async () => {
    await t.db.query(`INSERT INTO organizations (name, aliases, domains, sector, ownership) VALUES ('RS Harapan Sehat', '{RSHS}', '{rsharapansehat.example}', 'health', 'private')`);
    const resolver = await victimResolverFromDatabase(t.db);
    const analyser = new PostAnalyser({ victims: resolver, scanPii: false });
    expect(analyser.analyse('jual data pasien RSHS 20rb rekam medis').facts.victim).toBe('RS Harapan Sehat');
    expect(analyser.analyse('dump rsharapansehat.example 3GB').facts.victim).toBe('RS Harapan Sehat');
  });

  it('records a failing source in its health and backs off, without stopping the others', async () => {
    const broken = parseSourceConfigs([{ id: 'gone', kind: 'rss', url: `${net.base}/no-such-feed` }]);
    const poller = new Poller({ db: t.db, sources: broken, client, analyser, now: () => clock });
    await poller.init();
    const [report] = await poller.runDue();
    expect(report!.error).toMatch(/404/);
    const health = (await poller.health()).find((h) => h.id === 'gone')!;
    expect(health).toMatchObject({ consecutiveFailures: 1, lastSuccessAt: null });
    expect(health.nextRunAt.getTime()).toBeGreaterThan(clock.getTime() + 900_000);
  });
});

describe('source configuration', () => {
  it('names the bad field', () => {
    expect(() => parseSourceConfigs([{ id: 'x', kind: 'rss', url: 'not a url' }])).toThrow(/0\.url/);
    expect(() => parseSourceConfigs([{ id: 'x', kind: 'gopher' }])).toThrow(/invalid source config/);
  });
});
