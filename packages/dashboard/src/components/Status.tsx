import type { ComponentChildren } from 'preact';
import type { Loaded } from '../api/hooks';
import { href, signInHref } from '../router';

/** Loading, an error (with a way to sign in when that would help), or the content. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading' && loaded.previous !== undefined) {
    // A reload: what was shown stays, in the same place in the tree, so the control that asked keeps its focus.
    return (
      <>
        <p class="status reloading" role="status">
          Hämtar …
        </p>
        {children(loaded.previous)}
      </>
    );
  }
  if (loaded.state === 'loading') {
    return (
      <p class="status" role="status">
        Hämtar …
      </p>
    );
  }
  if (loaded.state === 'error') {
    return loaded.error.needsSignIn ? (
      <div class="notice" role="alert">
        <p>
          Jämförelser och införande visas för inloggade. <a href={href('dokument')}>Publicerade dokument</a> kan läsas utan inloggning.
        </p>
        <p>
          <a href={signInHref(location.hash)}>Logga in</a>
        </p>
      </div>
    ) : (
      <p class="notice error" role="alert">
        Kunde inte hämta uppgifterna: {loaded.error.message}
      </p>
    );
  }
  return (
    <>
      {null}
      {children(loaded.data)}
    </>
  );
}
