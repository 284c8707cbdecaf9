import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sqlStatementCount, swedishToday } from '@samsyn/core';
import { AnalyticalLane, createSubgraphRuntime, schemaName, serveSubgraph, type SubgraphRuntime } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { dropSchemas, executeRequest, TEST_JWT_SECRET, testConfig, tokenFor, type GraphQLResult } from '@samsyn/test-support';

/**
 * The subgraphs' response cache: two replicas of child-services over one database, each with a cache of its
 * own (or one Redis, when REDIS_URL is set), as two processes behind a load balancer would be.
 */
const suffix = `_rc${randomBytes(4).toString('hex')}`;
let replicaA: SubgraphRuntime;
let replicaB: SubgraphRuntime;
let leader: string;
let reviewer: string;
let analyst: string;
let otherAnalyst: string;

const ROUTINES = `{ childServices { documents(kind: ROUTINE, first: 50) { totalCount edges { node { id slug current { number title } } } } } }`;

function ask(replica: SubgraphRuntime, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult> {
  return executeRequest(
    replica.apollo,
    (incoming) => replica.createContext(incoming),
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
}

/** The SQL statements a request costs on a replica (a cache hit reads the versions, one statement). */
async function statementsOf<T = GraphQLResult>(
  replica: SubgraphRuntime,
  request: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const before = sqlStatementCount(replica.db);
  const result = await request();
  return { result, statements: sqlStatementCount(replica.db) - before };
}

type Routines = {
  documents: { totalCount: number; edges: { node: { id: string; slug: string; current: { number: number; title: string } } }[] };
};
const routinesOf = (result: GraphQLResult) => (result.data?.childServices as Routines).documents;

async function mutate(
  replica: SubgraphRuntime,
  field: string,
  args: string,
  variables: Record<string, unknown>,
  types: string,
  token: string,
) {
  const result = await ask(replica, `mutation (${types}) { childServices { ${field}(${args}) { id number status } } }`, variables, token);
  expect(result.errors).toBeUndefined();
  return (result.data?.childServices as Record<string, { id: string; number: number }>)[field];
}

/** A new version of a document, drafted, submitted and published through `replica`. */
async function publishNewVersion(replica: SubgraphRuntime, documentId: string, title: string) {
  const draft = await mutate(replica, 'createDraft', 'input: $input', { input: { documentId, title } }, '$input: DraftInput!', leader);
  await mutate(replica, 'submitForReview', 'versionId: $v', { v: draft.id }, '$v: ID!', leader);
  await mutate(
    replica,
    'publish',
    'versionId: $v, validFrom: $d, expectedRevision: 1',
    { v: draft.id, d: swedishToday() },
    '$v: ID!, $d: Date!',
    reviewer,
  );
  return draft;
}

beforeAll(async () => {
  const config = testConfig('child-services', suffix, { SEED_DEMO_DATA: 'true' });
  replicaA = await createSubgraphRuntime(ALL_SUBGRAPHS['child-services'], config);
  replicaB = await createSubgraphRuntime(ALL_SUBGRAPHS['child-services'], config);
  leader = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  reviewer = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  analyst = await tokenFor({ sub: 'analyst-1', roles: ['analyst'] });
  otherAnalyst = await tokenFor({ sub: 'analyst-2', name: 'Annan Analytiker', roles: ['analyst'] });
});

afterAll(async () => {
  await replicaA?.close();
  await replicaB?.close();
  await dropSchemas(process.env.DATABASE_URL as string, [
    schemaName(ALL_SUBGRAPHS['child-services'], testConfig('child-services', suffix)),
  ]);
});

describe('the response cache', () => {
  it('answers a repeated published read from the cache, reading only the versions', async () => {
    const first = await statementsOf(replicaB, () => ask(replicaB, ROUTINES));
    expect(first.result.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(1);
    const again = await statementsOf(replicaB, () => ask(replicaB, ROUTINES));
    expect(again.statements).toBe(1);
    expect(again.result.data).toEqual(first.result.data);
  });

  it('never answers with the version before a publish, on the writing replica or another', async () => {
    const before = routinesOf(await ask(replicaB, ROUTINES));
    await ask(replicaA, ROUTINES); // both replicas hold the old answer now
    const document = before.edges[0].node;
    await publishNewVersion(replicaA, document.id, 'Reviderad rutin');

    for (const replica of [replicaB, replicaA]) {
      const after = routinesOf(await ask(replica, ROUTINES)).edges.find((edge) => edge.node.id === document.id)?.node;
      expect(after?.current).toEqual({ number: document.current.number + 1, title: 'Reviderad rutin' });
    }
  });

  it('answers a plain POST over HTTP from the stored text, bytes and headers as Apollo wrote them, never past a write', async () => {
    // A replica of its own: stopping its HTTP service stops its Apollo Server too.
    const replicaC = await createSubgraphRuntime(ALL_SUBGRAPHS['child-services'], testConfig('child-services', suffix));
    const served = await serveSubgraph(replicaC, 0, '127.0.0.1');
    try {
      const post = async () => {
        const response = await fetch(served.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({ query: ROUTINES }),
        });
        return { text: await response.text(), headers: response.headers };
      };
      const first = await post();
      const before = sqlStatementCount(replicaC.db);
      const again = await post();
      expect(sqlStatementCount(replicaC.db) - before).toBe(1);
      expect(again.text).toBe(first.text);
      for (const header of ['content-type', 'cache-control']) expect(again.headers.get(header)).toBe(first.headers.get(header));

      const document = routinesOf(JSON.parse(first.text) as GraphQLResult).edges[0].node;
      await publishNewVersion(replicaB, document.id, 'Efter ett sparat svar');
      const after = routinesOf(JSON.parse((await post()).text) as GraphQLResult).edges.find((edge) => edge.node.id === document.id)?.node;
      expect(after?.current.title).toBe('Efter ett sparat svar');
    } finally {
      await served.close();
    }
  });

  it("answers what the analytical lane's worker stored from the service's own thread, with the worker stopped", async () => {
    const config = testConfig('child-services', suffix);
    const replicaD = await createSubgraphRuntime(ALL_SUBGRAPHS['child-services'], config);
    // The subgraph's lane as `npm start` runs it (its built entry), with the test's settings; every analytical operation
    // goes to it (ANALYTICAL_WORKER_AFTER_KB=0).
    const lane = new AnalyticalLane({
      entry: path.resolve(__dirname, '../subgraphs/child-services/dist/src/index.js'),
      nice: 10,
      afterKb: 0,
      logger: replicaD.logger,
      store: replicaD.laneStore,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        SAMSYN_SCHEMA_SUFFIX: suffix,
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'silent',
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      },
    });
    lane.start();
    await lane.whenReady();
    const served = await serveSubgraph(replicaD, 0, '127.0.0.1', lane);
    try {
      // What the gateway sends for a dashboard: the districts' indicators, an analytical operation.
      const post = async () => {
        const response = await fetch(served.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({
            query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { childServices { indicators(period: "2026-Q3") { value } } } } }`,
            variables: {
              r: [
                { __typename: 'District', code: 'angered' },
                { __typename: 'District', code: 'centrum' },
              ],
            },
          }),
        });
        return response.text();
      };
      const first = await statementsOf(replicaD, post);
      expect((JSON.parse(first.result) as GraphQLResult).errors).toBeUndefined();
      // Built by the worker, over its own connections.
      expect(first.statements).toBe(0);
      // Then this thread answers it from the cache: its table versions, one statement, and no hop to the worker. (The
      // worker's write reaches the store a moment after its answer: until then the worker answers again.)
      let again = await statementsOf(replicaD, post);
      for (const deadline = Date.now() + 5_000; again.statements === 0 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await statementsOf(replicaD, post);
      }
      expect(again).toEqual({ result: first.result, statements: 1 });
      // The answer is the service's, not the worker's: with the worker stopped it is answered all the same.
      await lane.close();
      expect(await statementsOf(replicaD, post)).toEqual({ result: first.result, statements: 1 });
    } finally {
      await served.close();
    }
  }, 60_000);

  it('never takes an entry from before a restored backup for current: versions once reached are not reached again', async () => {
    const document = routinesOf(await ask(replicaA, ROUTINES)).edges[1].node;
    const backup = await replicaA.db.query<{ tag: string; version: string }[]>(`SELECT tag, version FROM cache_version`);
    await publishNewVersion(replicaA, document.id, 'Före återläsningen');
    await ask(replicaA, ROUTINES); // kept with the versions after that publish
    // The backup comes back (its counts with it), and another publish follows.
    for (const { tag, version } of backup) await replicaA.db.query(`UPDATE cache_version SET version = $2 WHERE tag = $1`, [tag, version]);
    await publishNewVersion(replicaA, document.id, 'Efter återläsningen');
    const current = routinesOf(await ask(replicaA, ROUTINES)).edges.find((edge) => edge.node.id === document.id)?.node.current;
    expect(current?.title).toBe('Efter återläsningen');
  });

  it('sees a write made outside the API (SQL on the same database) at once', async () => {
    const before = routinesOf(await ask(replicaB, ROUTINES)).edges[0].node;
    await replicaA.db.query(`UPDATE document_version SET title = 'Rättad utanför API:t' WHERE document_id = $1 AND number = $2`, [
      before.id,
      before.current.number,
    ]);
    const after = routinesOf(await ask(replicaB, ROUTINES)).edges.find((edge) => edge.node.id === before.id)?.node;
    expect(after?.current.title).toBe('Rättad utanför API:t');
  });

  it('answers every read that starts after a commit with the new data, while older reads are still running', async () => {
    const document = routinesOf(await ask(replicaB, ROUTINES)).edges[1].node;
    const titleOf = (result: GraphQLResult) => routinesOf(result).edges.find((edge) => edge.node.id === document.id)?.node.current.title;
    const running = Array.from({ length: 20 }, () => ask(replicaB, ROUTINES));
    await replicaA.db.query(`UPDATE document_version SET title = 'Under pågående läsningar' WHERE document_id = $1 AND number = $2`, [
      document.id,
      document.current.number,
    ]);
    const after = await Promise.all(Array.from({ length: 10 }, () => ask(replicaB, ROUTINES)));
    await Promise.all(running);
    expect(after.map(titleOf)).toEqual(Array(10).fill('Under pågående läsningar'));
    expect(titleOf(await ask(replicaB, ROUTINES))).toBe('Under pågående läsningar');
  });

  it('shares an answer within an access scope, never across scopes', async () => {
    const adoption = `{ childServices { documents(first: 3) { edges { node { slug adoption { district { code } status } } } } } }`;
    const first = await statementsOf(replicaB, () => ask(replicaB, adoption, undefined, analyst));
    expect(first.result.errors).toBeUndefined();
    // Another analyst: the same scope, so the same answer without reading it again.
    const second = await statementsOf(replicaB, () => ask(replicaB, adoption, undefined, otherAnalyst));
    expect(second.statements).toBe(1);
    expect(second.result.data).toEqual(first.result.data);
    // No token: adoption needs one, whatever an analyst's answer in the cache says.
    const anonymous = await ask(replicaB, adoption);
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
  });

  it('keeps one answer for requests that differ only in undeclared variables or in how a value is spelled', async () => {
    const query = `query ($first: Int = 7, $kind: DocumentKind) { childServices { documents(kind: $kind, first: $first) { totalCount } } }`;
    const first = await statementsOf(replicaB, () => ask(replicaB, query, { kind: 'ROUTINE', junk: 'a' }));
    expect(first.result.errors).toBeUndefined();
    for (const variables of [
      { kind: 'ROUTINE', junk: 'b' },
      { first: 7, kind: 'ROUTINE' },
      { kind: 'ROUTINE', first: 7, junk: { x: [1] } },
    ]) {
      const again = await statementsOf(replicaB, () => ask(replicaB, query, variables));
      expect(again.statements).toBe(1);
      expect(again.result.data).toEqual(first.result.data);
    }
  });

  it('never stores drafts', async () => {
    const drafts = `{ childServices { documents(status: DRAFT) { edges { node { slug } } } } }`;
    await ask(replicaB, drafts, undefined, leader);
    const again = await statementsOf(replicaB, () => ask(replicaB, drafts, undefined, leader));
    expect(again.statements).toBeGreaterThan(1);
  });
});
