// Every string exists in both languages, with the same placeholders, and nothing is left empty.
import { describe, expect, it } from 'vitest';
import { id } from './id.js';
import { en } from './en.js';
import { missingMarker, translate } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface languages', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });
  it('leave no string empty and keep the placeholders of the Indonesian original', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });
  it('fills placeholders and marks a missing key visibly', () => {
    expect(translate('id', 'clock.left', { time: '3 j 0 m' })).toBe('sisa 3 j 0 m');
    expect(translate('en', 'nope' as keyof typeof id)).toBe(missingMarker('nope'));
  });
});
