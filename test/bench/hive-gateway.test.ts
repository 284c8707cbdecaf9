import { serveSupergraph, tokenFor, type HttpSupergraph } from '@samsyn/test-support';
import { serveHiveGateway, type RunningHiveGateway } from './hive-gateway';

const AREAS = ['childServices', 'adultServices', 'disability', 'incomeSupport'];

/** The supergraph tests' queries, and the dashboard's: what both gateways must answer alike. */
const QUERIES: Record<string, string> = {
  'all five subgraphs': `{
    districts { code childServices { name } adultServices { name } disability { name } incomeSupport { name } }
    areas { area processLeaders { name } }
    childServices { name } adultServices { name } disability { name } incomeSupport { name }
  }`,
  'every district in every area': `{ districts { code ${AREAS.map((area) => `${area} { area name }`).join(' ')} } }`,
  'an unknown district': '{ district(code: "atlantis") { name childServices { name } } }',
  'published routines': `{ ${AREAS.map((area) => `${area} { documents(kind: ROUTINE, first: 50) { totalCount edges { node { slug title current { number title body legalBasis validFrom } } } } }`).join(' ')} }`,
  dashboard: `{ districts { code name ${AREAS.map(
    (area) => `${area} { adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
      indicators(period: "2026-Q3") { indicator { code } value position suppressed trend } }`,
  ).join(' ')} } }`,
};

async function post(url: string, query: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('Hive Gateway (MIT) over the same supergraph', () => {
  let graph: HttpSupergraph;
  let hive: RunningHiveGateway;
  beforeAll(async () => {
    graph = await serveSupergraph();
    const urls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, service]) => [name, service.url]));
    hive = await serveHiveGateway(urls);
  });
  afterAll(async () => {
    await hive?.stop();
    await graph?.close();
  });

  it('lets a client keep the dashboard privately for a few seconds, instead of never (its parts carry cache hints)', async () => {
    const analyst = await tokenFor({ roles: ['analyst'] });
    const response = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: QUERIES.dashboard }),
    });
    expect(response.headers.get('cache-control')).toBe('max-age=5, private');
  });

  it.each(Object.keys(QUERIES))('answers %s with the same data as Samsyn’s gateway', async (name) => {
    const analyst = await tokenFor({ roles: ['analyst'] });
    const samsyn = (await post(graph.gateway.url, QUERIES[name], analyst)) as { data?: unknown; errors?: unknown };
    const viaHive = (await post(hive.url, QUERIES[name], analyst)) as { data?: unknown; errors?: unknown };
    expect(samsyn.errors).toBeUndefined();
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data).toEqual(samsyn.data);
    expect(JSON.stringify(viaHive.data)).toEqual(JSON.stringify(samsyn.data));
  });
});
