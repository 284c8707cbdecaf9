import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';

/**
 * Strings in Redis under expiring keys: what replicas share (response cache entries, persisted queries).
 * A Redis that is down or slow costs the cache, never a request: a failed read is a miss, a failed write is dropped.
 */
export class RedisCache implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key).catch(() => null)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const stored = options?.ttl ? this.redis.set(key, value, 'EX', Math.ceil(options.ttl)) : this.redis.set(key, value);
    await stored.catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(key).catch(() => 0)) > 0;
  }
}

/** A process's connection to Redis, or nothing without REDIS_URL. */
export interface SharedCache {
  /** Response cache entries and persisted queries: in Redis with REDIS_URL, else in this process (at most `maxMiB`). */
  store: KeyValueCache<string>;
  /** Whether `store` is shared with other replicas. */
  shared: boolean;
  close(): Promise<void>;
}

/** Redis when a URL is given (a command waits 500 ms at most, then counts as a miss), else an LRU in this process. */
export function openSharedCache(redisUrl: string | undefined, maxMiB: number): SharedCache {
  if (!redisUrl) {
    return {
      store: new InMemoryLRUCache<string>({
        maxSize: maxMiB * 1024 * 1024,
        sizeCalculation: (item: string) => InMemoryLRUCache.sizeCalculation(item),
      }),
      shared: false,
      close: async () => undefined,
    };
  }
  const redis = new Redis(redisUrl, { commandTimeout: 500, maxRetriesPerRequest: 1 });
  // Connection errors are retried by ioredis in the background; each command answers for itself.
  redis.on('error', () => undefined);
  return {
    store: new RedisCache(redis),
    shared: true,
    close: async () => {
      redis.disconnect();
    },
  };
}
