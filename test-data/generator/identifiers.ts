// Synthetic Indonesian identifiers: valid ones (positives) and look-alikes that break exactly one
// rule (hard negatives). Each returns the normalized value the scanner must report (`value`) and
// the text as it appears in the dump (`text`). Rules follow /work/shared/DOMAIN.md.
import { pad2, type Random } from './random.js';
import { regionData, type District } from './regions.js';

export interface Shaped {
  readonly value: string;
  readonly text: string;
}

export const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysIn(month: number, year: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export interface Ymd { readonly year: number; readonly month: number; readonly day: number }

/** A real calendar date in [fromYear, toYear]; one in 400 is forced onto 29 February. */
export function randomDate(rng: Random, fromYear: number, toYear: number): Ymd {
  if (rng.chance(0.0025)) {
    const leaps = [];
    for (let y = fromYear; y <= toYear; y++) if (isLeapYear(y)) leaps.push(y);
    if (leaps.length > 0) return { year: rng.pick(leaps), month: 2, day: 29 };
  }
  const year = rng.range(fromYear, toYear);
  const month = rng.range(1, 12);
  return { year, month, day: rng.range(1, daysIn(month, year)) };
}

export function isoDate(d: Ymd): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** `PP RR DD DDMMYY SSSS`, with 40 added to the day for women. */
export function nik(rng: Random, district: District, birth: Ymd, female: boolean): string {
  const dd = pad2(birth.day + (female ? 40 : 0));
  return `${district.code}${dd}${pad2(birth.month)}${pad2(birth.year % 100)}${serial(rng)}`;
}

/** A KK: issuing district, issue date (no +40), family serial. Passes a NIK check on purpose. */
export function kk(rng: Random, district: District): string {
  const issued = randomDate(rng, 2005, 2024);
  return `${district.code}${pad2(issued.day)}${pad2(issued.month)}${pad2(issued.year % 100)}${serial(rng)}`;
}

function serial(rng: Random): string {
  return String(rng.range(1, 9999)).padStart(4, '0');
}

/** Any 16 digits with a valid NIK structure: what makes an order id in an order column hard. */
export function nikShaped(rng: Random): string {
  const d = randomDate(rng, 1950, 2020);
  return nik(rng, rng.pick(regionData().districts), d, rng.chance(0.5));
}

/**
 * True when a 16-digit string passes the NIK structure rule under either century, with any
 * known (current or historical) district code. Negatives must make this false.
 */
export function nikStructureValid(value: string): boolean {
  if (!/^\d{16}$/.test(value)) return false;
  if (!regionData().knownCodes.has(value.slice(0, 6))) return false;
  let day = Number(value.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > Math.max(daysIn(month, 1900 + yy), daysIn(month, 2000 + yy))) return false;
  return value.slice(12) !== '0000';
}

export type NikFlaw = 'invalid region' | 'invalid date' | 'serial 0000';

/** 16 digits that look like a NIK but break one rule. */
export function brokenNik(rng: Random, flaw: NikFlaw): string {
  const { districts, knownCodes, knownProvinces } = regionData();
  const birth = randomDate(rng, 1950, 2020);
  const date = `${pad2(birth.day)}${pad2(birth.month)}${pad2(birth.year % 100)}`;
  if (flaw === 'invalid region') {
    let region: string;
    do {
      region = rng.chance(0.5)
        ? `${rng.range(0, 99)}`.padStart(2, '0') + rng.digits(4)
        : rng.pick(districts).code.slice(0, 4) + pad2(rng.range(60, 99));
    } while (knownCodes.has(region) || (rng.chance(0.5) && knownProvinces.has(region.slice(0, 2))));
    return `${region}${date}${serial(rng)}`;
  }
  const region = rng.pick(districts).code;
  if (flaw === 'serial 0000') return `${region}${date}0000`;
  const yy = pad2(rng.pick([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 57, 63, 75, 87, 95]));
  const bad = rng.pick([
    `3102${yy}`, `3002${yy}`, `2902${yy}`, `7102${yy}`, `3104${yy}`, `3111${yy}`,
    `${pad2(rng.range(1, 28))}13${yy}`, `${pad2(rng.range(1, 28))}00${yy}`, `00${pad2(rng.range(1, 12))}${yy}`,
    `${pad2(rng.range(32, 40))}${pad2(rng.range(1, 12))}${yy}`, `${pad2(rng.range(72, 99))}${pad2(rng.range(1, 12))}${yy}`,
  ]);
  return `${region}${bad}${serial(rng)}`;
}

/** Luhn check digit for a digit string (the digit to append). */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

const NPWP_TYPES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '21', '24', '31', '47', '49', '54', '66', '72', '76', '82', '92', '93', '94', '95', '96', '97', '98', '99'];

/** Legacy 15-digit NPWP: 8 digits, Luhn check digit over the first 9, tax office, branch. */
export function npwpLegacy(rng: Random): string {
  const body = rng.pick(NPWP_TYPES) + rng.digits(6);
  const office = String(rng.range(1, 999)).padStart(3, '0');
  const branch = rng.chance(0.85) ? '000' : String(rng.range(1, 20)).padStart(3, '0');
  return `${body}${luhnCheckDigit(body)}${office}${branch}`;
}

export function formatNpwp(legacy: string): string {
  const d = legacy;
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12, 15)}`;
}

/** A 15-digit NPWP-looking number whose check digit is wrong. */
export function npwpBadCheck(rng: Random): string {
  const good = npwpLegacy(rng);
  const wrong = (Number(good[8]) + rng.range(1, 9)) % 10;
  return `${good.slice(0, 8)}${wrong}${good.slice(9)}`;
}

/** Mobile prefixes per operator (DOMAIN.md), without the trunk 0. */
const MOBILE_PREFIXES = [
  '811', '812', '813', '821', '822', '823', '851', '852', '853', '814', '815', '816', '855', '856', '857', '858',
  '817', '818', '819', '859', '877', '878', '895', '896', '897', '898', '899', '881', '882', '883', '884', '885',
  '886', '887', '888', '889', '831', '832', '833', '838',
];

/** A mobile's national significant number: prefix + 7–9 more digits (10–13 digits with the 0). */
export function mobileNsn(rng: Random): string {
  const rest = rng.pick([7, 8, 8, 8, 9, 9]);
  return rng.pick(MOBILE_PREFIXES) + rng.digits(rest);
}

/** Renders an NSN in one of the shapes found in leaks; the value is always E.164. */
export function shapePhone(rng: Random, nsn: string): Shaped {
  const a = nsn.slice(0, 3), b = nsn.slice(3, 7), c = nsn.slice(7);
  const shapes = [
    `0${nsn}`, `0${nsn}`, `+62${nsn}`, `62${nsn}`, `0${a}-${b}-${c}`, `0${a} ${b} ${c}`,
    `+62 ${a}-${b}-${c}`, `+62 ${a} ${b} ${c}`, `62-${a}-${b}-${c}`, `(0${a}) ${b}-${c}`, `+62-${a}-${b}${c}`,
  ];
  return { value: `+62${nsn}`, text: rng.pick(shapes) };
}

/** Phone-like numbers that are not Indonesian mobiles: landlines, toll-free, too long/short. */
export function notMobile(rng: Random): Shaped {
  switch (rng.int(4)) {
    case 0: { const n = `21${rng.range(2, 8)}${rng.digits(6)}`; return { value: `+62${n}`, text: `(021) ${n.slice(2, 6)}-${n.slice(6)}` }; }
    case 1: { const n = `800${rng.range(1, 9)}${rng.digits(6)}`; return { value: `+62${n}`, text: `0${n.slice(0, 3)}-${n.slice(3, 4)}-${n.slice(4, 7)}-${n.slice(7)}` }; }
    case 2: { const n = rng.pick(MOBILE_PREFIXES) + rng.digits(10); return { value: `+62${n}`, text: `0${n}` }; }
    default: { const n = rng.pick(MOBILE_PREFIXES) + rng.digits(3); return { value: `+62${n}`, text: `0${n}` }; }
  }
}

/** A Luhn-valid Visa or Mastercard number (16 digits). */
export function cardNumber(rng: Random): string {
  const prefix = rng.chance(0.55) ? '4' + rng.digits(5)
    : rng.chance(0.8) ? String(rng.range(51, 55)) + rng.digits(4) : String(rng.range(2221, 2720)) + rng.digits(2);
  const body = prefix + rng.digits(15 - prefix.length);
  return body + luhnCheckDigit(body);
}

/** A card-like number with a wrong check digit; also kept from passing as a NIK. */
export function cardBadLuhn(rng: Random): string {
  let out: string;
  do {
    const good = cardNumber(rng);
    out = good.slice(0, 15) + String((Number(good[15]) + rng.range(1, 9)) % 10);
  } while (nikStructureValid(out));
  return out;
}

export function shapeCard(rng: Random, digits: string): string {
  const g = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8, 12), digits.slice(12)];
  return rng.pick([digits, digits, g.join(' '), g.join('-')]);
}

/** BPJS Kesehatan card: 13 digits, usually with leading zeros. */
export function bpjs(rng: Random): string {
  // Never `08…`: a 13-digit BPJS number must not also read as a mobile.
  return rng.chance(0.8) ? `000${rng.digits(10)}` : `0${rng.range(1, 7)}${rng.digits(11)}`;
}

/** Epoch milliseconds (13 digits) around 2018–2025. */
export function epochMs(rng: Random): string {
  return String(1_514_764_800_000 + rng.int(252_460_800) * 1000 + rng.int(1000));
}

/** Epoch microseconds (16 digits) that are kept from passing as a NIK or a card number. */
export function epochUs(rng: Random): string {
  let out: string;
  do out = epochMs(rng) + rng.digits(3); while (nikStructureValid(out) || luhnValid(out));
  return out;
}

/** `20230115101112`: a compact timestamp (14 digits). */
export function compactTimestamp(rng: Random): string {
  const d = randomDate(rng, 2019, 2025);
  return `${d.year}${pad2(d.month)}${pad2(d.day)}${pad2(rng.int(24))}${pad2(rng.int(60))}${pad2(rng.int(60))}`;
}

/**
 * A 16-digit order / receipt number: half of them with a valid NIK structure, to be hard. Never
 * Luhn-valid, so none is also a plausible card number (51–53 are NIK provinces and MC prefixes).
 */
export function orderNumber16(rng: Random): string {
  let out: string;
  do out = rng.chance(0.5) ? nikShaped(rng) : String(rng.range(1, 9)) + rng.digits(15); while (luhnValid(out));
  return out;
}

/** A 16-digit number with no NIK structure and no personal meaning (a reference code). */
export function plainReference16(rng: Random): string {
  let out: string;
  do out = String(rng.range(1, 9)) + rng.digits(15); while (nikStructureValid(out) || luhnValid(out));
  return out;
}
