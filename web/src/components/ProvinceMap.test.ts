// Map colour classes: empty stays grey, the extremes get the lightest and darkest colour, and
// close counts are still told apart.
import { describe, expect, it } from 'vitest';
import { classOf } from './ProvinceMap.js';

describe('classOf', () => {
  it('keeps provinces without people out of the scale', () => {
    expect(classOf(0, 1, 100)).toBe(-1);
  });
  it('spans the palette from the smallest to the largest count', () => {
    expect(classOf(112, 112, 121)).toBe(0);
    expect(classOf(121, 112, 121)).toBe(4);
    expect(classOf(1, 1, 1_000_000)).toBe(0);
    expect(classOf(1000, 1, 1_000_000)).toBe(2);
  });
  it('gives a single count the darkest class', () => {
    expect(classOf(7, 7, 7)).toBe(4);
  });
});
