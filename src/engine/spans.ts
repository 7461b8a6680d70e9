// The spans of the findings already taken in the current field, by type: a field detector skips a
// value that a token detector or an earlier label reported. A free-text field can be one long
// line holding thousands of findings, so a lookup must not walk every span taken before it.
// Each pass over a field (tokens, labels, introduced names) takes its spans left to right: spans
// are kept as runs sorted by start, one run per pass, and a lookup is a binary search per run.

const BITS = 32;

export class FieldSpans {
  /** Per hint bit: (start, end, reach) triples, reach being the furthest end in the run so far. */
  private readonly spans: number[][] = Array.from({ length: BITS }, () => []);
  private readonly lengths = new Int32Array(BITS);
  /** Per hint bit: the index in `spans` where each run begins. */
  private readonly runs: number[][] = Array.from({ length: BITS }, () => []);
  private readonly runCounts = new Int32Array(BITS);
  /** The hint bits that hold spans, so that clearing a field costs nothing for the others. */
  private used = 0;
  /** Spans compared by lookups so far: what a test reads to see a lookup stays logarithmic. */
  probes = 0;

  clear(): void {
    for (let used = this.used; used !== 0; used &= used - 1) {
      const b = 31 - Math.clz32(used & -used);
      this.lengths[b] = 0;
      this.runCounts[b] = 0;
    }
    this.used = 0;
  }

  /** Takes [start, end) for the type of hint bit `bit` (one bit). */
  add(bit: number, start: number, end: number): void {
    const b = 31 - Math.clz32(bit);
    const spans = this.spans[b]!, n = this.lengths[b]!, runs = this.runCounts[b]!;
    let reach = end;
    if (runs === 0 || start < spans[n - 3]!) {
      this.runs[b]![runs] = n;
      this.runCounts[b] = runs + 1;
    } else if (spans[n - 1]! > reach) {
      reach = spans[n - 1]!;
    }
    spans[n] = start;
    spans[n + 1] = end;
    spans[n + 2] = reach;
    this.lengths[b] = n + 3;
    this.used |= bit;
  }

  /** Whether a span taken for the type of `bit` overlaps [start, end). */
  overlaps(bit: number, start: number, end: number): boolean {
    if ((this.used & bit) === 0) return false;
    const b = 31 - Math.clz32(bit);
    const spans = this.spans[b]!, runs = this.runs[b]!, count = this.runCounts[b]!;
    for (let r = 0; r < count; r++) {
      // The last span of the run starting before `end`: the spans up to it reach as far as its reach.
      let lo = runs[r]! / 3, hi = (r + 1 < count ? runs[r + 1]! : this.lengths[b]!) / 3;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        this.probes++;
        if (spans[3 * mid]! < end) lo = mid + 1;
        else hi = mid;
      }
      if (lo > runs[r]! / 3 && spans[3 * lo - 1]! > start) return true;
    }
    return false;
  }
}
