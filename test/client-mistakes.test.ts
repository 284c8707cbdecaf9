import net from 'node:net';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveSubgraph } from '@samsyn/runtime';
import { ObservationService } from '@samsyn/equality';
import { createGateway, serveGateway } from '@samsyn/gateway';
import { Area } from '@samsyn/area';
import { readObservationCsv } from '@samsyn/scripts';
import { startSupergraph, testConfig, tokenFor, type GraphQLResult, type TestSupergraph } from '@samsyn/test-support';

/**
 * Everything here is a client's mistake (or a race a client lost), so each gets a typed client error:
 * never INTERNAL_SERVER_ERROR, never HTTP 500. Through the gateway, in process and over real HTTP
 * where the status matters.
 */
let graph: TestSupergraph;
let subgraph: RunningHttpService;
let gateway: RunningHttpService;
let leader: string;
let district: string;
let publishedVersion: string;

const CLIENT_CODES = ['BAD_REQUEST', 'BAD_USER_INPUT', 'CONFLICT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND'];

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: true });
  // The same subgraph runtime, also over a socket, behind a gateway over a socket.
  subgraph = await serveSubgraph(graph.subgraphs['child-services']!, 0, '127.0.0.1');
  const config = testConfig('gateway', graph.suffix, { CHILD_SERVICES_URL: subgraph.url, SUBGRAPH_TIMEOUT_MS: '5000' });
  gateway = await serveGateway(await createGateway(config), config, 0);
  leader = await tokenFor({ sub: 'anna', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  district = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
  const result = await graph.query<{ childServices: { documents: { edges: { node: { current: { id: string } } }[] } } }>(
    `{ childServices { documents(first: 1) { edges { node { current { id } } } } } }`,
  );
  publishedVersion = result.data!.childServices.documents.edges[0].node.current.id;
});
afterAll(async () => {
  await gateway.stop();
  await subgraph.stop();
  await graph.close();
});

async function overHttp(url: string, body: unknown, token?: string): Promise<GraphQLResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const parsed = (await response.json()) as Omit<GraphQLResult, 'status' | 'headers'>;
  return { ...parsed, status: response.status, headers: undefined as never };
}

const codes = (result: GraphQLResult) => (result.errors ?? []).map((error) => String(error.extensions?.code));
/** What a test of a mistake must never see. */
const serverFailures = (results: GraphQLResult[]) =>
  results.flatMap((result) => [
    ...(result.status >= 500 ? [`HTTP ${result.status}`] : []),
    ...codes(result).filter((code) => !CLIENT_CODES.includes(code)),
  ]);

describe('a value the API cannot take', () => {
  it('an invalid Date through the gateway keeps the subgraph’s BAD_USER_INPUT, in process and over HTTP', async () => {
    const query = `#graphql
      query CurrentOn($on: Date) { childServices { documents(first: 1) { edges { node { current(on: $on) { id } } } } } }`;
    const inProcess = await graph.query(query, { variables: { on: '2026-02-30' } });
    const http = await overHttp(gateway.url, { query, variables: { on: '2026-02-30' } });
    expect([codes(inProcess), codes(http)]).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
    expect(serverFailures([inProcess, http])).toEqual([]);
  });

  it('a day PostgreSQL has no such day for (year 0) is refused at the boundary, before any statement', async () => {
    const sql = graph.sqlCounts();
    const variable = await graph.query(
      `#graphql
      query DocumentOn($on: Date) { childServices { document(slug: "x") { current(on: $on) { id } } } }`,
      {
        variables: { on: '0000-01-01' },
      },
    );
    const literal = await overHttp(gateway.url, {
      query: `{ childServices { documents(first: 1) { edges { node { current(on: "0000-01-01") { id } } } } } }`,
    });
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(serverFailures([literal])).toEqual([]);
    expect(codes(literal)).toHaveLength(1);
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it.each<[string, { query: string; variables?: Record<string, unknown> }]>([
    [
      'a variable',
      {
        query: `#graphql
          mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
        variables: { input: { kind: 'ROUTINE', slug: 'nul-tecken', title: 'Rubrik\u0000' } },
      },
    ],
    ['a literal', { query: `{ childServices { documents(search: "oro\\u0000anmälan") { totalCount } } }` }],
    [
      'a nested input',
      {
        query: `#graphql
          mutation Report($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { inserted } } }`,
        variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q1\u0000', numerator: 1, denominator: 2 }] },
      },
    ],
  ])('a NUL character in %s is BAD_USER_INPUT with HTTP 400, before any statement', async (_, body) => {
    const sql = graph.sqlCounts();
    const inProcess = await graph.query(body.query, { token: leader, variables: body.variables });
    const http = await overHttp(gateway.url, body, leader);
    expect([codes(inProcess), codes(http)]).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
    expect(http.status).toBe(400);
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it('a cursor with a 20-digit offset is not a cursor this API gave out', async () => {
    const after = Buffer.from('offset:12345678901234567890').toString('base64url');
    const result = await graph.query(
      `#graphql
      query After($after: String) { childServices { documents(after: $after) { totalCount } } }`,
      {
        variables: { after },
      },
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('a count above what an integer holds is refused, in a report and in an import', async () => {
    const report = await graph.query(
      `#graphql
      mutation Report($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { inserted } } }`,
      {
        token: district,
        variables: {
          input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q1', numerator: 3_000_000_000, denominator: 3_000_000_001 }],
        },
      },
    );
    expect([...new Set(codes(report))]).toEqual(['BAD_USER_INPUT']);
    const rows = readObservationCsv(
      'indicator,district,period,numerator,denominator,value\nCS-IA14,angered,2031-Q1,3000000000,3000000001,\n',
    );
    const operator = { sub: 'import:test', name: 'Import', roles: ['admin' as const], areas: [] };
    await expect(
      new ObservationService(graph.subgraphs['child-services']!.db.manager, []).store(operator, Area.CHILD_SERVICES, rows),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        rows: [
          expect.objectContaining({
            problems: expect.arrayContaining([expect.stringMatching(/numerator must be a count from 0 to 2147483647/)]),
          }),
        ],
      },
    });
  });

  it('a period outside the years figures are kept for is a typed client error, in a series and in a report', async () => {
    const analyst = await tokenFor({ roles: ['analyst'] });
    // Sent as variables, as clients do; written into the query, the Period scalar refuses them as GRAPHQL_VALIDATION_FAILED.
    const series = await graph.query(
      `#graphql
      query Series($from: Period!, $to: Period!) { childServices { series(indicator: "CS-IA14", district: "angered", from: $from, to: $to) { period } } }`,
      {
        token: analyst,
        variables: { from: '0001-Q1', to: '9999-Q4' },
      },
    );
    const report = await graph.query(
      `#graphql
      mutation ReportPeriod($period: Period!) { childServices { reportObservations(input: [{ indicator: "CS-IA14", district: "angered", period: $period, numerator: 1, denominator: 2 }]) { inserted } } }`,
      {
        token: district,
        variables: { period: '0000-Q1' },
      },
    );
    expect([codes(series), codes(report)]).toEqual([['BAD_USER_INPUT', 'BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
  });

  it('search words that are operators to PostgreSQL are words, not errors', async () => {
    const results = await Promise.all(
      ["'", '\\', '& | ! ( ) : *', "o'hara\\:*", '<->', '日本語'].map((search) =>
        graph.query(
          `#graphql
          query Search($search: String) { childServices { documents(search: $search) { totalCount } } }`,
          { variables: { search } },
        ),
      ),
    );
    expect(results.flatMap(codes)).toEqual([]);
  });
});

/** Variables nested `depth` objects deep, as JSON text (about 6 bytes a level). */
function nestedVariables(depth: number): string {
  return `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`;
}

/** Sends `request` as it is on a TCP socket and resolves with the status line of the answer. */
function rawStatusLine(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
    socket.write(request);
  });
}

describe('a request too big for the work it asks', () => {
  it('variables nested 4,000 deep (8 KB) answer HTTP 400 BAD_USER_INPUT at the gateway and at the subgraph, in process too', async () => {
    const body = `{"query":"query Deep { __typename }","variables":${nestedVariables(4000)}}`;
    const results = [await overHttp(gateway.url, body), await overHttp(subgraph.url, body)];
    expect(results.map((result) => [result.status, codes(result)])).toEqual([
      [400, ['BAD_USER_INPUT']],
      [400, ['BAD_USER_INPUT']],
    ]);
    const inProcess = await graph.query('query Deep { __typename }', {
      variables: JSON.parse(nestedVariables(4000)) as Record<string, unknown>,
    });
    expect(codes(inProcess)).toEqual(['BAD_USER_INPUT']);
  });

  it('a list variable of 30,000 wrong items (60 KB) is refused with one error naming 50 problems and the limit, HTTP 400', async () => {
    const query = `query Changes($types: [ChangeType!]) { childServices { changes(first: 1, types: $types) { __typename } } }`;
    const result = await overHttp(gateway.url, { query, variables: { types: Array.from({ length: 30_000 }, () => 1) } });
    expect([result.status, codes(result)]).toEqual([400, ['BAD_USER_INPUT']]);
    const problems = result.errors?.[0].extensions?.problems as string[];
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)).toMatch(/error limit reached/);
    expect(result.errors?.[0].message).toMatch(/and 50 more problems with the variables/);
  });

  it('variables as deep as a real input still answer', async () => {
    const query = `#graphql
      query Search($search: String) { childServices { documents(search: $search) { totalCount } } }`;
    const result = await overHttp(gateway.url, { query, variables: { search: 'oro', unused: { a: { b: { c: [1, [2, [3]]] } } } } });
    expect(codes(result)).toEqual([]);
  });

  it('a search of 20,000 words (140 KB) is BAD_USER_INPUT at once, before the search runs', async () => {
    const query = `#graphql
      query Search($search: String, $first: Int) { childServices { documents(search: $search, first: $first) { totalCount } } }`;
    const words = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`).join(' ');
    // What a refusal in the resolver costs anyway (the response cache's one read of its table versions).
    const statements = async (variables: Record<string, unknown>) => {
      const before = graph.sqlCounts()['child-services'];
      const result = await graph.query(query, { variables });
      return { codes: codes(result), statements: graph.sqlCounts()['child-services'] - before };
    };
    const refusedPage = await statements({ first: 0 });
    const started = performance.now();
    const longSearch = await statements({ search: words(20_000) });
    const ms = performance.now() - started;
    expect(longSearch).toEqual({ codes: ['BAD_USER_INPUT'], statements: refusedPage.statements });
    const results = await Promise.all([20_000, 120_000].map((n) => overHttp(gateway.url, { query, variables: { search: words(n) } })));
    expect(results.map(codes)).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
    expect(serverFailures(results)).toEqual([]);
    expect(ms).toBeLessThan(1_000);
  });

  it('a search of 33 short words is refused, one of 32 words answers', async () => {
    const query = `#graphql
      query Search($search: String) { childServices { documents(search: $search) { totalCount } } }`;
    const words = (n: number) => Array.from({ length: n }, (_, i) => `ord${i}`).join(' ');
    const results = await Promise.all([32, 33].map((n) => graph.query(query, { variables: { search: words(n) } })));
    expect(results.map(codes)).toEqual([[], ['BAD_USER_INPUT']]);
  });
});

describe('a request that is not GraphQL', () => {
  it('a request line whose target is no URL (`GET http://[ HTTP/1.1`) answers HTTP 400 at the gateway and at the subgraph', async () => {
    const request = 'GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n';
    const lines = [await rawStatusLine(gateway.url, request), await rawStatusLine(subgraph.url, request)];
    expect(lines).toEqual(['HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request']);
  });

  it.each([
    ['a syntax error', '{ childServices { documents { '],
    ['an unterminated string', '{ childServices { document(slug: "abc) { id } } }'],
    ['more tokens than the limit', `{ ${Array.from({ length: 6000 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
  ])('%s answers HTTP 400 GRAPHQL_PARSE_FAILED at the gateway and at the subgraph', async (_, query) => {
    const results = [await overHttp(gateway.url, { query }), await overHttp(subgraph.url, { query })];
    expect(results.map((result) => [result.status, codes(result)])).toEqual([
      [400, ['GRAPHQL_PARSE_FAILED']],
      [400, ['GRAPHQL_PARSE_FAILED']],
    ]);
  });
});

describe('a request the API has no answer for', () => {
  it('a subscription (this API has none) answers HTTP 400 GRAPHQL_VALIDATION_FAILED at the gateway and at the subgraph', async () => {
    const query = 'subscription { x }';
    const results = [await overHttp(gateway.url, { query }), await overHttp(subgraph.url, { query })];
    expect(results.map((result) => [result.status, codes(result)])).toEqual([
      [400, ['GRAPHQL_VALIDATION_FAILED']],
      [400, ['GRAPHQL_VALIDATION_FAILED']],
    ]);
  });

  it.each([
    ['a number', '{ childServices { documents(first: 1) { __typename: totalCount } } }'],
    ['a string', '{ childServices { __typename: name area } }'],
    ['a field inside a fragment', '{ childServices { ... on ChildServices { __typename: area } } }'],
  ])('__typename as the alias of %s answers HTTP 400 GRAPHQL_VALIDATION_FAILED (the gateway read it as the type)', async (_, query) => {
    const results = [await overHttp(gateway.url, { query }, leader), await overHttp(subgraph.url, { query }, leader)];
    expect(results.map((result) => [result.status, codes(result)])).toEqual([
      [400, ['GRAPHQL_VALIDATION_FAILED']],
      [400, ['GRAPHQL_VALIDATION_FAILED']],
    ]);
  });

  it('__typename aliased as itself, or under another alias, still answers the type', async () => {
    const query = '{ childServices { __typename kind: __typename } }';
    const results = [await overHttp(gateway.url, { query }, leader), await overHttp(subgraph.url, { query }, leader)];
    for (const result of results) expect(result.data).toEqual({ childServices: { __typename: 'ChildServices', kind: 'ChildServices' } });
  });

  it.each([
    [
      'a non-null argument',
      'query ($k: String = "CS-IA14") { childServices { comparison(indicator: $k, period: "2026-Q3") { cityValue } } }',
      { k: null },
    ],
    ['@include', 'query ($v: Boolean = true) { childServices @include(if: $v) { name } }', { v: null }],
  ])('an explicit null for a variable with a default, given to %s, is BAD_USER_INPUT', async (_, query, variables) => {
    const results = [await overHttp(gateway.url, { query, variables }, leader), await overHttp(subgraph.url, { query, variables }, leader)];
    expect(serverFailures(results)).toEqual([]);
    for (const result of results) expect(codes(result)).toContain('BAD_USER_INPUT');
  });

  it.each([
    ['a hash that does not match the query', { version: 1, sha256Hash: '0'.repeat(64) }],
    ['an unknown version', { version: 2, sha256Hash: '0'.repeat(64) }],
  ])('a persisted query with %s answers HTTP 400 BAD_REQUEST', async (_, persistedQuery) => {
    const body = { query: '{ childServices { name } }', extensions: { persistedQuery } };
    const results = [await overHttp(gateway.url, body), await overHttp(subgraph.url, body)];
    expect(results.map((result) => [result.status, codes(result)])).toEqual([
      [400, ['BAD_REQUEST']],
      [400, ['BAD_REQUEST']],
    ]);
  });
});

describe('races a client loses', () => {
  it('concurrent drafts of one new slug: one wins, the others get CONFLICT', async () => {
    const create = () =>
      graph.query(
        `#graphql
        mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
        {
          token: leader,
          variables: { input: { kind: 'ROUTINE', slug: 'samtidig-rutin', title: 'Samtidig rutin' } },
        },
      );
    const results = await Promise.all(Array.from({ length: 8 }, create));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.flatMap(codes)).toEqual(Array(7).fill('CONFLICT'));
  });

  it('IMPLEMENTED and ACKNOWLEDGED of one version at once: no check-constraint failure, at most a typed refusal', async () => {
    const token = await tokenFor({ sub: 'system-lundby', roles: ['district-system'], district: 'ny-stadsdel' });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        graph.query(
          `#graphql
          mutation Acknowledge($v: ID!, $s: AdoptionStatus!) { childServices { acknowledge(versionId: $v, status: $s) { status } } }`,
          {
            token,
            variables: { v: publishedVersion, s: i % 2 === 0 ? 'IMPLEMENTED' : 'ACKNOWLEDGED' },
          },
        ),
      ),
    );
    expect(serverFailures(results)).toEqual([]);
    expect(results.flatMap(codes).filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
  });

  it('two reports of the same 4,000 figures in opposite order: no deadlock error, both stored', async () => {
    const rows = (numerator: number) =>
      Array.from({ length: 4000 }, (_, i) => ({
        indicator: 'CS-IA14',
        district: 'angered',
        period: `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
        numerator,
        denominator: 100,
      }));
    const report = (input: unknown[]) =>
      graph.query(
        `#graphql
        mutation Report($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { inserted updated } } }`,
        {
          token: district,
          variables: { input },
        },
      );
    const results = await Promise.all([report(rows(10)), report([...rows(20)].reverse())]);
    expect(results.flatMap(codes)).toEqual([]);
  });
});
