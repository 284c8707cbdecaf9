import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './client';

/** `previous` is what was shown before a reload, when the page asked to keep it (see useLoad). */
export type Loaded<T> = { state: 'loading'; previous?: T } | { state: 'error'; error: ApiError } | { state: 'done'; data: T };

/**
 * Runs `load` whenever one of `deps` changes; a late answer to an older request is dropped. With `keepPrevious`, a
 * reload keeps what was shown (as `previous`) until the answer comes, so the controls that asked for it (a picker
 * changed with the arrow keys) stay where they are and keep the focus. An answer is only ever given for the `deps`
 * it was loaded for: in the render right after they change (before the effect runs) the state is already loading, so
 * a page never shows, even for one frame, the previous document's content (and its buttons) under a new address.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], options: { keepPrevious?: boolean } = {}): Loaded<T> {
  const [result, setResult] = useState<{ loaded: Loaded<T>; deps: unknown[] }>({ loaded: { state: 'loading' }, deps });
  const shown = useRef<T | undefined>(undefined);
  if (result.loaded.state === 'done') shown.current = result.loaded.data;
  useEffect(() => {
    let current = true;
    setResult({ loaded: { state: 'loading', previous: options.keepPrevious ? shown.current : undefined }, deps });
    load().then(
      (data) => current && setResult({ loaded: { state: 'done', data }, deps }),
      (error: unknown) =>
        current &&
        setResult({ loaded: { state: 'error', error: error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK') }, deps }),
    );
    return () => {
      current = false;
    };
  }, deps);
  const forTheseDeps = result.deps.length === deps.length && result.deps.every((dep, i) => Object.is(dep, deps[i]));
  return forTheseDeps ? result.loaded : { state: 'loading', previous: options.keepPrevious ? shown.current : undefined };
}
