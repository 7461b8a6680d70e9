// A file's report entry, filled from the results of its ranges. Workers finish ranges in an order
// that varies from run to run; warnings and the error are kept in file order, so the same input
// gives the same report.
import type { FileEntry } from './report.js';
import type { TaskResult } from './task.js';

/** Warnings a file entry lists at most. */
const MAX_WARNINGS = 20;

export class FileResults {
  private readonly warnings: string[][] = [];
  private readonly errors: (string | null)[] = [];
  private ranges = 0;

  constructor(private readonly entry: FileEntry) {}

  /** Takes the result of the file's next range (ranges are handed out in file order). */
  nextRange(): (result: TaskResult) => void {
    const index = this.ranges++;
    return (result) => {
      const entry = this.entry;
      if (result.format) entry.format = result.format;
      entry.findings += result.findings;
      entry.records += result.records;
      this.warnings[index] = result.warnings;
      this.errors[index] = result.error;
    };
  }

  /** Once every range is in: the first range's error wins over one found while cutting the file. */
  finish(): void {
    this.entry.error = this.errors.find(Boolean) ?? this.entry.error;
    const warnings = this.warnings.flat();
    if (warnings.length) this.entry.warnings = warnings.slice(0, MAX_WARNINGS);
  }
}
