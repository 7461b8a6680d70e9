// The --findings file, opened before any input is read: a path that cannot be written fails the
// scan at once with its reason, and a path that is one of the scan's own inputs is never truncated.
import { constants, type WriteStream } from 'node:fs';
import { access, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeFsError, fileIdentity, type InputFile } from './inputs.js';

/** A --findings path the scan cannot use: a usage error. */
export class FindingsFileError extends Error {
  readonly code = 'FINDINGS_FILE';
}

/** An open findings stream; `close()` ends it and throws a write error (a full disk) it met. */
export interface FindingsFile {
  stream: WriteStream;
  /**
   * Where lines that wait their turn may be set aside: beside a regular findings file, or a private
   * folder made for a pipe or device (`--findings /dev/stdout`) or when the file's folder takes no
   * new files, removed by `close()`.
   */
  spillDir: string;
  close(): Promise<void>;
}

export async function openFindingsFile(path: string, inputs: readonly InputFile[]): Promise<FindingsFile> {
  const fail = (reason: string) => new FindingsFileError(`--findings ${path}: ${reason}`);
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw fail('adalah folder / is a directory');
  if (existing && inputs.some((input) => input.identity === fileIdentity(existing))) {
    throw fail('juga dipindai sebagai masukan, tidak ditimpa / is also an input of this scan, not overwritten');
  }
  let handle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    throw fail(describeFsError(error).replace(/^UNREADABLE: /, ''));
  }
  const beside = (await handle.stat()).isFile() && (await access(dirname(path), constants.W_OK).then(() => true, () => false));
  const spillDir = beside ? dirname(path) : await mkdtemp(join(tmpdir(), 'telusur-findings-'));
  const stream = handle.createWriteStream();
  let writeError: Error | null = null;
  stream.on('error', (error) => (writeError ??= error));
  return {
    stream,
    spillDir,
    async close() {
      await new Promise<void>((resolve) => stream.end(() => resolve()));
      if (!beside) await rm(spillDir, { recursive: true, force: true });
      // Not a usage error: the path was fine, the writing failed (a full disk).
      if (writeError) throw new Error(`--findings ${path}: gagal ditulis / could not be written (${(writeError as Error).message})`);
    },
  };
}
