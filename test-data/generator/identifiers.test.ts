import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  brokenNik, cardBadLuhn, cardNumber, epochUs, formatNpwp, kk, luhnValid, mobileNsn, nik, nikStructureValid,
  notMobile, npwpBadCheck, npwpLegacy, orderNumber16, randomDate, shapePhone,
} from './identifiers.js';
import { Random } from './random.js';
import { regionData } from './regions.js';

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('identifiers', () => {
  it('Random is deterministic per seed and differs between seeds', () => {
    const a = new Random('x'), b = new Random('x'), c = new Random('y');
    const draw = (r: Random): string => Array.from({ length: 8 }, () => r.digits(5)).join();
    expect(draw(a)).toBe(draw(b));
    expect(draw(new Random('x'))).not.toBe(draw(c));
  });

  it('NIKs and KKs pass the NIK structure; every broken NIK fails it', () => {
    fc.assert(fc.property(seeds, fc.boolean(), (seed, female) => {
      const rng = new Random(seed);
      const district = rng.pick(regionData().districts);
      expect(nikStructureValid(nik(rng, district, randomDate(rng, 1945, 2024), female))).toBe(true);
      expect(nikStructureValid(kk(rng, district))).toBe(true);
      for (const flaw of ['invalid region', 'invalid date', 'serial 0000'] as const) expect(nikStructureValid(brokenNik(rng, flaw))).toBe(false);
      expect(nikStructureValid(epochUs(rng))).toBe(false);
    }));
  });

  it('adds 40 to the day for women and keeps 29 February only in leap years', () => {
    const rng = new Random(1), district = regionData().districts[0]!;
    expect(nik(rng, district, { year: 1992, month: 2, day: 29 }, true).slice(6, 12)).toBe('690292');
    expect(nikStructureValid(`${district.code}290223` + '0001')).toBe(false);
    expect(nikStructureValid(`${district.code}290200` + '0001')).toBe(true);
  });

  it('cards pass Luhn, bad cards and order numbers do not', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const rng = new Random(seed);
      expect(luhnValid(cardNumber(rng))).toBe(true);
      expect(luhnValid(cardBadLuhn(rng))).toBe(false);
      expect(luhnValid(orderNumber16(rng))).toBe(false);
    }));
  });

  it('legacy NPWPs carry a Luhn check digit over the first 9 digits; formatting keeps the digits', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const rng = new Random(seed);
      const good = npwpLegacy(rng), bad = npwpBadCheck(rng);
      expect(luhnValid(good.slice(0, 9))).toBe(true);
      expect(luhnValid(bad.slice(0, 9))).toBe(false);
      expect(formatNpwp(good)).toMatch(/^\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}$/);
      expect(formatNpwp(good).replace(/\D/g, '')).toBe(good);
    }));
  });

  it('every phone shape parses (libphonenumber-js) to its E.164 value as a mobile; non-mobiles do not', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const rng = new Random(seed);
      const shaped = shapePhone(rng, mobileNsn(rng));
      const parsed = parsePhoneNumberFromString(shaped.text, 'ID');
      expect(parsed?.number, shaped.text).toBe(shaped.value);
      expect(parsed?.getType(), shaped.text).toBe('MOBILE');
      const other = notMobile(rng);
      const p = parsePhoneNumberFromString(other.text, 'ID');
      expect(!!p && p.isValid() && p.getType() === 'MOBILE', other.text).toBe(false);
    }));
  });
});
