// Picks the writer for a dump format. Dialect choices (pretty JSON or not) come from the seed.
import type { Random } from '../random.js';
import type { DumpStyle } from '../rows.js';
import { jsonWriter, ndjsonWriter } from './json.js';
import { mysqlWriter, postgresWriter } from './sql.js';
import { tabularWriter } from './tabular.js';
import { logWriter, textWriter } from './text.js';
import type { DumpFormat, FormatWriter } from './types.js';

export { FORMATS, isDumpFormat, type DumpFormat, type FormatWriter } from './types.js';

/** File extension (before any `.gz`) of each format, as a scanner would see it. */
export const EXTENSIONS: Record<DumpFormat, string> = {
  csv: 'csv', tsv: 'tsv', json: 'json', ndjson: 'ndjson', mysql: 'sql', postgres: 'sql', text: 'txt', log: 'log',
};

export function writerFor(format: DumpFormat, style: DumpStyle, rng: Random): FormatWriter {
  switch (format) {
    case 'csv': return tabularWriter(style, ',');
    case 'tsv': return tabularWriter(style, '\t');
    case 'json': return jsonWriter(style, rng.chance(0.5));
    case 'ndjson': return ndjsonWriter(style);
    case 'mysql': return mysqlWriter(style);
    case 'postgres': return postgresWriter(style);
    case 'text': return textWriter(style, rng);
    case 'log': return logWriter(style, rng);
  }
}
