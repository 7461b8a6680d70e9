import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeCsv, unescapeJson, unescapeSql } from './escapes.js';

describe('escapes', () => {
  it('undoes CSV doubled quotes', () => {
    expect(unescapeCsv('Jl. Merdeka No. 8 ""Gang Buntu"", RT 001')).toBe('Jl. Merdeka No. 8 "Gang Buntu", RT 001');
  });

  it('undoes every JSON escape, as JSON.parse does (property)', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const raw = JSON.stringify(value).slice(1, -1);
        expect(unescapeJson(raw)).toBe(value);
      }),
    );
  });

  it('undoes MySQL backslash escapes and doubled quotes', () => {
    expect(unescapeSql("Jl. Kamboja No. 241,\\nRT 015 \\'Gang\\' O''Neil \\\\ end")).toBe("Jl. Kamboja No. 241,\nRT 015 'Gang' O'Neil \\ end");
  });
});

describe('readers hand their escape rules to the engine', () => {
  it('CSV and NDJSON batches carry unescape', async () => {
    const { detectFormat } = await import('./index.js');
    const cases: [string, string, string][] = [
      ['a.csv', 'nama,alamat\nBudi,"Jl. X ""Gang"""\n', 'Jl. X "Gang"'],
      ['a.ndjson', '{"alamat":"Jl. X \\"Gang\\""}\n{"alamat":"y"}\n', 'Jl. X "Gang"'],
    ];
    for (const [path, text, expected] of cases) {
      const bytes = new TextEncoder().encode(text);
      const reader = detectFormat(bytes, path);
      const state = await reader.prepare({ size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) }, bytes);
      const parser = reader.createParser(state, 0);
      const values: string[] = [];
      let unescape: ((raw: string) => string) | undefined;
      for (const batch of [parser.push(bytes, 0), parser.end()]) {
        unescape ??= batch.unescape;
        for (let i = 0; i < batch.count; i++) values.push(new TextDecoder().decode(batch.bytes.subarray(batch.start[i], batch.end[i])));
      }
      const raw = values.find((v) => v.startsWith('Jl.'));
      expect(raw, path).toBeDefined();
      expect(unescape!(raw!)).toBe(expected);
    }
  });
});
