// The fact extractor: one pass of tokenization, then the record count, size, price, data types,
// victim, platform, seller, contacts and the personal data inside the post.
import type { PostFacts } from '../facts.js';
import { extractContacts, extractPlatform, extractSeller } from './channels.js';
import { extractDataTypes } from './data-types.js';
import { extractPii, type PostPii } from './pii.js';
import { extractQuantities } from './quantities.js';
import { tokenize, wordsOf, type Token } from './tokens.js';
import { seedVictimResolver, type VictimResolver } from './victim.js';

export { VictimResolver, seedVictimResolver, victimResolverFromDatabase, type RegistryOrganization } from './victim.js';
export { tokenize, type Token } from './tokens.js';
export type { PostPii } from './pii.js';

export interface ExtractOptions {
  /** The PSE registry to resolve victims against; defaults to the seed registry. */
  victims?: VictimResolver;
  /** Run the scan engine over the post for personal data inside it (default true). */
  scanPii?: boolean;
  /** Reference date for date-dependent checks in the engine (NIK birth dates). */
  asOf?: Date;
  /** The project's keyed finding hasher (src/config/key.ts): adds value hashes to `pii`. */
  findingHash?: (normalized: string) => string;
}

export interface ExtractedFacts extends PostFacts {
  /** Personal data found inside the post, masked; empty when scanning is off or failed. */
  pii: PostPii[];
  /** Set when the engine failed on this post: the other facts still stand. */
  piiError?: string;
}

export function extractFacts(text: string, options: ExtractOptions = {}, tokens: readonly Token[] = tokenize(text)): ExtractedFacts {
  const { words } = wordsOf(tokens);
  const quantities = extractQuantities(tokens);
  const contacts = extractContacts(text);
  const victim = (options.victims ?? seedVictimResolver()).resolve(text, tokens);
  let pii: PostPii[] = [];
  let piiError: string | undefined;
  if (options.scanPii !== false) {
    try {
      pii = extractPii(text, options.asOf, options.findingHash);
    } catch (error) {
      // One engine failure must not cost the post its other facts (or a batch its other posts).
      piiError = error instanceof Error ? error.name : 'Error';
    }
  }
  return {
    recordCount: quantities.recordCount,
    bytes: quantities.bytes,
    price: quantities.price,
    dataTypes: extractDataTypes(words),
    victim: victim?.name ?? null,
    platform: extractPlatform(text, tokens, contacts.some((c) => c.kind === 'telegram' && c.value.startsWith('@'))),
    seller: extractSeller(text, contacts),
    contacts,
    pii,
    ...(piiError ? { piiError } : {}),
  };
}
