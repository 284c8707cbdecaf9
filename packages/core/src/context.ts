import type { Config } from './config';
import type { EntityManager } from 'typeorm';
import type { Logger } from './logger';
import type { LoaderRegistry } from './loaders';
import type { Principal } from './auth/principal';
import type { CachePolicy } from './cache-policy';

/** What every resolver of a subgraph gets: who asks, this request's loaders, and the subgraph's database. */
export interface SubgraphContext {
  requestId: string;
  principal: Principal | null;
  loaders: LoaderRegistry;
  logger: Logger;
  /**
   * The request's way to the database: the pool's manager, or the request's own transaction (a mutation
   * with an Idempotency-Key). Services take it and never open a connection of their own inside a transaction.
   */
  db: EntityManager;
  /** The `Idempotency-Key` header, when the request has one (see `idempotencyPlugin`). */
  idempotencyKey?: string;
  /** The gateway's fingerprint of the client's whole request, which a keyed mutation is told apart by (see `idempotencyPlugin`). */
  idempotencyFingerprint?: string;
  /** The calendar day the request is answered for (YYYY-MM-DD, Europe/Stockholm). */
  today: string;
  /** What resolvers say about caching the answer beyond their fields' hints (see `cacheNever`, `privateToCaller`). */
  cacheHints: CachePolicy;
  /** The settings of the process answering. */
  config: Config;
  /**
   * Set by a resolver whose answer holds a secret shown once (a webhook signing secret): the idempotency
   * store then keeps, instead of the answer, a refusal to show it again (see `idempotencyPlugin`).
   */
  showsSecret?: boolean;
}
