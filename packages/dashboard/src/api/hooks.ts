import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'done'; data: T };

/** Runs `load` whenever one of `deps` changes; a late answer to an older request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'done', data }),
      (error: unknown) =>
        current && setResult({ state: 'error', error: error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK') }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return result;
}
