// The `telusur` command: dispatches to one module per sub-command, loaded on demand so that
// `telusur scan` never pays for the server's dependencies.
import { usageError, type CommandResult } from './usage.js';

type CommandModule = { run(args: string[]): Promise<CommandResult> };

/** Sub-commands: name → module path relative to this file. One line per command. */
const commands: Record<string, { module: string; summary: string }> = {
  posts: { module: './posts.js', summary: 'classify posts (offer/report/other) and extract leak facts from NDJSON on stdin' },
  scan: { module: './scan.js', summary: 'find and count personal data in files and folders' },
  audit: { module: './audit.js', summary: 'verify the audit log hash chain (audit verify)' },
  serve: { module: './serve.js', summary: 'run the investigation server (API + web app)' },
  worker: { module: './worker.js', summary: 'run job workers on BullMQ (REDIS_URL)' },
  demo: { module: './demo.js', summary: 'load a synthetic investigation scenario into the server' },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const entry = commands[name];
  if (!entry) return usageError(`perintah tidak dikenal / unknown command: ${name}\n${helpText()}`);
  const command = (await import(entry.module)) as CommandModule;
  return (await command.run(rest)).exitCode;
}

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Penggunaan / usage: telusur <perintah> [opsi]\n\nPerintah / commands:\n${lines.join('\n')}\n`;
}
