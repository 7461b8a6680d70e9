// Read and parse failures as a reason a report can show: which kind of failure, never a value.

/** A readable, value-free reason for a failure while reading or parsing a file. */
export function describeReadError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? '')) {
    return 'TRUNCATED: berkas gzip terpotong / truncated gzip stream (findings up to the cut are kept)';
  }
  if (e.code === 'Z_DATA_ERROR') return `MALFORMED: data gzip rusak / corrupt gzip data (${e.message})`;
  if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) && e.message) return `${e.code}: ${e.message}`;
  return `UNREADABLE: ${e.message ?? String(error)}`;
}
