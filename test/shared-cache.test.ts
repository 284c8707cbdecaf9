import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { HeaderMap } from '@apollo/server';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { Logger } from '@samsyn/core';
import { BREAKER_FAILURES, BreakerStore, executeInScope, MemoryStore, SignedStore, type SharedCacheOptions } from '@samsyn/runtime';
import type { GatewayRuntime } from '@samsyn/gateway';
import { serveSupergraph, startSupergraph, type GraphQLResult, type HttpSupergraph, type TestSupergraph } from '@samsyn/test-support';

/*
 * The shared cache (response caches and persisted queries) as an attacker and an operator meet it: requests
 * that differ only in variables the operation never declares make one entry; the store stays within its bounds;
 * whoever writes to Redis cannot make a replica serve their answer or run another query for a hash; and a Redis
 * that hangs costs its first calls, not every request.
 */
const redisUrl = process.env.REDIS_URL;
type KeyValueCache = NonNullable<SharedCacheOptions['standIn']>;

/** A store standing in for Redis (what anyone with access to it could rewrite), held in this test. */
function standIn(): KeyValueCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    delete: async (key) => entries.delete(key),
  };
}

/** Log lines written through a pino logger, parsed. */
function capturedLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as never) });
  return { logger, lines };
}

const DISTRICTS = 'query ($all: Boolean! = false) { districts(includeInactive: $all) { code name } }';
type Districts = { districts: { code: string; name: string }[] };

describe('the response cache key', () => {
  let served: HttpSupergraph;
  let redis: Redis | undefined;
  beforeAll(async () => {
    served = await serveSupergraph({ only: ['organisation'] });
    redis = redisUrl ? new Redis(redisUrl) : undefined;
  });
  afterAll(async () => {
    redis?.disconnect();
    await served?.close();
  });

  /** The gateway's response cache entries now: in its memory, or its keys in Redis (the run's schema suffix is in each). */
  const gatewayEntries = async (): Promise<number> => {
    if (!redis) return served.gateway.runtime.sharedCache.memory()!.entries;
    let count = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `samsyn:gw4:*${served.suffix}:*`, 'COUNT', 1000);
      cursor = next;
      count += keys.length;
    } while (cursor !== '0');
    return count;
  };
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(served.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as GraphQLResult<Districts>;
  };

  it('makes one entry of requests that differ only in undeclared variables or in how a value is spelled', async () => {
    const before = await gatewayEntries();
    const first = await post({ query: DISTRICTS, variables: { junk: 'first' } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.districts.length).toBeGreaterThan(0);
    // Undeclared junk, the default given or left out, no variables at all: one answer, one entry.
    const spellings = [
      ...Array.from({ length: 200 }, (_, i) => ({ junk: `${i}-${randomBytes(8).toString('hex')}` })),
      { all: false },
      { all: false, junk: { deep: [1, 2, 3] } },
      {},
      undefined,
    ];
    for (const variables of spellings) expect(await post({ query: DISTRICTS, variables })).toEqual(first);
    expect((await gatewayEntries()) - before).toBe(1);
    // A value that is another answer is another entry.
    expect((await post({ query: DISTRICTS, variables: { all: true } })).errors).toBeUndefined();
    expect((await gatewayEntries()) - before).toBe(2);
  });
});

describe('the in-process store', () => {
  it('stays within its bytes and entries, dropping the least recently used and anything too large', async () => {
    const store = new MemoryStore(64 * 1024, 50, 8 * 1024);
    await store.set('kept', 'x'.repeat(1000));
    for (let i = 0; i < 1000; i += 1) {
      await store.get('kept');
      await store.set(`junk-${i}`, 'y'.repeat(500 + (i % 7) * 300));
      const { bytes, entries } = store.stats();
      expect(bytes).toBeLessThanOrEqual(64 * 1024);
      expect(entries).toBeLessThanOrEqual(50);
    }
    expect(await store.get('kept')).toHaveLength(1000);
    expect(await store.get('junk-0')).toBeUndefined();
    await store.set('huge', 'z'.repeat(9 * 1024));
    expect(await store.get('huge')).toBeUndefined();
    await store.set('brief', 'b', { ttl: 0.001 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get('brief')).toBeUndefined();
  });

  it('holds a gateway’s entries within RESPONSE_CACHE_MB, however many distinct queries it is sent', async () => {
    const graph = await startSupergraph({ only: ['organisation'], gatewayEnv: { REDIS_URL: '', RESPONSE_CACHE_MB: '1' } });
    try {
      const sizes: number[] = [];
      for (let i = 0; i < 60; i += 1) {
        // Another query each time (a comment), with a large answer (the districts 20 times over).
        const aliases = Array.from(
          { length: 20 },
          (_, n) => `d${n}: districts(includeInactive: true) { id code name population validFrom validTo active }`,
        ).join(' ');
        const result = await graph.query(`{ ${aliases} } # ${i}`);
        expect(result.errors).toBeUndefined();
        sizes.push(graph.gateway.sharedCache.memory()!.bytes);
      }
      expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
      expect(Math.max(...sizes)).toBeGreaterThan(512 * 1024);
    } finally {
      await graph.close();
    }
  });
});

/** The backends a shared cache can be tampered with in: the stand-in always, the machine's Redis with REDIS_URL. */
const backends: [string, () => { store?: KeyValueCache & { entries: Map<string, string> } }][] = [
  ['a stand-in for Redis', () => ({ store: standIn() })],
  ...(redisUrl ? [['Redis (REDIS_URL)', () => ({})] as [string, () => { store?: KeyValueCache & { entries: Map<string, string> } }]] : []),
];

describe.each(backends)('entries written into %s by someone else', (_name, backend) => {
  let graph: TestSupergraph;
  let replica: TestSupergraph['query'];
  let store: ReturnType<typeof standIn> | undefined;
  let redis: Redis | undefined;
  let logged: ReturnType<typeof capturedLogger>;
  beforeAll(async () => {
    store = backend().store;
    redis = store ? undefined : new Redis(redisUrl as string);
    logged = capturedLogger();
    graph = await startSupergraph({
      only: ['organisation'],
      gatewayOptions: { logger: logged.logger, ...(store ? { sharedStore: store } : {}) },
    });
    replica = await graph.gatewayReplica();
  });
  afterAll(async () => {
    redis?.disconnect();
    await graph?.close();
  });

  const keysLike = async (pattern: RegExp): Promise<string[]> => {
    if (store) return [...store.entries.keys()].filter((key) => pattern.test(key));
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis!.scan(cursor, 'MATCH', '*', 'COUNT', 1000);
      cursor = next;
      keys.push(...found.filter((key) => pattern.test(key)));
    } while (cursor !== '0');
    return keys;
  };
  const read = async (key: string) => (store ? store.entries.get(key) : ((await redis!.get(key)) ?? undefined));
  const write = async (key: string, value: string) => {
    if (store) store.entries.set(key, value);
    else await redis!.set(key, value, 'EX', 600);
  };

  it('serves the true answer at both gateways, not an anonymous answer rewritten in the store', async () => {
    const query = '{ districts { code name } }';
    const truth = await graph.query<Districts>(query);
    expect(truth.errors).toBeUndefined();
    expect((await replica(query)).calls).toEqual([]);
    const [key] = await keysLike(new RegExp(`^samsyn:gw4:.*${graph.suffix}:`));
    const stored = (await read(key))!;
    expect(stored).toContain(truth.data!.districts[0].name);
    // What an attacker writes: the same entry with another name, under a MAC of their own making. Before each
    // gateway's read: the first read makes the answer again and replaces the forged entry.
    const forged = randomBytes(32).toString('base64url') + stored.slice(43).replaceAll(truth.data!.districts[0].name, 'FÖRFALSKAD');
    for (const gateway of [graph.query, replica]) {
      await write(key, forged);
      const answer = await gateway<Districts>(query);
      expect(answer.data).toEqual(truth.data);
      expect(answer.calls.length).toBeGreaterThan(0);
    }
    expect(graph.gateway.sharedCache.counts().rejected).toBeGreaterThan(0);
    // Logged once at each gateway (then counted only).
    expect(logged.lines.filter((line) => line.msg.startsWith('shared cache entry refused'))).toHaveLength(2);
    expect((await graph.gateway.metrics.exposition()).body).toMatch(/^samsyn_shared_cache_rejected_total\{[^}]*\} [1-9]/m);
    // The answer made again replaced the forged entry: the next read is a hit again.
    expect((await graph.query(query)).calls).toEqual([]);
  });

  it('refuses to run another query for a persisted query’s hash rewritten in the store', async () => {
    const query = `query Tampered${randomBytes(4).toString('hex')} { districts { code name } }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    const registered = await persisted(graph.gateway, { query, ...byHash });
    expect(registered.errors).toBeUndefined();
    expect(await persisted(graph.gateway, byHash)).toEqual(registered);
    const [key] = await keysLike(new RegExp(`^apq:${hash}$`));
    expect(key).toBeDefined();
    // Another query, one that would answer something else, under the registered hash.
    await write(key, `${(await read(key))!.slice(0, 43)}{ areas { area } }`);
    const swapped = await persisted(graph.gateway, byHash);
    expect(swapped.data ?? undefined).toBeUndefined();
    expect(swapped.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // The client sends the query again, as APQ clients do: the true one runs.
    expect(await persisted(graph.gateway, { query, ...byHash })).toEqual(registered);
  });
});

describe('a signed store', () => {
  it('refuses an entry moved to another key, an unsigned one and one signed with another key', async () => {
    const under = standIn();
    const { logger } = capturedLogger();
    const signed = new SignedStore(under, Buffer.alloc(32, 1), 1024, logger);
    await signed.set('samsyn:gw4:x:anonymous', 'answer for everyone');
    await signed.set('samsyn:gw4:x:analyst', 'answer for analysts');
    expect(await signed.get('samsyn:gw4:x:analyst')).toBe('answer for analysts');
    under.entries.set('samsyn:gw4:x:analyst', under.entries.get('samsyn:gw4:x:anonymous')!);
    expect(await signed.get('samsyn:gw4:x:analyst')).toBeUndefined();
    under.entries.set('samsyn:gw4:x:plain', 'no MAC at all, just text long enough to hold one in its first characters');
    expect(await signed.get('samsyn:gw4:x:plain')).toBeUndefined();
    await new SignedStore(under, Buffer.alloc(32, 2), 1024, logger).set('samsyn:gw4:x:other', 'signed elsewhere');
    expect(await signed.get('samsyn:gw4:x:other')).toBeUndefined();
    expect(signed.rejected).toBe(3);
    // Too large to keep: not stored at all.
    await signed.set('samsyn:gw4:x:large', 'x'.repeat(1025));
    expect(under.entries.has('samsyn:gw4:x:large')).toBe(false);
    expect(signed.tooLarge).toBe(1);
  });
});

describe('persisted queries in a gateway’s own memory', () => {
  it('are checked against their hash when read', async () => {
    const graph = await startSupergraph({ only: ['organisation'], gatewayEnv: { REDIS_URL: '' } });
    try {
      const query = '{ districts { code } }';
      const hash = createHash('sha256').update(query).digest('hex');
      const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
      const registered = await persisted(graph.gateway, { query, ...byHash });
      expect(registered.errors).toBeUndefined();
      await graph.gateway.sharedCache.store.set(`apq:${hash}`, '{ areas { area } }');
      expect((await persisted(graph.gateway, byHash)).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await graph.close();
    }
  });
});

/** A request with extensions (a persisted query) to a gateway, as the HTTP layer hands it over. */
async function persisted(gateway: GatewayRuntime, body: Record<string, unknown>): Promise<GraphQLResult> {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  const response = await executeInScope(
    gateway.apollo,
    (request) => gateway.createContext(request),
    { method: 'POST', headers, search: '', body },
    randomBytes(8).toString('hex'),
  );
  if (response.body.kind !== 'complete') throw new Error('incremental responses are not used here');
  return JSON.parse(response.body.string) as GraphQLResult;
}

describe('a Redis that hangs', () => {
  let hanging: net.Server;
  const sockets = new Set<net.Socket>();
  let graph: TestSupergraph;
  let logged: ReturnType<typeof capturedLogger>;
  beforeAll(async () => {
    // Accepts every connection and never answers a byte: each command waits out its timeout.
    hanging = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as net.AddressInfo;
    logged = capturedLogger();
    graph = await startSupergraph({
      only: ['organisation'],
      gatewayEnv: { REDIS_URL: `redis://127.0.0.1:${port}` },
      gatewayOptions: { logger: logged.logger },
    });
  });
  afterAll(async () => {
    await graph?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hanging?.close(resolve));
  });

  it('costs the first calls only: then requests answer without asking it, and the metric and the log say so', async () => {
    for (let i = 0; i < 20; i += 1) {
      const result = await graph.query<Districts>('{ districts { code name } }');
      expect(result.errors).toBeUndefined();
      expect(result.data!.districts.length).toBeGreaterThan(0);
    }
    const counts = graph.gateway.sharedCache.counts();
    // The calls that waited for the 500 ms timeout: the first request's read, its write (sent after its answer)
    // and the second request's read, out together when the breaker opened; nothing after.
    expect(counts.failures).toBeLessThanOrEqual(BREAKER_FAILURES + 1);
    // Each later request would have read and written an entry: both skipped at once.
    expect(counts.skipped).toBeGreaterThanOrEqual(2 * (20 - BREAKER_FAILURES));
    expect(counts.state).toBe('open');
    const metrics = (await graph.gateway.metrics.exposition()).body;
    expect(metrics).toMatch(/^samsyn_shared_cache_breaker_open\{[^}]*\} 1$/m);
    expect(metrics).toMatch(/^samsyn_shared_cache_skipped_total\{[^}]*\} [1-9]/m);
    expect(logged.lines.filter((line) => line.msg.startsWith('shared cache (Redis) failing'))).toHaveLength(1);
  });
});

describe('the circuit breaker', () => {
  it('opens after failures in a row, skips calls while open, probes once after the pause, and closes when the probe succeeds', async () => {
    let now = 0;
    let up = false;
    let sent = 0;
    const inner: KeyValueCache = {
      get: async () => {
        sent += 1;
        if (!up) throw new Error('Command timed out');
        return 'value';
      },
      set: async () => undefined,
      delete: async () => true,
    };
    const { logger, lines } = capturedLogger();
    const breaker = new BreakerStore(inner, logger, 5_000, () => now);
    for (let i = 0; i < 10; i += 1) expect(await breaker.get('k')).toBeUndefined();
    expect(sent).toBe(BREAKER_FAILURES);
    expect(breaker.state).toBe('open');
    expect(breaker.skipped).toBe(10 - BREAKER_FAILURES);
    // After the pause one probe goes out; it fails: open again, without another log line.
    now = 5_000;
    expect(await breaker.get('k')).toBeUndefined();
    expect(sent).toBe(BREAKER_FAILURES + 1);
    expect(await breaker.get('k')).toBeUndefined();
    expect(sent).toBe(BREAKER_FAILURES + 1);
    // Redis is back: the next probe closes it, and every call is sent again.
    up = true;
    now = 10_000;
    expect(await breaker.get('k')).toBe('value');
    expect(breaker.state).toBe('closed');
    expect(await breaker.get('k')).toBe('value');
    expect(sent).toBe(BREAKER_FAILURES + 3);
    expect(lines.map((line) => line.msg)).toEqual([
      expect.stringContaining('shared cache (Redis) failing'),
      expect.stringContaining('shared cache (Redis) answers again'),
    ]);
  });

  it('lets one probe out at a time while half-open', async () => {
    let release: (value: string) => void = () => undefined;
    let now = 0;
    let calls = 0;
    const inner: KeyValueCache = {
      get: () => {
        calls += 1;
        return calls <= BREAKER_FAILURES ? Promise.reject(new Error('down')) : new Promise<string>((resolve) => (release = resolve));
      },
      set: async () => undefined,
      delete: async () => true,
    };
    const breaker = new BreakerStore(inner, capturedLogger().logger, 5_000, () => now);
    for (let i = 0; i < BREAKER_FAILURES; i += 1) await breaker.get('k');
    now = 6_000;
    const probe = breaker.get('k');
    expect(breaker.state).toBe('half-open');
    expect(await breaker.get('k')).toBeUndefined();
    expect(calls).toBe(BREAKER_FAILURES + 1);
    release('back');
    expect(await probe).toBe('back');
    expect(breaker.state).toBe('closed');
  });
});
