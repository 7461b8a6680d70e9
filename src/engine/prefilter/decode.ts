// Decodes a field's bytes to a string for field detectors (names, addresses…), which run on most
// labelled cells of a dump. `TextDecoder.decode(bytes.subarray(s, e))` allocates a view and
// crosses into C++ per cell; ASCII (nearly every cell) takes a cheaper path with the same result.
// Anything else, including a leading BOM, still goes through TextDecoder, so the text is identical.

const decoder = new TextDecoder('utf-8');
const latin1Slice = Buffer.prototype.latin1Slice as (this: Uint8Array, start: number, end: number) => string;
/** Below this length, building the string in JS beats a native call. */
const SHORT = 16;

/** The UTF-8 text of bytes[start, end), exactly as `new TextDecoder().decode` returns it. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return decoder.decode(bytes.subarray(start, end));
  if (end - start > SHORT) return latin1Slice.call(bytes, start, end);
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}
