// Reads the numbers of a post and decides what each one measures: a record count, a size in bytes,
// a price, or nothing (a year, a phone number, a salary). See quantity-words.ts for the vocabulary.
import type { Price } from '../facts.js';
import { glued, type Token } from './tokens.js';
import {
  ADJACENT_PRICE_WORDS, BYTE_UNITS, CRYPTO, CURRENCY_WORDS, GLUED_ONLY_MAGNITUDES, MAGNITUDES,
  MONEY_ABBREVIATIONS, NOT_TOTAL_WORDS, OTHER_MONEY_WORDS, PER_ONE_WORDS, PRICE_UNITS, PRICE_WORDS,
  RECORD_NOUNS,
} from './quantity-words.js';

const MIN_RECORD_COUNT = 10;

export interface Quantities {
  recordCount: number | null;
  bytes: number | null;
  price: Price | null;
}

/**
 * Parses "1.500.000", "1,3", "5,000", "0.35" as written in Indonesian or English. One separator
 * followed by exactly three digits is a thousands separator ("Rp5.000", "$5,000") unless the
 * integer part is 0 or the amount is crypto ("1.250 BTC" is 1.25 in English-speaking markets).
 */
export function parseNumber(raw: string, decimalBias = false): number {
  const seps = raw.match(/[.,]/g) ?? [];
  if (seps.length === 0) return Number(raw);
  if (seps.length > 1) {
    if (seps.every((s) => s === seps[0])) return Number(raw.replace(/[.,]/g, ''));
    const last = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
    return Number(`${raw.slice(0, last).replace(/[.,]/g, '')}.${raw.slice(last + 1)}`);
  }
  const [intPart = '', frac = ''] = raw.split(/[.,]/);
  if (frac.length === 3 && intPart !== '0' && !decimalBias) return Number(intPart + frac);
  return Number(`${intPart}.${frac}`);
}

/** Reads a number token's role from its neighbours. Returns null for numbers that are not quantities. */
function readMention(tokens: readonly Token[], i: number): Mention | null {
  const num = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const digits = num.text.replace(/[.,]/g, '');
  // Phone numbers, NIKs, account numbers, zero-padded codes: identifiers, not quantities.
  if (digits.length >= 10 || (/^0\d/.test(num.text))) return null;
  // Parts of dates, ranges and compound ids: "05-12-1990", "4/64", "2020-2024", "3x24".
  if (prev && prev.kind === 'sym' && '-/:'.includes(prev.text) && glued(prev, num) && tokens[i - 2]?.kind === 'num' && glued(tokens[i - 2], prev)) return null;
  if (next && glued(num, next) && ((next.kind === 'sym' && '-/:'.includes(next.text)) || next.text === 'x') && tokens[i + 2]?.kind === 'num' && glued(next, tokens[i + 2])) return null;
  if (next?.text === '%') return null;

  let j = i + 1;
  let magnitude: string | null = null;
  const m = tokens[j];
  if (m?.kind === 'word' && MAGNITUDES.has(m.text) && (!GLUED_ONLY_MAGNITUDES.has(m.text) || glued(num, m))) {
    magnitude = m.text;
    j++;
  }
  let byteUnit: number | null = null;
  const u = tokens[j];
  if (u?.kind === 'word' && BYTE_UNITS.has(u.text)) { byteUnit = BYTE_UNITS.get(u.text)!; j++; }

  let currency: string | null = null;
  if (prev?.kind === 'sym' && (prev.text === '$' || prev.text === '€')) currency = prev.text === '$' ? 'USD' : 'EUR';
  else if (prev?.kind === 'word' && CURRENCY_WORDS.has(prev.text) && prev.text !== 'btc') currency = CURRENCY_WORDS.get(prev.text)!;
  const after = tokens[j];
  if (!currency && after && (after.kind === 'word' && CURRENCY_WORDS.has(after.text))) { currency = CURRENCY_WORDS.get(after.text)!; j++; }
  else if (!currency && after?.kind === 'sym' && after.text === '$' && glued(tokens[j - 1], after)) { currency = 'USD'; j++; }

  const value = parseNumber(num.text, currency !== null && CRYPTO.has(currency)) * (magnitude ? MAGNITUDES.get(magnitude)! : 1);
  if (!Number.isFinite(value) || value <= 0) return null;
  return {
    index: i, value, magnitude, byteUnit, currency,
    afterIndex: j,
    nounAfter: nounWithin(tokens, j, 3),
    nounBefore: nounBefore(tokens, i),
    priceWordBefore: priceWordBefore(tokens, i),
    strongPriceWordBefore: wordBefore(tokens, i, 3, PRICE_WORDS),
    otherMoneyBefore: wordBefore(tokens, i, 3, OTHER_MONEY_WORDS),
    notTotal: wordBefore(tokens, i, 3, NOT_TOTAL_WORDS),
    perRecord: perRecordAfter(tokens, j) || perRecordBefore(tokens, i, currency),
  };
}

interface Mention {
  index: number; value: number; magnitude: string | null; byteUnit: number | null; currency: string | null;
  afterIndex: number; nounAfter: boolean; nounBefore: boolean; priceWordBefore: boolean; strongPriceWordBefore: boolean;
  otherMoneyBefore: boolean; notTotal: boolean; perRecord: boolean;
}

function nounWithin(tokens: readonly Token[], from: number, words: number): boolean {
  for (let k = from, seen = 0; k < tokens.length && seen < words; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (RECORD_NOUNS.has(t.text)) return true;
    seen++;
  }
  return false;
}

/** "data nasabah pegadaian 15rb": a noun just before, in the same clause, with no price word. */
function nounBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    // "1k akun 350rb": that noun already belongs to the number before it.
    if (RECORD_NOUNS.has(t.text)) return !countedBefore(tokens, k);
  }
  return false;
}

/** True when a number (with or without a magnitude, "1k") stands right before token k. */
function countedBefore(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k - 1];
  if (a?.kind === 'num') return true;
  return a?.kind === 'word' && MAGNITUDES.has(a.text) && tokens[k - 2]?.kind === 'num';
}

function wordBefore(tokens: readonly Token[], i: number, window: number, words: ReadonlySet<string>): boolean {
  for (let k = i - 1, seen = 0; k >= 0 && seen < window; k--) {
    const t = tokens[k]!;
    if (t.kind === 'num') return false;
    if (t.kind === 'sym') { if ('.!?\n'.includes(t.text)) return false; continue; }
    if (words.has(t.text)) return true;
    seen++;
  }
  return false;
}

function priceWordBefore(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.kind === 'word' && ADJACENT_PRICE_WORDS.has(prev.text)) return true;
  return wordBefore(tokens, i, 3, PRICE_WORDS);
}

function perRecordAfter(tokens: readonly Token[], j: number): boolean {
  const a = tokens[j];
  const b = tokens[j + 1];
  if (!a) return false;
  if (a.kind === 'word' && PER_ONE_WORDS.has(a.text)) return true;
  if ((a.text === 'per' || a.text === '/') && b?.kind === 'word' && PRICE_UNITS.has(b.text)) return true;
  return false;
}

/** "1 paket 25rb", "satu foto 5rb", "per data 10rb": the unit is named before the price. */
function perRecordBefore(tokens: readonly Token[], i: number, currency: string | null): boolean {
  const unit = tokens[i - 1];
  const one = tokens[i - 2];
  if (currency) return false;
  return unit?.kind === 'word' && PRICE_UNITS.has(unit.text) && (one?.text === '1' || one?.text === 'satu' || one?.text === 'per');
}

/** Finds record count, size and price in a tokenized post. */
export function extractQuantities(tokens: readonly Token[]): Quantities {
  let recordCount: number | null = null;
  let bytes: number | null = null;
  let price: Price | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'num') continue;
    const m = readMention(tokens, i);
    if (!m) continue;
    if (m.byteUnit !== null) {
      const size = Math.round(m.value * m.byteUnit);
      if (bytes === null || size > bytes) bytes = size;
      continue;
    }
    const unitMagnitude = m.magnitude ? MAGNITUDES.get(m.magnitude)! : 1;
    // "dijual 279 juta data penduduk": a noun after the number outweighs a bare "jual" before it.
    const isRecords = !m.currency && !m.perRecord && !m.otherMoneyBefore &&
      ((m.nounAfter && !m.strongPriceWordBefore) || (!m.priceWordBefore &&
        ((m.nounBefore && m.magnitude !== null && m.magnitude !== 'jt') || (unitMagnitude >= 1e6 && m.magnitude !== 'jt'))));
    if (isRecords) {
      // Below ten is a detail ("1 nasabah", "beda2 orang"), not the size of a data set.
      if (!m.notTotal && m.value >= MIN_RECORD_COUNT && (recordCount === null || m.value > recordCount)) recordCount = Math.round(m.value);
      continue;
    }
    if (m.otherMoneyBefore && !m.priceWordBefore) continue;
    // "sampel 500rb gratis": a sample size, not a price.
    if (m.notTotal && !m.currency && !m.priceWordBefore && !m.perRecord) continue;
    const isPrice = m.currency !== null || m.priceWordBefore || m.perRecord ||
      (m.magnitude !== null && MONEY_ABBREVIATIONS.has(m.magnitude) && !m.nounAfter);
    if (isPrice && price === null) {
      price = { amount: roundAmount(m.value), currency: m.currency ?? 'IDR', per: m.perRecord ? 'record' : 'total' };
    }
  }
  return { recordCount, bytes, price };
}

/** Keeps crypto fractions ("0.35 BTC") exact while dropping float noise ("2.15e9"). */
function roundAmount(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(12));
}
