// Test support shared by the reader tests: run bytes through a reader the way the scan layer
// does (prepare, then push in chunks, then end) and collect the fields as plain values.
import type { FieldBatch } from '../engine/types.js';
import type { ByteSource, FileState, FormatReader } from './types.js';

export interface ReadField {
  /** File offset of the field's first byte. */
  offset: number;
  value: string;
  column: string | null;
}

export interface ReadResult {
  fields: ReadField[];
  records: number;
  warnings: readonly string[];
}

/** Bytes as a ByteSource that, like a file, copies into the caller's buffer when given one. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset: number, length: number, into?: Uint8Array) => {
      const view = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      if (!into || into.length < view.length) return view;
      into.set(view);
      return into.subarray(0, view.length);
    },
  };
}

export async function prepareState(reader: FormatReader, bytes: Uint8Array, headBytes = 65536): Promise<FileState> {
  return reader.prepare(memorySource(bytes), bytes.subarray(0, headBytes));
}

function collect(batch: FieldBatch, out: ReadField[]): void {
  const decoder = new TextDecoder();
  for (let i = 0; i < batch.count; i++) {
    const start = batch.start[i]!, end = batch.end[i]!, column = batch.column[i]!;
    out.push({
      offset: batch.fileOffset + start,
      value: decoder.decode(batch.bytes.subarray(start, end)),
      column: column < 0 ? null : batch.columns[column]!,
    });
  }
}

/**
 * Parses bytes[rangeStart, rangeEnd) with chunks cut at `cuts` (absolute offsets). Each chunk is
 * copied into one reused buffer that is overwritten after push, as a reading loop would do, and
 * the parser is released at the end.
 */
export function readRange(
  reader: FormatReader, state: FileState, bytes: Uint8Array,
  rangeStart = 0, rangeEnd = bytes.length, cuts: number[] = [],
): ReadResult {
  const parser = reader.createParser(state, rangeStart);
  const fields: ReadField[] = [];
  let records = 0;
  const points = [...cuts.filter((c) => c > rangeStart && c < rangeEnd).sort((a, b) => a - b), rangeEnd];
  const scratch = new Uint8Array(rangeEnd - rangeStart);
  let at = rangeStart;
  for (const point of points) {
    if (point === at) continue;
    const chunk = scratch.subarray(0, point - at);
    chunk.set(bytes.subarray(at, point));
    const batch = parser.push(chunk, at);
    collect(batch, fields);
    records += batch.records;
    chunk.fill(0x7e);
    at = point;
  }
  const last = parser.end();
  collect(last, fields);
  records += last.records;
  // As a scan does: the next parser reuses this one's buffers (and must not see their old bytes).
  parser.release?.();
  return { fields, records, warnings: parser.warnings };
}

/** Fields joined as `column=value` lines: an easy shape to compare read paths with. */
export function fieldLines(result: ReadResult): string[] {
  return result.fields.map((f) => `${f.column ?? '-'}=${f.value}`);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
