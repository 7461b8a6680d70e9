// IPv6 parsing (RFC 4291 text forms, incl. `::` compression and a trailing dotted IPv4) and the
// canonical text form of RFC 5952: lower case, no leading zeros, the longest zero run as `::`.

/**
 * Parses bytes[start, end) into 8 16-bit groups written to `out`; returns false when the text is
 * not an IPv6 address.
 */
export function parseIpv6(bytes: Uint8Array, start: number, end: number, out: Uint16Array): boolean {
  let groups = 0, gap = -1, i = start;
  if (end - start < 2) return false;
  if (bytes[i] === 58) {
    if (bytes[i + 1] !== 58) return false;
    gap = 0;
    i += 2;
    if (i === end) return fill(out, groups, gap);
  }
  while (i < end) {
    let value = 0, hexDigits = 0, j = i;
    while (j < end && hexDigits < 5) {
      const h = hexValue(bytes[j]!);
      if (h < 0) break;
      value = value * 16 + h;
      hexDigits++;
      j++;
    }
    if (hexDigits === 0 || hexDigits > 4) return false;
    if (j < end && bytes[j] === 46) {
      // Dotted IPv4 tail: takes the last two groups.
      if (groups > 6) return false;
      const v4 = parseIpv4(bytes, i, end);
      if (v4 < 0) return false;
      out[groups++] = v4 >>> 16;
      out[groups++] = v4 & 0xffff;
      if (groups === 8) return gap < 0;
      return gap >= 0 && fill(out, groups, gap);
    }
    if (groups >= 8) return false;
    out[groups++] = value;
    i = j;
    if (i === end) break;
    if (bytes[i] !== 58 || i + 1 === end) return false;
    i++;
    if (bytes[i] === 58) {
      if (gap >= 0) return false;
      gap = groups;
      i++;
      if (i === end) break;
    }
  }
  if (gap < 0) return groups === 8;
  return fill(out, groups, gap);
}

/** Moves the groups after the `::` to the end and zero-fills the gap. */
function fill(out: Uint16Array, groups: number, gap: number): boolean {
  if (groups > 7) return false;
  const tail = groups - gap;
  for (let k = 0; k < tail; k++) out[7 - k] = out[groups - 1 - k]!;
  for (let k = gap; k < 8 - tail; k++) out[k] = 0;
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** Parses a dotted quad in bytes[start, end) (no leading zeros); returns the 32-bit value or -1. */
export function parseIpv4(bytes: Uint8Array, start: number, end: number): number {
  let value = 0, part = 0, partDigits = 0, parts = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? bytes[i]! : 46;
    if (c >= 48 && c <= 57) {
      if (partDigits === 1 && part === 0) return -1;
      part = part * 10 + (c - 48);
      if (++partDigits > 3 || part > 255) return -1;
    } else if (c === 46 && partDigits > 0 && parts < 4) {
      value = value * 256 + part;
      parts++;
      part = 0;
      partDigits = 0;
    } else {
      return -1;
    }
  }
  return parts === 4 ? value : -1;
}

export function ipv4Text(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** RFC 5952 text; IPv4-mapped addresses keep the dotted tail (`::ffff:192.0.2.1`). */
export function canonicalIpv6(groups: Uint16Array): string {
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return `::ffff:${ipv4Text(groups[6]! * 65536 + groups[7]!)}`;
  }
  let bestStart = -1, bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  // Built in one loop: this runs once per IPv6 finding, and log dumps hold millions.
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += '::';
      i += bestLength - 1;
      continue;
    }
    if (i > 0 && i !== bestStart + bestLength) text += ':';
    text += groups[i]!.toString(16);
  }
  return text;
}
