import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openInputStream } from './stream-input.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-stream-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A named pipe that `data` is written into once a reader opens it. */
function pipeOf(name: string, data: Buffer): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  createWriteStream(path).end(data);
  return path;
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('openInputStream', () => {
  const text = Buffer.from('nik,nama\n'.concat('3171014101900001,Budi Santoso\n'.repeat(20_000)));

  it('reads a pipe once: its head, then every byte again, the head included', async () => {
    const stream = await openInputStream(pipeOf('polos', text), 1000);
    expect(stream.gzip).toBe(false);
    expect(Buffer.from(stream.head)).toEqual(text.subarray(0, 1000));
    expect(await readAll(stream.chunks)).toEqual(text);
    expect(stream.bytesRead()).toBe(text.length);
  });

  it('inflates a gzip stream of several members, counting the compressed bytes read', async () => {
    const packed = Buffer.concat([gzipSync(text.subarray(0, 1000)), gzipSync(text.subarray(1000))]);
    const stream = await openInputStream(pipeOf('padat', packed), 5000);
    expect(stream.gzip).toBe(true);
    expect(Buffer.from(stream.head)).toEqual(text.subarray(0, 5000));
    expect(await readAll(stream.chunks)).toEqual(text);
    expect(stream.bytesRead()).toBe(packed.length);
  });

  it('gives an empty head and no bytes for an empty pipe, and a head shorter than asked for a short one', async () => {
    const empty = await openInputStream(pipeOf('kosong', Buffer.alloc(0)), 100);
    expect(empty.head.length).toBe(0);
    expect((await readAll(empty.chunks)).length).toBe(0);
    const short = await openInputStream(pipeOf('pendek', Buffer.from('x')), 100);
    expect(Buffer.from(short.head).toString()).toBe('x');
  });
});
