// The scanning pipeline: field batch → prefilter (one pass, every detector's candidates) →
// confirm (only the detectors that take the candidate's shape) → context score → best verdict
// per span → stats and sink. Field detectors run only on fields whose label names their type.
import { CandidateContext } from './context/candidate.js';
import { introducedNames } from './context/introductions.js';
import { columnHints, wordsOf } from './context/labels.js';
import { writtenBirthDates } from './context/birth-cues.js';
import { decodeFormValue, textLabels, unescapeQuoted, type TextLabel } from './context/text-labels.js';
import { detectors as registered, isFieldDetector, isTokenDetector, type Detector } from './detectors/index.js';
import { ALL_MARKS, MARK_BIRTH, MARK_LABEL_SEPARATOR, MARK_INTRODUCTION, MAX_TOKEN_DIGITS, createToken, scanTokens } from './prefilter/scanner.js';
import { ScanStats, TYPE_INDEX } from './stats/scan-stats.js';
import { FieldSpans } from './spans.js';
import { decodeUtf8 } from './prefilter/decode.js';
import {
  NEGATIVE_HINT, hintBit, type AsOf, type DetectionContext, type FieldBatch, type FieldDetector, type Finding,
  type LabelHints, type PdpCategory, type PiiType, type Token, type TokenDetector, type Verdict,
} from './types.js';

/** Column plans kept by name at most. */
const MAX_PLANNED_NAMES = 4096;

export interface EngineOptions {
  asOf: AsOf;
  /** Only these types are reported (default: all). */
  types?: readonly PiiType[];
  /** Verdicts below this are dropped (default 0.5). */
  minConfidence?: number;
  /** Receives each finding with its raw value; when absent findings are only counted. */
  onFinding?: (finding: Finding) => void;
  /** Count lines so findings carry a line number (costs a newline pass per batch). */
  countLines?: boolean;
  detectors?: readonly Detector[];
  /** Totals to count into (default: the engine's own); several engines in a row may share one. */
  stats?: ScanStats;
}

interface ColumnPlan {
  context: CandidateContext;
  fieldRules: FieldRule[];
  /** The token rules that can pass under the column's label (a free-text column: all of them). */
  rules: RuleTable;
}

/** Token rules by what a candidate is: a number by its digit count, or an e-mail or IPv6 run. */
interface RuleTable {
  readonly byDigits: Rule[][];
  readonly byKind: Record<'email' | 'ipv6', Rule[]>;
  /** False when no rule takes numbers: the prefilter skips digit runs. */
  readonly numbers: boolean;
  /** False when no rule is left at all: the prefilter does not run. */
  readonly any: boolean;
}

/** A token detector with what the hot path needs about it, looked up once instead of per finding. */
interface Rule {
  readonly detector: TokenDetector;
  readonly type: PiiType;
  readonly category: PdpCategory;
  readonly bit: number;
  readonly typeIndex: number;
  /** NIK: subjects are counted from the digits. */
  readonly countsDigits: boolean;
  /** Other values counted by their digits from this index on (TokenDetector.keyStart). */
  readonly keyStart: ((token: Token) => number) | null;
}

/** A field detector with its type's hint bit and index, looked up once instead of per field. */
interface FieldRule {
  readonly detector: FieldDetector;
  readonly bit: number;
  readonly typeIndex: number;
}

class EngineFinding implements Finding {
  constructor(
    readonly type: PiiType, readonly category: PdpCategory, readonly offset: number, readonly length: number,
    readonly line: number, readonly field: string | null, readonly value: string, readonly confidence: number,
    private readonly verdict: Verdict, private readonly context: DetectionContext,
  ) {}

  get explain(): string[] {
    const { source, label } = this.context;
    const context = source === 'column' ? `column "${label}"` : source === 'text' ? `context words "${label}"` : 'no context';
    return [`rule: ${this.verdict.rule}`, `validator: ${this.verdict.validator}`, `context: ${context}`];
  }
}

export class Engine {
  readonly stats: ScanStats;
  private readonly asOf: AsOf;
  private readonly minConfidence: number;
  private readonly onFinding: ((finding: Finding) => void) | undefined;
  private readonly countLines: boolean;
  private readonly rules: Rule[] = [];
  private readonly allRules: RuleTable;
  /** Rule tables of labelled columns, by their hints (columns with the same hints share one). */
  private readonly rulesByHints = new Map<LabelHints, RuleTable>();
  private readonly fieldRules: FieldRule[];
  private readonly fieldTypeMask: number;
  private readonly categoryOf = new Map<PiiType, PdpCategory>();
  private readonly token = createToken();
  private readonly textContext: CandidateContext;

  private readonly plansByName = new Map<string, ColumnPlan>();
  private columns: readonly string[] | null = null;
  private plans: (ColumnPlan | undefined)[] = [];
  private batch: FieldBatch | null = null;
  private fieldStart = 0;
  private plan: ColumnPlan | undefined;
  /** The rule table of the current field. */
  private table: RuleTable;
  /** Spans found in the current field: field detectors skip what token detectors took. */
  private readonly emitted = new FieldSpans();
  private countedOffset = 0;
  private countedLine = 1;
  /** The field value decoded last, so several field detectors on one field decode it once. */
  private decodedBytes: Uint8Array | null = null;
  private decodedStart = 0;
  private decodedEnd = 0;
  private decoded = '';

  constructor(options: EngineOptions) {
    this.asOf = options.asOf;
    this.stats = options.stats ?? new ScanStats(options.asOf);
    this.minConfidence = options.minConfidence ?? 0.5;
    this.onFinding = options.onFinding;
    this.countLines = options.countLines ?? false;
    const wanted = options.types ? new Set(options.types) : null;
    const active = (options.detectors ?? registered).filter((d) => !wanted || wanted.has(d.type));
    for (const d of active) {
      this.categoryOf.set(d.type, d.category);
      if (!isTokenDetector(d)) continue;
      this.rules.push({
        detector: d, type: d.type, category: d.category, bit: hintBit(d.type), typeIndex: TYPE_INDEX[d.type], countsDigits: d.type === 'NIK',
        keyStart: d.keyStart ? d.keyStart.bind(d) : null,
      });
    }
    this.allRules = ruleTable(this.rules);
    this.table = this.allRules;
    this.fieldRules = active.filter(isFieldDetector).map((d) => ({ detector: d, bit: hintBit(d.type), typeIndex: TYPE_INDEX[d.type] }));
    this.fieldTypeMask = this.fieldRules.reduce((mask, r) => mask | r.bit, 0);
    this.textContext = CandidateContext.text(this.asOf);
    this.nameRule = this.fieldRules.find((r) => r.detector.type === 'PERSON_NAME');
    this.birthDateRule = this.fieldRules.find((r) => r.detector.type === 'DATE_OF_BIRTH');
  }

  /** Values a cue word introduces in free text ("saya Adi Hidayat", "lahir 12 Maret 1985"), the cue their context. */
  private readonly nameRule: FieldRule | undefined;
  private readonly birthDateRule: FieldRule | undefined;
  private readonly cueContexts = new Map<string, CandidateContext>();
  private readonly onIntroducedName = (start: number, end: number, cue: string): void => this.confirmAfterCue(this.nameRule!, start, end, cue);
  private readonly onBirthDate = (start: number, end: number, cue: string): void => this.confirmAfterCue(this.birthDateRule!, start, end, cue);

  private confirmAfterCue(rule: FieldRule, start: number, end: number, cue: string): void {
    let context = this.cueContexts.get(cue);
    if (!context) this.cueContexts.set(cue, (context = CandidateContext.fixed(this.asOf, rule.bit, 'text', cue)));
    this.confirmField(rule, this.batch!.bytes, start, end, context);
  }

  category(type: PiiType): PdpCategory {
    return this.categoryOf.get(type) ?? 'general';
  }

  /** Where line counting starts: call at the start of each file or range (line = 1-based line there). */
  startRange(fileOffset: number, line = 1): void {
    this.countedOffset = fileOffset;
    this.countedLine = line;
  }

  scanBatch(batch: FieldBatch): void {
    this.batch = batch;
    // Readers reuse their buffers: the same range of the same buffer holds new text in a new batch.
    this.decodedBytes = null;
    if (batch.columns !== this.columns) {
      this.columns = batch.columns;
      // Filled with undefined, not empty: the array then keeps one shape as plans come in, and
      // V8 does not throw away the optimized scanBatch when the next file's array shows up.
      this.plans = batch.columns.map(() => undefined);
    }
    this.scanFields(batch);
    if (this.countLines) this.advanceLines(batch.fileOffset + batch.bytes.length);
    this.batch = null;
  }

  /**
   * The batch's fields. Its own function: V8 optimizes this loop mid-call, and code after it in
   * the same function, never run by then, threw that code away at the end of each batch.
   */
  private scanFields(batch: FieldBatch): void {
    const { bytes, start, end, column } = batch;
    for (let i = 0; i < batch.count; i++) {
      const s = start[i]!, e = end[i]!, c = column[i]!;
      this.fieldStart = s;
      this.emitted.clear();
      const plan = (this.plan = c >= 0 ? (this.plans[c] ??= this.planColumn(batch.columns[c]!)) : undefined);
      const table = (this.table = plan ? plan.rules : this.allRules);
      const marks = table.any ? scanTokens(bytes, s, e, this.token, this.onToken, table.numbers) : ALL_MARKS;
      if (plan) for (const rule of plan.fieldRules) this.confirmField(rule, bytes, s, e, plan.context);
      // A column whose name says nothing (notes, messages): its cells are read as text, labels included.
      if (!plan || !plan.context.fixedHints) this.scanFreeText(bytes, s, e, marks);
    }
  }

  /** A column's plan, made once per name: the files of a folder of exports repeat their columns. */
  private planColumn(name: string): ColumnPlan {
    let plan = this.plansByName.get(name);
    if (plan) return plan;
    const hints = columnHints(name);
    const context = CandidateContext.fixed(this.asOf, hints, hints ? 'column' : 'none', name);
    const fieldRules = hints & this.fieldTypeMask ? this.fieldRules.filter((r) => hints & r.bit) : [];
    plan = { context, fieldRules, rules: hints ? this.rulesUnder(hints) : this.allRules };
    // Wide or generated names (`col1`…`col4096`, JSON paths) must not grow the cache without end.
    if (this.plansByName.size >= MAX_PLANNED_NAMES) this.plansByName.clear();
    this.plansByName.set(name, plan);
    return plan;
  }

  /** The rules that can reach the confidence threshold under a label's hints. */
  private rulesUnder(hints: LabelHints): RuleTable {
    let table = this.rulesByHints.get(hints);
    if (!table) {
      table = ruleTable(this.rules.filter((r) => (r.detector.ceiling?.(hints) ?? 1) >= this.minConfidence));
      this.rulesByHints.set(hints, table);
    }
    return table;
  }

  private readonly onToken = (token: Token): void => {
    let candidates: Rule[] | undefined;
    if (token.kind === 'number') {
      if (token.digitCount > MAX_TOKEN_DIGITS) return;
      candidates = this.table.byDigits[token.digitCount];
    } else {
      candidates = this.table.byKind[token.kind];
    }
    if (!candidates || candidates.length === 0) return;
    // A column that names nothing (notes, comments) is free text: the words in the cell decide.
    const plan = this.plan;
    const context = plan && plan.context.fixedHints ? plan.context : this.textContext.reset(token, this.fieldStart);
    let best: Verdict | null = null, winner: Rule | null = null;
    for (let k = 0; k < candidates.length; k++) {
      const rule = candidates[k]!;
      const verdict = rule.detector.confirm(token, context);
      if (verdict !== null && (best === null || verdict.confidence > best.confidence)) {
        best = verdict;
        winner = rule;
      }
    }
    if (best !== null && winner !== null && best.confidence >= this.minConfidence) {
      this.emitToken(winner, token, best, context);
    } else if (plan && context === plan.context) {
      // Sample verification counts invalid identifiers in labelled columns only: reading the words
      // around every failed free-text candidate would cost more than the whole scan.
      this.countInvalid(context.fixedHints, candidates);
    }
  };

  private emitToken(rule: Rule, token: Token, verdict: Verdict, context: CandidateContext): void {
    this.emitted.add(rule.bit, token.start, token.end);
    const { typeIndex, category, keyStart } = rule;
    // Counting alone builds no string for the values told by their digits (NIK, KK, phones, cards…).
    const sink = this.onFinding !== undefined;
    const value = sink || (!rule.countsDigits && !keyStart) ? rule.detector.normalize(token) : '';
    if (rule.countsDigits) this.stats.addFindingAt(typeIndex, category, value, token.digits);
    else if (keyStart) this.stats.addDigitsFindingAt(typeIndex, category, token.digits, keyStart(token), token.digitCount);
    else this.stats.addFindingAt(typeIndex, category, value, null);
    if (sink) this.report(rule.type, category, token.start, token.end - token.start, value, verdict, context);
  }

  /** A labelled value that no detector accepted is an invalid identifier of the labelled type. */
  private countInvalid(hints: LabelHints, candidates: readonly Rule[]): void {
    if (hints & NEGATIVE_HINT) return;
    for (const rule of candidates) {
      if (hints & rule.bit) {
        this.stats.addInvalid(rule.type);
        return;
      }
    }
  }

  private confirmField(
    rule: FieldRule, bytes: Uint8Array, s: number, e: number, context: CandidateContext, unescape = this.batch?.unescape,
  ): void {
    if (e <= s || this.emitted.overlaps(rule.bit, s, e)) return;
    const { detector } = rule;
    const value = this.fieldValue(bytes, s, e, unescape);
    const verdict = detector.confirmField(value, context);
    if (verdict && verdict.confidence >= this.minConfidence) {
      const normalized = detector.normalizeField(value);
      this.emitted.add(rule.bit, s, e);
      this.stats.addFindingAt(rule.typeIndex, detector.category, normalized, null);
      if (this.onFinding) this.report(detector.type, detector.category, s, e - s, normalized, verdict, context);
    }
  }

  /** The decoded, unescaped text of bytes[s, e), decoded once however many field detectors read it. */
  private fieldValue(bytes: Uint8Array, s: number, e: number, unescape: ((raw: string) => string) | undefined): string {
    if (bytes === this.decodedBytes && s === this.decodedStart && e === this.decodedEnd) return this.decoded;
    const raw = decodeUtf8(bytes, s, e);
    const value = unescape ? unescape(raw) : raw;
    this.decodedBytes = bytes;
    this.decodedStart = s;
    this.decodedEnd = e;
    this.decoded = value;
    return value;
  }

  /**
   * Free text: "label: value" pairs (context/text-labels.ts) and names introduced with "saya", each
   * read only when the prefilter saw the bytes it starts from (`marks`).
   */
  private scanFreeText(bytes: Uint8Array, s: number, e: number, marks: number): void {
    if (marks & MARK_LABEL_SEPARATOR && this.fieldRules.length > 0) textLabels(bytes, s, e, this.fieldTypeMask, this.onTextLabel);
    if (marks & MARK_INTRODUCTION && this.nameRule) introducedNames(bytes, s, e, this.onIntroducedName);
    if (marks & MARK_BIRTH && this.birthDateRule) writtenBirthDates(bytes, s, e, this.onBirthDate);
  }

  private readonly onTextLabel = (label: TextLabel): void => {
    const { bytes, hints } = label;
    const context = CandidateContext.fixed(this.asOf, hints, 'text', wordsOf(bytes, label.labelStart, label.labelEnd).join(' '));
    const unescape = label.quoted ? unescapeQuoted : label.formEncoded ? decodeFormValue : undefined;
    for (const rule of this.fieldRules) {
      if (!(hints & rule.bit)) continue;
      const end = rule.detector.textValueEnd && !label.quoted ? rule.detector.textValueEnd(bytes, label.valueStart, label.valueEnd) : label.valueEnd;
      this.confirmField(rule, bytes, label.valueStart, end, context, unescape);
    }
  };

  /** Hands a finding to the sink (only when there is one: counting alone never builds it). */
  private report(
    type: PiiType, category: PdpCategory, start: number, length: number, value: string, verdict: Verdict, context: CandidateContext,
  ): void {
    const batch = this.batch!;
    const offset = batch.fileOffset + start;
    const line = this.countLines ? this.advanceLines(offset) : 0;
    const field = this.plan ? this.plan.context.label : null;
    this.onFinding!(new EngineFinding(type, category, offset, length, line, field, value, verdict.confidence, verdict, context.snapshot()));
  }

  /**
   * Counts newlines from the last counted offset up to `fileOffset` within the current batch; back
   * to it when a later pass over a field (labels after tokens) reports an earlier finding.
   */
  private advanceLines(fileOffset: number): number {
    const batch = this.batch!;
    const bytes = batch.bytes;
    if (fileOffset < this.countedOffset && fileOffset >= batch.fileOffset) {
      let back = fileOffset - batch.fileOffset;
      const counted = this.countedOffset - batch.fileOffset;
      for (let nl = newlineIn(bytes, back, counted); nl >= 0; nl = newlineIn(bytes, back, counted)) {
        this.countedLine--;
        back = nl + 1;
      }
      this.countedOffset = fileOffset;
      return this.countedLine;
    }
    let from = Math.max(this.countedOffset, batch.fileOffset) - batch.fileOffset;
    const to = Math.min(fileOffset - batch.fileOffset, bytes.length);
    let line = this.countedLine;
    for (let nl = newlineIn(bytes, from, to); nl >= 0; nl = newlineIn(bytes, from, to)) {
      line++;
      from = nl + 1;
    }
    if (to + batch.fileOffset > this.countedOffset) {
      this.countedOffset = to + batch.fileOffset;
      this.countedLine = line;
    }
    return line;
  }
}

/**
 * The first newline in bytes[from, to), or -1. Bounded: a search to the batch's end for every
 * finding of a line without one made a 22 MB one-line JSON file take 107 s with --findings, not 2 s.
 */
function newlineIn(bytes: Uint8Array, from: number, to: number): number {
  if (from >= to) return -1;
  const at = bytes.subarray(from, to).indexOf(10);
  return at < 0 ? -1 : from + at;
}

function ruleTable(rules: readonly Rule[]): RuleTable {
  const byDigits: Rule[][] = [];
  const byKind: RuleTable['byKind'] = { email: [], ipv6: [] };
  for (let n = 0; n <= MAX_TOKEN_DIGITS; n++) byDigits.push([]);
  let numbers = false;
  for (const rule of rules) {
    const d = rule.detector;
    for (const kind of d.tokenKinds) {
      if (kind !== 'number') {
        byKind[kind].push(rule);
        continue;
      }
      numbers = true;
      for (let n = d.minDigits ?? 1; n <= Math.min(d.maxDigits ?? MAX_TOKEN_DIGITS, MAX_TOKEN_DIGITS); n++) byDigits[n]!.push(rule);
    }
  }
  return { byDigits, byKind, numbers, any: rules.length > 0 };
}
