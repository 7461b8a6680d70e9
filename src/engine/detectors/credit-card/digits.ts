// Digit helpers shared by the number detectors (cards, NPWP, dates, IPv4): the Luhn check and the
// layout of digit groups. They read a token's digits and bytes in place and allocate nothing.
import { digitsText } from '../../prefilter/decode.js';
import type { Token } from '../../types.js';

/** Luhn (mod 10) check over digits[from, from + length): the last digit is the check digit. */
export function luhnValid(digits: ArrayLike<number>, from: number, length: number): boolean {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    let d = digits[from + length - 1 - i]!;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes digits[from, from + length) + check pass Luhn. */
export function luhnCheckDigit(digits: ArrayLike<number>, from: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    let d = digits[from + length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Writes the digit count of each group of a number token into `out` (as far as it reaches) and
 * returns the number of groups: "01.234.567.8-901.000" → [2, 3, 3, 1, 3, 3], 6.
 */
export function groupLengths(token: Token, out: Int32Array): number {
  const bytes = token.bytes;
  let groups = 0, run = 0;
  for (let i = token.start; i < token.end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      run++;
    } else if (run > 0) {
      if (groups < out.length) out[groups] = run;
      groups++;
      run = 0;
    }
  }
  if (run > 0) {
    if (groups < out.length) out[groups] = run;
    groups++;
  }
  return groups;
}

/** True when groups [0, n) have exactly the lengths in `shape`. */
export function hasShape(lengths: Int32Array, n: number, shape: readonly number[]): boolean {
  if (n !== shape.length) return false;
  for (let i = 0; i < n; i++) if (lengths[i] !== shape[i]) return false;
  return true;
}

/**
 * True when a number token sits inside an alphanumeric word such as a hex digest
 * ("…70d08652378439"): the prefilter lets one or two letters prefix a number (passport series),
 * so a digit before those letters means the digits are part of something longer.
 */
export function insideWord(token: Token): boolean {
  const bytes = token.bytes;
  let i = token.start - 1;
  while (i >= 0 && i >= token.start - 2 && ((bytes[i]! | 32) >= 97 && (bytes[i]! | 32) <= 122)) i--;
  if (i === token.start - 1 || i < 0) return false;
  const c = bytes[i]!;
  return c >= 48 && c <= 57;
}

/** The number made of digits[from, from + length). */
export function digitValue(digits: ArrayLike<number>, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) value = value * 10 + digits[i]!;
  return value;
}

/** TokenDetector.keyStart of a value that is all its token's digits (cards, KK, BPJS, accounts, NPWP). */
export const fromFirstDigit = (): number => 0;

/** `prefix` + digits[from, count) as a string (for `normalize`: runs once per finding). */
export function digitText(digits: ArrayLike<number>, count: number, from = 0, prefix = ''): string {
  return digitsText(digits, from, count, prefix);
}
