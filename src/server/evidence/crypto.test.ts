// Chunked AES-GCM: round trips at chunk boundaries, and refuses altered, reordered or truncated files.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDecryptStream, createEncryptStream } from './crypto.js';

const key = randomBytes(32);
const chunk = 1024;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
const encrypt = (plain: Buffer) => collect(Readable.from([plain]).pipe(createEncryptStream(key, chunk)));
const decrypt = (cipher: Buffer, k = key) => collect(Readable.from([cipher]).pipe(createDecryptStream(k)));
const frame = 12 + 4 + chunk + 16;

describe('evidence encryption', () => {
  it.each([0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk, 5000])('round-trips %i bytes', async (n) => {
    const plain = randomBytes(n);
    const cipher = await encrypt(plain);
    expect(await decrypt(cipher)).toEqual(plain);
  });

  it('does not contain the plaintext', async () => {
    const plain = Buffer.from('NIK 3174015708900001 '.repeat(200));
    const cipher = await encrypt(plain);
    expect(cipher.includes(Buffer.from('3174015708900001'))).toBe(false);
  });

  it('refuses a flipped bit, a wrong key, swapped chunks and a dropped final chunk', async () => {
    const plain = randomBytes(3 * chunk + 10);
    const cipher = await encrypt(plain);
    const flipped = Buffer.from(cipher);
    flipped[100] = flipped[100]! ^ 1;
    await expect(decrypt(flipped)).rejects.toThrow(/authentication/);
    await expect(decrypt(cipher, randomBytes(32))).rejects.toThrow();
    const header = cipher.subarray(0, 25);
    const c0 = cipher.subarray(25, 25 + frame);
    const c1 = cipher.subarray(25 + frame, 25 + 2 * frame);
    const rest = cipher.subarray(25 + 2 * frame);
    await expect(decrypt(Buffer.concat([header, c1, c0, rest]))).rejects.toThrow(/authentication/);
    await expect(decrypt(cipher.subarray(0, 25 + 3 * frame))).rejects.toThrow(/truncated/);
    await expect(decrypt(Buffer.concat([header, c0, c1]))).rejects.toThrow(/truncated/);
  });
});
