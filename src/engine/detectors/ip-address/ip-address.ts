// IP_ADDRESS: IPv4 from dotted number tokens (four groups 0–255, no leading zeros) and IPv6 from
// the prefilter's IPv6 candidates. Loopback, unspecified, broadcast and multicast addresses name
// no person and are skipped; private ranges count with less confidence than public ones.
import { NEGATIVE_HINT, SEP_DOT, hintBit, type DetectionContext, type LabelHints, type Token, type TokenDetector, type Verdict } from '../../types.js';
import { canonicalIpv6, ipv4Text, parseIpv4, parseIpv6 } from './ipv6.js';

const IP = hintBit('IP_ADDRESS');
const groups6 = new Uint16Array(8);

type Scope = 'public' | 'private' | 'none';

export function ipv4Scope(v: number): Scope {
  const a = v >>> 24, b = (v >>> 16) & 255;
  if (a === 0 || a === 127 || a >= 224) return 'none';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

export function ipv6Scope(g: Uint16Array): Scope {
  let zeros = 0;
  for (let i = 0; i < 7; i++) if (g[i] === 0) zeros++;
  if (zeros === 7 && g[7]! <= 1) return 'none'; // :: and ::1
  if (zeros === 5 && g[5] === 0xffff) return ipv4Scope(g[6]! * 65536 + g[7]!);
  const first = g[0]!;
  if (first >= 0xff00) return 'none'; // multicast
  if ((first & 0xffc0) === 0xfe80 || (first & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

/** Dotted numbers that are versions ("v1.2.3.4") or rupiah amounts ("Rp 1.200.000.000"), not addresses. */
function notAnAddress(bytes: Uint8Array, start: number): boolean {
  const b1 = start > 0 ? bytes[start - 1]! | 32 : 0;
  if (b1 === 118) return true; // v
  let i = start - 1;
  while (i >= 0 && start - i <= 2 && (bytes[i] === 32 || bytes[i] === 46)) i--;
  return i >= 1 && (bytes[i]! | 32) === 112 && (bytes[i - 1]! | 32) === 114; // rp
}

/** Rule ids and explanations per IP version, built once rather than per address. */
const TEXTS = {
  4: texts(4),
  6: texts(6),
};

function texts(version: 4 | 6) {
  return {
    context: `ip-address.v${version}+context`, negative: `ip-address.v${version}-negative-context`, plain: `ip-address.v${version}`,
    public: `valid IPv${version}; public address`, private: `valid IPv${version}; private address`,
  };
}

function verdict(scope: Scope, context: DetectionContext, version: 4 | 6, base: number): Verdict | null {
  if (scope === 'none') return null;
  const text = TEXTS[version];
  const validator = text[scope];
  if (context.hints & IP) return { confidence: scope === 'public' ? 0.95 : 0.9, rule: text.context, validator };
  if (context.hints & NEGATIVE_HINT) return { confidence: 0.3, rule: text.negative, validator };
  return { confidence: scope === 'public' ? base : Math.min(base, 0.6), rule: text.plain, validator };
}

export const ipAddressDetector: TokenDetector = {
  type: 'IP_ADDRESS',
  category: 'general',
  tokenKinds: ['number', 'ipv6'],
  minDigits: 4,
  maxDigits: 12,

  confirm(token: Token, context: DetectionContext): Verdict | null {
    if (token.kind === 'ipv6') {
      if (!parseIpv6(token.bytes, token.start, token.end, groups6)) return null;
      let written = 1; // groups actually written: "a::b" says little, a full address a lot
      for (let i = token.start; i < token.end; i++) if (token.bytes[i] === 58) written++;
      return verdict(ipv6Scope(groups6), context, 6, written >= 6 ? 0.9 : written >= 4 ? 0.8 : 0.55);
    }
    if (token.kind !== 'number' || token.groups !== 4 || token.separators !== SEP_DOT || token.plus) return null;
    const v = parseIpv4(token.bytes, token.start, token.end);
    if (v < 0 || notAnAddress(token.bytes, token.start)) return null;
    // Four single digits ("1.2.3.4") are more often a version or a section number than an address.
    return verdict(ipv4Scope(v), context, 4, token.digitCount === 4 ? 0.55 : 0.8);
  },

  ceiling(hints: LabelHints): number {
    return hints & IP ? 1 : hints & NEGATIVE_HINT ? 0.3 : 1;
  },

  normalize(token: Token): string {
    if (token.kind === 'ipv6') return parseIpv6(token.bytes, token.start, token.end, groups6) ? canonicalIpv6(groups6) : '';
    return ipv4Text(parseIpv4(token.bytes, token.start, token.end));
  },

  describe(normalized: string) {
    const bytes = new TextEncoder().encode(normalized);
    if (parseIpv6(bytes, 0, bytes.length, groups6)) return { version: 6, scope: ipv6Scope(groups6) };
    const v4 = parseIpv4(bytes, 0, bytes.length);
    return v4 >= 0 ? { version: 4, scope: ipv4Scope(v4) } : null;
  },
};
