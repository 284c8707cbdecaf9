import type { SubgraphContext } from './context';

/** How long a published, unchanging answer may be reused by a CDN or the gateway, in seconds. */
export const PUBLISHED_MAX_AGE = 300;

/** The cache hint of a field or type whose published answers are the same for everyone (see {@link privateToCaller}). */
export const PUBLISHED = `@cacheControl(maxAge: ${PUBLISHED_MAX_AGE})`;

/**
 * Narrows the answer to the caller's own cache when the request carried a token: what a signed-in caller
 * sees may differ (its lifetime is the fields' hints').
 */
export function privateToCaller(ctx: Pick<SubgraphContext, 'principal' | 'cacheHints'>): void {
  if (ctx.principal) ctx.cacheHints.restrict({ scope: 'PRIVATE' });
}

/**
 * The cache hint of a type whose answers change only when figures, acknowledgements or indicators are
 * written (adoption, comparisons, a district's indicator values): per access scope in the subgraphs' response
 * cache, which a write invalidates exactly; to an HTTP client, private and reusable for 5 s at most.
 */
export const CHANGES_WITH_WRITES = '@cacheControl(maxAge: 5, scope: PRIVATE)';

/** The cache hint of a type that takes its lifetime from the field it is reached through. */
export const INHERITS_CACHE_HINT = '@cacheControl(inheritMaxAge: true)';

/** Marks the answer as never cacheable (drafts, audit history, anything per caller). */
export function cacheNever(ctx: Pick<SubgraphContext, 'cacheHints'>): void {
  ctx.cacheHints.restrict({ maxAge: 0, scope: 'PRIVATE' });
}
