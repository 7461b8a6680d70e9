// Core types of the detection engine: what format readers hand in (field batches), what the
// prefilter finds (tokens), what detectors return (verdicts) and what comes out (findings).
// The engine does no I/O: callers feed bytes and receive findings through a sink.

/** Finding type ids: a public contract shared by every capability. */
export const PII_TYPES = [
  'NIK', 'KK', 'NPWP', 'PHONE', 'EMAIL', 'CREDIT_CARD', 'BPJS', 'PASSPORT', 'BANK_ACCOUNT',
  'DATE_OF_BIRTH', 'PERSON_NAME', 'ADDRESS', 'MOTHER_MAIDEN_NAME', 'RELIGION', 'HEALTH',
  'BIOMETRIC', 'PASSWORD', 'IP_ADDRESS',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** UU PDP No. 27/2022 Art. 4: general vs specific personal data. */
export type PdpCategory = 'general' | 'specific';

/**
 * Label hints: a bit per PiiType (bit i = PII_TYPES[i]) plus a NEGATIVE bit for words such as
 * "resi", "order" or "invoice" that mark a number as not personal. Computed once per column name,
 * field path or text window; detectors test bits with `hints & hintBit('NIK')`.
 */
export type LabelHints = number;
export const NEGATIVE_HINT = 1 << 30;
const HINT_BITS = Object.fromEntries(PII_TYPES.map((type, i) => [type, 1 << i])) as Record<PiiType, number>;
export function hintBit(type: PiiType): number {
  return HINT_BITS[type];
}

/**
 * A batch of fields that a format reader found in one buffer. Fields are byte ranges, not
 * strings, so the hot path allocates nothing per field.
 */
export interface FieldBatch {
  /** The bytes the ranges point into. */
  readonly bytes: Uint8Array;
  /** Offset in the file of bytes[0]. */
  readonly fileOffset: number;
  /** Number of fields in the batch. */
  readonly count: number;
  /** Field i is bytes[start[i], end[i]) with quotes and delimiters removed. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Index into `columns`, or -1 for free text (a log line, a text file, a SQL comment). */
  readonly column: Int32Array;
  /** Column names or JSON field paths (e.g. `pasien[].nik`), interned per file. */
  readonly columns: readonly string[];
  /** Records (rows, objects, tuples, lines) completed in this batch. */
  readonly records: number;
  /**
   * Turns a field's raw text into its value where the format escapes (CSV `""`, JSON `\"` and
   * `\uXXXX`, SQL `\'` or `''`). Used only for values handed to field detectors (names,
   * addresses…): identifiers never contain escapes, so the hot path never calls it.
   */
  readonly unescape?: (raw: string) => string;
}

/** What the prefilter finds in raw bytes and offers to detectors. */
export type TokenKind = 'number' | 'email' | 'ipv6';

/** Separators seen inside a number token, as bits of Token.separators. */
export const SEP_SPACE = 1, SEP_DASH = 2, SEP_DOT = 4, SEP_SLASH = 8, SEP_PAREN = 16;

/**
 * A candidate span. The engine reuses one Token object for every candidate: a detector must
 * read what it needs during `confirm` and never keep the object.
 */
export interface Token {
  kind: TokenKind;
  bytes: Uint8Array;
  /** Byte range of the candidate within `bytes`. */
  start: number;
  end: number;
  /** For number tokens: the digit values (0–9) in order, and how many there are. */
  readonly digits: Uint8Array;
  digitCount: number;
  /** Number of digit groups, e.g. 4 for `+62 812 3456 7890`. */
  groups: number;
  /** Length in digits of the longest group. */
  longestGroup: number;
  /** Bitmask of SEP_* separators used between groups. */
  separators: number;
  /** True when the token starts with `+`. */
  plus: boolean;
}

/** Where the context for a candidate came from. */
export type ContextSource = 'column' | 'text' | 'none';

/** What a detector knows about the surroundings of a candidate. */
export interface DetectionContext {
  /** Day the scan treats as today: the year pivot of dates and the age of minors hang on it. */
  readonly asOf: AsOf;
  /** Hints from the column name / field path, or from the words just before the candidate. */
  readonly hints: LabelHints;
  readonly source: ContextSource;
  /** The column name, field path or context words that produced the hints (for explanations). */
  readonly label: string | null;
}

export interface AsOf {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** ISO date, YYYY-MM-DD. */
  readonly iso: string;
}

/** A detector's decision on one candidate. */
export interface Verdict {
  /** 0–1; the pipeline drops verdicts below its threshold and keeps the best one per span. */
  readonly confidence: number;
  /** Stable rule id, e.g. `nik.structure`. */
  readonly rule: string;
  /** What the validator checked, without the raw value, e.g. `region 317110 valid; date 1990-01-01`. */
  readonly validator: string;
}

/** Detectors that confirm candidates found by the prefilter (numbers, e-mails, IPv6). */
export interface TokenDetector {
  readonly type: PiiType;
  readonly category: PdpCategory;
  readonly tokenKinds: readonly TokenKind[];
  /** For number tokens: digit-count bounds; the pipeline skips the detector outside them. */
  readonly minDigits?: number;
  readonly maxDigits?: number;
  confirm(token: Token, context: DetectionContext): Verdict | null;
  /**
   * The highest confidence `confirm` can give under these hints (absent: 1). The engine asks once
   * per labelled column and skips detectors the label rules out: a NIK in a `no_kk` column or a
   * phone in a `no_resi` column can never pass, so no candidate there is offered to them.
   */
  ceiling?(hints: LabelHints): number;
  /** The normalized value (see DEVELOPERS conventions). Called only for confirmed candidates. */
  normalize(token: Token): string;
  /**
   * For values that are the token's digits from some index on (after a fixed prefix, if any): that
   * index. The engine then counts distinct values from the digits and builds no string to count.
   */
  keyStart?(token: Token): number;
  /** Optional attributes of a confirmed value (e.g. NIK: gender, birth date, region). */
  describe?(normalized: string, asOf: AsOf): Record<string, string | number | boolean> | null;
}

/** Detectors for values named by their column, field path or text label (names, addresses…). */
export interface FieldDetector {
  readonly type: PiiType;
  readonly category: PdpCategory;
  /** `value` is the whole field, already decoded. Return null when it is empty or not this type. */
  confirmField(value: string, context: DetectionContext): Verdict | null;
  normalizeField(value: string): string;
  /**
   * Where an unquoted value after a label in free text ends, when this type ends sooner than the
   * next label or separator does: a name before ", umur 30" (bytes[start, end) is the value so far).
   */
  textValueEnd?(bytes: Uint8Array, start: number, end: number): number;
}

/** A confirmed finding, as the engine hands it to a sink. Holds the raw value: sinks mask it. */
export interface Finding {
  readonly type: PiiType;
  readonly category: PdpCategory;
  /** Byte offset in the file and length in bytes. */
  readonly offset: number;
  /** 1-based line of `offset`, counted from where the engine started (0 when lines are not counted). */
  readonly line: number;
  readonly length: number;
  /** Column name or field path, or null for free text. */
  readonly field: string | null;
  readonly value: string;
  readonly confidence: number;
  readonly explain: readonly string[];
}
