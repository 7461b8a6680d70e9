// The conformance suite every detector passes: its positives fire, the shared negative corpus stays
// silent, context-gated types stay silent without their label, verdicts are deterministic, well
// formed and free of the raw value, and detectors neither log nor do I/O. It covers the registry
// plus the detectors listed here, so a detector added to either without positives fails.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextFor, tokensOf } from '../prefilter/testing.js';
import { NEGATIVE_HINT, PII_TYPES, type DetectionContext, type PiiType, type Token, type TokenDetector } from '../types.js';
import { addressDetector } from './address/address.js';
import { bankAccountDetector } from './bank-account/bank-account.js';
import { biometricDetector } from './biometric/biometric.js';
import { bpjsDetector } from './bpjs/bpjs.js';
import { creditCardDetector } from './credit-card/credit-card.js';
import { dateOfBirthDetector } from './date-of-birth/date-of-birth.js';
import { emailDetector } from './email/email.js';
import { healthDetector } from './health/health.js';
import { detectors as registry, isFieldDetector, isTokenDetector, type Detector } from './index.js';
import { ipAddressDetector } from './ip-address/ip-address.js';
import { motherMaidenNameDetector } from './mother-maiden-name/mother-maiden-name.js';
import { NEGATIVE_CONTEXT_TEXTS, NEGATIVE_FIELD_VALUES, NEGATIVE_TEXTS } from './negatives.js';
import { npwpDetector } from './npwp/npwp.js';
import { passportDetector } from './passport/passport.js';
import { passwordDetector } from './password/password.js';
import { personNameDetector } from './person-name/person-name.js';
import { phoneDetector } from './phone/phone.js';
import { religionDetector } from './religion/religion.js';

const listed: Detector[] = [npwpDetector, phoneDetector, emailDetector, creditCardDetector, bpjsDetector, passportDetector, bankAccountDetector,
  dateOfBirthDetector, personNameDetector, addressDetector, motherMaidenNameDetector, religionDetector, healthDetector, biometricDetector,
  passwordDetector, ipAddressDetector];
const all: Detector[] = [...new Map([...registry, ...listed].map((d) => [d.type, d])).values()];
const tokenDetectors = all.filter(isTokenDetector);
const fieldDetectors = all.filter(isFieldDetector);

/** UU PDP Art. 4: financial, health and biometric data are specific. */
const SPECIFIC: readonly PiiType[] = ['HEALTH', 'BIOMETRIC', 'CREDIT_CARD', 'BANK_ACCOUNT'];
/** Types that only exist under their own label. */
const GATED: readonly PiiType[] = ['BPJS', 'PASSPORT', 'BANK_ACCOUNT', 'DATE_OF_BIRTH', 'PERSON_NAME', 'ADDRESS', 'MOTHER_MAIDEN_NAME',
  'RELIGION', 'HEALTH', 'BIOMETRIC', 'PASSWORD'];

/** [text or field value, label or null]: each must be confirmed with confidence ≥ 0.5. */
const positives: Record<PiiType, { tokens?: Array<[string, string | null]>; fields?: Array<[string, string]> }> = {
  NIK: { tokens: [['NIK 3171014501900003', 'nik'], ['3171010101900001', null]] },
  KK: { tokens: [['3171010101090012', 'no_kk']] },
  NPWP: { tokens: [['09.254.173.9-407.000', null], ['092541739407000', 'npwp'], ['0092541739407000', 'npwp']] },
  PHONE: { tokens: [['0812-3456-7890', null], ['+62 857 1234 5678', null], ['81234567890', 'no_hp']] },
  EMAIL: { tokens: [['budi.santoso@example.co.id', null]] },
  CREDIT_CARD: { tokens: [['4111 1111 1111 1111', null], ['5555555555554444', 'credit_card']] },
  BPJS: { tokens: [['0001234567890', 'no_bpjs']] },
  PASSPORT: { tokens: [['B 1234567', 'no_paspor']] },
  BANK_ACCOUNT: { tokens: [['1234567890', 'no_rekening']] },
  DATE_OF_BIRTH: { tokens: [['1990-01-31', 'tgl_lahir'], ['31/01/1990', 'dob']], fields: [['Jakarta, 12 Januari 1990', 'ttl']] },
  PERSON_NAME: { fields: [['Budi Santoso', 'nama_lengkap']] },
  ADDRESS: { fields: [['Jl. Merdeka No. 10 RT 001/RW 002', 'alamat']] },
  MOTHER_MAIDEN_NAME: { fields: [['Sri Wahyuni', 'nama_ibu_kandung']] },
  RELIGION: { fields: [['Islam', 'agama']] },
  HEALTH: { fields: [['J18.9', 'diagnosa']] },
  BIOMETRIC: { fields: [['Rk1SACAyMAAAAAEgAAABPAFiAMUAxQEAAAAoJ4CEAD1bAEBdAB5kAIBwAFGbAEC6AIxjAEBOAKxcAIC2ANOHAEAoAO1xAEBzAQBc', 'sidik_jari']] },
  PASSWORD: { fields: [['5f4dcc3b5aa765d61d8327deb882cf99', 'password'], ['rahasia123', 'password']] },
  IP_ADDRESS: { tokens: [['203.0.113.45', null], ['2001:db8:85a3::8a2e:370:7334', null]] },
};

const context = (label: string | null): DetectionContext => contextFor(label);
const negativeContext: DetectionContext = { ...contextFor(null, undefined, 'text'), hints: NEGATIVE_HINT, label: 'order' };
const noContext: DetectionContext = contextFor(null, undefined, 'none');

function offered(detector: TokenDetector, token: Token): boolean {
  if (!detector.tokenKinds.includes(token.kind)) return false;
  if (token.kind !== 'number') return true;
  return token.digitCount >= (detector.minDigits ?? 0) && token.digitCount <= (detector.maxDigits ?? Infinity);
}

/** The best verdict `detector` gives any token of `text`. */
function best(detector: TokenDetector, text: string, ctx: DetectionContext) {
  let top: { confidence: number; validator: string; token: Token } | null = null;
  for (const token of tokensOf(text)) {
    if (!offered(detector, token)) continue;
    const verdict = detector.confirm(token, ctx);
    if (verdict && (!top || verdict.confidence > top.confidence)) top = { confidence: verdict.confidence, validator: verdict.validator, token };
  }
  return top;
}

describe('every detector', () => {
  it('covers every registered type with positives and the right UU PDP category', () => {
    for (const detector of all) {
      expect(PII_TYPES).toContain(detector.type);
      expect(detector.category, detector.type).toBe(SPECIFIC.includes(detector.type) ? 'specific' : 'general');
      const p = positives[detector.type];
      if (isTokenDetector(detector)) expect(p.tokens?.length, `${detector.type} token positives`).toBeGreaterThan(0);
      if (isFieldDetector(detector)) expect(p.fields?.length, `${detector.type} field positives`).toBeGreaterThan(0);
    }
  });

  it.each(tokenDetectors.map((d) => [d.type, d] as const))('%s fires on its token positives, without the raw value in its explanation', (_type, detector) => {
    for (const [text, label] of positives[detector.type].tokens ?? []) {
      const found = best(detector, text, context(label));
      expect(found?.confidence, text).toBeGreaterThanOrEqual(0.5);
      expect(found!.confidence).toBeLessThanOrEqual(1);
      const normalized = detector.normalize(found!.token);
      expect(found!.validator).not.toContain(normalized);
      const described = detector.describe?.(normalized, context(label).asOf) ?? null;
      if (described) for (const v of Object.values(described)) expect(String(v), 'describe leaks the raw value').not.toBe(normalized);
      expect(found!.validator).not.toContain(new TextDecoder().decode(found!.token.bytes.subarray(found!.token.start, found!.token.end)));
      if (GATED.includes(detector.type)) expect(best(detector, text, noContext), `${text} without a label`).toBeNull();
    }
  });

  it.each(fieldDetectors.map((d) => [d.type, d] as const))('%s fires on its field positives only under its label', (_type, detector) => {
    for (const [value, label] of positives[detector.type].fields ?? []) {
      const verdict = detector.confirmField(value, context(label));
      expect(verdict?.confidence, value).toBeGreaterThanOrEqual(0.5);
      expect(verdict!.validator).not.toContain(value);
      expect(detector.confirmField(value, noContext), `${value} without a label`).toBeNull();
    }
  });

  it.each(tokenDetectors.map((d) => [d.type, d] as const))('%s stays silent on the negative corpus', (_type, detector) => {
    for (const text of NEGATIVE_TEXTS) expect(best(detector, text, noContext)?.confidence ?? 0, text).toBeLessThan(0.5);
    for (const text of NEGATIVE_CONTEXT_TEXTS) expect(best(detector, text, negativeContext)?.confidence ?? 0, text).toBeLessThan(0.5);
  });

  it.each(fieldDetectors.map((d) => [d.type, d] as const))('%s rejects placeholder cells under its own label', (_type, detector) => {
    const label = positives[detector.type].fields![0]![1];
    for (const value of NEGATIVE_FIELD_VALUES) expect(detector.confirmField(value, context(label)), JSON.stringify(value)).toBeNull();
  });
});

describe('determinism and hygiene', () => {
  const spies: Array<ReturnType<typeof vi.spyOn>> = [];
  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) spies.push(vi.spyOn(console, method));
    spies.push(vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'));
  });
  afterEach(() => {
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    spies.length = 0;
  });

  it('gives the same well-formed verdict twice on any text, and never throws', () => {
    const labels = fc.constantFrom<string | null>(null, 'nik', 'no_hp', 'npwp', 'tgl_lahir', 'no_rekening', 'no_bpjs', 'paspor', 'ip', 'order_id');
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[0-9 .+()\-/:@a-fA-F]{0,40}$/));
    fc.assert(fc.property(text, labels, (t, label) => {
      for (const detector of tokenDetectors) {
        for (const token of tokensOf(t)) {
          if (!offered(detector, token)) continue;
          const first = detector.confirm(token, context(label));
          expect(detector.confirm(token, context(label))).toEqual(first);
          if (first) {
            expect(first.confidence).toBeGreaterThanOrEqual(0);
            expect(first.confidence).toBeLessThanOrEqual(1);
            expect(detector.normalize(token)).toBe(detector.normalize(token));
          }
        }
      }
      for (const detector of fieldDetectors) {
        const ctx = context(positives[detector.type].fields![0]![1]);
        const first = detector.confirmField(t, ctx);
        expect(detector.confirmField(t, ctx)).toEqual(first);
        if (first) expect(detector.normalizeField(t)).toBe(detector.normalizeField(t));
      }
    }), { numRuns: 300 });
  });

  it('writes nothing to the console, stdout or stderr while confirming positives and negatives', () => {
    for (const detector of tokenDetectors) {
      for (const [text, label] of positives[detector.type].tokens ?? []) {
        const found = best(detector, text, context(label));
        if (found) detector.normalize(found.token);
      }
      for (const text of [...NEGATIVE_TEXTS, ...NEGATIVE_CONTEXT_TEXTS]) best(detector, text, noContext);
    }
    for (const detector of fieldDetectors) {
      for (const [value, label] of positives[detector.type].fields ?? []) {
        detector.confirmField(value, context(label));
        detector.normalizeField(value);
      }
    }
  });

  it('handles long pathological values quickly (no catastrophic backtracking)', () => {
    const values = ['1'.repeat(20_000), `${' '.repeat(20_000)}x`, '-'.repeat(20_000), 'a.'.repeat(10_000), '12 '.repeat(7_000), 'a@'.repeat(10_000),
      `${'a'.repeat(20_000)}!`, `${'A'.repeat(20_000)}1.`, `$2b$12$${'a'.repeat(20_000)}`, `data:image/png;base64,${'A'.repeat(20_000)}!`, '1:'.repeat(10_000)];
    const started = performance.now();
    for (const value of values) {
      for (const detector of fieldDetectors) detector.confirmField(value, context(positives[detector.type].fields![0]![1]));
      for (const detector of tokenDetectors) for (const token of tokensOf(value)) if (offered(detector, token)) detector.confirm(token, context('nik'));
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('imports nothing that does I/O, and never logs', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const allowed = /^(?:\.{1,2}\/|libphonenumber-js\/)/;
    for (const type of listed.map((d) => d.type)) {
      const folder = join(here, type.toLowerCase().replace(/_/g, '-'));
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
        const source = readFileSync(join(folder, file), 'utf8');
        for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) expect(specifier, `${file} imports ${specifier}`).toMatch(allowed);
        expect(source, file).not.toMatch(/console\.|process\.|import\(/);
      }
    }
  });
});
