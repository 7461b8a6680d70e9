#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when they are missing or stale,
// then compiles TypeScript when any source is newer than the build. Runs before `npm start` and `npm test`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newestSource(dir, pattern = /\.ts$/) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, mtime(path));
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
  run('npm run build --silent');
  run(`node -e "require('fs').writeFileSync('dist/.built', String(Date.now()))"`);
}

// The web app, served by the server from web/dist: rebuilt when any of its sources is newer.
const webBuilt = mtime(join(root, 'web', 'dist', 'index.html'));
// The server modules the app shares (incident states, the scan report type) count as its sources.
const shared = ['src/server/commands/incident-states.ts', 'src/scan/report.ts'].map((f) => mtime(join(root, f)));
const webSources = Math.max(newestSource(join(root, 'web', 'src'), /\.(tsx?|css)$/), ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => mtime(join(root, 'web', f))), mtime(join(root, 'package-lock.json')), ...shared);
if (webBuilt < webSources) {
  console.error('telusur setup: building the web app…');
  run('npm run build:web');
}
