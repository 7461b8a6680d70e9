// Query results as the MySQL console prints them (`mysql -t`), the sample a seller pastes: a rule,
// the header, a rule, one `| … |` row per record, a closing rule and the row count. The console
// prints a cell's line breaks as they are; here they become spaces, and a pipe a slash, so each
// record stays one row (no identifier holds either).
import { type DumpStyle, type Row } from '../rows.js';
import type { FormatWriter } from './types.js';

const cellText = (cell: string | null | undefined) => (cell === null || cell === undefined ? 'NULL' : cell.replace(/\r?\n|\r/g, ' ').replaceAll('|', '/'));

export function consoleTableWriter(style: DumpStyle): FormatWriter {
  const rule = `+${style.names.map((n) => '-'.repeat(n.length + 2)).join('+')}+\n`;
  let rows = 0;
  return {
    start: () => `mysql> SELECT * FROM penduduk;\n${rule}| ${style.names.join(' | ')} |\n${rule}`,
    batch(batch: readonly Row[]): string {
      rows += batch.length;
      return batch.map((row) => `| ${row.map(cellText).join(' | ')} |\n`).join('');
    },
    end: () => `${rule}${rows} rows in set (0.42 sec)\n`,
  };
}
