// XML exports and SOAP-style responses: one <record id="…"> per row, its columns as elements
// grouped by table (<penduduk><nik>…</nik>…</penduduk>), text escaped as XML requires.
import { SCHEMA, TABLES, type DumpStyle, type Row } from '../rows.js';
import type { FormatWriter } from './types.js';

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function xmlWriter(style: DumpStyle): FormatWriter {
  return {
    start: () => '<?xml version="1.0" encoding="UTF-8"?>\n<records>\n',
    batch(rows: readonly Row[]): string {
      let out = '';
      for (const row of rows) {
        out += `  <record id="${row[0] ?? ''}">\n`;
        for (const table of TABLES) {
          out += `    <${table}>`;
          for (let i = 1; i < SCHEMA.length; i++) {
            const cell = row[i], name = style.names[i]!;
            if (SCHEMA[i]!.table === table && cell !== null && cell !== undefined) out += `<${name}>${escapeText(cell)}</${name}>`;
          }
          out += `</${table}>\n`;
        }
        out += '  </record>\n';
      }
      return out;
    },
    end: () => '</records>\n',
  };
}
