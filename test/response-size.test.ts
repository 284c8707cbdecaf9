import { serveSupergraph, startSupergraph, tokenFor, type HttpSupergraph, type TestSupergraph } from '@samsyn/test-support';

/**
 * MAX_RESPONSE_MB: an answer larger than one request may be is refused with RESPONSE_TOO_LARGE as soon as the
 * subgraph answers it is made of pass the limit, with no partial data; smaller answers go on as before.
 */
const PROFILE = `{ districts { code childServices { adoption { documentsInForce acknowledged lagging { document { slug } daysLagging } }
  indicators(period: "2026-Q3") { indicator { code name unit } value numerator denominator position suppressed trend cityValue } } } }`;
const DISTRICTS = '{ districts { code name } }';
// 4 KiB: the ten demo districts' child-services profiles are several times that, their codes and names far less.
const LIMIT = { MAX_RESPONSE_MB: String(4 / 1024) };

let analyst: string;
beforeAll(async () => {
  analyst = await tokenFor({ roles: ['analyst'] });
});

describe('the per-request size limit over HTTP', () => {
  let graph: HttpSupergraph;
  beforeAll(async () => {
    graph = await serveSupergraph({ only: ['organisation', 'child-services'], gatewayEnv: LIMIT });
  });
  afterAll(() => graph.close());

  const post = (query: string) =>
    fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query }),
    });

  it('refuses a dashboard larger than MAX_RESPONSE_MB with RESPONSE_TOO_LARGE and no partial data', async () => {
    const response = await post(PROFILE);
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
    expect(response.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining('MAX_RESPONSE_MB'),
        extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: Math.round((4 / 1024) * 2 ** 20) },
      },
    ]);
  });

  it('answers a request within the limit in full, also right after a refused one', async () => {
    await post(PROFILE);
    const response = await post(DISTRICTS);
    const body = (await response.json()) as { data?: { districts: { code: string }[] }; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.districts.map((district) => district.code)).toContain('angered');
  });
});

describe('the per-request size limit with in-process subgraphs', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['organisation', 'child-services'], gatewayEnv: LIMIT });
  });
  afterAll(() => graph.close());

  it('refuses the same dashboard, counting the in-process answers', async () => {
    const refused = await graph.query(PROFILE, { token: analyst });
    expect(refused).toHaveErrorCode('RESPONSE_TOO_LARGE');
    expect(refused.data).toBeUndefined();
    const answered = await graph.query(DISTRICTS, { token: analyst });
    expect(answered.errors).toBeUndefined();
  });
});
