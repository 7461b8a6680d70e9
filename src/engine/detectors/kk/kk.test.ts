import { describe, expect, it } from 'vitest';
import { contextFor, onlyToken } from '../../prefilter/testing.js';
import { kkDetector } from './kk.js';

const verdict = (text: string, label: string | null) => kkDetector.confirm(onlyToken(text), contextFor(label, undefined, 'text'));

describe('KK detector', () => {
  it('needs a KK label: a family-card number looks like a NIK otherwise', () => {
    expect(verdict('3171012301150003', null)).toBeNull();
    expect(verdict('3171012301150003', 'nik')).toBeNull();
    for (const label of ['no_kk', 'No. KK', 'nomor kartu keluarga', 'noKK', 'keluarga.no_kk']) {
      expect(verdict('3171012301150003', label)?.confidence).toBeGreaterThan(0.9);
    }
  });

  it('still checks the issuing region and the serial', () => {
    expect(verdict('3199012301150003', 'no_kk')).toBeNull();
    expect(verdict('3171012301150000', 'no_kk')).toBeNull();
  });

  it('normalizes to 16 digits', () => {
    expect(kkDetector.normalize(onlyToken('3171-0123-0115-0003'))).toBe('3171012301150003');
  });
});
