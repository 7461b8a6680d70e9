// Classifies a stream of NDJSON posts ({"id","text"} per line) into NDJSON results, in input
// order, one output line per non-blank input line. A bad line yields an error line; the rest go on.
import type { PostAnalyser } from './analyse.js';
import { classifiedLine, errorLine, type ClassifiedLine, type ErrorLine } from './contract.js';

/** Posts longer than this are refused: a post is a message, not a dump (scan dumps with `telusur scan`). */
export const MAX_TEXT_CHARS = 1_000_000;

export interface ClassifySummary { lines: number; classified: number; failed: number }

export function classifyLine(analyser: PostAnalyser, raw: string, lineNumber: number): ClassifiedLine | ErrorLine {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return errorLine(lineNumber, null, 'invalid_json', `baris ${lineNumber} bukan JSON yang sah / line ${lineNumber} is not valid JSON`);
  }
  const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  const rawId = record?.id;
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : null;
  if (!record || id === null || id === '') {
    return errorLine(lineNumber, null, 'invalid_input', `baris ${lineNumber}: "id" (string) wajib ada / line ${lineNumber}: "id" (a string) is required`);
  }
  if (typeof record.text !== 'string') {
    return errorLine(lineNumber, id, 'invalid_input', `baris ${lineNumber}: "text" (string) wajib ada / line ${lineNumber}: "text" (a string) is required`);
  }
  if (record.text.length > MAX_TEXT_CHARS) {
    return errorLine(lineNumber, id, 'text_too_long', `baris ${lineNumber}: teks lebih dari ${MAX_TEXT_CHARS} karakter / line ${lineNumber}: text longer than ${MAX_TEXT_CHARS} characters`);
  }
  try {
    return classifiedLine(id, analyser.analyse(record.text));
  } catch (e) {
    // The message names the failure, never the post's text (it may hold personal data).
    const reason = e instanceof Error ? e.name : 'error';
    return errorLine(lineNumber, id, 'internal', `baris ${lineNumber}: gagal dianalisis (${reason}) / line ${lineNumber}: analysis failed (${reason})`);
  }
}

/** Reads lines, writes one result per non-blank line through `write`, and counts failures. */
export async function classifyStream(analyser: PostAnalyser, lines: AsyncIterable<string>, write: (line: string) => Promise<void> | void): Promise<ClassifySummary> {
  const summary: ClassifySummary = { lines: 0, classified: 0, failed: 0 };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    if (raw.trim() === '') continue;
    summary.lines++;
    const out = classifyLine(analyser, raw, lineNumber);
    if ('error' in out) summary.failed++; else summary.classified++;
    await write(`${JSON.stringify(out)}\n`);
  }
  return summary;
}
