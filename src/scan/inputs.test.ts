import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from './inputs.js';

describe('expandInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telusur-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists folders depth first in name order, with sizes, however many entries are looked at at once', async () => {
    const names: string[] = [];
    for (let i = 99; i >= 0; i--) {
      const sub = join(dir, `bagian-${String(i % 3)}`);
      mkdirSync(sub, { recursive: true });
      const file = join(sub, `ekspor-${String(i).padStart(3, '0')}.csv`);
      writeFileSync(file, 'x'.repeat(i));
      names.push(file);
    }
    writeFileSync(join(dir, 'a.txt'), 'halo');
    const found = await expandInputs([dir, join(dir, 'bagian-1', 'ekspor-001.csv')]);
    const expected = [join(dir, 'a.txt'), ...names.sort(), join(dir, 'bagian-1', 'ekspor-001.csv')];
    expect(found.map((f) => f.path)).toEqual(expected);
    expect(found.find((f) => f.path.endsWith('ekspor-042.csv'))).toEqual({ path: join(dir, 'bagian-0', 'ekspor-042.csv'), size: 42 });
  });

  it('turns a path it cannot read into an entry with the reason, and goes on', async () => {
    const found = await expandInputs([join(dir, 'tidak-ada.csv'), '/dev/null', join(dir, 'a.txt')]);
    expect(found).toEqual([
      { path: join(dir, 'tidak-ada.csv'), size: 0, error: 'UNREADABLE: tidak ditemukan / not found' },
      { path: '/dev/null', size: 0, error: 'UNREADABLE: bukan berkas biasa / not a regular file' },
      { path: join(dir, 'a.txt'), size: 4 },
    ]);
  });
});
