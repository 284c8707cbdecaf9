import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';
import type { Logger } from '@samsyn/core';

/*
 * Where the response caches (the gateway's and the subgraphs') and the persisted queries live: in this process,
 * or in Redis shared by the replicas. Redis is a cache here, never a source of truth:
 * - bounded: no entry above a size, each with a TTL, and Redis itself run with `maxmemory` and an eviction
 *   policy (docs/caching.md); in this process an LRU within a byte budget;
 * - not trusted: every entry carries an HMAC-SHA256 of its key and value under a key Redis does not hold, and
 *   an entry whose MAC does not verify is a miss (whoever can write to Redis cannot make a replica serve it);
 *   a persisted query is served only when its text still hashes to the sha256 it is kept under;
 * - never in the way: a Redis that fails or hangs opens a circuit breaker, and for a while (5 s) nothing asks
 *   it: requests run at normal speed without the shared cache, then one probe tells whether it is back.
 */

/** Milliseconds one Redis command may take before it counts as failed (a miss, or a write dropped). */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/** How long the breaker stays open after a failure before one call probes Redis again. */
export const BREAKER_OPEN_MS = 5_000;

/** Failures in a row that open the breaker. */
export const BREAKER_FAILURES = 2;

/** Seconds a persisted query is kept after it was last registered (a client whose hash is forgotten sends the query again). */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 3600;

/** Seconds an entry stored without its own TTL is kept (Apollo's persisted queries set none). */
export const DEFAULT_ENTRY_TTL_SECONDS = 24 * 3600;

/** What an entry costs in this process besides its key and value (the LRU's bookkeeping), counted in its size. */
const ENTRY_OVERHEAD = 100;

/**
 * A string LRU in this process within `maxBytes` (keys and values counted by length: JSON of Latin-1 text,
 * Swedish included, is one byte a character in V8) and `maxEntries`, each entry with its TTL.
 */
export class MemoryStore implements KeyValueCache<string> {
  private readonly entries = new Map<string, { value: string; size: number; expires: number }>();
  private size = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
    private readonly maxEntryBytes: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key);
    if (entry.expires <= Date.now()) return undefined;
    // Most recently used: last in the map's order.
    this.entries.set(key, entry);
    this.size += entry.size;
    return entry.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    this.remove(key);
    const size = key.length + value.length + ENTRY_OVERHEAD;
    if (size > this.maxEntryBytes || size > this.maxBytes) return;
    const ttl = options?.ttl ?? DEFAULT_ENTRY_TTL_SECONDS;
    this.entries.set(key, { value, size, expires: Date.now() + ttl * 1000 });
    this.size += size;
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  /** Entries and bytes held now. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.size };
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.size -= entry.size;
    return true;
  }
}

/** Strings in Redis under expiring keys. A failed or timed-out command rejects (the breaker counts it). */
export class RedisStore implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.redis.set(key, value, 'EX', Math.ceil(options?.ttl ?? DEFAULT_ENTRY_TTL_SECONDS));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(key)) > 0;
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** What the shared store did so far, for `/metrics`. */
export interface SharedCacheCounts {
  /** The breaker's state now. */
  state: BreakerState;
  /** Calls that reached the store and failed (each waited for its timeout or an error). */
  failures: number;
  /** Calls not sent because the breaker was open (answered as a miss, or a write dropped at once). */
  skipped: number;
  /** Entries refused on read: their MAC (or a persisted query's hash) did not verify. */
  rejected: number;
  /** Entries not stored because they are larger than the entry cap. */
  tooLarge: number;
}

/**
 * A store that may fail or hang (Redis) behind a circuit breaker, which never throws: a failed read is a miss, a
 * failed write is dropped. After {@link BREAKER_FAILURES} failures in a row it opens: for `openMs` no call is sent
 * (each is answered at once); then one call probes, and closes it again when it succeeds. One log line when it
 * opens and one when it closes.
 */
export class BreakerStore implements KeyValueCache<string> {
  state: BreakerState = 'closed';
  failures = 0;
  skipped = 0;
  private inARow = 0;
  private openedAt = 0;

  constructor(
    private readonly inner: KeyValueCache<string>,
    private readonly logger: Logger,
    private readonly openMs = BREAKER_OPEN_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Promise<string | undefined> {
    return this.call(() => this.inner.get(key), undefined);
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    return this.call(() => this.inner.set(key, value, options), undefined);
  }

  delete(key: string): Promise<boolean | void> {
    return this.call(() => this.inner.delete(key), false);
  }

  private async call<T>(send: () => Promise<T>, skipped: Awaited<T>): Promise<Awaited<T>> {
    if (this.state === 'half-open' || (this.state === 'open' && this.now() - this.openedAt < this.openMs)) {
      this.skipped += 1;
      return skipped;
    }
    const probe = this.state === 'open';
    if (probe) this.state = 'half-open';
    try {
      const result = await send();
      this.inARow = 0;
      if (this.state !== 'closed') {
        this.state = 'closed';
        this.logger.info('shared cache (Redis) answers again: using it');
      }
      return result;
    } catch (error) {
      this.failures += 1;
      this.inARow += 1;
      if (probe || (this.state === 'closed' && this.inARow >= BREAKER_FAILURES)) {
        if (this.state === 'closed')
          this.logger.warn(
            { err: error },
            `shared cache (Redis) failing: answering without it, asking again every ${this.openMs / 1000} s`,
          );
        this.state = 'open';
        this.openedAt = this.now();
      }
      return skipped;
    }
  }
}

/**
 * Entries signed with HMAC-SHA256 over their key and value (a MAC, 43 characters, before the value): an entry
 * written by anyone without the key, or moved to another key, is refused as a miss, logged once and counted.
 * Values above `maxEntryChars` are not stored.
 */
export class SignedStore implements KeyValueCache<string> {
  rejected = 0;
  tooLarge = 0;

  constructor(
    private readonly inner: KeyValueCache<string>,
    private readonly macKey: Buffer,
    private readonly maxEntryChars: number,
    private readonly logger: Logger,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const stored = await this.inner.get(key);
    if (stored === undefined) return undefined;
    const value = stored.slice(MAC_LENGTH);
    const given = Buffer.from(stored.slice(0, MAC_LENGTH));
    const expected = Buffer.from(this.mac(key, value));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return value;
    this.reject(key, 'its MAC does not verify');
    return undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (value.length > this.maxEntryChars) {
      this.tooLarge += 1;
      return;
    }
    await this.inner.set(key, this.mac(key, value) + value, options);
  }

  delete(key: string): Promise<boolean | void> {
    return this.inner.delete(key);
  }

  /** Counts (and logs, the first time) an entry refused for `reason`. */
  reject(key: string, reason: string): void {
    this.rejected += 1;
    if (this.rejected === 1)
      this.logger.warn(
        { key },
        `shared cache entry refused: ${reason} (written by someone else than Samsyn? see docs/caching.md on Redis)`,
      );
  }

  private mac(key: string, value: string): string {
    return createHmac('sha256', this.macKey).update(key).update('\n').update(value).digest('base64url');
  }
}

const MAC_LENGTH = 43;

/**
 * Apollo Server's persisted queries over `store`: a query is served for a hash only when it hashes to it (Apollo
 * Server checks the hash when a query is registered, not when it is read back). Apollo's keys are `apq:<sha256>`.
 */
export function hashCheckedQueries(store: KeyValueCache<string>, refused: (key: string) => void): KeyValueCache<string> {
  return {
    async get(key) {
      const query = await store.get(key);
      if (query === undefined) return undefined;
      if (createHash('sha256').update(query).digest('hex') === key.slice(key.lastIndexOf(':') + 1)) return query;
      refused(key);
      return undefined;
    },
    set: (key, value, options) => store.set(key, value, options),
    delete: (key) => store.delete(key),
  };
}

/** A process's response cache and persisted query store: Redis (or a stand-in for it in tests), else its own memory. */
export interface SharedCache {
  /** Response cache entries (signed, in Redis). */
  store: KeyValueCache<string>;
  /** Apollo Server's persisted queries: `store`, each checked against its hash when read. */
  persistedQueries: KeyValueCache<string>;
  /** Whether `store` is shared with other replicas. */
  shared: boolean;
  /** What it did so far (see {@link SharedCacheCounts}). */
  counts(): SharedCacheCounts;
  /** Entries and bytes held in this thread's memory (without Redis, and not the lane's worker), else undefined. */
  memory(): { entries: number; bytes: number } | undefined;
  /**
   * The store the analytical lane's worker is given in place of one of its own: this thread's memory, without Redis
   * (with Redis the worker opens Redis itself; in the worker, none).
   */
  laneStore?: KeyValueCache<string>;
  close(): Promise<void>;
}

export interface SharedCacheOptions {
  /** Redis shared by the replicas; unset: this process's memory. */
  redisUrl?: string;
  /** A store in place of Redis, with everything around it (tests: an in-memory stand-in to tamper with). */
  standIn?: KeyValueCache<string>;
  /** The most memory (MiB) entries take in this process, without Redis. */
  maxMiB: number;
  /** The largest entry (MiB) kept, in Redis or here. */
  maxEntryMiB: number;
  /** The HMAC-SHA256 key entries in Redis are signed with (never stored there). */
  macKey: Buffer;
  logger: Logger;
  /** How long the breaker stays open (tests). */
  breakerOpenMs?: number;
  /**
   * Without Redis, the main thread's store in place of one of this thread's own: the analytical lane's worker reaches
   * its process's store over a port (lane-store.ts), so both threads read and write one store.
   */
  mainThread?: KeyValueCache<string>;
}

/** Entries in this process at most, whatever their size. */
const MAX_MEMORY_ENTRIES = 100_000;

/** Redis when a URL (or a stand-in) is given, behind a breaker and signed; else an LRU in this process. */
export function openSharedCache(options: SharedCacheOptions): SharedCache {
  const maxEntry = options.maxEntryMiB * 1024 * 1024;
  if (!options.redisUrl && !options.standIn) {
    // This process's own memory: nobody else writes it, so no MAC; the hash of a persisted query is checked all the same.
    const memory = options.mainThread ? undefined : new MemoryStore(options.maxMiB * 1024 * 1024, MAX_MEMORY_ENTRIES, maxEntry);
    const store = memory ?? (options.mainThread as KeyValueCache<string>);
    let rejected = 0;
    return {
      store,
      persistedQueries: hashCheckedQueries(store, () => (rejected += 1)),
      shared: false,
      counts: () => ({ state: 'closed', failures: 0, skipped: 0, rejected, tooLarge: 0 }),
      memory: () => memory?.stats(),
      laneStore: memory,
      close: async () => undefined,
    };
  }
  const redis = options.standIn
    ? undefined
    : new Redis(options.redisUrl as string, { commandTimeout: REDIS_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  // Connection errors are retried by ioredis in the background; each command answers for itself (see the breaker).
  redis?.on('error', () => undefined);
  const breaker = new BreakerStore(options.standIn ?? new RedisStore(redis as Redis), options.logger, options.breakerOpenMs);
  const signed = new SignedStore(breaker, options.macKey, maxEntry, options.logger);
  return {
    store: signed,
    persistedQueries: hashCheckedQueries(signed, (key) => signed.reject(key, 'the persisted query does not match its hash')),
    shared: true,
    counts: () => ({
      state: breaker.state,
      failures: breaker.failures,
      skipped: breaker.skipped,
      rejected: signed.rejected,
      tooLarge: signed.tooLarge,
    }),
    memory: () => undefined,
    close: async () => {
      redis?.disconnect();
    },
  };
}
