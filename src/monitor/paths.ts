// Locates monitor data files (corpus, model, registry) from both the TypeScript sources and the
// compiled dist/ tree: tsc does not copy data files, so both resolve to the files under src/monitor.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The repository root: the nearest folder above this file that holds package.json. */
export function repoRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('telusur: package.json not found above the monitor module');
    dir = up;
  }
  root = dir;
  return dir;
}

/** Path of a data file under src/monitor, e.g. monitorDataPath('classifier', 'model.json'). */
export function monitorDataPath(...parts: string[]): string {
  return join(repoRoot(), 'src', 'monitor', ...parts);
}
