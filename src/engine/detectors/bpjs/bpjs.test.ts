import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { bpjsDetector } from './bpjs.js';

const verdictOf = (text: string, label: string | null = null, source?: 'column' | 'text') =>
  bpjsDetector.confirm(onlyToken(text), contextFor(label, undefined, source ?? (label ? 'column' : 'none')));

describe('bpjsDetector', () => {
  it('finds a 13-digit card number under a BPJS label, keeping leading zeros', () => {
    expect(verdictOf('0001234567890', 'no_kartu_bpjs')!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(verdictOf('0001234567890', 'noka')).not.toBeNull();
    expect(verdictOf('0001 2345 67890', 'jkn')).not.toBeNull();
    expect(bpjsDetector.normalize(onlyToken('0001234567890'))).toBe('0001234567890');
  });

  it('reads a generic card-number label (noKartu) as BPJS only for a 13-digit number with leading zeros', () => {
    expect(verdictOf('0001234567891', 'noKartu')).not.toBeNull();
    expect(verdictOf('0001234567891', 'nomor_kartu')).not.toBeNull();
    expect(verdictOf('4111111111119', 'noKartu')).toBeNull();
    expect(verdictOf('1234567890123', 'nomor kartu', 'text')).toBeNull();
  });

  it('is a little less sure from text context than from a column', () => {
    expect(verdictOf('0001234567890', 'bpjs', 'text')!.confidence).toBeLessThan(verdictOf('0001234567890', 'bpjs', 'column')!.confidence);
  });

  it('says nothing without BPJS context, under negative context, or for other lengths', () => {
    expect(verdictOf('0001234567890')).toBeNull();
    expect(verdictOf('0001234567890', 'nik')).toBeNull();
    expect(verdictOf('0001234567890', 'no_resi')).toBeNull();
    expect(verdictOf('000123456789', 'bpjs')).toBeNull();
  });
});
