// JSON documents and NDJSON: which of the two a file is (sniffed from its head, the extension
// breaking ties), the header line an NDJSON file may open with, and their parsers (parser.ts).
import { recordLimit } from '../pieces.js';
import type { ByteSource, FileState, FormatReader } from '../types.js';
import { JsonParser } from './parser.js';
import { headerNames } from './tables.js';

export { JsonParser } from './parser.js';

const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Whether the head parses cleanly in the given mode, and how many records it completes. */
function trial(head: Uint8Array, lines: boolean): { clean: boolean; records: number; problems: number } {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  while (start < head.length && isJsonSpace(head[start]!)) start++;
  // An object, an array, a comment (JSON5-ish), or a string holding one (double-encoded JSON, as log exports write it).
  const opens = (c: number | undefined): boolean => c === 123 || c === 91;
  const comment = head[start] === 47 && (head[start + 1] === 47 || head[start + 1] === 42);
  if (!opens(head[start]) && !comment && !(head[start] === 34 && opens(head[start + 1]))) return { clean: false, records: 0, problems: 1 };
  const parser = new JsonParser(lines, 1);
  // 64 KB decides it; parsing a whole megabyte twice per file would cost more than it tells.
  const batch = parser.push(head.subarray(start, start + 65536), start);
  return { clean: parser.problems === 0, records: batch.records, problems: parser.problems };
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

/** NDJSON whose first line is a header row (`["nik","nama"]`): its names, for every range's parser. */
function lineHeaderOf(head: Uint8Array): FileState {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const end = head.indexOf(10, start);
  if (end < 0) return {};
  let row: unknown;
  try { row = JSON.parse(new TextDecoder().decode(head.subarray(start, end))); } catch { return {}; }
  const names = headerNames(row);
  return names ? { jsonLineHeader: names } : {};
}

function jsonFamilyReader(lines: boolean): FormatReader {
  return {
    format: lines ? 'ndjson' : 'json',
    // Only lines can be parsed on their own; a document's paths need everything before.
    splittable: lines,
    sniff(head: Uint8Array, path: string): number {
      const ext = extensionOf(path);
      const lineExt = ext === 'ndjson' || ext === 'jsonl';
      const asLines = trial(head, true);
      const asDocument = trial(head, false);
      // Clean lines are NDJSON; a few broken lines too, unless the bytes are one clean document.
      const linesClean = asLines.clean && asLines.records >= 2;
      const linesMostly = asLines.records >= 2 && asLines.problems * 20 < asLines.records && !asDocument.clean;
      // A head that ends inside its first value (one long line) proves neither: the extension decides.
      const undecided = asLines.records === 0 && asDocument.records === 0;
      if (lines) {
        if (linesClean || (lineExt && asLines.clean && (asLines.records >= 1 || undecided))) return 0.95;
        if (linesMostly) return 0.9;
        return lineExt ? 0.4 : 0;
      }
      if (!asDocument.clean) return ext === 'json' ? 0.3 : 0;
      return linesClean ? 0.6 : 0.94;
    },
    prepare: async (_source: ByteSource, head: Uint8Array): Promise<FileState> => (lines ? lineHeaderOf(head) : {}),
    createParser: (state, rangeStart) => {
      const header = state['jsonLineHeader'];
      return new JsonParser(lines, rangeStart, recordLimit(state), 0, Array.isArray(header) ? header as string[] : undefined);
    },
  };
}

export const jsonReader = jsonFamilyReader(false);
export const ndjsonReader = jsonFamilyReader(true);
