import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, connect, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './http-client.js';
import { SsrfBlockedError, isInternalAddress } from './ssrf-guard.js';

let server: Server;
let base: string;
let port: number;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/feed') {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304).end(); return; }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }).end('hello');
    } else if (path === '/flaky') {
      if ((hits.get(path) ?? 0) < 3) res.writeHead(503).end(); else res.writeHead(200).end('ok at last');
    } else if (path === '/to-private') {
      res.writeHead(302, { location: `http://127.0.0.2:${port}/feed` }).end();
    } else if (path === '/to-self') {
      res.writeHead(301, { location: '/feed' }).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const allowLoopback = { ssrf: { allow: ['127.0.0.1'] }, perHostIntervalMs: 0, backoffBaseMs: 5 };

describe('SSRF guard', () => {
  it('classifies internal addresses, including IPv4-mapped IPv6', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700::1111']) expect(isInternalAddress(a), a).toBe(false);
  });

  it('blocks the loopback fixture when it is not allow-listed (literal IP and DNS answer)', async () => {
    const client = new HttpClient({ ssrf: { allow: [] }, perHostIntervalMs: 0, retries: 0 });
    await expect(client.request(`${base}/feed`)).rejects.toBeInstanceOf(SsrfBlockedError);
    await expect(client.request(`http://localhost:${port}/feed`)).rejects.toBeInstanceOf(SsrfBlockedError);
    expect(hits.get('/feed') ?? 0).toBe(0);
  });

  it('checks every redirect: an allow-listed host cannot bounce the fetcher to another internal address', async () => {
    const client = new HttpClient(allowLoopback);
    await expect(client.request(`${base}/to-private`)).rejects.toBeInstanceOf(SsrfBlockedError);
    expect((await client.request(`${base}/to-self`)).body).toBe('hello');
  });

  it('refuses schemes other than http and https', async () => {
    await expect(new HttpClient(allowLoopback).request('file:///etc/passwd')).rejects.toThrow(/unsupported scheme/);
  });
});

describe('HTTP client', () => {
  it('makes conditional GETs with the stored validators', async () => {
    const client = new HttpClient(allowLoopback);
    const first = await client.request(`${base}/feed`);
    expect(first).toMatchObject({ status: 200, body: 'hello', etag: '"v1"', notModified: false });
    const second = await client.request(`${base}/feed`, { etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ status: 304, notModified: true, body: '' });
  });

  it('retries 5xx with backoff until it succeeds', async () => {
    const result = await new HttpClient(allowLoopback).request(`${base}/flaky`);
    expect(result.body).toBe('ok at last');
    expect(hits.get('/flaky')).toBe(3);
  });

  it('spaces requests to one host', async () => {
    const client = new HttpClient({ ...allowLoopback, perHostIntervalMs: 150 });
    const started = Date.now();
    await client.request(`${base}/feed`);
    await client.request(`${base}/feed`);
    await client.request(`${base}/feed`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('SOCKS5 proxy for .onion sources', () => {
  let proxy: TcpServer;
  const asked: string[] = [];
  beforeAll(async () => {
    // A minimal SOCKS5 server: accepts no-auth, records the requested host, tunnels to the fixture.
    proxy = createTcpServer((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]));
        client.once('data', (req: Buffer) => {
          const len = req[4]!;
          asked.push(req.subarray(5, 5 + len).toString());
          const upstream = connect(port, '127.0.0.1', () => {
            client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
            client.pipe(upstream).pipe(client);
          });
        });
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

  it('sends the .onion name to the proxy instead of resolving it', async () => {
    const socks5 = { host: '127.0.0.1', port: (proxy.address() as AddressInfo).port };
    const client = new HttpClient({ ssrf: { allow: [] }, perHostIntervalMs: 0, socks5 });
    const result = await client.request('http://leakmarketxyzabcdefghijklmnopqrstuvwxyz2345abcdefghijklmnop.onion/feed');
    expect(result.body).toBe('hello');
    expect(asked).toEqual(['leakmarketxyzabcdefghijklmnopqrstuvwxyz2345abcdefghijklmnop.onion']);
  });

  it('refuses .onion without a proxy', async () => {
    await expect(new HttpClient({ ssrf: { allow: [] }, retries: 0 }).request('http://abc.onion/')).rejects.toThrow(/SOCKS5/);
  });
});
