// "Nama: Budi", "alamat=Jl. Merdeka 1": in free text, a label naming a field type, then its value
// on the same line. The engine hands each value to the field detectors of the label's types.
import type { LabelHints } from '../types.js';
import { hintsOfBytes } from './labels.js';

/** The longest value a bare (unquoted) label takes. */
const MAX_LABEL_VALUE = 200;

/** One labelled value. The object is reused from one label to the next: read it in the callback. */
export interface TextLabel {
  bytes: Uint8Array;
  hints: LabelHints;
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  valueEnd: number;
  /** Quoted (`alamat="Jl. X \"Gang\""`): the value may hold backslash escapes (unescapeQuoted). */
  quoted: boolean;
  /** One of a query string's or form body's `key=value&…` pairs: "+" and "%XX" escapes (decodeFormValue). */
  formEncoded: boolean;
}

/** Calls `visit` for each label in bytes[s, e) whose hints share a bit with `typeMask`. */
export function textLabels(bytes: Uint8Array, s: number, e: number, typeMask: number, visit: (label: TextLabel) => void): void {
  let label: TextLabel | null = null;
  for (let i = s; i < e; i++) {
    const c = bytes[i]!;
    if (c !== 58 && c !== 61) continue;
    let labelEnd = i;
    while (labelEnd > s && (bytes[labelEnd - 1] === 32 || bytes[labelEnd - 1] === 9)) labelEnd--;
    // A quoted key, as JSON written into a log line has it: {"nama":"Budi"}.
    if (labelEnd > s && (bytes[labelEnd - 1] === 34 || bytes[labelEnd - 1] === 39)) labelEnd--;
    const prev = labelEnd > s ? bytes[labelEnd - 1]! | 32 : 0;
    if (prev < 97 || prev > 122) continue; // labels end in a letter; timestamps and URLs' "://" do not
    let from = labelEnd;
    // The label is the words just before the separator: stop at the previous value's quote or separator.
    while (from > s && labelEnd - from < 32 && !isLabelStop(bytes[from - 1]!)) from--;
    const hints = hintsOfBytes(bytes, from, labelEnd);
    if (!(hints & typeMask)) continue;
    let v = i + 1;
    while (v < e && (bytes[v] === 32 || bytes[v] === 9)) v++;
    // A quoted value (`alamat="Jl. X \"Gang\" No. 5: Blok A"`, as logfmt writes it) is what the
    // quotes hold, separators and escaped quotes included; a bare one ends before the next label.
    const close = closingQuote(bytes, v, e);
    let stop = close;
    if (close < 0) {
      stop = v;
      // A label inside a quoted string (`"msg":"login password=x ok"`) ends with it.
      const inQuotes = insideQuotes(bytes, s, from);
      while (stop < e && stop - v < MAX_LABEL_VALUE && !isValueEnd(bytes[stop]!) && !(inQuotes && bytes[stop] === 34)) stop++;
      stop = cutAtNextLabel(bytes, v, stop);
    }
    label ??= { bytes, hints: 0, labelStart: 0, labelEnd: 0, valueStart: 0, valueEnd: 0, quoted: false, formEncoded: false };
    label.hints = hints;
    label.labelStart = from;
    label.labelEnd = labelEnd;
    label.valueStart = close < 0 ? v : v + 1;
    label.valueEnd = stop;
    label.quoted = close >= 0;
    label.formEncoded = close < 0 && ((from > s && (bytes[from - 1] === 38 || bytes[from - 1] === 63)) || bytes[stop] === 38);
    visit(label);
    i = stop;
  }
}

/** Bytes a text label never crosses: line end, quotes, separators of the previous "key=value". */
function isLabelStop(c: number): boolean {
  return c === 10 || c === 44 || c === 34 || c === 39 || c === 58 || c === 61 || c === 59 || c === 124 || c === 9 || c === 38 || c === 63;
}

/** Whether bytes[at] sits after an odd number of double quotes on its line (looking back at most 1 KB). */
function insideQuotes(bytes: Uint8Array, s: number, at: number): boolean {
  let quotes = 0;
  for (let j = at - 1; j >= s && j >= at - 1024 && bytes[j] !== 10; j--) if (bytes[j] === 34 && bytes[j - 1] !== 92) quotes++;
  return (quotes & 1) === 1;
}

function isValueEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 9 || c === 124 || c === 59;
}

/** Where the quoted value opening at `at` closes on its line (skipping backslash escapes), or -1. */
function closingQuote(bytes: Uint8Array, at: number, end: number): number {
  const quote = bytes[at];
  if (quote !== 34 && quote !== 39) return -1;
  const limit = Math.min(end, at + 2 * MAX_LABEL_VALUE);
  for (let j = at + 1; j < limit; j++) {
    const c = bytes[j]!;
    if (c === quote) return j;
    if (c === 10) return -1;
    if (c === 92) j++;
  }
  return -1;
}

/** Backslash escapes inside a quoted text value: `\"` is a quote, `\\` a backslash. */
export function unescapeQuoted(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\(["'\\])/g, '$1') : raw;
}

/** A form-encoded value as it was typed: "Budi+Santoso" is "Budi Santoso", "%40" an "@". */
export function decodeFormValue(raw: string): string {
  const spaced = raw.replaceAll('+', ' ');
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray "%" that starts no escape: keep the text as it is
  }
}

/** "Nama: Budi Alamat: Jl. X" — the value of "Nama" ends before the next label's word. */
function cutAtNextLabel(bytes: Uint8Array, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    if (bytes[j] !== 58 && bytes[j] !== 61) continue;
    let w = j;
    while (w > from && bytes[w - 1] !== 32 && bytes[w - 1] !== 44 && bytes[w - 1] !== 38) w--;
    if (w > from && bytes[w - 1] === 38) return w - 1; // "nama=Budi+Santoso&alamat=…"
    while (w > from && (bytes[w - 1] === 32 || bytes[w - 1] === 44)) w--;
    return w;
  }
  return to;
}
