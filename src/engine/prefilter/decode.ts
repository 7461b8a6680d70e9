// Decodes a field's bytes to a string for field detectors (names, addresses…), which run on most
// labelled cells of a dump. `TextDecoder.decode(bytes.subarray(s, e))` allocates a view and
// crosses into C++ per cell; ASCII (nearly every cell) takes a cheaper path with the same result.
// Anything else, including a leading BOM, still goes through TextDecoder, so the text is identical.

const decoder = new TextDecoder('utf-8');
type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;
/** Node's native one-byte decoder; the engine has no other Node dependency, so it is optional. */
const latin1Slice = (globalThis as { Buffer?: { prototype: { latin1Slice?: Latin1Slice } } }).Buffer?.prototype.latin1Slice
  ?? function (this: Uint8Array, start: number, end: number): string {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(this[i]!);
    return text;
  };
/** The UTF-8 text of bytes[start, end), exactly as `new TextDecoder().decode` returns it. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  // Even for short cells one native call beats building the string in JS, which allocates a
  // string per character (V8 copies concatenations shorter than 13 characters).
  return ascii ? latin1Slice.call(bytes, start, end) : decoder.decode(bytes.subarray(start, end));
}

const scratch = new Uint8Array(64);

/**
 * `prefix` + the digit values digits[from, to) as text ("+62" + "81234567890"), built as one flat
 * string: a string grown a character at a time is a rope that hashing must flatten again.
 */
export function digitsText(digits: ArrayLike<number>, from: number, to: number, prefix = ''): string {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) scratch[n++] = prefix.charCodeAt(i);
  for (let i = from; i < to; i++) scratch[n++] = 48 + digits[i]!;
  return latin1Slice.call(scratch, 0, n);
}
