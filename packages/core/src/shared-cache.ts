import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';

/** Strings in Redis under expiring keys: what replicas share (response cache entries, persisted queries). */
export class RedisCache implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) await this.redis.set(key, value, 'EX', Math.ceil(options.ttl));
    else await this.redis.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(key)) > 0;
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

/** Redis when a URL is given (commands fail fast while it is down, never queue), else an LRU in this process. */
export function openSharedCache(redisUrl: string | undefined, maxMiB: number): SharedCache {
  if (!redisUrl) {
    return {
      store: new InMemoryLRUCache<string>({ maxSize: maxMiB * 1024 * 1024, sizeCalculation: InMemoryLRUCache.sizeCalculation }),
      shared: false,
      close: async () => undefined,
    };
  }
  const redis = new Redis(redisUrl, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // A Redis that is down costs the cache, never a request: its errors are answered per command.
  redis.on('error', () => undefined);
  return {
    store: new RedisCache(redis),
    shared: true,
    close: async () => {
      redis.disconnect();
    },
  };
}
