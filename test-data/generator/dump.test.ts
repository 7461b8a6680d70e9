// Self-consistency of the generator: every format is written deterministically, gzip holds the
// same bytes, and the ground truth is right by rules checked here independently of the generator
// (region list read straight from idn-area-data, libphonenumber-js for phones).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDump } from './dump.js';
import type { GroundTruth } from './truth.js';
import { FORMATS } from './writers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-testdata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function districtCodes(pkg: string): Set<string> {
  const file = join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'data', 'districts.csv');
  return new Set(readFileSync(file, 'utf8').split('\n').slice(1).map((l) => (l.split(',')[0] ?? '').replace(/\./g, '')).filter(Boolean));
}
const current = districtCodes('idn-area-data');
const anyVersion = new Set([...current, ...districtCodes('idn-area-data-v3'), ...districtCodes('idn-area-data-v2')]);

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const realDate = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** The NIK date under the as-of pivot (2025-12-31: YY ≤ 25 is 20YY), or null when not real. */
function nikBirth(v: string): { y: number; m: number; d: number } | null {
  const dd = Number(v.slice(6, 8)), m = Number(v.slice(8, 10)), yy = Number(v.slice(10, 12));
  const d = dd > 40 ? dd - 40 : dd, y = yy <= 25 ? 2000 + yy : 1900 + yy;
  return realDate(y, m, d) ? { y, m, d } : null;
}
const dateInAnyCentury = (v: string): boolean => {
  const dd = Number(v.slice(6, 8)), d = dd > 40 ? dd - 40 : dd, m = Number(v.slice(8, 10)), yy = Number(v.slice(10, 12));
  return realDate(1900 + yy, m, d) || realDate(2000 + yy, m, d);
};
const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
};
const isMobile = (v: string): boolean => {
  const p = parsePhoneNumberFromString(v, 'ID');
  return !!p && p.isValid() && p.country === 'ID' && p.getType() === 'MOBILE';
};

const truths = new Map<string, GroundTruth>();
async function dump(format: (typeof FORMATS)[number], gzip = false, seed = 7): Promise<{ text: string; truth: GroundTruth }> {
  const path = join(dir, `s${seed}-${format}${gzip ? '.gz' : ''}`);
  const { truth } = await generateDump({ format, rows: 120, seed, path, gzip });
  truths.set(`${format}${gzip ? '.gz' : ''}:${seed}`, truth);
  const bytes = readFileSync(path);
  return { text: (gzip ? gunzipSync(bytes) : bytes).toString('utf8'), truth };
}

describe.each(FORMATS)('generateDump %s', (format) => {
  it('is deterministic per seed, gzip holds the same bytes, and another seed differs', async () => {
    const a = await dump(format), b = await dump(format), gz = await dump(format, true), other = await dump(format, false, 8);
    expect(b.text).toBe(a.text);
    expect(b.truth).toEqual(a.truth);
    expect(gz.text).toBe(a.text);
    expect(other.text).not.toBe(a.text);
    expect(a.truth.records).toBe(120);
  });

  it('writes every NIK, KK, BPJS and e-mail positive into the file', async () => {
    const { text, truth } = await dump(format);
    const lower = text.toLowerCase();
    for (const type of ['NIK', 'KK', 'BPJS', 'EMAIL'] as const) {
      const values = truth.positives[type] ?? [];
      expect(values.length).toBeGreaterThan(20);
      for (const v of values) expect(lower.includes(v), `${type} ${v}`).toBe(true);
    }
  });

  it('has NIK and KK positives that decode to a real date and a current district', async () => {
    const { truth } = await dump(format);
    const niks = new Set(truth.positives.NIK);
    for (const v of [...(truth.positives.NIK ?? []), ...(truth.positives.KK ?? [])]) {
      expect(v).toMatch(/^\d{16}$/);
      expect(current.has(v.slice(0, 6)), v).toBe(true);
      expect(nikBirth(v), v).not.toBeNull();
      expect(v.slice(12)).not.toBe('0000');
    }
    for (const kk of truth.positives.KK ?? []) expect(niks.has(kk)).toBe(false);
  });

  it('has NIK negatives that really break the rule they are planted for', async () => {
    const { truth } = await dump(format);
    const kks = new Set(truth.positives.KK);
    for (const [v, reason] of Object.entries(truth.negatives.NIK ?? {})) {
      expect(v).toMatch(/^\d{16}$/);
      const structureValid = anyVersion.has(v.slice(0, 6)) && dateInAnyCentury(v) && !v.endsWith('0000');
      if (reason.includes('invalid region')) expect(anyVersion.has(v.slice(0, 6)), v).toBe(false);
      else if (reason.includes('invalid date')) expect(dateInAnyCentury(v), v).toBe(false);
      else if (reason.includes('serial 0000')) expect(v.endsWith('0000')).toBe(true);
      else if (reason.startsWith('KK')) expect(kks.has(v)).toBe(true);
      else if (/order|resi|invoice/.test(reason)) expect(luhn(v), v).toBe(false);
      else expect(structureValid, `${reason}: ${v}`).toBe(false);
    }
  });

  it('has NPWP, card, phone and e-mail truth that follow their rules', async () => {
    const { truth } = await dump(format);
    const niks = new Set(truth.positives.NIK);
    for (const v of truth.positives.NPWP ?? []) {
      if (v.length === 15) expect(luhn(v.slice(0, 9)), v).toBe(true);
      else if (v.startsWith('0')) expect(luhn(v.slice(1, 10)), v).toBe(true);
      else expect(niks.has(v), v).toBe(true);
    }
    for (const v of Object.keys(truth.negatives.NPWP ?? {})) expect(luhn(v.slice(0, 9)), v).toBe(false);
    for (const v of truth.positives.CREDIT_CARD ?? []) {
      expect(v).toMatch(/^(4\d{15}|5[1-5]\d{14}|2(2[2-9]|[3-6]\d|7[01])\d{13}|2720\d{12})$/);
      expect(luhn(v), v).toBe(true);
    }
    for (const v of Object.keys(truth.negatives.CREDIT_CARD ?? {})) expect(luhn(v), v).toBe(false);
    for (const v of truth.positives.PHONE ?? []) {
      expect(v).toMatch(/^\+628\d{8,11}$/);
      expect(isMobile(v), v).toBe(true);
    }
    for (const v of Object.keys(truth.negatives.PHONE ?? {})) expect(isMobile(v), v).toBe(false);
    for (const v of truth.positives.EMAIL ?? []) expect(v).toMatch(/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}$/);
    for (const v of Object.keys(truth.negatives.EMAIL ?? {})) expect(v).toMatch(/@2x\.png$/);
  });
});

describe('tabular dumps', () => {
  /** RFC 4180 parse, enough to check the writer's quoting. */
  function parse(text: string, delimiter: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [], cell = '', quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) { row.push(cell); cell = ''; }
      else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
      else cell += ch;
    }
    return rows;
  }

  it.each([['csv', ','], ['tsv', '\t'], ['excel', ';']] as const)('%s parses back: same width per row, NIK column = NIK truth', async (name, delimiter) => {
    const excel = name === 'excel';
    const path = join(dir, `tabular-${name}`);
    const { truth } = await generateDump({ format: name === 'tsv' ? 'tsv' : 'csv', rows: 120, seed: 11, path, csvDialect: excel ? 'excel' : 'comma' });
    const raw = readFileSync(path, 'utf8');
    expect(raw.startsWith('\ufeff')).toBe(excel);
    expect(raw.includes('\r\n')).toBe(excel);
    const text = raw.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    const [header, ...rows] = parse(text, delimiter);
    expect(rows).toHaveLength(120);
    for (const r of rows) expect(r).toHaveLength(header?.length ?? 0);
    const nikColumn = header?.indexOf(truth.columns.nik ?? '') ?? -1;
    const headColumn = header?.indexOf(truth.columns.nik_kepala_keluarga ?? '') ?? -1;
    expect(nikColumn).toBeGreaterThan(0);
    const inColumn = new Set(rows.flatMap((r) => [r[nikColumn] ?? '', r[headColumn] ?? '']));
    const expected = new Set([...(truth.positives.NIK ?? []), ...Object.entries(truth.negatives.NIK ?? {}).filter(([, r]) => r.startsWith('fabricated')).map(([v]) => v)]);
    expect(inColumn).toEqual(expected);
    // Some addresses span two lines: the quoting must have kept them in one field.
    expect(rows.some((r) => r.some((cell) => cell.includes('\n')))).toBe(true);
  });
});

describe('counts mode', () => {
  it('counts occurrences without keeping values, for big benchmark files', async () => {
    const { truth } = await generateDump({ format: 'csv', bytes: 200_000, seed: 3, path: join(dir, 'counts.csv') });
    expect(truth.mode).toBe('counts');
    expect(truth.positives).toEqual({});
    expect(truth.counts.positives.NIK).toBeGreaterThan(100);
  });
});
