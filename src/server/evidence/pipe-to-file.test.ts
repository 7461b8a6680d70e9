import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipeToFile } from './pipe-to-file.js';

describe('pipeToFile', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telusur-pipe-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the piped bytes to a file only its owner can read', async () => {
    const path = join(dir, 'out.bin');
    await pipeToFile([Readable.from([Buffer.from('satu '), Buffer.from('dua')]), new PassThrough()], path);
    expect(readFileSync(path, 'utf8')).toBe('satu dua');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('rejects only after the file is closed, so removing it then leaves nothing behind', async () => {
    // A source that fails at once makes plain pipeline() reject while the file is still opening
    // (a few percent of runs on Node 20): the file then appeared after its removal.
    const failing = [
      () => new Readable({ read() { this.destroy(new Error('sumber rusak')); } }),
      () => new PassThrough().on('error', () => undefined).destroy(new Error('sumber rusak')),
    ];
    for (let i = 0; i < 300; i++) {
      const path = join(dir, `${i}.part`);
      await expect(pipeToFile([failing[i % 2]!()], path)).rejects.toThrow('sumber rusak');
      await rm(path, { force: true });
    }
    await new Promise((settled) => setTimeout(settled, 50));
    expect(readdirSync(dir)).toEqual([]);
  });
});
