#!/usr/bin/env node
// Entry point of the `telusur` command: runs the compiled CLI, in a Node process started with the
// V8 flags the command wants (src/cli/launch.ts).
import { fileURLToPath } from 'node:url';
import { relaunch, scanWorkers, v8FlagsFor } from '../dist/src/cli/launch.js';

const args = process.argv.slice(2);
const flags = v8FlagsFor(args);
if (flags.length > 0) {
  process.exitCode = await relaunch(flags, fileURLToPath(import.meta.url), args);
} else {
  // A scan's worker threads boot while the command loads.
  const workers = scanWorkers(args);
  if (workers > 0) (await import('../dist/src/scan/pool.js')).startWorkers(workers);
  const { main } = await import('../dist/src/cli/main.js');
  process.exitCode = await main(args);
}
