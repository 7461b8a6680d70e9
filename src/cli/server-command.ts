// What `telusur serve`, `worker` and `demo` share before they start: they take no arguments, and
// read the server settings from the environment, where a bad setting is a usage error.
import type { ServerConfig } from '../server/config.js';
import { ExitCode, usageError, type CommandResult } from './usage.js';

/** The server settings, or the result to exit with (help shown, unknown argument, bad setting). */
export async function serverCommandConfig(
  name: string, args: string[], help: string, env: NodeJS.ProcessEnv = process.env,
): Promise<{ config: ServerConfig } | CommandResult> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(help);
    return { exitCode: ExitCode.ok };
  }
  if (args.length) return { exitCode: usageError(`${name}: argumen tidak dikenal / unknown argument: ${args.join(' ')}\n${help}`) };
  // The server modules load only here, so `telusur scan` never pays for them.
  const { loadConfig } = await import('../server/config.js');
  try {
    return { config: loadConfig(env) };
  } catch (error) {
    return { exitCode: usageError((error as Error).message) };
  }
}
