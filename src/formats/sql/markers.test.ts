import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPlainStrings, hasSqlMarker, setsStandardStrings } from './markers.js';

/** The rule as a regular expression over the decoded text: what hasSqlMarker must answer. */
const REFERENCE = /(?:^|\n)\s*(?:INSERT\s+INTO|CREATE\s+TABLE|COPY\s+\S+.*FROM\s+stdin;|-- MySQL dump|-- PostgreSQL database dump|-- Dump|\/\*!40\d{3})/i;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes behind a proxy that counts reads by index; methods such as indexOf run on the array itself. */
function countingReads(bytes: Uint8Array): { bytes: Uint8Array; count: () => number } {
  let reads = 0;
  const counted = new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { bytes: counted, count: () => reads };
}

describe('hasSqlMarker', () => {
  it('finds the statements and banners of MySQL and PostgreSQL dumps at line starts', () => {
    for (const text of [
      'INSERT INTO `w` VALUES (1);', '\n  create\ttable t (id int);', 'x\nCOPY public.w (id, nik) FROM stdin;',
      '-- MySQL dump 10.13', '-- PostgreSQL database dump', '-- Dump completed', '/*!40101 SET NAMES utf8 */;',
      '\uFEFFINSERT INTO t VALUES (1);', 'x\n\u00A0\nInsert\u2003Into t',
    ]) expect(hasSqlMarker(utf8(text)), text).toBe(true);
    for (const text of [
      'nik,nama\n3171234567890001,INSERT INTO', 'catatan: insert into nanti', 'COPY FROM stdin;', 'COPY x FROM\nstdin',
      'COPY x\nFROM stdin;', 'COPY x\rFROM stdin;', 'COPY x\u2028FROM stdin;', '/*!4010 x', '-- MySQL', 'INSERTINTO t', '',
    ]) expect(hasSqlMarker(utf8(text)), text).toBe(false);
  });

  it('property: answers as the regular expression does on the decoded text', () => {
    const pieces = [
      'INSERT', 'insert', 'InSeRt', 'INTO', 'into', 'CREATE', 'create', 'TABLE', 'table', 'COPY', 'copy', 'FROM', 'from',
      'stdin;', 'STDIN;', 'stdin', '-- ', '--', 'MySQL dump', 'PostgreSQL database dump', 'Dump', 'dump', '/*!40', '/*!', '101',
      '7', 'x', 'public.w', '(id)', ',', ';', ' ', '  ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\u00A0', '\u2003', '\u2028',
      '\u2029', '\u202F', '\u3000', '\uFEFF', '\u1680', '\u205F', '\u200B', '\u0085', 'é', 'ſ', '\uFFFD',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(hasSqlMarker(utf8(t))).toBe(REFERENCE.test(t));
    }), { numRuns: 20_000 });
    // COPY lines, where a line break may fall between any two parts.
    const copy = fc.array(fc.constantFrom('COPY', 'x', 'FROM', 'from', 'stdin;', ' ', '\t', '\n', '\r', '\u2028', '\u00A0', ';'), { maxLength: 12 });
    fc.assert(fc.property(copy, (parts) => {
      const t = parts.join('');
      expect(hasSqlMarker(utf8(t))).toBe(REFERENCE.test(t));
    }), { numRuns: 20_000 });
    // Bytes that are not valid UTF-8 decode to U+FFFD, which is no whitespace and no letter.
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (raw, parts) => {
      const bytes = Buffer.concat([Buffer.from(raw), utf8(parts.join(''))]);
      expect(hasSqlMarker(bytes)).toBe(REFERENCE.test(new TextDecoder().decode(bytes)));
    }), { numRuns: 5_000 });
  });

  it('reads each byte of a run of blank lines a bounded number of times (regression: 65,536 blank lines took 14 s)', () => {
    const bytes = utf8('\n'.repeat(2000) + ' \t\r\n'.repeat(500) + 'nik,nama\n');
    const read = countingReads(bytes);
    expect(hasSqlMarker(read.bytes)).toBe(false);
    expect(read.count()).toBeLessThan(4 * bytes.length);
  });
});

describe('setsStandardStrings', () => {
  const REFERENCE_SET = /^\s*SET\s+standard_conforming_strings\s*=\s*'?on/im;

  it('property: answers as the regular expression does on the decoded text', () => {
    const pieces = [
      'SET', 'set', 'SeT', 'standard_conforming_strings', 'STANDARD_CONFORMING_STRINGS', 'standard', '=', "'", 'on', 'ON', 'off',
      'x', ';', ' ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u2028', '\u2029', '\u3000', '\uFEFF', '\u0085', 'é',
    ];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
      const t = parts.join('');
      expect(setsStandardStrings(utf8(t))).toBe(REFERENCE_SET.test(t));
    }), { numRuns: 20_000 });
    for (const t of ["SET standard_conforming_strings = on;", "x\r  set standard_conforming_strings='on';", '\n\n SET\nstandard_conforming_strings\n=\non']) {
      expect(setsStandardStrings(utf8(t)), t).toBe(true);
    }
  });

  it('reads each byte of a run of blank lines a bounded number of times (regression: 65,536 blank lines took 5.7 s)', () => {
    const bytes = utf8('\n'.repeat(2000) + ' \t\r\n'.repeat(500) + "SET standard_conforming_strings = off;\n");
    const read = countingReads(bytes);
    expect(setsStandardStrings(read.bytes)).toBe(false);
    expect(read.count()).toBeLessThan(4 * bytes.length);
  });

  it('hasPlainStrings: SQLite, SQL Server and Oracle heads take a backslash as a plain byte, MySQL dumps never', () => {
    const plain = ['PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n', 'USE [CRM]\nGO\n', '  go\r\n', 'SET IDENTITY_INSERT [dbo].[P] ON\n', 'REM INSERTING into HR.P\nSET DEFINE OFF;\n'];
    const escaping = ['-- MySQL dump 10.13\nBEGIN TRANSACTION;\n', 'GOTO x\n', '-- phpMyAdmin SQL Dump\n', 'INSERT INTO t VALUES (1);\n', "PRAGMA x;\nLOCK TABLES `t` WRITE;\n"];
    expect(plain.map((head) => hasPlainStrings(utf8(head)))).toEqual(plain.map(() => true));
    expect(escaping.map((head) => hasPlainStrings(utf8(head)))).toEqual(escaping.map(() => false));
  });
});
