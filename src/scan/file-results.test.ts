import { describe, expect, it } from 'vitest';
import { FileResults } from './file-results.js';
import type { FileEntry } from './report.js';
import type { TaskResult } from './task.js';

const result = (id: number, warnings: string[], error: string | null = null): TaskResult =>
  ({ id, records: 10, findings: id, warnings, error });

describe('FileResults', () => {
  it('lists warnings and the error in file order, whatever order the ranges finish in', () => {
    const entry: FileEntry = { path: 'dump.sql', format: 'sql', bytes: 300, records: 0, findings: 0, error: null };
    const results = new FileResults(entry);
    const [first, second, third] = [results.nextRange(), results.nextRange(), results.nextRange()];
    third(result(3, ['at byte 250'], 'READ: at 260'));
    second(result(2, ['at byte 150', 'at byte 160'], 'READ: at 170'));
    first(result(1, ['at byte 50']));
    results.finish();
    expect(entry).toMatchObject({ records: 30, findings: 6, error: 'READ: at 170', warnings: ['at byte 50', 'at byte 150', 'at byte 160', 'at byte 250'] });
  });

  it('keeps an error found while cutting the file when no range failed, and at most 20 warnings', () => {
    const entry: FileEntry = { path: 'a.csv', format: 'csv', bytes: 1, records: 0, findings: 0, error: 'READ: cutting' };
    const results = new FileResults(entry);
    results.nextRange()(result(1, Array.from({ length: 30 }, (_, i) => `w${i}`)));
    results.finish();
    expect(entry.error).toBe('READ: cutting');
    expect(entry.warnings).toHaveLength(20);
  });
});
