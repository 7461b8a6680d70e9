// What every source connector does: fetch new items since its saved state. Connectors parse the
// real formats (RSS/Atom, HTML, Telegram, X, Reddit, paste APIs); the HTTP client guards the network.
import type { HttpClient } from './http-client.js';

export interface SourceItem {
  /** Stable id within the source (guid, message id, tweet id): the idempotency key of ingestion. */
  externalId: string;
  url: string | null;
  title: string;
  text: string;
  author: string | null;
  publishedAt: string | null;
}

/** What a source remembers between polls; saved only after its items are safely ingested. */
export interface SourceState {
  etag: string | null;
  lastModified: string | null;
  /** Connector-specific position: Telegram update offset, X since_id, … */
  cursor: string | null;
}

export const INITIAL_STATE: SourceState = { etag: null, lastModified: null, cursor: null };

export interface FetchOutcome { items: SourceItem[]; state: SourceState }

export interface Connector {
  fetch(client: HttpClient, state: SourceState): Promise<FetchOutcome>;
}

/** Collapses whitespace: posts arrive with markup line breaks and indentation. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
