// Splits a scraped post into plain pieces and pieces that match an extracted fact, so the page can
// mark them. Pure string work: the result is rendered as text nodes, never as HTML.
export type Piece = { text: string; fact?: string };

/** Every way a fact's value may be written in the post: strings as they are, numbers also as 1.000.000 / 1,000,000. */
export function needlesOf(facts: Record<string, unknown>): { needle: string; fact: string }[] {
  const out: { needle: string; fact: string }[] = [];
  const add = (fact: string, value: unknown) => {
    if (typeof value === 'string' && value.trim().length >= 2) out.push({ needle: value.trim(), fact });
    else if (typeof value === 'number' && Number.isFinite(value)) {
      for (const written of new Set([String(value), value.toLocaleString('id-ID'), value.toLocaleString('en-US')])) out.push({ needle: written, fact });
    } else if (Array.isArray(value)) value.forEach((item) => add(fact, item));
    // A contact {kind, value}: its value ("@penjual") is what the post says.
    else if (value && typeof value === 'object' && 'value' in value) add(fact, (value as { value: unknown }).value);
  };
  for (const [fact, value] of Object.entries(facts)) add(fact, value);
  // Longest first, so "1.000.000" wins over "1".
  return out.sort((a, b) => b.needle.length - a.needle.length);
}

export function highlightFacts(text: string, facts: Record<string, unknown>): Piece[] {
  const needles = needlesOf(facts);
  if (!needles.length || !text) return [{ text }];
  const lower = text.toLowerCase();
  const marks: { start: number; end: number; fact: string }[] = [];
  for (const { needle, fact } of needles) {
    const wanted = needle.toLowerCase();
    for (let at = lower.indexOf(wanted); at !== -1; at = lower.indexOf(wanted, at + wanted.length)) {
      const end = at + wanted.length;
      // Numbers must stand alone: "100" inside "1000" is not the fact.
      const isNumber = /^[\d.,]+$/.test(needle);
      if (isNumber && (/\d/.test(text[at - 1] ?? '') || /\d/.test(text[end] ?? ''))) continue;
      if (!marks.some((m) => at < m.end && end > m.start)) marks.push({ start: at, end, fact });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) pieces.push({ text: text.slice(cursor, mark.start) });
    pieces.push({ text: text.slice(mark.start, mark.end), fact: mark.fact });
    cursor = mark.end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
  return pieces;
}
