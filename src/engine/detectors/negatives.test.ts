import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlaceholder } from './negatives.js';

/** The definition: trimmed and folded (lower case, blank runs as one space), in the list; or masked. */
const LIST = ['', '-', '--', '---', '.', '..', '...', '?', '0', 'null', 'nil', 'none', 'nan', 'n/a', 'na', 'n.a.', 'n.a', '#n/a', '\\n',
  'undefined', 'unknown', 'empty', 'blank', 'tidak ada', 'tidak diketahui', 'kosong', 'belum ada', 'tidak tahu', 'tdk ada',
  'belum diisi', 'tidak diisi', '(null)', '<null>', 'default', 'xxx', 'test', 'testing', 'dummy', 'sample', 'contoh', 'lorem ipsum'];
function reference(value: string): boolean {
  if (value.length > 20 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return false;
  const trimmed = value.trim();
  if (trimmed.length > 20) return false;
  return /^[*x#•\-_.=]+$/i.test(trimmed) || LIST.includes(trimmed.toLowerCase().replace(/\s+/g, ' '));
}

describe('isPlaceholder', () => {
  it('knows the empty-looking cells of dumps in any case and spacing, and nothing that holds a value', () => {
    for (const v of ['NULL', ' N/A ', 'Tidak  Ada', 'tidak\tada', 'KOSONG', '*****', 'xxxx', '====', '(NULL)', '', '   ']) expect(isPlaceholder(v)).toBe(true);
    for (const v of ['Dewi Sihombing', 'Nur', 'Tidak Adaan', 'testing 1', 'Jl. Kosong No. 1', 'N39.0', 'x1']) expect(isPlaceholder(v)).toBe(false);
  });

  it('property: agrees with folding a copy and looking it up', () => {
    const pieces = fc.constantFrom(...LIST, 'A', 'Da', 'é', 'İ', ' ', '  ', '\t', '\n', 'x', '*', 'N', 'Ü', '\u212a', '\u00a0');
    const cased = fc.tuple(pieces, fc.boolean()).map(([p, upper]) => (upper ? p.toUpperCase() : p));
    fc.assert(fc.property(fc.array(cased, { maxLength: 4 }), (parts) => {
      const value = parts.join('');
      expect(isPlaceholder(value)).toBe(reference(value));
    }), { numRuns: 5000 });
  });
});
