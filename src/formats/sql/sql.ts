// SQL dumps: MySQL (CREATE TABLE + multi-row INSERT … VALUES (…),(…)), PostgreSQL (COPY … FROM
// stdin blocks and INSERT), SQLite .dump, SQL Server scripts (GO, no `;`) and Oracle exports (INSERT
// ALL, INSERT … SELECT … FROM dual). Values inside tuples and COPY rows, and literals assigned to a
// column (UPDATE … SET, WHERE col = …), become fields named `table.column` from the DDL or the
// statement (`table.colN` when unknown). Other statements that are not DDL/control are free text.
import { recordLimit } from '../pieces.js';
import type { ByteSource, FileState, FormatReader, RangeSize } from '../types.js';
import { sqlCuts } from './cuts.js';
import { hasSqlMarker } from './markers.js';
import { SqlParser } from './parser.js';
import { prepareSql, type SqlState } from './prepare.js';

export const sqlReader: FormatReader = {
  format: 'sql',
  splittable: true,
  sniff(head: Uint8Array, path: string): number {
    if (hasSqlMarker(head.subarray(0, 65536))) return 0.97;
    return path.toLowerCase().endsWith('.sql') ? 0.3 : 0;
  },
  prepare: (source, head) => prepareSql(source, head),
  cuts: (state: FileState, source: ByteSource, rangeBytes: RangeSize) => sqlCuts(source, state as SqlState, { rangeBytes }),
  createParser: (state: FileState, rangeStart: number) => new SqlParser(state as SqlState, rangeStart, recordLimit(state)),
};
