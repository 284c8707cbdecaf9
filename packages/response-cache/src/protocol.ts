/*
 * The response cache's protocol between a subgraph and the gateway: what a subgraph stamps on an answer its cache
 * could keep (`extensions.samsynCache`), and where it tells its tables' current versions (`GET /cache-versions`).
 * The gateway keeps a whole response only when every fetch of its plan was stamped, and serves it again only while
 * each subgraph's versions, asked after the request arrived, still match the stamps.
 */

/** The version of each table (and of the epoch) of one subgraph's schema. */
export type CacheVersions = Record<string, number>;

/**
 * What an answer may be cached on: the version of each table its SQL named (and of the epoch), and its cache
 * policy. A subgraph sends it with every answer it could cache, in `extensions.samsynCache`, so that the gateway
 * can cache the whole response on the same terms (see `gateway.ts`).
 */
export interface CacheStamp {
  versions: CacheVersions;
  /** The calendar day the answer was computed for (what the subgraph took as today). */
  today: string;
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

/** The response extension that carries a subgraph answer's {@link CacheStamp}. */
export const CACHE_STAMP_EXTENSION = 'samsynCache';

/** Whether every version an answer was kept with is still the current one (a table never written is at 0). */
export function versionsStillCurrent(kept: CacheVersions, current: CacheVersions): boolean {
  return Object.entries(kept).every(([tag, version]) => (current[tag] ?? 0) === version);
}

/** The path next to `/graphql` where a subgraph tells its current table versions (see `SubgraphRuntime.cacheVersions`). */
export const CACHE_VERSIONS_PATH = '/cache-versions';

/** A whole HTTP answer (status 200) kept by a response cache. */
export interface CachedHttpAnswer {
  /** The operation's name, for logs and metrics (`(anonymous)` for an unnamed one). */
  operationName: string;
  headers: Record<string, string>;
  /** The body in parts, written one after the other (a large stored answer is never copied into one string). */
  body: string[];
}
