// \uXXXX escapes beside identifiers: findings as with the character itself, at the file's bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, asOfFromDate, type Finding } from '../../engine/index.js';
import { readRange, utf8 } from '../testing.js';
import { JsonParser, jsonReader } from './json.js';
import { unescapeJsonField } from './unicode-escapes.js';

const asOf = asOfFromDate(new Date('2026-12-06'));

/** Findings of a JSON document as type, value and the file's bytes at their offset and length. */
function findingsOf(json: string): string[] {
  const bytes = utf8(json);
  const found: Finding[] = [];
  const engine = new Engine({ asOf, onFinding: (f) => found.push(f) });
  const parser = new JsonParser(false, 0);
  engine.scanBatch(parser.push(bytes, 0));
  engine.scanBatch(parser.end());
  const decoder = new TextDecoder();
  return found.map((f) => `${f.type}:${f.value}@${decoder.decode(bytes.subarray(f.offset, f.offset + f.length))}`);
}

describe('unicode escapes in JSON strings', () => {
  const escapes: [string, string][] = [['\\u0027', "'"], ['\\u0022', '\\"'], ['\\u003a', ':'], ['\\u003C', '<'], ['\\u00e9', 'é'], ['\\u0020', ' ']];
  const values = [['nik', '3171014101900001'], ['hp', '081234567890'], ['email', 'budi.santoso@example.com']];

  it.each(escapes)('finds what sits beside %s as beside the character itself, at the same bytes', (escape, character) => {
    for (const [cue, value] of values) {
      for (const gap of ['', ' ']) {
        const withEscape = findingsOf(`{"catatan":"${cue}${escape}${gap}${value}${escape}"}`);
        expect(withEscape).toHaveLength(1);
        expect(withEscape).toEqual(findingsOf(`{"catatan":"${cue}${character}${gap}${value}${character}"}`));
      }
    }
  });

  it.each(['\\u0009', '\\u000a', '\\u0000', '\\u005c', '\\n', '\\t', '\\r\\n', '\\b'])('finds what sits beside %s as beside a space (hex digits glued to a NIK, a letter to an e-mail address)', (escape) => {
    for (const [cue, value] of [values[0]!, values[2]!]) {
      expect(findingsOf(`{"catatan":"${cue}${escape}${value}${escape}x"}`)).toEqual(findingsOf(`{"catatan":"${cue} ${value} x"}`));
    }
  });

  it('never cuts a long string into pieces between the backslash and letter of an escape (the next piece read nbudi@…)', () => {
    for (let words = 10; words < 30; words++) {
      const bytes = utf8(`{"catatan":"${'kata '.repeat(words)}x\\nbudi@example.com${'y'.repeat(40)}"}`);
      const pieces = readRange(jsonReader, { maxRecordBytes: 64 }, bytes, 0, bytes.length, Array.from({ length: 40 }, (_, i) => i * 16)).fields;
      expect(pieces.some((piece) => piece.value.startsWith('budi@') || piece.value.includes(' \tbudi@'))).toBe(true);
    }
  });

  it('reads a label whose colon is escaped, and a name with an escaped apostrophe', () => {
    expect(findingsOf('{"catatan":"nama\\u003a Budi Santoso"}')).toEqual(['PERSON_NAME:budi santoso@Budi Santoso']);
    expect(findingsOf('{"nama":"Ma\\u0027ruf Amin"}')).toEqual(["PERSON_NAME:ma'ruf amin@Ma\\u0027ruf Amin"]);
  });

  it('leaves the caller\'s bytes as they were', () => {
    const json = '{"catatan":"nik\\u00273171014101900001\\nbudi@example.com"}';
    const bytes = Buffer.from(json);
    new JsonParser(false, 0).push(bytes, 0);
    expect(bytes.toString()).toBe(json);
  });

  it('any string, however escaped, chunked and cut into pieces, keeps its length and reads back as its value', () => {
    const escaped = fc.array(fc.tuple(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ maxLength: 3 })), fc.boolean()), { maxLength: 40 });
    const limit = fc.constantFrom(undefined, 64, 100);
    fc.assert(fc.property(escaped, fc.array(fc.nat(200), { maxLength: 4 }), limit, (parts, cuts, maxRecordBytes) => {
      // \b \t \n \f \r read as a space (their letter glued to an e-mail address); as \u escapes, exactly.
      const value = parts.map(([text, escape]) => escape ? text : text.replace(/[\b\t\n\f\r]/g, ' ')).join('');
      const raw = parts.map(([text, escape]) => escape
        ? text.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
        : JSON.stringify(text).slice(1, -1)).join('');
      const bytes = utf8(`{"a":"${raw}"}`);
      const fields = readRange(jsonReader, maxRecordBytes ? { maxRecordBytes } : {}, bytes, 0, bytes.length, cuts).fields;
      expect(fields.reduce((sum, f) => sum + utf8(f.value).length, 0)).toBe(utf8(raw).length);
      // Each piece on its own: a cut inside an escape would leave its hex digits to the next piece.
      expect(fields.map((f) => unescapeJsonField(f.value)).join('')).toBe(value);
    }), { numRuns: 400 });
  });
});
