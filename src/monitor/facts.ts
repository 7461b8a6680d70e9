// The facts Telusur pulls out of a post about a data leak, and the labels a post can carry.
// These shapes are part of the public `telusur posts classify` contract (see contract.ts).
import type { PiiType } from '../engine/types.js';

export const POST_LABELS = ['offer', 'report', 'other'] as const;
export type PostLabel = (typeof POST_LABELS)[number];

/** Data types named in a post: the project's finding types plus two image kinds that sales use. */
export type PostDataType = PiiType | 'KTP_IMAGE' | 'SELFIE_KTP';

/**
 * A price as stated. `amount` is in whole units of `currency` (ISO 4217 for fiat: IDR, USD, EUR;
 * ticker for crypto: BTC, XMR, ETH, USDT), never converted. `per` says whether it is the price of
 * the whole offer ("total") or of one record, photo or set ("record", e.g. "5k per lembar").
 */
export interface Price {
  amount: number;
  currency: string;
  per: 'total' | 'record';
}

export interface Contact {
  kind: 'telegram' | 'whatsapp' | 'email' | 'jabber' | 'discord';
  value: string;
}

export interface PostFacts {
  /** Number of records offered or reported (the largest stated count that is not a sample). */
  recordCount: number | null;
  /** Size of the data in bytes, decimal units (1 GB = 10^9 bytes). */
  bytes: number | null;
  price: Price | null;
  dataTypes: PostDataType[];
  /** Canonical name of the victim organization from the PSE registry. */
  victim: string | null;
  /** Where the sale or leak happens: a forum, a messenger, a social network or a paste site. */
  platform: string | null;
  /** The seller's handle, lowercased, without "@". */
  seller: string | null;
  contacts: Contact[];
}

export const EMPTY_FACTS: Readonly<PostFacts> = Object.freeze({
  recordCount: null, bytes: null, price: null, dataTypes: [], victim: null, platform: null, seller: null, contacts: [],
});
