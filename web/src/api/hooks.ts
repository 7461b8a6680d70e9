// Loading state for a GET, with a reload function pages call after a write.
import { useCallback, useEffect, useState } from 'react';
import { get, ApiError } from './client.js';
import type { Page } from './types.js';

export type Loaded<T> = { data: T | null; error: ApiError | null; loading: boolean; reload(): void };

export function useGet<T>(path: string | null, refreshMs?: number): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoading(true);
    get<T>(path)
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (live) setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, tick]);

  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);

  return { data, error, loading, reload };
}

/**
 * A list read page by page: the first page on load, then `more()` appends the next one using the
 * server's `nextCursor` (`cursorParam` is `cursor` for keyset lists, `before` for the audit log).
 */
export function usePaged<T>(path: string | null, cursorParam = 'cursor'): Loaded<Page<T>> & { more(): void; loadingMore: boolean } {
  const first = useGet<Page<T>>(path);
  const [extra, setExtra] = useState<{ items: T[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => setExtra(null), [first.data]);

  const cursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);
  const more = useCallback(() => {
    if (!path || !cursor) return;
    setLoadingMore(true);
    get<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}${cursorParam}=${encodeURIComponent(cursor)}`)
      .then((page) => setExtra((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor })))
      .catch((reason: unknown) => setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason))))
      .finally(() => setLoadingMore(false));
  }, [path, cursor, cursorParam]);

  const data = first.data ? { items: [...first.data.items, ...(extra?.items ?? [])], nextCursor: cursor } : null;
  return { ...first, data, error: first.error ?? error, more, loadingMore };
}

/**
 * Runs a write (`run(action)`), then `onDone` (usually a reload); a failure lands in `error` for
 * the form to show, never as an unhandled rejection.
 */
export function useAction(onDone: () => void): { error: ApiError | null; run(action: () => Promise<unknown>): Promise<void> } {
  const [error, setError] = useState<ApiError | null>(null);
  async function run(action: () => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await action();
      onDone();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    }
  }
  return { error, run };
}
