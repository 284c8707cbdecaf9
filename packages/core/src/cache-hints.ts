import type { CacheHint } from '@apollo/cache-control-types';
import type { Principal } from './auth/principal';
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

/**
 * The caller as resolvers see it. A cached answer is shared by everyone in its access scope (roles, district, areas;
 * see `accessScope`), two analysts say; so reading who the caller is (`sub`, `name`) marks the answer never
 * cacheable, and nothing private to one person can be served to another from a cache, whatever its hints say.
 */
export function principalSeenByResolvers(principal: Principal, hints: { restrict(hint: CacheHint): void }): Principal {
  const personal = () => hints.restrict({ maxAge: 0, scope: 'PRIVATE' });
  const seen: Principal = {
    roles: principal.roles,
    areas: principal.areas,
    get sub() {
      personal();
      return principal.sub;
    },
    get name() {
      personal();
      return principal.name;
    },
  };
  if (principal.district !== undefined) seen.district = principal.district;
  return seen;
}
