// Shared exit codes and usage-error reporting for every sub-command.
export const ExitCode = { ok: 0, failOn: 1, usage: 2, unreadableInput: 3 } as const;

export interface CommandResult {
  exitCode: number;
}

/** Prints a usage error (Indonesian first, English after) and returns the usage exit code. */
export function usageError(message: string): number {
  process.stderr.write(`telusur: ${message}\n`);
  return ExitCode.usage;
}
