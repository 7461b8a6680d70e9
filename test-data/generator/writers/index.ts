// Picks the writer for a dump format. Dialect choices (pretty JSON or not) come from the seed.
import type { Random } from '../random.js';
import type { DumpStyle } from '../rows.js';
import { consoleTableWriter } from './console.js';
import { jsonWriter, ndjsonWriter } from './json.js';
import { mysqlWriter, postgresWriter } from './sql.js';
import { tabularWriter } from './tabular.js';
import { logWriter, textWriter } from './text.js';
import type { DumpFormat, FormatWriter } from './types.js';
import { xmlWriter } from './xml.js';

export { FORMATS, isDumpFormat, type DumpFormat, type FormatWriter } from './types.js';

/** File extension (before any `.gz`) of each format, as a scanner would see it. */
export const EXTENSIONS: Record<DumpFormat, string> = {
  csv: 'csv', tsv: 'tsv', json: 'json', ndjson: 'ndjson', mysql: 'sql', postgres: 'sql', text: 'txt', log: 'log', table: 'txt', xml: 'xml',
};

/** `excel`: CSV as Excel writes it in an Indonesian locale (`;`, CRLF, BOM); other formats ignore it. */
export type CsvDialect = 'comma' | 'excel';

export function writerFor(format: DumpFormat, style: DumpStyle, rng: Random, dialect: CsvDialect = 'comma'): FormatWriter {
  switch (format) {
    case 'csv': return dialect === 'excel' ? tabularWriter(style, ';', true) : tabularWriter(style, ',');
    case 'tsv': return tabularWriter(style, '\t');
    case 'json': return jsonWriter(style, rng.chance(0.5), rng);
    case 'ndjson': return ndjsonWriter(style);
    case 'mysql': return mysqlWriter(style);
    case 'postgres': return postgresWriter(style);
    case 'text': return textWriter(style, rng);
    case 'log': return logWriter(style, rng);
    case 'table': return consoleTableWriter(style);
    case 'xml': return xmlWriter(style);
  }
}
