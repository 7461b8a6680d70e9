import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    const file = join(dir, 'bagian-0', 'ekspor-042.csv');
    const { dev, ino } = statSync(file);
    expect(found.find((f) => f.path === file)).toEqual({ path: file, size: 42, identity: `${dev}:${ino}` });
  });

  it('turns a path it cannot read into an entry with the reason, and goes on', async () => {
    const found = await expandInputs([join(dir, 'tidak-ada.csv'), '/dev/null', join(dir, 'a.txt')]);
    expect(found).toEqual([
      { path: join(dir, 'tidak-ada.csv'), size: 0, error: 'UNREADABLE: tidak ditemukan / not found' },
      { path: '/dev/null', size: 0, error: 'UNREADABLE: bukan berkas biasa / not a regular file' },
      { path: join(dir, 'a.txt'), size: 4, identity: expect.any(String) },
    ]);
  });

  it('says a file whose name is not UTF-8 cannot be opened, instead of "not found"', async () => {
    const sub = join(dir, 'latin1');
    mkdirSync(sub);
    writeFileSync(Buffer.concat([Buffer.from(`${sub}/caf`), Buffer.from([0xe9]), Buffer.from('.csv')]), 'nik\n3171014101900001\n');
    const [entry] = await expandInputs([sub]);
    expect(entry).toEqual({ path: join(sub, 'caf\uFFFD.csv'), size: 0, error: expect.stringMatching(/^UNREADABLE: .* file name is not UTF-8/) });
  });

  it('lists the links and pipes of a folder as skipped, with the reason, and follows a link or reads a pipe named on the command line', async () => {
    const sub = join(dir, 'tautan');
    mkdirSync(sub);
    writeFileSync(join(sub, 'data.csv'), 'nik\n3171014101900001\n');
    symlinkSync(join(sub, 'data.csv'), join(sub, 'ke-berkas.csv'));
    symlinkSync(sub, join(sub, 'ke-folder'));
    symlinkSync('/etc/passwd', join(sub, 'ke-luar'));
    execFileSync('mkfifo', [join(sub, 'pipa')]);
    const found = await expandInputs([sub, join(sub, 'ke-berkas.csv'), join(sub, 'pipa')]);
    const link = 'SKIPPED: tautan simbolik tidak diikuti / symbolic link not followed';
    expect(found).toEqual([
      { path: join(sub, 'data.csv'), size: 21, identity: expect.any(String) },
      { path: join(sub, 'ke-berkas.csv'), size: 0, skipped: link },
      { path: join(sub, 'ke-folder'), size: 0, skipped: link },
      { path: join(sub, 'ke-luar'), size: 0, skipped: link },
      { path: join(sub, 'pipa'), size: 0, skipped: 'SKIPPED: pipa (FIFO), bukan berkas biasa / a pipe (FIFO), not a regular file' },
      // Followed: it is data.csv, met again.
      { path: join(sub, 'ke-berkas.csv'), size: 0, skipped: `SKIPPED: berkas yang sama dengan ${join(sub, 'data.csv')} / the same file as ${join(sub, 'data.csv')}` },
      // Named on the command line, a pipe is read as a stream.
      { path: join(sub, 'pipa'), size: 0, stream: true },
    ]);
  });

  it('lists a file met again, by another name or path, as skipped: it is read once', async () => {
    const sub = join(dir, 'ganda');
    mkdirSync(sub);
    const data = join(sub, 'data.csv');
    writeFileSync(data, 'nik\n3171014101900001\n');
    linkSync(data, join(sub, 'keras.csv'));
    const again = `SKIPPED: berkas yang sama dengan ${data} / the same file as ${data}`;
    expect(await expandInputs([data, sub, `${sub}/./data.csv`])).toEqual([
      { path: data, size: 21, identity: expect.any(String) },
      { path: data, size: 0, skipped: again },
      { path: join(sub, 'keras.csv'), size: 0, skipped: again },
      { path: `${sub}/./data.csv`, size: 0, skipped: again },
    ]);
  });
});
