/*
 * The response cache, exactly invalidated by writes: one protocol between subgraphs and the gateway (protocol.ts),
 * a subgraph's cache (subgraph.ts: version triggers, their migrations, the Apollo plugin and the fast path) and the
 * gateway's (gateway.ts: whole responses on the subgraphs' stamps). See docs/caching.md.
 */
export { CACHE_STAMP_EXTENSION, versionsStillCurrent, CACHE_VERSIONS_PATH } from './protocol';
export type { CacheVersions, CacheStamp, CachedHttpAnswer } from './protocol';

// A subgraph's cache.
export {
  CacheVersions1764000000000,
  CacheVersionsUnrepeatable1766000000000,
  watchNewTables,
  watchedTables,
  cacheVersionReader,
  subgraphResponseCache,
} from './subgraph';
export type { ResponseCacheOptions, SubgraphResponseCache } from './subgraph';
// The key a plain JSON POST is answered under: also what identical concurrent reads are coalesced by (runtime).
export { KnownOperations, plainQueryKey } from './subgraph';

// The gateway's cache.
export { StampedSource, gatewayCache } from './gateway';
export type { GatewayContext, GatewayCacheOptions, GatewayCache } from './gateway';
