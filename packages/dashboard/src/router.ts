import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes, so every page has a URL that can be mailed and the gateway serves one file:
 * `#/`, `#/trattdiagram?indikator=CS-IA14&period=2026-Q3`, `#/stadsdel/angered`, `#/inforande?omrade=DISABILITY`, `#/logga-in`,
 * `#/dokument?sok=orosanmälan`, `#/dokument/barn-och-unga/<slug>`, `#/lag/sol/20/2`, `#/att-gora`, `#/arbetsyta`.
 */
export interface Route {
  page:
    | 'oversikt'
    | 'trattdiagram'
    | 'stadsdel'
    | 'inforande'
    | 'dokument'
    | 'lag'
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
  /** Every path segment after the page (`dokument/<area>/<slug>` has two, `lag/sol/20/2` three). */
  segments: string[];
  params: URLSearchParams;
  /**
   * The page changed this route itself (a picker, a saved draft getting its id): the same page stays, and so does the
   * focus. False for a link, the address bar, back and forward.
   */
  inPlace?: boolean;
}

const PAGES = new Set<Route['page']>([
  'trattdiagram',
  'stadsdel',
  'inforande',
  'dokument',
  'lag',
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

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const [page, ...segments] = path.replace(/^\//, '').split('/').filter(Boolean).map(decode);
  const params = new URLSearchParams(query);
  if (!page) return { page: 'oversikt', segments: [], params };
  return PAGES.has(page as Route['page'])
    ? { page: page as Route['page'], id: segments[0], segments, params }
    : { page: 'okand', segments: [], params };
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

/** A link to a path under a page: `path('dokument', ['barn-och-unga', 'orosanmalan'])`. */
export function pathHref(page: Route['page'], segments: string[], params: Record<string, string | undefined> = {}): string {
  const link = href(page, { params });
  const [path, query] = link.split('?');
  return `${path}${segments.map((segment) => `/${encodeURIComponent(segment)}`).join('')}${query ? `?${query}` : ''}`;
}

/**
 * The sign-in page, returning afterwards to `returnTo` (a route of this page, e.g. a document's): deep links survive
 * signing in.
 */
export function signInHref(returnTo: string): string {
  const back = returnTo.startsWith('#/') && parseRoute(returnTo).page !== 'logga-in' ? returnTo : undefined;
  return href('logga-in', { params: { tillbaka: back } });
}

/** Where to go after signing in: the route the sign-in link came from (only a route of this page), else the overview. */
export function returnRoute(route: Route): string {
  const back = route.params.get('tillbaka') ?? '';
  return back.startsWith('#/') && !back.startsWith('#//') && parseRoute(back).page !== 'logga-in' ? back : href('oversikt');
}

/** Changes the URL without a new history entry (a picker changed, not a new page). */
export function replaceRoute(link: string): void {
  history.replaceState(null, '', link);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [state, setState] = useState({ hash: location.hash, inPlace: false });
  useEffect(() => {
    // The browser's own hashchange events are trusted; replaceRoute's is not.
    const changed = (event: HashChangeEvent) => setState({ hash: location.hash, inPlace: !event.isTrusted });
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return { ...parseRoute(state.hash), inPlace: state.inPlace };
}
