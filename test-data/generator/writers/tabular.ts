// CSV and TSV exports as spreadsheets and admin panels write them: one header row of column
// names, RFC 4180 quoting (quotes doubled; fields with the delimiter, quotes or newlines quoted).
import { SCHEMA, type DumpStyle, type Row } from '../rows.js';
import type { FormatWriter } from './types.js';

const NEEDS_QUOTES: Record<string, RegExp> = { ',': /[",\n\r]/, '\t': /["\t\n\r]/, ';': /[";\n\r]/ };

function quote(field: string, delimiter: string): string {
  return (NEEDS_QUOTES[delimiter] as RegExp).test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * `excel` is what Excel writes in an Indonesian locale: `;` between fields (the decimal comma
 * takes `,`), CRLF line ends and a UTF-8 byte-order mark.
 */
export function tabularWriter(style: DumpStyle, delimiter: ',' | '\t' | ';', excel = false): FormatWriter {
  const free = SCHEMA.map((c) => c.free === true);
  const eol = excel ? '\r\n' : '\n';
  return {
    start: () => (excel ? '\ufeff' : '') + style.names.map((n) => quote(n, delimiter)).join(delimiter) + eol,
    batch(rows: readonly Row[]): string {
      let out = '';
      for (const row of rows) {
        let line = '';
        for (let i = 0; i < row.length; i++) {
          if (i > 0) line += delimiter;
          const cell = row[i];
          if (cell !== null && cell !== undefined) line += free[i] ? quote(cell, delimiter) : cell;
        }
        out += line + eol;
      }
      return out;
    },
    end: () => '',
  };
}
