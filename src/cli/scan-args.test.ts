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
    expect(parseScanArgs(['a', '--types', 'nik,shoe'])).toMatch(/^--types: .*SHOE/);
    expect(parseScanArgs([])).toMatch(/no PATH/);
  });
});
