// The public, versioned output contract of `telusur posts classify` (described in CONTRACT.md).
// External checks rely on these shapes: change them only by adding fields, or bump the version.
import type { PostAnalysis } from './analyse.js';
import type { PostFacts, PostLabel } from './facts.js';
import type { PostPii } from './extract/index.js';

export const CLASSIFY_CONTRACT_VERSION = 1;

export interface ClassifiedLine {
  version: typeof CLASSIFY_CONTRACT_VERSION;
  id: string;
  label: PostLabel;
  score: number;
  /** The extracted facts (see PostFacts) and the personal data found in the post, masked. */
  facts: PostFacts & { pii: PostPii[] };
  explain: string[];
}

export type ClassifyErrorCode = 'invalid_json' | 'invalid_input' | 'text_too_long' | 'internal';

export interface ErrorLine {
  version: typeof CLASSIFY_CONTRACT_VERSION;
  /** The input's id when it could be read, else null. */
  id: string | null;
  /** 1-based line number of the input. */
  line: number;
  error: { code: ClassifyErrorCode; message: string };
}

export function classifiedLine(id: string, a: PostAnalysis): ClassifiedLine {
  const f = a.facts;
  return {
    version: CLASSIFY_CONTRACT_VERSION, id, label: a.label, score: a.score,
    facts: {
      recordCount: f.recordCount, bytes: f.bytes, price: f.price, dataTypes: f.dataTypes, victim: f.victim,
      platform: f.platform, seller: f.seller, contacts: f.contacts, pii: f.pii,
    },
    explain: a.explain,
  };
}

export function errorLine(line: number, id: string | null, code: ClassifyErrorCode, message: string): ErrorLine {
  return { version: CLASSIFY_CONTRACT_VERSION, id, line, error: { code, message } };
}
