// Expands the paths given to a scan into the files to read: folders recursively, in a stable
// order. A path that cannot be read becomes an entry with its error, never an exception.
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFile {
  path: string;
  size: number;
  /** Set when the path could not be listed or read; the scan reports it and goes on. */
  error?: string;
}

export async function expandInputs(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const path of paths) await collect(path, files, true);
  return files;
}

async function collect(path: string, files: InputFile[], explicit: boolean): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    files.push({ path, size: 0, error: describeFsError(error) });
    return;
  }
  if (info.isFile()) {
    files.push({ path, size: info.size });
    return;
  }
  if (!info.isDirectory()) {
    if (explicit) files.push({ path, size: 0, error: 'UNREADABLE: bukan berkas biasa / not a regular file' });
    return;
  }
  let names: string[];
  try {
    const dir = await opendir(path);
    names = [];
    for await (const entry of dir) {
      if (entry.isFile() || entry.isDirectory()) names.push(entry.name);
    }
  } catch (error) {
    files.push({ path, size: 0, error: describeFsError(error) });
    return;
  }
  names.sort();
  for (const name of names) await collect(join(path, name), files, false);
}

/** A readable reason for a file-system error, without the stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'tidak ditemukan / not found',
    EACCES: 'akses ditolak / permission denied',
    EPERM: 'akses ditolak / permission denied',
    EISDIR: 'adalah folder / is a directory',
    ELOOP: 'tautan melingkar / symbolic link loop',
  };
  return `UNREADABLE: ${(code && reasons[code]) ?? (error as Error).message}`;
}
