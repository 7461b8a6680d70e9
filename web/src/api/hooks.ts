// Loading state for a GET, with a reload function pages call after a write.
import { useCallback, useEffect, useState } from 'react';
import { get, ApiError } from './client.js';

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
