import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../prefilter/testing.js';
import { biometricDetector, biometricForm } from './biometric.js';

const verdictOf = (value: string, label: string | null = 'sidik_jari') => biometricDetector.confirmField(value, contextFor(label));
const template = randomBytes(96);

describe('biometricDetector', () => {
  it('recognizes encoded templates and images', () => {
    expect(biometricForm(template.toString('base64'))).toBe('base64 blob');
    expect(biometricForm(template.toString('hex'))).toBe('hex blob');
    expect(biometricForm(`\\x${template.toString('hex')}`)).toBe('hex blob');
    expect(biometricForm(`data:image/jpeg;base64,${template.toString('base64')}`)).toBe('data URI');
    expect(biometricForm('ktp_selfie_00123.jpg')).toBe('file name');
    expect(biometricForm('https://cdn.example.com/face/00123.png')).toBe('file URL');
    expect(biometricForm('finger_right_thumb.wsq')).toBe('file name');
  });

  it('is more confident of blobs than of file names', () => {
    expect(verdictOf(template.toString('base64'))!.confidence).toBeGreaterThan(verdictOf('jari_001.wsq')!.confidence);
    expect(verdictOf('foto_001.jpg', 'foto_wajah')!.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('rejects plain words, placeholders and unlabelled values', () => {
    for (const value of ['-', 'NULL', 'ada', 'sudah direkam', 'a'.repeat(80)]) expect(verdictOf(value), value).toBeNull();
    expect(verdictOf(template.toString('base64'), 'catatan')).toBeNull();
  });
});
