// The one HTTP client of every connector: SSRF-guarded (literal host, DNS answer, every redirect),
// conditional GET (ETag / Last-Modified), polite per-host spacing, retries with exponential
// backoff on network errors, 429 and 5xx, size and time limits, optional SOCKS5 proxy for .onion.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';
import { checkUrl, guardedLookup, type SsrfPolicy } from './ssrf-guard.js';
import { socks5Connect, type Socks5Proxy } from './socks5.js';

export interface HttpClientOptions {
  ssrf: SsrfPolicy;
  /** Minimum milliseconds between two requests to the same host. */
  perHostIntervalMs?: number;
  retries?: number;
  backoffBaseMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Route requests through this SOCKS5 proxy (Tor); required for .onion hosts. */
  socks5?: Socks5Proxy;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface HttpResult {
  status: number;
  url: string;
  notModified: boolean;
  body: string;
  etag: string | null;
  lastModified: string | null;
  headers: Record<string, string | string[] | undefined>;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`HTTP ${status} dari / from ${url}`);
    this.name = 'HttpError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class HttpClient {
  private readonly nextSlot = new Map<string, number>();
  private readonly o: Required<Omit<HttpClientOptions, 'socks5'>> & { socks5?: Socks5Proxy };

  constructor(options: HttpClientOptions) {
    this.o = {
      perHostIntervalMs: 1000, retries: 3, backoffBaseMs: 500, timeoutMs: 20_000, maxBytes: 5_000_000, maxRedirects: 5,
      userAgent: 'Telusur-monitor/0.1 (+leak monitoring)', ...options,
    };
  }

  async request(target: string, options: RequestOptions = {}): Promise<HttpResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.followRedirects(new URL(target), options);
        if ((result.status === 429 || result.status >= 500) && attempt < this.o.retries) {
          await sleep(this.backoff(attempt, result.headers['retry-after']));
          continue;
        }
        if (result.status >= 400) throw new HttpError(result.status, result.url);
        return result;
      } catch (error) {
        const retriable = !(error instanceof HttpError) && (error as { code?: string }).code !== 'ssrf_blocked' && !(error as Error).message.startsWith('skema');
        if (!retriable || attempt >= this.o.retries) throw error;
        await sleep(this.backoff(attempt, undefined));
      }
    }
  }

  private backoff(attempt: number, retryAfter: string | string[] | undefined): number {
    const seconds = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
    return this.o.backoffBaseMs * 2 ** attempt;
  }

  private async followRedirects(url: URL, options: RequestOptions): Promise<HttpResult> {
    for (let hop = 0; hop <= this.o.maxRedirects; hop++) {
      checkUrl(this.o.ssrf, url);
      await this.waitForHost(url.host);
      const result = await this.once(url, options);
      const location = result.headers.location;
      if (result.status >= 300 && result.status < 400 && result.status !== 304 && typeof location === 'string') {
        url = new URL(location, url); // every hop is checked again at the top of the loop
        continue;
      }
      return result;
    }
    throw new Error(`terlalu banyak pengalihan / too many redirects: ${url.href}`);
  }

  private async waitForHost(host: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + this.o.perHostIntervalMs);
    if (slot > now) await sleep(slot - now);
  }

  private once(url: URL, options: RequestOptions): Promise<HttpResult> {
    const headers: Record<string, string> = { 'user-agent': this.o.userAgent, accept: '*/*', ...options.headers };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const https = url.protocol === 'https:';
    const onion = url.hostname.endsWith('.onion');
    if (onion && !this.o.socks5) return Promise.reject(new Error(`.onion memerlukan proxy SOCKS5 / .onion needs a SOCKS5 proxy: ${url.hostname}`));
    return new Promise<HttpResult>((resolve, reject) => {
      const common = { method: options.method ?? 'GET', headers, timeout: this.o.timeoutMs };
      const onResponse = (res: IncomingMessage) => this.readBody(url, res).then(resolve, reject);
      const req = this.o.socks5
        ? (https ? httpsRequest : httpRequest)(url, { ...common, agent: socksAgent(this.o.socks5, https) }, onResponse)
        : (https ? httpsRequest : httpRequest)(url, { ...common, lookup: guardedLookup(this.o.ssrf) as never }, onResponse);
      req.on('timeout', () => req.destroy(new Error(`waktu habis / timeout: ${url.href}`)));
      req.on('error', reject);
      req.end(options.body);
    });
  }

  private readBody(url: URL, res: IncomingMessage): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > this.o.maxBytes) { res.destroy(); reject(new Error(`respons terlalu besar / response over ${this.o.maxBytes} bytes: ${url.href}`)); return; }
        chunks.push(c);
      });
      res.on('error', reject);
      res.on('end', () => {
        const header = (n: string) => (typeof res.headers[n] === 'string' ? (res.headers[n] as string) : null);
        resolve({
          status: res.statusCode ?? 0, url: url.href, notModified: res.statusCode === 304,
          body: Buffer.concat(chunks).toString('utf8'), etag: header('etag'), lastModified: header('last-modified'), headers: res.headers,
        });
      });
    });
  }
}

/** An agent whose connections go through SOCKS5 (TLS is started over the tunnel for https). */
function socksAgent(proxy: Socks5Proxy, https: boolean): HttpAgent {
  const agent = new HttpAgent({ keepAlive: false });
  (agent as unknown as { createConnection: unknown }).createConnection = (opts: { host: string; port: number | string; servername?: string }, cb: (err: Error | null, socket?: Duplex) => void) => {
    const port = Number(opts.port) || (https ? 443 : 80);
    socks5Connect(proxy, opts.host, port).then(
      (socket) => cb(null, https ? tlsConnect({ socket, servername: opts.servername ?? opts.host }) : socket),
      (err: Error) => cb(err),
    );
  };
  return agent;
}
