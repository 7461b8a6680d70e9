import { describe, expect, it } from 'vitest';
import { parseScanArgs } from './scan-args.js';

describe('parseScanArgs', () => {
  it('parses every option', () => {
    expect(parseScanArgs(['a', 'b', '--json', '--findings', 'f.ndjson', '--reveal', '--as-of', '2026-01-31', '--workers', '3', '--types', 'nik,kk', '--fail-on', 'NIK'])).toEqual({
      paths: ['a', 'b'], json: true, findingsFile: 'f.ndjson', reveal: true, asOf: '2026-01-31', workers: 3, types: ['NIK', 'KK'], failOn: ['NIK'],
    });
  });

  it('names the option and the reason of a usage error', () => {
    expect(parseScanArgs(['a', '--workers', '0'])).toMatch(/^--workers: .*: 0$/);
    for (const workers of ['1e2', '0x2', '2.0', ' 2']) expect(parseScanArgs(['a', '--workers', workers])).toMatch(/^--workers: /);
    expect(parseScanArgs(['a', '--types', ' , '])).toMatch(/^--types: .*empty type list/);
    expect(parseScanArgs(['a', '--fail-on', ''])).toMatch(/^--fail-on: .*empty type list/);
    expect(parseScanArgs(['a', '--findings', ''])).toMatch(/^--findings: .*empty file name/);
    expect(parseScanArgs(['a', '--types', 'nik,shoe'])).toMatch(/^--types: .*SHOE/);
    expect(parseScanArgs([])).toMatch(/no PATH/);
  });
});
