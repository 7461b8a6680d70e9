// The evidence blob store interface: content-addressed by the SHA-256 of the plaintext,
// encrypted at rest. Implementations stream both ways and never hold a whole file in memory.
import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  /** False when the same content was already stored (deduplicated). */
  created: boolean;
}

export interface BlobStore {
  /** Streams `source` in, encrypting as it goes; rejects with EVIDENCE_TOO_LARGE past `maxBytes`. */
  put(source: Readable, maxBytes: number): Promise<StoredBlob>;
  /** A stream of the decrypted content; errors if the ciphertext was altered. */
  open(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
}
