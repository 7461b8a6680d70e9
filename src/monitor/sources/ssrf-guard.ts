// Stops a configured source URL from reaching loopback, private, link-local or other internal
// addresses unless an admin allow-listed it. Checked on the literal host, on every DNS answer the
// connection actually uses (so DNS rebinding cannot slip past), and on every redirect hop.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) internal.addSubnet(net, prefix, 'ipv6');

export class SsrfBlockedError extends Error {
  readonly code = 'ssrf_blocked';
  constructor(readonly host: string, readonly address: string) {
    super(`alamat internal diblokir / internal address blocked: ${host} → ${address} (allow-list it to fetch it)`);
    this.name = 'SsrfBlockedError';
  }
}

/** True for addresses a fetcher must not reach by default. IPv4-mapped IPv6 is checked as IPv4. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface SsrfPolicy {
  /** Host names or IP addresses an admin allowed even though they are internal. */
  allow: readonly string[];
}

export function isAllowed(policy: SsrfPolicy, host: string, address: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return policy.allow.some((a) => a.toLowerCase() === h || a === address);
}

/** Throws when a URL's literal host is an internal address that is not allow-listed. */
export function checkUrl(policy: SsrfPolicy, url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`skema tidak didukung / unsupported scheme: ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isInternalAddress(host) && !isAllowed(policy, host, host)) throw new SsrfBlockedError(host, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses internal answers: the address checked is the one used. */
export function guardedLookup(policy: SsrfPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => isInternalAddress(a.address) && !isAllowed(policy, hostname, a.address));
      if (blocked) return callback(new SsrfBlockedError(hostname, blocked.address) as NodeJS.ErrnoException, '');
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
