// The JSON tokenizer's byte-level helpers: byte classes for its dispatch, the bare words it takes
// for values, where strings, comments and numbers end, a byte-loop index for short documents and
// the bits that stand for containers past the depth cap.
export const WS = 1, OPEN_OBJ = 2, OPEN_ARR = 3, CLOSE = 4, COMMA = 5, COLON = 6, STRING = 7, NUMBER = 8, WORD = 9, PY_STRING = 10, COMMENT = 11;
const QUOTE = 34, BACKSLASH = 92;
export const CLASS = new Uint8Array(256);
for (const c of [32, 9, 10, 13]) CLASS[c] = WS;
CLASS[123] = OPEN_OBJ; CLASS[91] = OPEN_ARR; CLASS[125] = CLOSE; CLASS[93] = CLOSE;
CLASS[44] = COMMA; CLASS[58] = COLON; CLASS[QUOTE] = STRING; CLASS[39] = PY_STRING; CLASS[47] = COMMENT;
for (const c of '-0123456789') CLASS[c.charCodeAt(0)] = NUMBER;
for (let c = 97; c <= 122; c++) CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) CLASS[c] = WORD;
export const NUMBER_BYTE = new Uint8Array(256);
for (const c of '-+.eE0123456789') NUMBER_BYTE[c.charCodeAt(0)] = 1;

/** JSON's true/false/null, Python's True/False/None, and the NaN and Infinity its json module writes. */
const LITERALS = ['true', 'false', 'null', 'True', 'False', 'None', 'NaN', 'Infinity'].map((word) => Buffer.from(word));

export function isLiteral(buf: Buffer, start: number, end: number): boolean {
  const len = end - start;
  return LITERALS.some((word) => word.length === len && buf.compare(word, 0, len, start, end) === 0);
}

/** End of the string opened at `from` (the index of its closing quote), or -1 if not in buf. */
export function stringEnd(buf: Buffer, from: number, to: number): number {
  let j = from;
  for (;;) {
    const q = buf.indexOf(QUOTE, j);
    if (q < 0 || q >= to) return -1;
    let k = q - 1;
    while (k >= from && buf[k] === BACKSLASH) k--;
    if (((q - 1 - k) & 1) === 0) return q;
    j = q + 1;
  }
}

/**
 * StructuralIndex's answers by a byte loop, for documents embedded in a string: they are short,
 * and the SIMD kernel is shared, so an inner index made the outer one re-index 64 KB per string.
 */
export class ScalarIndex {
  private buf: Uint8Array = new Uint8Array(0);
  private to = 0;

  reset(buf: Uint8Array, to: number): void {
    this.buf = buf;
    this.to = to;
  }

  /** The first position >= i holding a quote, backslash or newline, or `to` when there is none. */
  next(i: number): number {
    const buf = this.buf;
    while (i < this.to && buf[i] !== QUOTE && buf[i] !== BACKSLASH && buf[i] !== 10) i++;
    return Math.min(i, this.to);
  }
}

/** Containers open past the stacked depth, one bit each (set for an object): a bit per input byte at worst. */
export class ContainerBits {
  private bits = new Uint8Array(8);
  size = 0;

  push(object: boolean): void {
    if (this.size >> 3 === this.bits.length) { const bits = new Uint8Array(this.bits.length * 2); bits.set(this.bits); this.bits = bits; }
    const at = this.size >> 3, bit = 1 << (this.size & 7);
    this.bits[at] = object ? this.bits[at]! | bit : this.bits[at]! & ~bit;
    this.size++;
  }

  /** Closes the innermost; whether the one now innermost is an object (false when none is left). */
  pop(): boolean {
    this.size--;
    const last = this.size - 1;
    return last >= 0 && (this.bits[last >> 3]! & (1 << (last & 7))) !== 0;
  }
}

/**
 * End of a Python repr string opened before `from`: its closing apostrophe, the line's end (even
 * after a backslash: it would join the next record to a broken one), or `to`.
 */
export function apostropheEnd(buf: Uint8Array, from: number, to: number): number {
  let q = from;
  while (q < to && buf[q] !== 39 && buf[q] !== 10) q += buf[q] === BACKSLASH && buf[q + 1] !== 10 ? 2 : 1;
  return Math.min(q, to);
}

/**
 * End of the comment (JSON5-ish exports: `// …` up to its line's end, `/* … *\/` past its close,
 * or its line's end in NDJSON, whose records are lines) at buf[i], i when no comment starts
 * there, -1 when more bytes are needed to tell.
 */
export function commentEnd(buf: Buffer, i: number, to: number, lines: boolean): number {
  if (i + 1 >= to) return -1;
  const nl = buf.indexOf(10, i + 2), lineEnd = nl < 0 || nl >= to ? -1 : nl;
  if (buf[i + 1] === 47) return lineEnd;
  if (buf[i + 1] !== 42) return i;
  const close = buf.indexOf('*/', i + 2), closeEnd = close < 0 || close + 2 > to ? -1 : close + 2;
  return lines && lineEnd >= 0 && (closeEnd < 0 || lineEnd < close) ? lineEnd : closeEnd;
}

/**
 * End of number bytes buf[start, end) without what holds no digit of an integer: a fraction of
 * zeros (Python writes a NIK held as a float as 3171014101900001.0), or the exponent of a float
 * whose fraction has as many digits as the exponent says (PHP's json_encode writes one as
 * 3.273015508850002e+15: its digits, with the dot the engine reads as a separator).
 */
export function integralEnd(buf: Uint8Array, start: number, end: number): number {
  const exponent = exponentAt(buf, start, end);
  if (exponent >= 0) return exponentMatchesFraction(buf, start, exponent, end) ? exponent : end;
  let k = end - 1;
  while (k > start && buf[k] === 48) k--;
  return k > start && k < end - 1 && buf[k] === 46 ? k : end;
}

function exponentAt(buf: Uint8Array, start: number, end: number): number {
  for (let k = start; k < end; k++) if ((buf[k]! | 32) === 101) return k;
  return -1;
}

/** Whether buf[start, e) is d.ddd…d with as many fraction digits as the exponent buf(e, end) says. */
function exponentMatchesFraction(buf: Uint8Array, start: number, e: number, end: number): boolean {
  const dot = buf.indexOf(46, start);
  if (dot < 0 || dot >= e) return false;
  let power = 0, k = e + 1;
  if (buf[k] === 43) k++;
  if (k >= end) return false;
  for (; k < end; k++) {
    const digit = buf[k]! - 48;
    if (digit < 0 || digit > 9) return false;
    power = power * 10 + digit;
  }
  return power === e - dot - 1 && power <= 24;
}
