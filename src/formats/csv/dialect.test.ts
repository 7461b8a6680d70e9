import { describe, expect, it } from 'vitest';
import { utf8 } from '../testing.js';
import { sniffDialect } from './dialect.js';

describe('sniffDialect', () => {
  it('gives the CSV sniff, the TSV sniff and prepare one answer per head, each caller its own copy', () => {
    const head = utf8('nik\tnama\tkota\n3171014101900001\tBudi\tJakarta\n3171014101900002\tSiti\tBogor\n');
    const first = sniffDialect(head);
    expect(first).toMatchObject({ delimiter: 9, header: ['nik', 'nama', 'kota'] });
    // What a caller does with its copy does not reach the next caller.
    first!.header!.push('extra');
    first!.delimiter = 44;
    expect(sniffDialect(head)).toEqual({ ...first, delimiter: 9, header: ['nik', 'nama', 'kota'] });
    expect(sniffDialect(head, 9)).toEqual(sniffDialect(head));
    // A semicolon file that a preference for tabs does not turn into one column.
    const semicolons = utf8('a;b;c\n1;2;3\n4;5;6\n');
    expect(sniffDialect(semicolons, 9)?.delimiter).toBe(59);
  });
});
