import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, tokensOf } from '../../prefilter/testing.js';
import { ipAddressDetector } from './ip-address.js';
import { canonicalIpv6, parseIpv4, parseIpv6 } from './ipv6.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const groups = new Uint16Array(8);
const v6 = (s: string) => (parseIpv6(bytes(s), 0, s.length, groups) ? canonicalIpv6(groups) : null);
function ip(text: string, label: string | null = null) {
  const token = tokensOf(text).find((t) => t.kind === 'ipv6' || (t.kind === 'number' && t.groups === 4));
  if (!token) return null;
  const verdict = ipAddressDetector.confirm(token, contextFor(label));
  return verdict && { verdict, value: ipAddressDetector.normalize(token) };
}

describe('IPv6 parsing', () => {
  it('agrees with node:net on random addresses and canonicalizes them stably', () => {
    fc.assert(fc.property(fc.ipV6(), (address) => {
      const canonical = v6(address);
      expect(canonical, address).not.toBeNull();
      expect(isIP(canonical!)).toBe(6);
      expect(v6(canonical!)).toBe(canonical);
      expect(v6(address.toUpperCase())).toBe(canonical);
    }));
  });

  it('accepts exactly what node:net accepts on random hex, colon and dot text', () => {
    const noise = fc.array(fc.constantFrom(...'0123456789abcdef:.'), { maxLength: 40 }).map((c) => c.join(''));
    const group = fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-f]{1,5}$/));
    const tail = fc.oneof(fc.constant(''), fc.ipV4().map((v4) => `:${v4}`));
    const shaped = fc.tuple(fc.array(group, { minLength: 1, maxLength: 10 }), tail).map(([groups, t]) => groups.join(':') + t);
    const text = fc.oneof(noise, shaped);
    fc.assert(fc.property(text, (s) => {
      // node:net reads IPv4 parts with leading zeros; dotted quads here refuse them (they read as octal elsewhere).
      if (/(^|[.:])0\d/.test(s) && s.includes('.')) return;
      expect(v6(s) !== null, s).toBe(isIP(s) === 6);
    }), { numRuns: 5000 });
  });

  it('writes RFC 5952 canonical text', () => {
    expect(v6('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(v6('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(v6('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(v6('::ffff:c000:0201')).toBe('::ffff:192.0.2.1');
    // The WHATWG URL host serializer compresses the same way (it writes mapped IPv4 in hex).
    fc.assert(fc.property(fc.ipV6(), (address) => {
      const text = v6(address);
      if (text === null || text.startsWith('::ffff:') && text.includes('.')) return;
      expect(text).toBe(new URL(`http://[${address}]/`).hostname.slice(1, -1));
    }), { numRuns: 5000 });
  });

  it('rejects malformed text', () => {
    for (const s of ['1:2:3:4:5:6:7', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', 'g::1', '::1.2.3', '1::2:3:4:5:6:7:8', '1:2:3:4:5:1.2.3.4', '203.0.113.45']) {
      expect(v6(s), s).toBeNull();
    }
  });
});

describe('IPv4 parsing', () => {
  it('agrees with node:net on dotted quads', () => {
    fc.assert(fc.property(fc.ipV4(), (address) => {
      expect(parseIpv4(bytes(address), 0, address.length)).toBeGreaterThanOrEqual(0);
    }));
    for (const s of ['256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3']) expect(parseIpv4(bytes(s), 0, s.length), s).toBe(-1);
  });
});

describe('ipAddressDetector', () => {
  it('finds public IPv4 and IPv6 addresses in log lines', () => {
    const line = ip('Failed login from 203.0.113.45 port 22');
    expect(line!.verdict.confidence).toBeGreaterThanOrEqual(0.8);
    expect(line!.value).toBe('203.0.113.45');
    const six = ip('client=2001:DB8:85A3:0:0:8A2E:370:7334 ok');
    expect(six!.verdict.confidence).toBeGreaterThanOrEqual(0.8);
    expect(six!.value).toBe('2001:db8:85a3::8a2e:370:7334');
  });

  it('rates private addresses lower and any address high under an IP label', () => {
    expect(ip('192.168.1.10')!.verdict.confidence).toBeLessThan(ip('203.0.113.45')!.verdict.confidence);
    expect(ip('192.168.1.10', 'ip_address')!.verdict.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('describes version and scope', () => {
    const asOf = contextFor(null).asOf;
    expect(ipAddressDetector.describe!('203.0.113.45', asOf)).toEqual({ version: 4, scope: 'public' });
    expect(ipAddressDetector.describe!('fe80::1', asOf)).toEqual({ version: 6, scope: 'private' });
  });

  it('skips loopback, unspecified, broadcast and multicast addresses', () => {
    for (const text of ['127.0.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', 'bind ::1 now', 'bind :: now', 'ff02::1 x']) {
      expect(ip(text, 'ip'), text).toBeNull();
    }
  });

  it('ignores versions, rupiah amounts, time and MAC addresses', () => {
    expect(ip('v1.2.3.4')).toBeNull();
    expect(ip('Rp 1.200.200.200')).toBeNull();
    expect(ip('jam 12:30:45')).toBeNull();
    expect(ip('MAC 00:1a:2b:3c:4d:5e')).toBeNull();
    expect(ip('1.2.3.4')!.verdict.confidence).toBeLessThan(0.6);
  });
});
