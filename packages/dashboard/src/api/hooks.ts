import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './client';

/** `previous` is what was shown before a reload, when the page asked to keep it (see useLoad). */
export type Loaded<T> = { state: 'loading'; previous?: T } | { state: 'error'; error: ApiError } | { state: 'done'; data: T };

/**
 * Runs `load` whenever one of `deps` changes; a late answer to an older request is dropped. With `keepPrevious`, a
 * reload keeps what was shown (as `previous`) until the answer comes, so the controls that asked for it (a picker
 * changed with the arrow keys) stay where they are and keep the focus.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], options: { keepPrevious?: boolean } = {}): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const shown = useRef<T | undefined>(undefined);
  if (result.state === 'done') shown.current = result.data;
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading', previous: options.keepPrevious ? shown.current : undefined });
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
