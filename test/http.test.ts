import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { AREA_LIST } from '@samsyn/core';
import { createSubgraphRuntime, schemaName, serveSubgraph, type RunningHttpService } from '@samsyn/runtime';
import { createGateway, serveGateway } from '@samsyn/gateway';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { dropSchemas, executeRequest, serveSupergraph, testConfig, type HttpSupergraph } from '@samsyn/test-support';

/** The whole supergraph over real sockets on free ports: the wiring that in-process tests skip. */
describe('the supergraph over HTTP', () => {
  let graph: HttpSupergraph;
  let gateway: RunningHttpService;
  let subgraphs: HttpSupergraph['subgraphs'];
  const organisationLog: { requestId?: string; msg: string }[] = [];

  beforeAll(async () => {
    const organisation = pino({ level: 'debug' }, { write: (line: string) => organisationLog.push(JSON.parse(line)) });
    graph = await serveSupergraph({ loggers: { organisation } });
    gateway = graph.gateway;
    subgraphs = graph.subgraphs;
  });

  afterAll(() => graph.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers a query across all five subgraphs and passes the request id on', async () => {
    const response = await post(
      gateway.url,
      {
        query:
          '{ districts { name childServices { name } adultServices { name } disability { name } incomeSupport { name } } areas { name } }',
      },
      { 'x-request-id': 'e2e-request-1' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('e2e-request-1');
    const body = (await response.json()) as { data: { districts: Record<string, unknown>[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.districts).toHaveLength(10);
    expect(body.data.districts[3]).toEqual({
      name: 'Lundby',
      childServices: { name: 'Barn och unga' },
      adultServices: { name: 'Vuxen' },
      disability: { name: 'Funktionshinder' },
      incomeSupport: { name: 'Försörjningsstöd' },
    });
    expect(organisationLog.some((line) => line.requestId === 'e2e-request-1')).toBe(true);
  });

  it('serves /health on the gateway and /health and /ready on a subgraph', async () => {
    const base = (url: string) => url.replace(/\/graphql$/, '');
    expect((await fetch(`${base(gateway.url)}/health`)).status).toBe(200);
    expect((await fetch(`${base(subgraphs.disability!.url)}/health`)).status).toBe(200);
    expect(await (await fetch(`${base(subgraphs.disability!.url)}/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('refuses a body over 1 MB and one that is not JSON', async () => {
    const huge = await post(gateway.url, { query: `{ areas { name } } #${'x'.repeat(1024 * 1024)}` });
    expect(huge.status).toBe(413);
    const garbage = await post(gateway.url, '{ not json');
    expect(garbage.status).toBe(400);
  });

  it('takes a media type in any case (`APPLICATION/JSON`), at the gateway and at a subgraph', async () => {
    const query = { query: '{ areas { name } }' };
    const responses = [
      await post(gateway.url, query, { 'content-type': 'APPLICATION/JSON' }),
      await post(subgraphs.organisation!.url, query, { 'content-type': 'Application/Json; Charset=UTF-8' }),
    ];
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { data?: { areas: unknown[] }; errors?: unknown }[];
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(bodies.map((body) => [body.errors, body.data?.areas.length])).toEqual([
      [undefined, 4],
      [undefined, 4],
    ]);
  });

  it('refuses batched operations: one operation per request', async () => {
    const batch = await post(gateway.url, [{ query: '{ areas { name } }' }, { query: '{ districts { code } }' }]);
    expect(batch.status).toBe(400);
  });

  it("refuses a GET that a browser could send across sites (Apollo's CSRF prevention)", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ areas { name } }')}`);
    expect(response.status).toBe(400);
    const allowed = await fetch(`${gateway.url}?query=${encodeURIComponent('{ areas { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it("answers the gateway's /ready with 200 while every subgraph is ready", async () => {
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
    expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('keeps answering when a subgraph stops, naming the one that is down', async () => {
    await subgraphs['income-support']!.close();
    const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', notReady: ['income-support'] }]);
    const response = await post(gateway.url, { query: '{ districts { code incomeSupport { name } } areas { name } }' });
    const body = (await response.json()) as {
      data: { districts: { incomeSupport: unknown }[]; areas: unknown[] };
      errors: { extensions: Record<string, unknown> }[];
    };
    expect(body.data.areas).toHaveLength(AREA_LIST.length);
    expect(body.data.districts[0].incomeSupport).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'income-support' });
  });
});

describe('a subgraph that does not answer', () => {
  it('is cut off after SUBGRAPH_TIMEOUT_MS and named in the error, while the rest answers', async () => {
    const hanging = http.createServer(() => {
      // accepts the request and never answers
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    const suffix = `_g${randomBytes(4).toString('hex')}`;
    const organisation = await serveSubgraph(
      await createSubgraphRuntime(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix)),
      0,
      '127.0.0.1',
    );
    const config = testConfig('gateway', suffix, { DISABILITY_URL: url, ORGANISATION_URL: organisation.url, SUBGRAPH_TIMEOUT_MS: '300' });
    const gateway = await createGateway(config);
    try {
      // A first request warms the organisation subgraph, so that only the hanging one can miss the short limit.
      await fetch(organisation.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ areas { name } }' }),
      });
      // Without the time limit this request would hang until the test's own limit fails it.
      const result = await executeRequest(
        gateway.apollo,
        (incoming) => gateway.createContext(incoming),
        { query: '{ areas { name } disability { name } }' },
        {},
      );
      expect(result.data).toEqual({ areas: expect.any(Array), disability: null });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'disability' });
      // Its /ready hangs too: the gateway's /ready still answers, and names it.
      const served = await serveGateway(gateway, config, 0);
      const ready = await fetch(served.url.replace(/\/graphql$/, '/ready'));
      const { notReady } = (await ready.json()) as { notReady: string[] };
      await served.stop();
      expect(ready.status).toBe(503);
      expect(notReady).toContain('disability');
      expect(notReady).not.toContain('organisation');
    } finally {
      await gateway.apollo.stop();
      await organisation.close();
      hanging.closeAllConnections();
      hanging.close();
      await dropSchemas(process.env.DATABASE_URL as string, [schemaName(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix))]);
    }
    // Creating the organisation subgraph's schema takes most of this on a busy machine.
  }, 30_000);
});
