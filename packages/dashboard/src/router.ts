import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes, so every page has a URL that can be mailed and the gateway serves one file:
 * `#/`, `#/trattdiagram?indikator=CS-IA14&period=2026-Q3`, `#/stadsdel/angered`, `#/inforande?omrade=DISABILITY`, `#/logga-in`,
 * `#/att-gora`, `#/arbetsyta`.
 */
export interface Route {
  page:
    | 'oversikt'
    | 'trattdiagram'
    | 'stadsdel'
    | 'inforande'
    | 'logga-in'
    | 'att-gora'
    | 'arbetsyta'
    | 'nytt-dokument'
    | 'utkast'
    | 'granska'
    | 'uppfoljning'
    | 'okand';
  /** The path segment after the page, e.g. the district code. */
  id?: string;
  params: URLSearchParams;
}

const PAGES = new Set<Route['page']>([
  'trattdiagram',
  'stadsdel',
  'inforande',
  'logga-in',
  // The process leaders' workspace: `#/utkast/<versionId>?omrade=…&dokument=…`, `#/granska/<documentId>?omrade=…`,
  // `#/uppfoljning/<documentId>?omrade=…`, `#/nytt-dokument?omrade=…`.
  'att-gora',
  'arbetsyta',
  'nytt-dokument',
  'utkast',
  'granska',
  'uppfoljning',
]);

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const [page, id] = path.replace(/^\//, '').split('/').map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (!page) return { page: 'oversikt', params };
  return PAGES.has(page as Route['page']) ? { page: page as Route['page'], id: id || undefined, params } : { page: 'okand', params };
}

/** A link to a page; parameters with no value are left out. */
export function href(page: Route['page'], options: { id?: string; params?: Record<string, string | undefined> } = {}): string {
  const path = page === 'oversikt' ? '/' : `/${page}${options.id ? `/${encodeURIComponent(options.id)}` : ''}`;
  const params = new URLSearchParams(
    Object.entries(options.params ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const query = params.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/** Changes the URL without a new history entry (a picker changed, not a new page). */
export function replaceRoute(link: string): void {
  history.replaceState(null, '', link);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return parseRoute(hash);
}
