// The contract between the dump driver and one output format: text before the first row, text
// for a batch of rows, text after the last. Writers must emit every non-null cell of every row,
// because the ground truth was recorded when the row was built.
import type { Random } from '../random.js';
import type { DumpStyle, Row } from '../rows.js';

export const FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'mysql', 'postgres', 'text', 'log', 'table', 'xml'] as const;
export type DumpFormat = (typeof FORMATS)[number];

export interface FormatWriter {
  start(): string;
  /** `first` is true for the first batch (JSON arrays need to know where commas go). */
  batch(rows: readonly Row[], first: boolean): string;
  end(): string;
}

export interface WriterContext {
  readonly style: DumpStyle;
  readonly rng: Random;
}

export function isDumpFormat(name: string): name is DumpFormat {
  return (FORMATS as readonly string[]).includes(name);
}
