// The province table must agree with the official code list and with the shapes the map can draw.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import indonesia from '@svg-maps/indonesia';
import { countsByShape, provinceOf, provinces } from './provinces.js';

const require = createRequire(import.meta.url);
const officialCsv = readFileSync(require.resolve('idn-area-data/data/provinces.csv'), 'utf8');
const officialCodes = officialCsv.trim().split('\n').slice(1).map((line) => line.split(',')[0]);

describe('provinces', () => {
  it('covers every current Kemendagri province code exactly once', () => {
    expect(provinces.map((p) => p.code).sort()).toEqual([...officialCodes].sort());
  });
  it('points every province at a shape the boundary data draws, and uses every shape', () => {
    const shapes = new Set(indonesia.locations.map((l) => l.id));
    for (const p of provinces) expect(shapes.has(p.shape), p.code).toBe(true);
    expect(new Set(provinces.map((p) => p.shape))).toEqual(shapes);
  });
  it('reads a province from a NIK-style prefix', () => {
    expect(provinceOf('3201')?.name).toBe('Jawa Barat');
    expect(provinceOf('99')).toBeUndefined();
  });
  it('adds the post-2022 Papua provinces to the shape they were carved from and keeps unknown codes apart', () => {
    const { shapes, unplaced } = countsByShape({ '91': 2, '93': 3, '96': 1, '32': 5, '99': 4 });
    expect(shapes.get('id-pa')).toBe(5);
    expect(shapes.get('id-pb')).toBe(1);
    expect(shapes.get('id-jb')).toBe(5);
    expect(unplaced).toBe(4);
  });
});
