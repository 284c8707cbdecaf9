import { AREA_LIST, swedishToday } from '@samsyn/core';
import {
  serveSupergraph,
  startSupergraph,
  tokenFor,
  type GatewayResult,
  type HttpSupergraph,
  type TestSupergraph,
} from '@samsyn/test-support';

/**
 * The gateway's response cache: whole responses kept on the subgraphs' terms, served again only while every
 * subgraph they came from still has the same table versions. Two gateways over the same subgraphs stand for
 * two replicas (each with its own in-process cache, or one Redis when REDIS_URL is set).
 */
const AREAS = AREA_LIST.map((entry) => entry.rootField);
const DASHBOARD = `{ districts { code name ${AREAS.map(
  (area) =>
    `${area} { adoption { documentsInForce acknowledged lagging { document { slug } } } indicators(period: "2026-Q3") { indicator { code } value position suppressed } }`,
).join(' ')} } }`;
const ROUTINES = `{ childServices { documents(kind: ROUTINE, first: 50) { edges { node { id slug current { id number title } } } } } }`;

type Dashboard = {
  districts: { code: string; childServices: { indicators: { indicator: { code: string }; value: number | null }[] } }[];
};
const valueOf = (result: GatewayResult<Dashboard>, district: string, indicator: string) =>
  result.data?.districts.find((each) => each.code === district)?.childServices.indicators.find((each) => each.indicator.code === indicator)
    ?.value;

let graph: TestSupergraph;
let replica: TestSupergraph['query'];
let analyst: string;
let angered: string;
let leader: string;
let reviewer: string;

beforeAll(async () => {
  graph = await startSupergraph();
  replica = await graph.gatewayReplica();
  analyst = await tokenFor({ roles: ['analyst'] });
  angered = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
  leader = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  reviewer = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
});
afterAll(() => graph.close());

/** Reports one figure for Angered through `query` (a gateway) and returns what it reported. */
async function report(query: TestSupergraph['query'], numerator: number) {
  const result = await query(
    `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
    {
      token: angered,
      variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q3', numerator, denominator: 100 }] },
    },
  );
  expect(result.errors).toBeUndefined();
}

describe("the gateway's response cache", () => {
  it('answers a repeated dashboard without calling any subgraph, with the same data', async () => {
    const first = await graph.query<Dashboard>(DASHBOARD, { token: analyst });
    expect(first.errors).toBeUndefined();
    expect(first.calls.length).toBeGreaterThan(1);
    const again = await graph.query<Dashboard>(DASHBOARD, { token: analyst });
    expect(again.calls).toEqual([]);
    expect(again.data).toEqual(first.data);
  });

  it('shows a report in the first dashboard after it commits, at the writing gateway and at another', async () => {
    await graph.query(DASHBOARD, { token: analyst });
    await replica(DASHBOARD, { token: analyst });
    for (const [writer, numerator] of [
      [graph.query, 61],
      [replica, 62],
    ] as const) {
      await report(writer, numerator);
      // 61 % and 62 % of 100: Angered's figure is shown (well above the disclosure threshold).
      expect(valueOf(await graph.query<Dashboard>(DASHBOARD, { token: analyst }), 'angered', 'CS-IA14')).toBeCloseTo(numerator / 100);
      expect(valueOf(await replica<Dashboard>(DASHBOARD, { token: analyst }), 'angered', 'CS-IA14')).toBeCloseTo(numerator / 100);
    }
    // Straight to the subgraph, past both gateways (a third replica, a script): seen at once all the same.
    const direct = await graph.subgraph(
      'child-services',
      `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
      {
        token: angered,
        variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q3', numerator: 63, denominator: 100 }] },
      },
    );
    expect(direct.errors).toBeUndefined();
    expect(valueOf(await replica<Dashboard>(DASHBOARD, { token: analyst }), 'angered', 'CS-IA14')).toBeCloseTo(0.63);
  });

  it('calls again only for what changed: a report makes the next dashboard a miss, the one after it a hit', async () => {
    await graph.query(DASHBOARD, { token: analyst });
    await report(graph.query, 64);
    const cold = await graph.query<Dashboard>(DASHBOARD, { token: analyst });
    expect(cold.calls.length).toBeGreaterThan(0);
    const warm = await graph.query<Dashboard>(DASHBOARD, { token: analyst });
    expect(warm.calls).toEqual([]);
    expect(valueOf(warm, 'angered', 'CS-IA14')).toBeCloseTo(0.64);
  });

  it('serves a newly published version at once, through either gateway', async () => {
    const routines = async (query: TestSupergraph['query']) => {
      const result = await query<{
        childServices: { documents: { edges: { node: { id: string; current: { id: string; title: string } } }[] } };
      }>(ROUTINES);
      expect(result.errors).toBeUndefined();
      return result;
    };
    const before = await routines(graph.query);
    await routines(replica);
    expect((await routines(replica)).calls).toEqual([]);
    const document = before.data!.childServices.documents.edges[0].node;
    const draft = await graph.query<{ childServices: { createDraft: { id: string } } }>(
      `mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
      { token: leader, variables: { input: { documentId: document.id, title: 'Rutin för förhandsbedömning, reviderad' } } },
    );
    const versionId = draft.data!.childServices.createDraft.id;
    for (const [field, token, variables] of [
      ['submitForReview(versionId: $v)', leader, { v: versionId }],
      ['publish(versionId: $v, validFrom: $d, expectedRevision: 1)', reviewer, { v: versionId, d: swedishToday() }],
    ] as const) {
      const types = field.startsWith('publish') ? '$v: ID!, $d: Date!' : '$v: ID!';
      const result = await replica(`mutation (${types}) { childServices { ${field} { id } } }`, { token, variables });
      expect(result.errors).toBeUndefined();
    }
    for (const query of [graph.query, replica]) {
      const after = await routines(query);
      const current = after.data!.childServices.documents.edges.find((edge) => edge.node.id === document.id)!.node.current;
      expect(current).toMatchObject({ id: versionId, title: 'Rutin för förhandsbedömning, reviderad' });
    }
  });

  it('keeps answers per access scope: an analyst’s dashboard is never served to a district system or to no one', async () => {
    const forAnalyst = await graph.query<Dashboard>(DASHBOARD, { token: analyst });
    expect(forAnalyst.errors).toBeUndefined();
    const otherAnalyst = await graph.query<Dashboard>(DASHBOARD, { token: await tokenFor({ sub: 'analyst-2', roles: ['analyst'] }) });
    expect(otherAnalyst.calls).toEqual([]);
    const forDistrict = await graph.query<Dashboard>(DASHBOARD, { token: angered });
    expect(forDistrict.calls.length).toBeGreaterThan(0);
    const anonymous = await graph.query<Dashboard>(DASHBOARD);
    expect(anonymous.calls.length).toBeGreaterThan(0);
    // Without a token the figures are not there at all (token-only fields): nothing of the analyst's answer leaks.
    expect(JSON.stringify(anonymous.data)).not.toEqual(JSON.stringify(forAnalyst.data));
  });

  it('never keeps drafts: a process leader’s read of drafts calls the subgraph every time', async () => {
    const drafts = `{ childServices { documents(status: DRAFT, first: 20) { edges { node { id } } } } }`;
    const first = await graph.query(drafts, { token: leader });
    expect(first.errors).toBeUndefined();
    const again = await graph.query(drafts, { token: leader });
    expect(again.calls.map((call) => call.subgraph)).toContain('child-services');
  });
});

describe("the gateway's response cache with a subgraph down", () => {
  let partial: TestSupergraph;
  beforeAll(async () => {
    partial = await startSupergraph({ only: ['organisation'] });
  });
  afterAll(() => partial.close());

  it('keeps no answer that carries a subgraph’s error: every read tries the subgraph again', async () => {
    const query = `{ districts { code childServices { name } } }`;
    for (let i = 0; i < 2; i += 1) {
      const result = await partial.query(query, { token: analyst });
      expect(result.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(result.calls.map((call) => call.subgraph)).toContain('organisation');
    }
  });
});

describe("the gateway's response cache over HTTP", () => {
  let served: HttpSupergraph;
  beforeAll(async () => {
    served = await serveSupergraph({ only: ['organisation', 'child-services'] });
  });
  afterAll(() => served.close());

  const PROFILES = `{ districts { code childServices { indicators(period: "2026-Q3") { indicator { code } value } } } }`;
  const post = (query: string, token: string, variables?: Record<string, unknown>) =>
    fetch(served.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  /** GraphQL requests child-services has answered so far (its `/metrics`). */
  const childServicesRequests = async () => {
    const text = await (await fetch(`${served.base('child-services')}/metrics`)).text();
    return [...text.matchAll(/^samsyn_graphql_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  };

  it('answers a repeated POST with the same bytes and headers, without a request to the subgraph', async () => {
    const first = await post(PROFILES, analyst);
    const firstBody = await first.text();
    expect((JSON.parse(firstBody) as GatewayResult).errors).toBeUndefined();
    const before = await childServicesRequests();
    const again = await post(PROFILES, analyst);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(await childServicesRequests()).toBe(before);
  });

  it('shows a report in the next POST, and tells each subgraph’s versions at /cache-versions', async () => {
    await post(PROFILES, analyst);
    const versionsBefore = (await (await fetch(`${served.base('child-services')}/cache-versions`)).json()) as Record<string, string>;
    const reported = await post(
      `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
      angered,
      { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q3', numerator: 71, denominator: 100 }] },
    );
    expect(((await reported.json()) as { errors?: unknown }).errors).toBeUndefined();
    const versionsAfter = (await (await fetch(`${served.base('child-services')}/cache-versions`)).json()) as Record<string, string>;
    expect(versionsAfter.observation).not.toBe(versionsBefore.observation);
    const after = (await (await post(PROFILES, analyst)).json()) as { data?: Dashboard };
    const angeredRow = after.data!.districts.find((district) => district.code === 'angered')!;
    expect(angeredRow.childServices.indicators.find((each) => each.indicator.code === 'CS-IA14')?.value).toBeCloseTo(0.71);
  });

  it('leaves to Apollo what it would answer otherwise: an empty operation name, another media type', async () => {
    await post(PROFILES, analyst);
    const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      fetch(served.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}`, ...headers },
        body: JSON.stringify(body),
      });
    const unnamed = (await (await send({ query: PROFILES, operationName: '' })).json()) as GatewayResult;
    expect(unnamed.data ?? undefined).toBeUndefined();
    expect(unnamed.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const graphqlResponse = await send({ query: PROFILES }, { accept: 'application/graphql-response+json' });
    expect(graphqlResponse.headers.get('content-type')).toContain('application/graphql-response+json');
    expect((await send({ query: PROFILES }, { accept: 'text/html' })).status).toBe(406);
  });

  it('refuses a bad token even for a query it holds an answer to', async () => {
    await post(PROFILES, analyst);
    const refused = await post(PROFILES, `${analyst.slice(0, -4)}AAAA`);
    expect(((await refused.json()) as GatewayResult).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
