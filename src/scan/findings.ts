// The findings NDJSON contract (version 1): one line per finding with its masked value and a
// keyed hash of the normalized value; the raw value only when the caller asked to reveal it.
import { createHmac } from 'node:crypto';
import { mask, type Finding, type PiiType } from '../engine/index.js';

export const FINDINGS_SCHEMA_VERSION = 1;

export interface FindingRecord {
  type: PiiType;
  file: string;
  line: number;
  field: string | null;
  offset: number;
  length: number;
  confidence: number;
  masked: string;
  /** HMAC-SHA256 (hex) of the normalized value under the project's finding-hash key. */
  hash: string;
  explain: string[];
  /** The normalized value; present only with --reveal. */
  value?: string;
}

export class FindingEncoder {
  private readonly key: Buffer;

  constructor(private readonly file: string, keyHex: string, private readonly reveal: boolean) {
    this.key = Buffer.from(keyHex, 'hex');
  }

  encode(finding: Finding): FindingRecord {
    const record: FindingRecord = {
      type: finding.type,
      file: this.file,
      line: finding.line,
      field: finding.field,
      offset: finding.offset,
      length: finding.length,
      confidence: Math.round(finding.confidence * 100) / 100,
      masked: mask(finding.type, finding.value),
      hash: createHmac('sha256', this.key).update(finding.value, 'utf8').digest('hex'),
      explain: [...finding.explain],
    };
    if (this.reveal) record.value = finding.value;
    return record;
  }
}
