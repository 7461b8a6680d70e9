#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when they are missing or stale,
// then compiles TypeScript when any source is newer than the build. Runs before `npm start` and `npm test`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, mtime(path));
  }
  return newest;
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(join(root, 'package-lock.json'))) {
  console.error('telusur setup: installing npm dependencies…');
  // `npm install` honours the lock file; `npm ci` trips over optional platform packages on npm 11.
  run('npm install --no-audit --no-fund');
}

const stamp = join(root, 'dist', '.built');
const sources = Math.max(...['src', 'test-data', 'bench'].map((d) => newestSource(join(root, d))), mtime(join(root, 'tsconfig.json')));
if (mtime(stamp) < sources) {
  console.error('telusur setup: compiling TypeScript…');
  run('npx tsc -p tsconfig.build.json');
  run(`node -e "require('fs').writeFileSync('dist/.built', String(Date.now()))"`);
}
