import { describe, expect, it } from 'vitest';
import { mask } from './mask.js';

describe('mask', () => {
  it('hides most of every identifier and keeps what an analyst needs to recognise it', () => {
    expect(mask('NIK', '3171014101900001')).toBe('317101********01');
    expect(mask('PHONE', '+6281234567890')).toBe('+62812*****890');
    expect(mask('EMAIL', 'budi.santoso@mail.co.id')).toBe('b***********@mail.co.id');
    expect(mask('CREDIT_CARD', '4111111111111111')).toBe('************1111');
    expect(mask('PERSON_NAME', 'budi santoso')).toBe('b*** s******');
    expect(mask('PASSWORD', '$2b$10$abc')).toBe('********');
  });

  it('never returns the value itself', () => {
    for (const [type, value] of [['NIK', '3171014101900001'], ['EMAIL', 'a@b.id'], ['PERSON_NAME', 'siti'], ['IP_ADDRESS', '10.1.2.3'],
      ['HEALTH', 'o'], ['HEALTH', 'ab'], ['RELIGION', 'x']] as const) {
      expect(mask(type, value)).not.toBe(value);
    }
  });
});
