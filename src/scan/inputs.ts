// Expands the paths given to a scan into the files to read: folders recursively, in a stable
// order. A path that cannot be read becomes an entry with its error, never an exception.
import type { Stats } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eachLimited } from './each-limited.js';

export interface InputFile {
  path: string;
  size: number;
  /** Device and inode: tells the same file under two names. */
  identity?: string;
  /** Set when the path could not be listed or read; the scan reports it and goes on. */
  error?: string;
}

/**
 * Paths and folder entries looked at together: each stat is a round trip to libuv's thread
 * pool, and one after another they took 60-100 us a file before a folder's first was planned.
 */
const STATS_AT_ONCE = 32;

const NOT_UTF8_NAME = 'UNREADABLE: nama berkas bukan UTF-8, tidak bisa dibuka / file name is not UTF-8 and cannot be opened';

export async function expandInputs(paths: readonly string[]): Promise<InputFile[]> {
  const found = await eachLimited(paths, STATS_AT_ONCE, (path) => collect(path, true));
  return found.flat();
}

async function collect(path: string, explicit: boolean): Promise<InputFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    // Node decodes a name that is not UTF-8 with U+FFFD, and no file has that name.
    const misnamed = (error as NodeJS.ErrnoException).code === 'ENOENT' && path.includes('\uFFFD');
    return [{ path, size: 0, error: misnamed ? NOT_UTF8_NAME : describeFsError(error) }];
  }
  if (info.isFile()) return [{ path, size: info.size, identity: fileIdentity(info) }];
  if (!info.isDirectory()) {
    return explicit ? [{ path, size: 0, error: 'UNREADABLE: bukan berkas biasa / not a regular file' }] : [];
  }
  let names: string[];
  try {
    const dir = await opendir(path);
    names = [];
    for await (const entry of dir) {
      if (entry.isFile() || entry.isDirectory()) names.push(entry.name);
    }
  } catch (error) {
    return [{ path, size: 0, error: describeFsError(error) }];
  }
  names.sort();
  const found = await eachLimited(names, STATS_AT_ONCE, (name) => collect(join(path, name), false));
  return found.flat();
}

export function fileIdentity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
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
