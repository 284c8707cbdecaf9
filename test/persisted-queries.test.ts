import { createHash } from 'node:crypto';
import { createGateway, serveGateway } from '@samsyn/gateway';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveSupergraph, testConfig, type HttpSupergraph } from '@samsyn/test-support';

/** Automatic persisted queries: a client sends a query's hash alone once any replica has seen the query. */
const QUERY = '{ districts { code name } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
const redisUrl = process.env.REDIS_URL;

async function post(url: string, body: unknown): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as never;
}

const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } };

describe('automatic persisted queries', () => {
  let graph: HttpSupergraph;
  let replica: RunningHttpService;
  beforeAll(async () => {
    graph = await serveSupergraph({ only: ['organisation'], gatewayEnv: redisUrl ? { REDIS_URL: redisUrl } : {} });
    const urls = { ORGANISATION_URL: graph.subgraphs.organisation!.url };
    const config = testConfig('gateway', graph.suffix, { ...urls, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
    replica = await serveGateway(await createGateway(config), config, 0);
  });
  afterAll(async () => {
    await replica?.stop();
    await graph?.close();
  });

  it('asks for the query behind an unknown hash, then answers the hash alone', async () => {
    const unknown = await post(graph.gateway.url, {
      ...byHash,
      extensions: { persistedQuery: { version: 1, sha256Hash: HASH.replace(/^./, 'f') } },
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(graph.gateway.url, { query: QUERY, ...byHash });
    expect(registered.errors).toBeUndefined();
    expect(await post(graph.gateway.url, byHash)).toEqual(registered);
  });

  (redisUrl ? it : it.skip)('knows a hash at every gateway replica once one has seen it (REDIS_URL)', async () => {
    const registered = await post(graph.gateway.url, { query: QUERY, ...byHash });
    expect(await post(replica.url, byHash)).toEqual(registered);
  });
});
