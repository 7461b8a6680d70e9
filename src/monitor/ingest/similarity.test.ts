import { describe, expect, it } from 'vitest';
import { contentHash, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from './similarity.js';
import { severityOf } from './severity.js';

describe('duplicate detection', () => {
  const post = 'Ready data nasabah Bank Jatim 1,8 juta baris, isi NIK nama tgl lahir no hp, sample 1000 rows gratis, minat PM tele @jatimleaks';
  it('gives the same content hash to the same post with other spacing and case', () => {
    expect(contentHash(post)).toBe(contentHash(`  ${post.toUpperCase().replace(/ /g, '   ')} `));
  });

  it('puts a lightly edited repost within the near-duplicate distance, and another post far away', () => {
    const repost = post.replace('minat PM', 'minat PM 🔥 harga nego');
    expect(hammingDistance(simhash(post), simhash(repost))).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    const other = 'Jual motor Honda Beat 2019 pajak hidup surat lengkap BPKB STNK harga 11,5jt nego lokasi Bekasi';
    expect(hammingDistance(simhash(post), simhash(other))).toBeGreaterThan(NEAR_DUPLICATE_BITS * 2);
  });
});

describe('high-severity rule', () => {
  it('fires for health, biometric, children\'s data and over a million records', () => {
    expect(severityOf('data pasien', { dataTypes: ['HEALTH'], recordCount: 100 }).level).toBe('high');
    expect(severityOf('sidik jari', { dataTypes: ['BIOMETRIC'], recordCount: null }).level).toBe('high');
    expect(severityOf('data siswa SD se-kota', { dataTypes: ['NIK'], recordCount: 5000 }).level).toBe('high');
    expect(severityOf('KPU voters', { dataTypes: [], recordCount: 1_000_001 }).reasons).toHaveLength(1);
    expect(severityOf('data nasabah', { dataTypes: ['PHONE'], recordCount: 1_000_000 }).level).toBe('normal');
  });
});
