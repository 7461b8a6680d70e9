import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFindingsFile } from './findings-file.js';

const dir = mkdtempSync(join(tmpdir(), 'telusur-findings-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openFindingsFile', () => {
  it('sets lines aside beside a regular findings file', async () => {
    const path = join(dir, 'temuan.ndjson');
    const out = await openFindingsFile(path, []);
    expect(out.spillDir).toBe(dirname(path));
    await out.close();
    expect(existsSync(dir)).toBe(true);
  });

  it('sets lines aside in a private folder of its own for a device or pipe, and removes it on close', async () => {
    const out = await openFindingsFile('/dev/null', []);
    expect(out.spillDir.startsWith(join(tmpdir(), 'telusur-findings-'))).toBe(true);
    expect(statSync(out.spillDir).mode & 0o777).toBe(0o700);
    await out.close();
    expect(existsSync(out.spillDir)).toBe(false);
  });
});
