// A fixture "internet" for tests: one loopback HTTP server that speaks every connector's real
// format (RSS, Atom, forum HTML with pagination and a login cookie, t.me/s previews, Bot API,
// X API v2, Reddit JSON, a paste scraping API). Posts are synthetic. Tests allow-list 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureInternet { base: string; close(): Promise<void>; requests: string[]; addPost(text: string): void }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startFixtureInternet(): Promise<FixtureInternet> {
  const requests: string[] = [];
  // The feed grows when a test adds posts: new items appear on the next poll.
  const feedPosts = [
    'INDONESIA BPJS TK MEMBERS DATABASE 19 MILLION - NIK, name, salary. 1 BTC escrow',
    'Kemenkes membantah kebocoran 720 GB data pasien yang diklaim dijual di forum.',
    'Jual motor Honda Beat 2019, pajak hidup. 11,5jt nego',
  ];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    requests.push(`${url.pathname}${url.search}`);
    const send = (type: string, body: string, headers: Record<string, string> = {}) => res.writeHead(200, { 'content-type': type, ...headers }).end(body);
    switch (url.pathname) {
      case '/forum/syndication.php': {
        const etag = `"n${feedPosts.length}"`;
        if (req.headers['if-none-match'] === etag) { res.writeHead(304).end(); return; }
        const items = feedPosts.map((t, i) => `<item><title>${esc(t.slice(0, 40))}</title><link>http://forum.example/thread-${i + 1}.html</link><guid>thread-${i + 1}</guid><description><![CDATA[<p>${esc(t)}</p>]]></description><pubDate>Mon, 0${(i % 9) + 1} Jan 2024 10:00:00 GMT</pubDate></item>`).join('');
        send('application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Forum</title>${items}</channel></rss>`, { etag });
        return;
      }
      case '/news/atom.xml':
        send('application/atom+xml', `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Berita</title><entry><id>tag:news,2024:1</id><title>Data 26 juta pelanggan IndiHome diduga bocor</title><link rel="alternate" href="http://news.example/1"/><updated>2024-02-01T08:00:00Z</updated><author><name>Redaksi</name></author><summary>Data 26 juta pelanggan IndiHome diduga bocor, Telkom melakukan investigasi.</summary></entry></feed>`);
        return;
      case '/market/list': {
        if (req.headers.cookie !== 'session=fixture-login') { res.writeHead(403).end('login required'); return; }
        const page = Number(url.searchParams.get('page') ?? 1);
        if (page === 1 && req.headers['if-modified-since'] === 'Fri, 01 Mar 2024 00:00:00 GMT') { res.writeHead(304).end(); return; }
        if (page === 1) res.setHeader('last-modified', 'Fri, 01 Mar 2024 00:00:00 GMT');
        const next = page < 2 ? `<a class="next" href="/market/list?page=${page + 1}">next</a>` : '';
        send('text/html', `<html><body><a class="thread" href="/market/thread/${page}">t</a>${next}</body></html>`);
        return;
      }
      case '/market/thread/1':
      case '/market/thread/2': {
        const n = url.pathname.slice(-1);
        send('text/html', `<html><head><title>Thread ${n}</title></head><body><div class="post" data-pid="p${n}"><span class="user">seller${n}</span><div class="body">Ready data nasabah Bank Jatim 1,8 juta baris, sample 1000 rows. tg @jatimleaks</div></div></body></html>`);
        return;
      }
      case '/s/datanasabahid':
        send('text/html', `<html><body><div class="tgme_widget_message" data-post="datanasabahid/41"><div class="tgme_widget_message_owner_name">Data Nasabah</div><div class="tgme_widget_message_text">Data nasabah BRI 50rb baris, harga 1,5jt. PM @dtn_admin</div><time datetime="2024-03-01T10:00:00+00:00"></time></div><div class="tgme_widget_message" data-post="datanasabahid/42"><div class="tgme_widget_message_text">KTP + selfie ready 5k per lembar</div></div></body></html>`);
        return;
      case '/botTESTTOKEN/getUpdates': {
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const updates = [{ update_id: 900, message: { message_id: 7, date: 1709280000, text: 'jual data pasien RS 45rb rekam medis + nik, tele @rsdata', chat: { id: -100, title: 'Grup Jual Beli' }, from: { username: 'rsdata' } } }];
        send('application/json', JSON.stringify({ ok: true, result: updates.filter((u) => u.update_id >= offset) }));
        return;
      }
      case '/2/tweets/search/recent':
        if (req.headers.authorization !== 'Bearer XTOKEN') { res.writeHead(401).end(); return; }
        send('application/json', JSON.stringify({ data: [{ id: '1750000000000000001', text: 'Selling Tokopedia 91M users dump, $5,000. DM', author_id: '42', created_at: '2024-03-02T00:00:00Z' }], includes: { users: [{ id: '42', username: 'dumpseller' }] }, meta: { newest_id: '1750000000000000001' } }));
        return;
      case '/r/indonesia/new.json':
        send('application/json', JSON.stringify({ data: { children: [{ data: { name: 't3_abc', title: 'Data KPU bocor lagi?', selftext: 'Katanya 204 juta data pemilih dijual di forum.', author: 'warganet', permalink: '/r/indonesia/comments/abc/', created_utc: 1709300000 } }] } }));
        return;
      case '/api_scraping.php':
        send('application/json', JSON.stringify([{ key: 'Xy12Ab', title: 'sample', user: '', date: '1709310000', full_url: 'http://paste.example/Xy12Ab' }]));
        return;
      case '/api_scrape_item.php':
        send('text/plain', 'nik|nama|hp\n3171014509900002|SITI|081234567890\nfull 2 juta baris 0.1 BTC @seller_x');
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base, requests,
    addPost: (text) => { feedPosts.push(text); },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
