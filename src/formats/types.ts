// The format layer: readers that turn a file's bytes into field batches for the engine.
// A new format (xlsx, pdf, zip, image, dicom, live database) is one more FormatReader; the
// detectors never change. Readers stream: memory stays bounded whatever the file size.
import type { FieldBatch } from '../engine/types.js';

export type FormatName = 'text' | 'csv' | 'tsv' | 'json' | 'ndjson' | 'sql' | 'table' | 'xml' | (string & {});

/** Random access to a file's bytes, so `prepare` can look beyond the head (e.g. SQL DDL). */
export interface ByteSource {
  readonly size: number;
  /**
   * Bytes [offset, offset + length), shorter at the end. A source that must copy (a file) may
   * fill `into` and return a view of it, so a caller reading block after block reuses one buffer.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

/**
 * What every part of a file needs to parse on its own: the CSV dialect and header, the SQL
 * tables' column lists, and so on. Must survive structured cloning (it is sent to workers).
 */
export type FileState = Record<string, unknown>;

/** The length wanted for the range that starts at `offset` (the scan shrinks a file's last ones). */
export type RangeSize = (offset: number) => number;

/** Thrown (or reported) when bytes cannot be parsed; carries a stable code and a readable reason. */
export class FormatError extends Error {
  constructor(
    readonly code: 'BINARY' | 'BAD_ENCODING' | 'TRUNCATED' | 'MALFORMED' | 'UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}

export interface RecordParser {
  /**
   * Feeds the next bytes of the range (fileOffset = file offset of chunk[0]) and returns the
   * fields of every record completed so far. The parser may keep the incomplete tail, but no more
   * than its record limit: a longer record is emitted in pieces so memory stays bounded.
   * The caller may reuse `chunk` once push returns: a parser copies any tail it keeps. The
   * returned batch is valid until the next push or end.
   */
  push(chunk: Uint8Array, fileOffset: number): FieldBatch;
  /** Flushes the tail at the end of the range. */
  end(): FieldBatch;
  /** Lets the next parser reuse this one's buffers; call after the last batch is consumed. */
  release?(): void;
  /** Problems met so far that did not stop parsing (unbalanced quote, broken SQL statement…). */
  readonly warnings: readonly string[];
}

export interface FormatReader {
  readonly format: FormatName;
  /** How sure the reader is (0–1) that these first bytes and this path are its format. */
  sniff(head: Uint8Array, path: string): number;
  /** Whether ranges that start at a line boundary can be parsed independently (by workers). */
  readonly splittable: boolean;
  /** Learns the file-wide state from the head (and, where needed, more of the file). */
  prepare(source: ByteSource, head: Uint8Array): Promise<FileState>;
  /**
   * Where ranges of about `rangeBytes(start)` may start, for a file whose records can span lines
   * (CSV with line breaks in quoted fields, SQL strings), in ascending order as they are found.
   * Without the method, the scan layer cuts at newlines.
   */
  cuts?(state: FileState, source: ByteSource, rangeBytes: RangeSize): AsyncIterable<number>;
  /**
   * True when `cuts` reads its source only forward and needs nothing `prepare` learned deeper in
   * the file (CSV: yes; SQL, which knows where COPY blocks lie: no), so that a decompressed gzip
   * stream can be cut the same way. Formats without `cuts` are cut at newlines, which always can.
   */
  readonly cutsStreams?: boolean;
  /** A parser for the range starting at `rangeStart` (0 = the start of the file). */
  createParser(state: FileState, rangeStart: number): RecordParser;
}
