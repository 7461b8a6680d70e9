// Local encrypted blob store under <dataDir>/blobs: content-addressed by the SHA-256 of the
// plaintext, encrypted with the evidence key. Uploads stream through hash → size limit →
// encryption → a temp file, renamed into place; the same content stored twice is kept once.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors } from '../errors.js';
import { createDecryptStream, createEncryptStream } from './crypto.js';
import { pipeToFile } from './pipe-to-file.js';
import type { BlobStore, StoredBlob } from './store.js';

export function createLocalBlobStore(root: string, key: Buffer): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), `${sha256}.blob`);
  const exists = async (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  return {
    async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
      await mkdir(join(root, 'tmp'), { recursive: true, mode: 0o700 });
      const tmp = join(root, 'tmp', `${randomBytes(12).toString('hex')}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(errors.tooLarge(maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeToFile([source, measure, createEncryptStream(key)], tmp);
      } catch (error) {
        await rm(tmp, { force: true });
        // Drain the rest of the upload so the client gets our answer rather than a reset.
        if (!source.destroyed) source.resume();
        throw error;
      }
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      if (await exists(target)) {
        await rm(tmp, { force: true });
        return { sha256, sizeBytes: size, created: false };
      }
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      await rename(tmp, target);
      return { sha256, sizeBytes: size, created: true };
    },
    open(sha256: string): Readable {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
      const out = new PassThrough();
      const file = createReadStream(pathOf(sha256));
      pipeline(file, createDecryptStream(key), out).catch((error: Error) => out.destroy(error));
      return out;
    },
    has: (sha256: string) => exists(pathOf(sha256)),
  };
}
