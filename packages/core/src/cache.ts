import { cacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from './auth/principal';

/** How long a published, unchanging answer may be reused by a CDN or the gateway, in seconds. */
export const PUBLISHED_MAX_AGE = 300;

/**
 * Marks a field's answer as cacheable public content for `maxAge` seconds; private to the caller
 * when the request carried a token, since what a signed-in caller sees may differ.
 */
export function cachePublic(info: GraphQLResolveInfo, principal: Principal | null, maxAge = PUBLISHED_MAX_AGE): void {
  cacheControlFromInfo(info).setCacheHint({ maxAge, scope: principal ? 'PRIVATE' : 'PUBLIC' });
}

/**
 * The cache hint of a type whose answers change only when figures, acknowledgements or indicators are
 * written (adoption, comparisons, a district's indicator values): per access scope in the subgraphs' response
 * cache, which a write invalidates exactly; to an HTTP client, private and reusable for 5 s at most.
 */
export const CHANGES_WITH_WRITES = '@cacheControl(maxAge: 5, scope: PRIVATE)';

/** The cache hint of a type that takes its lifetime from the field it is reached through. */
export const INHERITS_CACHE_HINT = '@cacheControl(inheritMaxAge: true)';

/** Marks a field's answer as never cacheable (drafts, audit history, anything per caller). */
export function cacheNever(info: GraphQLResolveInfo): void {
  cacheControlFromInfo(info).setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
}
