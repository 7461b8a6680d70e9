// Public face of the detection engine: a library with no I/O and no server dependency.
import { asOfFromDate } from './as-of.js';
import { Engine, type EngineOptions } from './pipeline.js';
import type { FieldBatch, Finding, PiiType } from './types.js';

export { Engine, type EngineOptions } from './pipeline.js';
export { asOfFromDate, parseAsOf } from './as-of.js';
export { detectors } from './detectors/index.js';
export { describeNik } from './detectors/nik/nik.js';
export { mask } from './mask.js';
export * from './types.js';

/** A batch holding one free-text field: what a post, a paste or a log line is. */
export function textBatch(bytes: Uint8Array, fileOffset = 0): FieldBatch {
  return {
    bytes, fileOffset, count: 1, start: Int32Array.of(0), end: Int32Array.of(bytes.length),
    column: Int32Array.of(-1), columns: [], records: 1,
  };
}

export interface TextScanOptions {
  asOf?: string | Date;
  types?: readonly PiiType[];
  minConfidence?: number;
}

/**
 * Finds personal data in a piece of free text (a forum post, a paste). Findings carry raw values:
 * callers mask them (see `mask`) before storing or showing them.
 */
export function scanText(text: string, options: TextScanOptions = {}): Finding[] {
  const found: Finding[] = [];
  const asOfDate = options.asOf === undefined ? new Date() : new Date(options.asOf);
  const engineOptions: EngineOptions = {
    asOf: asOfFromDate(asOfDate),
    onFinding: (f) => found.push(f),
    countLines: true,
    ...(options.types ? { types: options.types } : {}),
    ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
  };
  const engine = new Engine(engineOptions);
  engine.scanBatch(textBatch(new TextEncoder().encode(text)));
  return found;
}
