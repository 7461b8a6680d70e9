// Broken input of the shapes this reader knows (tables, pairs, embedded documents, comments, deep
// nesting): it never throws, and the record after the damage keeps its fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldLines, readRange, utf8 } from '../testing.js';
import { jsonReader, ndjsonReader } from './json.js';

const seeds = [
  '[["nik","nama"],["3171014101900001","Siti Aminah"]]',
  '{"columns":["nik","nama"],"data":[["3171014101900001","Siti Aminah"]]}',
  '[{"meta_key":"billing_phone","meta_value":"081234567890"},{"name":"alamat","value":"Jl. Melati"}]',
  '{"payload":"{\\"nik\\":\\"3171014101900001\\",\\"x\\":[\\"a\\\\u0041\\"]}"}',
  "// c\n{'a': '{\"nik\": \"3171014101900001\"}', /* d */ 'n': 3171014101900001.0,}",
];
const damage = ['{', '}', '[', ']', '"', "'", '\\', '\\"', '\\u00', '/', '/*', ':', ',', '\n', '"columns":', '"meta_key":', '.0'];

describe('json robustness', () => {
  it('reads damaged documents without throwing, and the next NDJSON line whole', () => {
    const edit = fc.tuple(fc.nat(200), fc.nat(8), fc.constantFrom(...damage));
    fc.assert(fc.property(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 6 }), fc.array(fc.nat(200), { maxLength: 4 }), fc.constantFrom(undefined, 64), (seed, edits, cuts, limit) => {
      let text = seed;
      for (const [at, remove, insert] of edits) { const p = at % (text.length + 1); text = text.slice(0, p) + insert + text.slice(p + remove); }
      const bytes = utf8(`${text.replaceAll('\n', ' ')}\n{"nama":"Rina Lestari"}\n`);
      const options = limit ? { maxRecordBytes: limit } : {};
      readRange(jsonReader, options, bytes, 0, bytes.length, cuts);
      expect(fieldLines(readRange(ndjsonReader, options, bytes, 0, bytes.length, cuts)).at(-1)).toBe('nama=Rina Lestari');
    }), { numRuns: 1000 });
  });

  it('reads JSON encoded eight times over, and 6,000 levels of objects in arrays', () => {
    let text = '{"nik":"3171014101900001"}';
    for (let i = 0; i < 8; i++) text = JSON.stringify({ p: text });
    expect(readRange(jsonReader, {}, utf8(text)).fields.length).toBeGreaterThan(0);
    const deep = readRange(jsonReader, {}, utf8('[{"a":'.repeat(6000) + '"3171014101900001"' + '}]'.repeat(6000)));
    expect(deep.fields.map((f) => f.value)).toEqual(['3171014101900001']);
  });
});
