// Expands the paths given to a scan into the files to read: folders recursively, in a stable
// order. A path that cannot be read becomes an entry with its error, never an exception, and a
// folder entry the scan passes over (a symbolic link, a pipe) one with the reason it was skipped.
import type { Stats } from 'node:fs';
import { lstat, opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { eachLimited } from './each-limited.js';
import { STDIN_PATH } from './stream-input.js';

export interface InputFile {
  path: string;
  size: number;
  /** Device and inode: tells the same file under two names. */
  identity?: string;
  /** Set when the path could not be listed or read; the scan reports it and goes on. */
  error?: string;
  /** Set for a folder entry that is not read, and why: the report lists it, so nothing goes unseen. */
  skipped?: string;
  /** Read once, front to back: standard input (`-`) or a pipe named on the command line. */
  stream?: boolean;
}

/**
 * Paths and folder entries looked at together: each stat is a round trip to libuv's thread
 * pool, and one after another they took 60-100 us a file before a folder's first was planned.
 */
const STATS_AT_ONCE = 32;

const NOT_UTF8_NAME = 'UNREADABLE: nama berkas bukan UTF-8, tidak bisa dibuka / file name is not UTF-8 and cannot be opened';

export async function expandInputs(paths: readonly string[]): Promise<InputFile[]> {
  const found = await eachLimited(paths, STATS_AT_ONCE, (path) => collect(path, true));
  return onlyOnce(found.flat());
}

/**
 * A file met again (a folder and a file in it both named, a hard link) is listed as skipped: read
 * twice, its records and findings would count twice in the totals.
 */
function onlyOnce(files: InputFile[]): InputFile[] {
  const first = new Map<string, string>();
  return files.map((file) => {
    if (!file.identity) return file;
    const seen = first.get(file.identity);
    if (seen === undefined) {
      first.set(file.identity, file.path);
      return file;
    }
    return { path: file.path, size: 0, skipped: `SKIPPED: berkas yang sama dengan ${seen} / the same file as ${seen}` };
  });
}

/**
 * A path named on the command line is followed if it is a link; an entry of a folder is not. A
 * leak's archive is the seller's: a link in it may point at the analyst's own files, or loop.
 */
async function collect(path: string, explicit: boolean): Promise<InputFile[]> {
  if (explicit && path === STDIN_PATH) {
    return [isatty(0) ? { path, size: 0, error: 'UNREADABLE: masukan standar adalah terminal / standard input is a terminal' } : { path, size: 0, stream: true }];
  }
  let info;
  try {
    info = await (explicit ? stat : lstat)(path);
  } catch (error) {
    // Node decodes a name that is not UTF-8 with U+FFFD, and no file has that name.
    const misnamed = (error as NodeJS.ErrnoException).code === 'ENOENT' && path.includes('\uFFFD');
    return [{ path, size: 0, error: misnamed ? NOT_UTF8_NAME : describeFsError(error) }];
  }
  if (info.isFile()) return [{ path, size: info.size, identity: fileIdentity(info) }];
  if (explicit && (info.isFIFO() || info.isSocket())) return [{ path, size: 0, stream: true }];
  if (!info.isDirectory()) {
    return [explicit ? { path, size: 0, error: 'UNREADABLE: bukan berkas biasa / not a regular file' } : { path, size: 0, skipped: skipReason(info) }];
  }
  let names: string[];
  try {
    const dir = await opendir(path);
    names = [];
    for await (const entry of dir) names.push(entry.name);
  } catch (error) {
    return [{ path, size: 0, error: describeFsError(error) }];
  }
  names.sort();
  const found = await eachLimited(names, STATS_AT_ONCE, (name) => collect(join(path, name), false));
  return found.flat();
}

/** Why a folder entry that is neither a file nor a folder is not read: a pipe or device would block the scan or never end. */
function skipReason(info: Stats): string {
  if (info.isSymbolicLink()) return 'SKIPPED: tautan simbolik tidak diikuti / symbolic link not followed';
  const [id, en] = info.isFIFO() ? ['pipa (FIFO)', 'a pipe (FIFO)'] : info.isSocket() ? ['soket', 'a socket'] : ['perangkat', 'a device'];
  return `SKIPPED: ${id}, bukan berkas biasa / ${en}, not a regular file`;
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
