import { serveSupergraph, tokenFor, type HttpSupergraph } from '@samsyn/test-support';

/**
 * Identical reads in flight at once are answered by one execution (packages/core/src/coalescing.ts): many analysts
 * opening the same dashboard cost the gateway and the subgraphs one build of it, not one each.
 */
const DASHBOARD = `{ districts { code childServices { indicators(period: "2026-Q3") { indicator { code } value position suppressed } } } }`;

let graph: HttpSupergraph;
let analyst: string;
beforeAll(async () => {
  graph = await serveSupergraph({ only: ['organisation', 'child-services'] });
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());

const post = async (query: string) => {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
    body: JSON.stringify({ query }),
  });
  return response.text();
};

/** How many fetches the gateway has sent to child-services so far (its /metrics). */
async function childServicesFetches(): Promise<number> {
  const metrics = await (await fetch(`${graph.base('gateway')}/metrics`)).text();
  const line = metrics
    .split('\n')
    .find((row) => row.startsWith('samsyn_subgraph_fetch_duration_seconds_count') && row.includes('child-services'));
  return Number(line?.split(' ').pop() ?? 0);
}

describe('identical concurrent reads', () => {
  it('are answered alike by a few shared executions, not one each', async () => {
    const first = await post(DASHBOARD);
    expect(first).toContain('"angered"');
    const before = await childServicesFetches();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(DASHBOARD)));
    expect(new Set(answers)).toEqual(new Set([first]));
    // One fetch of child-services per execution: the first arrival's, then one shared by all that came while it ran
    // (two when they all arrive at once; a loaded machine may spread their arrival over a few executions).
    expect((await childServicesFetches()) - before).toBeLessThanOrEqual(4);
  });
});
