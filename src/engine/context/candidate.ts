// The context a detector sees around a candidate: a column name, a text label, or the words just
// before the candidate in free text.
import { hintsOfBytes, wordsOf } from './labels.js';
import type { AsOf, ContextSource, DetectionContext, LabelHints, Token } from '../types.js';

const TEXT_WINDOW = 48;
const EMPTY = new Uint8Array(0);

/**
 * What a detector sees around a candidate, in one class for both cases so that every detector's
 * `context.hints` read stays monomorphic: a fixed context (a column name, a text label) or the
 * engine's one reusable free-text context, whose hints come from the words just before the
 * candidate on the same line. Those are computed only when a detector asks (most candidates fail
 * their structure checks first); a detector must not keep the object.
 */
export class CandidateContext implements DetectionContext {
  private bytes: Uint8Array = EMPTY;
  private start = 0;
  private fieldStart = 0;
  private computedHints: number;
  /** Where the context words before the candidate start (they end at `start`). */
  private windowFrom = 0;

  private constructor(
    readonly asOf: AsOf,
    /** The hints of a fixed context; 0 for the free-text one. */
    readonly fixedHints: LabelHints,
    readonly source: ContextSource,
    private readonly fixedLabel: string | null,
    private readonly lazy: boolean,
  ) {
    this.computedHints = lazy ? -1 : fixedHints;
  }

  static fixed(asOf: AsOf, hints: LabelHints, source: ContextSource, label: string | null): CandidateContext {
    return new CandidateContext(asOf, hints, source, label, false);
  }

  static text(asOf: AsOf): CandidateContext {
    return new CandidateContext(asOf, 0, 'text', null, true);
  }

  reset(token: Token, fieldStart: number): this {
    this.bytes = token.bytes;
    this.start = token.start;
    this.fieldStart = fieldStart;
    this.computedHints = -1;
    return this;
  }

  get hints(): LabelHints {
    return this.computedHints >= 0 ? this.computedHints : this.computeHints();
  }

  private computeHints(): LabelHints {
    const bytes = this.bytes;
    let from = this.start;
    const limit = Math.max(this.fieldStart, this.start - TEXT_WINDOW);
    while (from > limit && bytes[from - 1] !== 10) from--;
    this.windowFrom = from;
    this.computedHints = from < this.start ? hintsOfBytes(bytes, from, this.start) : 0;
    return this.computedHints;
  }

  get label(): string | null {
    if (!this.lazy) return this.fixedLabel;
    // Words are built only for a reported finding's explanation.
    return this.hints ? wordsOf(this.bytes, this.windowFrom, this.start).slice(-4).join(' ') : null;
  }

  /** A fixed context as it stands now (the free-text one changes with the next candidate). */
  snapshot(): DetectionContext {
    if (!this.lazy) return this;
    const hints = this.hints;
    return { asOf: this.asOf, hints, source: hints ? 'text' : 'none', label: this.label };
  }
}
