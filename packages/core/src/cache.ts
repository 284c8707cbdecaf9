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

/** Marks a field's answer as never cacheable (drafts, audit history, anything per caller). */
export function cacheNever(info: GraphQLResolveInfo): void {
  cacheControlFromInfo(info).setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
}
