// The prefilter: one pass over a field's bytes that finds candidate spans for every detector at
// once — number runs (with the separators people type inside phone, NPWP and card numbers),
// e-mail addresses around '@', and IPv6-looking runs around ':'. Candidates may be false positives
// but are never false negatives; detectors confirm them. Allocates nothing per byte or per token.
// The same pass notes whether the field holds the bytes that free-text readers start from, so
// that fields without them skip those readers' own passes.
import { SEP_DASH, SEP_DOT, SEP_PAREN, SEP_SLASH, SEP_SPACE, type Token, type TokenKind } from '../types.js';

const DIGIT = 1, LETTER = 2, SEPARATOR = 3, AT = 4, COLON = 5, LOCAL_PUNCT = 6, EQUALS = 7;
const byteClass = new Uint8Array(256);
for (let c = 48; c <= 57; c++) byteClass[c] = DIGIT;
for (let c = 65; c <= 90; c++) byteClass[c] = LETTER;
for (let c = 97; c <= 122; c++) byteClass[c] = LETTER;
for (const c of ' -./()') byteClass[c.charCodeAt(0)] = SEPARATOR;
byteClass[64] = AT;
byteClass[58] = COLON;
byteClass[61] = EQUALS;
for (const c of '_%+') byteClass[c.charCodeAt(0)] = LOCAL_PUNCT;

const separatorBit = new Uint8Array(256);
separatorBit[32] = SEP_SPACE;
separatorBit[45] = SEP_DASH;
separatorBit[46] = SEP_DOT;
separatorBit[47] = SEP_SLASH;
separatorBit[40] = SEP_PAREN;
separatorBit[41] = SEP_PAREN;

/** Digits beyond this are not kept: no detector wants a longer number. */
export const MAX_TOKEN_DIGITS = 24;
/** Space-joined groups are split once the number would grow past the longest identifier (cards: 19). */
const MAX_JOINED_DIGITS = 19;
/** The shortest digit group no one types before a space inside one number. */
const LONGEST_TYPED_GROUP = 7;

/** scanTokens' result: the field holds ':' or '=' (a "label: value" may follow). */
export const MARK_LABEL_SEPARATOR = 1;
/**
 * scanTokens' result: the field holds a word shaped like "saya" or "my" (4 letters with a 'y' third,
 * or 2 with a 'y' second), the cues of a self-introduction ("saya Adi Hidayat", "my name is …").
 */
export const MARK_INTRODUCTION = 2;
/**
 * scanTokens' result: the field holds a word shaped like "lahir", "kelahiran", "born" or "dob"
 * (l…r, k…n, b…n, d…b), the cues of a birth date written out ("lahir 12 Maret 1985").
 */
export const MARK_BIRTH = 4;
/** What a field is assumed to hold when the prefilter did not read it. */
export const ALL_MARKS = MARK_LABEL_SEPARATOR | MARK_INTRODUCTION | MARK_BIRTH;

const wordByte = new Uint8Array(256);
for (let c = 0; c < 256; c++) wordByte[c] = byteClass[c] === DIGIT || byteClass[c] === LETTER ? 1 : 0;
const isWordByte = (c: number) => wordByte[c] === 1;
const isHex = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
const isLocalPart = (c: number) => isWordByte(c) || c === 46 || c === 45 || byteClass[c] === LOCAL_PUNCT;
const isDomainByte = (c: number) => isWordByte(c) || c === 46 || c === 45;

class ScanToken implements Token {
  kind: TokenKind = 'number';
  bytes = new Uint8Array(0);
  start = 0;
  end = 0;
  readonly digits = new Uint8Array(MAX_TOKEN_DIGITS);
  digitCount = 0;
  groups = 0;
  longestGroup = 0;
  separators = 0;
  plus = false;
}

export function createToken(): Token {
  return new ScanToken();
}

export type TokenCallback = (token: Token) => void;

/**
 * Finds every candidate in bytes[start, end) and hands each to `onToken` (the same object each
 * time). Without `numbers`, digit runs are skipped: e-mail and IPv6 candidates only. Returns the
 * field's marks (MARK_*); a mark may be set when its bytes are absent, never the reverse.
 */
export function scanTokens(bytes: Uint8Array, start: number, end: number, token: Token, onToken: TokenCallback, numbers = true): number {
  token.bytes = bytes;
  let i = start, marks = 0;
  while (i < end) {
    const cls = byteClass[bytes[i]!]!;
    if (cls === DIGIT) {
      if (numbers) i = scanNumber(bytes, start, i, end, token, onToken);
      else while (i < end && byteClass[bytes[i]!] === DIGIT) i++;
    } else if (cls === AT) {
      // The domain is skipped unread: its words may be cues.
      marks |= MARK_INTRODUCTION;
      i = scanEmail(bytes, start, i, end, token, onToken);
    } else if (cls === COLON) {
      marks |= MARK_LABEL_SEPARATOR;
      i = scanIpv6(bytes, start, i, end, token, onToken);
    } else if (cls === LETTER) {
      // Skip a word in one go: digits glued to a word (hex, base64, "abc123") are not numbers, but one
      // or two letters may prefix one ("B1234567" is a passport number), so those digits are scanned.
      const wordStart = i;
      while (i < end && byteClass[bytes[i]!] === LETTER) i++;
      marks |= cueMark(bytes, wordStart, i);
      if (i - wordStart > 2 || i >= end || byteClass[bytes[i]!] !== DIGIT) {
        // The rest of the word: digit runs, each followed by letters ("Win64", "a1b2saya").
        while (i < end && byteClass[bytes[i]!] === DIGIT) {
          while (i < end && byteClass[bytes[i]!] === DIGIT) i++;
          const letters = i;
          while (i < end && byteClass[bytes[i]!] === LETTER) i++;
          marks |= cueMark(bytes, letters, i);
        }
      }
    } else if (cls === LOCAL_PUNCT && bytes[i] === 37 && i + 2 < end && bytes[i + 1] === 52 && bytes[i + 2] === 48) {
      // "%40": an '@' as a URL's query string writes it (?email=budi%40mail.co.id in an access log).
      marks |= MARK_INTRODUCTION;
      i = scanEmail(bytes, start, i, end, token, onToken);
    } else {
      if (cls === EQUALS) marks |= MARK_LABEL_SEPARATOR;
      i++;
    }
  }
  return marks;
}

/** The mark of a cue-shaped word bytes[from, to) ("saya", "my"; "lahir", "born"…), else 0. */
function cueMark(bytes: Uint8Array, from: number, to: number): number {
  // By length first: most words are of no cue's length, and a switch on it is one jump.
  switch (to - from) {
    case 2: return (bytes[to - 1]! | 32) === 121 ? MARK_INTRODUCTION : 0; // my
    case 3: return (bytes[from]! | 32) === 100 && (bytes[to - 1]! | 32) === 98 ? MARK_BIRTH : 0; // dob
    case 4: // saya, born
      if ((bytes[to - 2]! | 32) === 121) return MARK_INTRODUCTION;
      return (bytes[from]! | 32) === 98 && (bytes[to - 1]! | 32) === 110 ? MARK_BIRTH : 0;
    case 5: return (bytes[from]! | 32) === 108 && (bytes[to - 1]! | 32) === 114 ? MARK_BIRTH : 0; // lahir
    case 9: return (bytes[from]! | 32) === 107 && (bytes[to - 1]! | 32) === 110 ? MARK_BIRTH : 0; // kelahiran
    default: return 0;
  }
}

/** Reads a number token starting at the digit at `first`; returns where scanning resumes. */
function scanNumber(bytes: Uint8Array, fieldStart: number, first: number, end: number, token: Token, onToken: TokenCallback): number {
  // Fast path: a run of fewer than 4 digits not joined to more digits is nobody's candidate.
  let run = first + 1;
  while (run < end && run - first < 4 && byteClass[bytes[run]!] === DIGIT) run++;
  if (run - first < 4 && (run >= end || (separatorBit[bytes[run]!] === 0 && bytes[run] !== 64 && !isLocalPart(bytes[run]!)))) return run;
  let begin = first;
  const before = first > fieldStart ? bytes[first - 1]! : 32;
  token.plus = before === 43;
  if (before === 43 || before === 40) begin = first - 1;
  else if ((before | 32) === 98 && isEncodedPlus(bytes, fieldStart, first)) {
    token.plus = true;
    begin = first - 3;
  }

  let i = first, digitCount = 0, groups = 1, longestGroup = 0, separators = 0;
  let lastGroupStart = first, endBeforeLastGroup = first, digitsBeforeLastGroup = 0, lastJoinWasSpace = false;
  const digits = token.digits;
  for (;;) {
    // A group of digits, in a loop that does nothing else per digit.
    const groupStart = i;
    while (i < end) {
      const value = bytes[i]! - 48;
      if (value < 0 || value > 9) break;
      if (digitCount < MAX_TOKEN_DIGITS) digits[digitCount] = value;
      digitCount++;
      i++;
    }
    if (i - groupStart > longestGroup) longestGroup = i - groupStart;
    if (lastJoinWasSpace && digitCount > MAX_JOINED_DIGITS) {
      // Two numbers side by side ("3171… 0812…"): end the first before the space, rescan the second.
      emitNumber(token, bytes, begin, endBeforeLastGroup, digitsBeforeLastGroup, groups - 1, separators, onToken);
      return lastGroupStart;
    }
    // Up to two separator bytes may join digit groups: "0812-3456", "(021) 555", "+62 812".
    if (i + 1 >= end) break;
    const sep1 = separatorBit[bytes[i]!]!;
    if (sep1 === 0) break;
    const next = bytes[i + 1]!;
    let skip = 1, sep = sep1;
    if (!(next >= 48 && next <= 57)) {
      const sep2 = separatorBit[next]!;
      if (sep2 === 0 || sep2 === sep1 || i + 2 >= end) break;
      const after = bytes[i + 2]!;
      if (!(after >= 48 && after <= 57)) break;
      skip = 2;
      sep |= sep2;
    }
    // People group digits by 2 to 6: after a group of 7 or more, a space ends the number
    // ("081234567890 200" in an access log, "NIK 3171014507900003 12 tahun").
    if (sep & SEP_SPACE && i - groupStart >= LONGEST_TYPED_GROUP) break;
    separators |= sep;
    lastJoinWasSpace = (sep & SEP_SPACE) !== 0;
    digitsBeforeLastGroup = digitCount;
    endBeforeLastGroup = i;
    groups++;
    i += skip;
    lastGroupStart = i;
  }
  // Each group ends where its digits do, so the number ends at i.
  const lastDigitEnd = i;
  // Digits glued to letters ("A1234567" is left to the passport detector's look-back) or to a word
  // after them ("123abc") are not numbers; a number followed by "@" belongs to an e-mail address.
  const after = lastDigitEnd < end ? bytes[lastDigitEnd]! : 32;
  const glued = (first > fieldStart && byteClass[before] === LETTER && isGluedWord(bytes, fieldStart, first)) || byteClass[after] === LETTER;
  if (!glued && !continuesIntoEmail(bytes, lastDigitEnd, end)) {
    emitNumber(token, bytes, begin, lastDigitEnd, digitCount, groups, separators, onToken, longestGroup);
  }
  return lastDigitEnd;
}

/** "%2B" just before `first`: a '+' as a URL's query string writes it (?hp=%2B6281234567890). */
function isEncodedPlus(bytes: Uint8Array, fieldStart: number, first: number): boolean {
  return first - 3 >= fieldStart && bytes[first - 3] === 37 && bytes[first - 2] === 50 && (bytes[first - 1]! | 32) === 98;
}

/** A letter before a number only blocks it when part of a word of 3+ letters: "B1234567" is a passport. */
function isGluedWord(bytes: Uint8Array, fieldStart: number, first: number): boolean {
  let letters = 0;
  for (let j = first - 1; j >= fieldStart && byteClass[bytes[j]!] === LETTER; j--) if (++letters > 2) return true;
  return false;
}

function continuesIntoEmail(bytes: Uint8Array, from: number, end: number): boolean {
  for (let j = from; j < end && j < from + 64; j++) {
    const c = bytes[j]!;
    if (c === 64) return true;
    if (!isLocalPart(c)) return false;
  }
  return false;
}

function emitNumber(
  token: Token, bytes: Uint8Array, start: number, end: number, digitCount: number, groups: number,
  separators: number, onToken: TokenCallback, longestGroup = -1,
): void {
  token.kind = 'number';
  token.start = start;
  token.end = end;
  token.digitCount = digitCount;
  token.groups = groups;
  token.separators = separators;
  if (longestGroup < 0) longestGroup = longestGroupOf(bytes, start, end);
  token.longestGroup = longestGroup;
  // A number starts at its digits, or at the "+", "%2B" or "(" before them.
  token.plus = start < end && (bytes[start] === 43 || bytes[start] === 37);
  onToken(token);
}

function longestGroupOf(bytes: Uint8Array, start: number, end: number): number {
  let longest = 0, run = 0;
  for (let j = start; j < end; j++) {
    const c = bytes[j]!;
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** An e-mail candidate around the '@' at `at`: local part to the left, domain with a dot to the right. */
function scanEmail(bytes: Uint8Array, fieldStart: number, at: number, end: number, token: Token, onToken: TokenCallback): number {
  let left = at;
  while (left > fieldStart && at - left < 64 && isLocalPart(bytes[left - 1]!)) left--;
  while (left < at && (bytes[left] === 46 || bytes[left] === 45)) left++;
  let right = at + 1, lastDot = -1;
  while (right < end && right - at < 254 && isDomainByte(bytes[right]!)) {
    if (bytes[right] === 46) lastDot = right;
    right++;
  }
  // A sentence's full stop or a dash after the address is not part of it.
  while (right > at + 1 && (bytes[right - 1] === 46 || bytes[right - 1] === 45)) right--;
  while (lastDot >= right) lastDot = bytes.lastIndexOf(46, lastDot - 1);
  if (left < at && lastDot > at + 1 && lastDot < right - 2) {
    token.kind = 'email';
    token.start = left;
    token.end = right;
    token.digitCount = 0;
    onToken(token);
  }
  return Math.max(right, at + 1);
}

/** An IPv6 candidate: a run of hex digits and at least two colons (the detector validates it). */
function scanIpv6(bytes: Uint8Array, fieldStart: number, colon: number, end: number, token: Token, onToken: TokenCallback): number {
  let left = colon;
  while (left > fieldStart && colon - left < 40 && (isHex(bytes[left - 1]!) || bytes[left - 1] === 58)) left--;
  let right = colon + 1, colons = 0;
  for (let j = left; j < colon; j++) if (bytes[j] === 58) colons++;
  while (right < end && right - left < 45 && (isHex(bytes[right]!) || bytes[right] === 58 || bytes[right] === 46)) right++;
  for (let j = colon; j < right; j++) if (bytes[j] === 58) colons++;
  const glued = (left > fieldStart && isWordByte(bytes[left - 1]!)) || (right < end && isWordByte(bytes[right]!));
  if (colons >= 2 && right - left >= 3 && !glued) {
    token.kind = 'ipv6';
    token.start = left;
    token.end = right;
    token.digitCount = 0;
    onToken(token);
    return right;
  }
  return colon + 1;
}
