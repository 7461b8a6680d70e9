// Assigned values: which literals a statement gives to a named column, and that no text breaks the walk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../testing.js';
import { assignedValues } from './assignments.js';

function pairs(sql: string, escapes = true): string[] {
  const bytes = utf8(sql);
  const found = assignedValues(bytes, 0, bytes.length, escapes);
  const text = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString();
  const out: string[] = [];
  for (let k = 0; k < found.length; k += 4) out.push(`${text(found[k + 2]!, found[k + 3]!)}=${text(found[k]!, found[k + 1]!)}`);
  return out;
}

describe('assignedValues', () => {
  it('takes literals after `column =` (quoted names, prefixes, numbers), not comparisons or expressions', () => {
    expect(pairs("SET a = 'x', `b`=-12.5, [c d] = N'y', e := 'z', f <= 'no', g != 'no', h = UPPER('no'), i = NULL, j == 'no'"))
      .toEqual(['a=x', '`b`=-12.5', '[c d]=y', 'e=z']);
  });

  it('reads backslash escapes only where they escape, and doubled quotes always', () => {
    expect(pairs("a = 'x\\'y', b = 'p''q'")).toEqual(["a=x\\'y", "b=p''q"]);
    expect(pairs("a = 'C:\\', b = 'q'", false)).toEqual(['a=C:\\', 'b=q']);
  });

  it('stops at an unclosed quote and never throws on any text', () => {
    expect(pairs("a = 'x', b = 'open")).toEqual(['a=x']);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '=', "'", '"', '`', '[', ']', '\\', ' ', '1', '-', 'N') }), (sql) => {
      const bytes = utf8(sql);
      const found = assignedValues(bytes, 0, bytes.length, true);
      for (let k = 0; k < found.length; k += 4) expect(found[k]! <= found[k + 1]! && found[k + 1]! <= bytes.length).toBe(true);
    }));
  });
});
