import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { SignJWT } from 'jose';
import { signToken, type SubgraphContext } from '@samsyn/core';
import { createSubgraphRuntime, schemaName, serveSubgraph } from '@samsyn/runtime';
import { createGateway, serveGateway } from '@samsyn/gateway';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import {
  dropSchemas,
  executeRequest,
  startSupergraph,
  testConfig,
  tokenFor,
  TEST_JWT_SECRET,
  type TestSupergraph,
} from '@samsyn/test-support';

const AUTH = { secret: TEST_JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
const LEADER = { sub: 'anna', name: 'Anna Exempel', roles: ['process-leader' as const], areas: ['CHILD_SERVICES'] };
const CREATE = `#graphql
  mutation Sneak { childServices { createDraft(input: { kind: ROUTINE, slug: "smygrutin", title: "Smygrutin" }) { id } } }`;

function unsigned(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'anna', roles: ['admin'], iss: 'samsyn', aud: 'samsyn-api', exp: 4102444800 })}.`;
}

/** A token signed with the right key whose expiry is set by hand (or left out). */
function signedWithExpiry(exp: number | undefined): Promise<string> {
  const jwt = new SignJWT({ name: LEADER.name, roles: LEADER.roles, areas: LEADER.areas })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(LEADER.sub)
    .setIssuer('samsyn')
    .setAudience('samsyn-api')
    .setIssuedAt();
  return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

const BAD_TOKENS: [string, () => Promise<string>][] = [
  ['without an expiry', () => signedWithExpiry(undefined)],
  ['living longer than JWT_MAX_LIFETIME (a year)', () => signedWithExpiry(Math.floor(Date.now() / 1000) + 365 * 86_400)],
  ['signed with another key', () => signToken({ ...AUTH, secret: 'x'.repeat(48) }, LEADER)],
  ['alg none', () => Promise.resolve(unsigned())],
  ['expired', () => signToken(AUTH, LEADER, Math.floor(Date.now() / 1000) - 60)],
  ['for another audience', () => signToken({ ...AUTH, audience: 'another-api' }, LEADER)],
  ['from another issuer', () => signToken({ ...AUTH, issuer: 'someone-else' }, LEADER)],
  ['garbage', () => Promise.resolve('not.a.token')],
  ['with an unknown role', () => signToken(AUTH, { ...LEADER, roles: ['superuser' as never] })],
];

describe('tokens', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['organisation', 'child-services'], seed: false });
  });
  afterAll(() => graph.close());

  it.each(BAD_TOKENS)('refuses a token %s with UNAUTHENTICATED at the gateway, executing nothing', async (_, make) => {
    const token = await make();
    const sql = graph.sqlCounts();
    const result = await graph.query(CREATE, { token });
    expect(result.status).toBe(401);
    expect(result).toHaveErrorCode('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
    expect(result).toCallSubgraphs([]);
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it.each(BAD_TOKENS)('refuses a token %s just the same when the subgraph is called directly', async (_, make) => {
    const sql = graph.sqlCounts();
    const result = await graph.subgraph('child-services', CREATE, { token: await make() });
    expect(result.status).toBe(401);
    expect(result).toHaveErrorCode('UNAUTHENTICATED');
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it('treats a missing token the same through the gateway and directly: public reads pass, writes are refused', async () => {
    for (const send of [(q: string) => graph.query(q), (q: string) => graph.subgraph('child-services', q)]) {
      const read = await send(`#graphql
        query PublicRead { childServices { documents { totalCount } } }`);
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ childServices: { documents: { totalCount: 0 } } });
      expect(await send(CREATE)).toHaveErrorCode('UNAUTHENTICATED');
    }
  });

  it('accepts a valid token and forwards it, so the subgraph sees the same caller', async () => {
    const token = await tokenFor(LEADER);
    const result = await graph.query(CREATE, { token });
    expect(result.errors).toBeUndefined();
    const rows = await graph.subgraphs['child-services']!.db.query<{ actor_id: string; actor_name: string }[]>(
      `SELECT actor_id, actor_name FROM audit_log WHERE action = 'createDocument'`,
    );
    expect(rows).toEqual([{ actor_id: 'anna', actor_name: 'Anna Exempel' }]);
  });
});

describe('operation limits', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({
      only: ['organisation', 'child-services', 'adult-services', 'disability', 'income-support'],
      seed: false,
    });
  });
  afterAll(() => graph.close());

  const nested = (depth: number): string => (depth === 0 ? 'code' : `code mergedInto { ${nested(depth - 1)} }`);

  it.each([
    ['a depth bomb', `{ districts { ${nested(20)} } }`],
    ['an alias bomb', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: areas { name }`).join(' ')} }`],
    [
      'a fragment cycle',
      `{ districts { ...A } } fragment A on District { mergedInto { ...B } } fragment B on District { mergedInto { ...A } }`,
    ],
    ['a directive bomb', `{ areas { name ${'@include(if: true) '.repeat(100)} } }`],
  ])('rejects %s before any resolver runs', async (_, query) => {
    const sql = graph.sqlCounts();
    const result = await graph.query(query);
    expect(result.status).toBe(400);
    expect(result).toHaveErrorCode('GRAPHQL_VALIDATION_FAILED');
    expect(result).toCallSubgraphs([]);
    expect(graph.sqlCounts()).toEqual(sql);
  });

  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on District { childServices { adoption { documentsInForce } } } } }`;
  const districtKeys = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'District', code: `d${i}` }));

  it('refuses a flood of 20 000 representations with QUERY_TOO_COMPLEX before any resolver runs', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    const sql = graph.sqlCounts();
    const result = await graph.subgraph('child-services', ENTITIES, { token, variables: { representations: districtKeys(20_000) } });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', representations: 20_000, maxRepresentations: 5_000 });
    expect(result.errors?.[0].message).toContain('MAX_REPRESENTATIONS');
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it('counts representations behind a fragment too', async () => {
    const hidden = `query ($r: [_Any!]!) { ...F } fragment F on Query { _entities(representations: $r) { __typename } }`;
    const result = await graph.subgraph('child-services', hidden, { variables: { r: districtKeys(5_001) } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', representations: 5_001 });
  });

  it('refuses an entity fetch whose representations times fields per entity exceed the cost limit', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    const heavy = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on District { childServices {
      adoption { documentsInForce acknowledged implemented lagging { daysLagging lagging status district { code } document { id slug title kind area } } }
      indicators(period: "2026-Q3") { value position suppressed trend numerator denominator indicator { code name unit kind direction } } } } } }`;
    const sql = graph.sqlCounts();
    const result = await graph.subgraph('child-services', heavy, { token, variables: { representations: districtKeys(4_000) } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 100_000 });
    expect(graph.sqlCounts()).toEqual(sql);
  });

  it('resolves the entity fetches of a real plan: a thousand districts at once', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    const result = await graph.subgraph<{ _entities: unknown[] }>('child-services', ENTITIES, {
      token,
      variables: { representations: districtKeys(1_000) },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(1_000);
  });

  it('lets the dashboard query of every district with all four area profiles through', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    const profile = 'area name';
    const result = await graph.query(
      `{ districts { code name population childServices { ${profile} } adultServices { ${profile} } disability { ${profile} } incomeSupport { ${profile} } } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('production mode', () => {
  const suffix = `_p${randomBytes(4).toString('hex')}`;
  const lines: Record<string, unknown>[] = [];
  const production = { NODE_ENV: 'production', MIGRATE_ON_START: 'true', SEED_DEMO_DATA: 'true' };

  afterAll(() =>
    dropSchemas(process.env.DATABASE_URL as string, [schemaName(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix))]),
  );

  it('masks a failing resolver: a generic message, a code and a request id that finds the full error in the log', async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const runtime = await createSubgraphRuntime(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix, production), { logger });
    const send = (query: string) =>
      executeRequest(runtime.apollo, (incoming) => runtime.createContext(incoming), { query }, { 'x-request-id': 'masked-1' });

    expect(await send('{ __schema { types { name } } }')).toHaveErrorCode('GRAPHQL_VALIDATION_FAILED');
    await runtime.db.destroy(); // every resolver that reads the database now fails
    const result = await send('{ districts { code } }');
    await runtime.apollo.stop();

    expect(result.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['districts'],
        locations: expect.any(Array),
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'masked-1' },
      },
    ]);
    const body = JSON.stringify(result);
    expect(body).not.toMatch(/stacktrace|SELECT|\/work\/|node_modules|DataSource/i);
    const logged = lines.find((line) => line.requestId === 'masked-1' && line.level === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toMatch(/DataSource|Connection|pool/i);
  });

  it('answers _service { sdl } only with a token, and suggests no enum values', async () => {
    const runtime = await createSubgraphRuntime(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix, production));
    const send = (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
      executeRequest<SubgraphContext, { _service: { sdl: string } }>(
        runtime.apollo,
        (incoming) => runtime.createContext(incoming),
        { query, variables },
        headers,
      );
    try {
      const anonymous = await send('{ _service { sdl } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous).toHaveErrorCode('UNAUTHENTICATED');
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.map((error) => error.message).filter((message) => message.includes('type District'))).toEqual([]);
      const gatewayCall = await send('query { _service { sdl } }', { authorization: `Bearer ${await tokenFor({ roles: ['analyst'] })}` });
      expect(gatewayCall.data?._service.sdl).toContain('type District');

      const literal = await send('{ processLeaders(area: CHILD_SERVICE) { name } }');
      const variable = await send('query ($area: Area) { processLeaders(area: $area) { name } }', {}, { area: 'CHILD_SERVICE' });
      for (const result of [literal, variable]) {
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0].message).toContain('does not exist in "Area" enum');
        expect(result.errors?.[0].message).not.toMatch(/Did you mean|CHILD_SERVICES/);
      }
    } finally {
      await runtime.close();
    }
  });
});

describe('outside production', () => {
  it('still suggests enum values to a developer', async () => {
    const graph = await startSupergraph({ only: ['organisation'], seed: false });
    try {
      const result = await graph.subgraph('organisation', '{ processLeaders(area: CHILD_SERVICE) { name } }');
      expect(result.errors?.[0].message).toContain('Did you mean the enum value "CHILD_SERVICES"');
    } finally {
      await graph.close();
    }
  });
});

describe('what a district system learns of versions it may not see', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['child-services'], seed: true });
  });
  afterAll(() => graph.close());

  it('acknowledging a draft answers exactly as acknowledging a version that does not exist', async () => {
    const leader = await tokenFor(LEADER);
    const system = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
    const draft = await graph.query<{ childServices: { createDraft: { id: string } } }>(
      `#graphql
      mutation Draft { childServices { createDraft(input: { kind: ROUTINE, slug: "hemlig-rutin", title: "Hemlig rutin" }) { id } } }`,
      { token: leader },
    );
    const draftId = draft.data!.childServices.createDraft.id;
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const acknowledge = async (versionId: string) => {
      const result = await graph.query(
        `#graphql
        mutation Acknowledge($versionId: ID!) { childServices { acknowledge(versionId: $versionId, status: ACKNOWLEDGED) { district { code } } } }`,
        { token: system, variables: { versionId } },
      );
      // The answer with the id asked for taken out (and the stack trace a development server adds): what is left must
      // not tell the two apart.
      const errors = (result.errors ?? []).map(({ message, path, extensions }) => {
        const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
        return { message, path, extensions: rest };
      });
      return JSON.parse(JSON.stringify(errors).replaceAll(versionId, '<id>')) as unknown;
    };
    const [forDraft, forUnknown] = [await acknowledge(draftId), await acknowledge(unknownId)];
    expect(forDraft).toEqual(forUnknown);
    expect(forDraft).toEqual([
      {
        message: 'No version <id> in this area.',
        path: ['childServices', 'acknowledge'],
        extensions: { code: 'NOT_FOUND', versionId: '<id>', serviceName: 'child-services' },
      },
    ]);
  });
});

describe('the operational endpoints (/metrics, /cache-versions)', () => {
  const suffix = `_o${randomBytes(4).toString('hex')}`;
  const METRICS_TOKEN = 'a-metrics-token-for-the-scraper-only-0123456789';
  const production = { NODE_ENV: 'production', MIGRATE_ON_START: 'true', SEED_DEMO_DATA: 'false' };

  afterAll(() =>
    dropSchemas(process.env.DATABASE_URL as string, [schemaName(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix))]),
  );

  /** The status of /metrics and /cache-versions at a subgraph, and of /metrics at a gateway over it, per bearer token. */
  async function statuses(env: Record<string, string>, tokens: (string | undefined)[]): Promise<number[][]> {
    const runtime = await createSubgraphRuntime(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix, env));
    const subgraph = await serveSubgraph(runtime, 0, '127.0.0.1');
    const config = testConfig('gateway', suffix, { ...env, ORGANISATION_URL: subgraph.url });
    const gateway = await serveGateway(await createGateway(config), config, 0);
    try {
      const urls = [
        subgraph.url.replace(/\/graphql$/, '/metrics'),
        subgraph.url.replace(/\/graphql$/, '/cache-versions'),
        gateway.url.replace(/\/graphql$/, '/metrics'),
      ];
      const status = async (url: string, token: string | undefined) =>
        (await fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })).status;
      return await Promise.all(tokens.map((token) => Promise.all(urls.map((url) => status(url, token)))));
    } finally {
      await gateway.stop();
      await subgraph.close();
    }
  }

  it('in production answer only a bearer of METRICS_TOKEN', async () => {
    expect(await statuses({ ...production, METRICS_TOKEN }, [undefined, 'not-the-token', METRICS_TOKEN])).toEqual([
      [401, 401, 401],
      [401, 401, 401],
      [200, 200, 200],
    ]);
  });

  it('in production the gateway reads /cache-versions with METRICS_TOKEN: a repeated public read reaches the subgraph once', async () => {
    const env = { ...production, METRICS_TOKEN };
    const runtime = await createSubgraphRuntime(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix, env));
    const subgraph = await serveSubgraph(runtime, 0, '127.0.0.1');
    const config = testConfig('gateway', suffix, { ...env, ORGANISATION_URL: subgraph.url });
    const gateway = await serveGateway(await createGateway(config), config, 0);
    try {
      const read = () =>
        fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ areas { name } }"}' });
      for (let i = 0; i < 3; i++) expect((await read()).status).toBe(200);
      const metrics = await (
        await fetch(subgraph.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      const answered = metrics
        .split('\n')
        .filter((line) => line.startsWith('samsyn_graphql_requests_total{'))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
      expect(answered).toBe(1);
    } finally {
      await gateway.stop();
      await subgraph.close();
    }
  });

  it('in production without METRICS_TOKEN are off, as if they did not exist', async () => {
    expect(await statuses(production, [undefined, 'anything'])).toEqual([
      [404, 404, 404],
      [404, 404, 404],
    ]);
  });

  it('outside production are open', async () => {
    expect(await statuses({ MIGRATE_ON_START: 'true', SEED_DEMO_DATA: 'false' }, [undefined])).toEqual([[200, 200, 200]]);
  });
});
