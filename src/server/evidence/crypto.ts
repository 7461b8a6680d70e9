// Streaming AES-256-GCM for evidence at rest. A file is a header then chunks; each chunk has its
// own random nonce and tag, and its authenticated data binds the file header, the chunk index and
// a final-chunk flag — so chunks cannot be reordered, swapped between files, dropped or truncated
// without decryption failing.
//   header: "TLSE" | version 1 | chunkSize u32 | fileId 16 bytes
//   chunk:  nonce 12 | length u32 | ciphertext | tag 16
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const magic = Buffer.from('TLSE');
const headerLength = 4 + 1 + 4 + 16;
export const defaultChunkSize = 64 * 1024;

export class EvidenceCryptoError extends Error {
  readonly code = 'EVIDENCE_INTEGRITY';
}

function chunkAad(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index));
  tail[8] = final ? 1 : 0;
  return Buffer.concat([header, tail]);
}

export function createEncryptStream(key: Buffer, chunkSize = defaultChunkSize): Transform {
  const header = Buffer.alloc(headerLength);
  magic.copy(header, 0);
  header[4] = 1;
  header.writeUInt32BE(chunkSize, 5);
  randomBytes(16).copy(header, 9);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let index = 0;
  let started = false;

  const seal = (plain: Buffer, final: boolean): Buffer => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(chunkAad(header, index++, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    return Buffer.concat([nonce, length, body, cipher.getAuthTag()]);
  };

  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending.push(data);
      pendingLength += data.length;
      // Keep at least one byte back: only the flush knows which chunk is final.
      if (pendingLength > chunkSize) {
        let all = Buffer.concat(pending);
        while (all.length > chunkSize) {
          this.push(seal(all.subarray(0, chunkSize), false));
          all = all.subarray(chunkSize);
        }
        pending = [all];
        pendingLength = all.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(Buffer.concat(pending), true));
      pending = [];
      done();
    },
  });
}

export function createDecryptStream(key: Buffer): Transform {
  let buffer: Buffer = Buffer.alloc(0);
  let header: Buffer | null = null;
  let chunkSize = 0;
  let index = 0;
  let finished = false;

  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      try {
        if (!header) {
          if (buffer.length < headerLength) return done();
          header = Buffer.from(buffer.subarray(0, headerLength));
          if (!header.subarray(0, 4).equals(magic) || header[4] !== 1) throw new EvidenceCryptoError('bukan berkas bukti terenkripsi / not an encrypted evidence file');
          chunkSize = header.readUInt32BE(5);
          buffer = buffer.subarray(headerLength);
        }
        while (buffer.length >= 16) {
          if (finished) throw new EvidenceCryptoError('data setelah potongan akhir / data after the final chunk');
          const length = buffer.readUInt32BE(12);
          if (length > chunkSize) throw new EvidenceCryptoError('panjang potongan tidak valid / invalid chunk length');
          const total = 12 + 4 + length + 16;
          if (buffer.length < total) break;
          const nonce = buffer.subarray(0, 12);
          const body = buffer.subarray(16, 16 + length);
          const tag = buffer.subarray(16 + length, total);
          // A short chunk can only be the final one; try that reading first when it is short.
          const plain = open(key, header, index, nonce, body, tag, length < chunkSize) ?? open(key, header, index, nonce, body, tag, length >= chunkSize);
          if (!plain) throw new EvidenceCryptoError(`potongan ${index} gagal diautentikasi / chunk ${index} failed authentication`);
          finished = plain.final;
          index += 1;
          this.push(plain.data);
          buffer = buffer.subarray(total);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!finished || buffer.length) return done(new EvidenceCryptoError('berkas terpotong / file truncated'));
      done();
    },
  });
}

function open(key: Buffer, header: Buffer, index: number, nonce: Buffer, body: Buffer, tag: Buffer, final: boolean) {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(chunkAad(header, index, final));
    decipher.setAuthTag(tag);
    return { data: Buffer.concat([decipher.update(body), decipher.final()]), final };
  } catch {
    return null;
  }
}
