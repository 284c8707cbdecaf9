import { createHash } from 'node:crypto';
import { swedishToday } from '@samsyn/core';
import { createSubgraphRuntime, type SubgraphRuntime } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import {
  executeRequest,
  startSupergraph,
  testConfig,
  tokenFor,
  type GatewayResult,
  type GraphQLResult,
  type TestSupergraph,
} from '@samsyn/test-support';

/**
 * `Idempotency-Key` on mutations: a client that did not hear back (a timeout) retries with the same key
 * and gets the first answer, without a second write.
 */
let graph: TestSupergraph;
let anna: string;
let jonas: string;

const CREATE = `#graphql
  mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { id number title } } }`;

const draft = (slug: string, title = 'Rutin för återkoppling') => ({ input: { kind: 'ROUTINE', slug, title } });

function create(variables: Record<string, unknown>, key: string, token = anna): Promise<GatewayResult> {
  return graph.query(CREATE, { token, variables, headers: { 'idempotency-key': key } });
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await graph.subgraphs['child-services']!.db.query<{ n: string }[]>(sql, params);
  return Number(n);
}
const documentsWithSlug = (slug: string) => count(`SELECT count(*) AS n FROM document WHERE slug = $1`, [slug]);
const auditEntries = () => count(`SELECT count(*) AS n FROM audit_log`, []);

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: true });
  anna = await tokenFor({ sub: 'anna', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
});
afterAll(() => graph.close());

describe('a mutation with an Idempotency-Key', () => {
  it('retried with the same key and body returns the first result and writes nothing', async () => {
    const first = await create(draft('aterkoppling'), 'key-retry-1');
    expect(first.errors).toBeUndefined();
    const audit = await auditEntries();
    const retry = await create(draft('aterkoppling'), 'key-retry-1');
    expect([retry.data, retry.errors]).toEqual([first.data, undefined]);
    expect(await documentsWithSlug('aterkoppling')).toBe(1);
    expect(await auditEntries()).toBe(audit);
    // Without the key, the same request is a new one: the slug is taken.
    expect(await graph.query(CREATE, { token: anna, variables: draft('aterkoppling') })).toHaveErrorCode('CONFLICT');
  });

  it('retried at the same moment many times, runs once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => create(draft('samtidig'), 'key-concurrent')));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(results.map((result) => JSON.stringify(result.data))).size).toBe(1);
    expect(await documentsWithSlug('samtidig')).toBe(1);
  });

  it('with the same key and another body is CONFLICT, and changes nothing', async () => {
    await create(draft('forsta'), 'key-reused');
    const audit = await auditEntries();
    const other = await create(draft('andra'), 'key-reused');
    expect(other.errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
    expect(await documentsWithSlug('andra')).toBe(0);
    expect(await auditEntries()).toBe(audit);
  });

  it('is scoped to its caller: another caller’s same key is another request', async () => {
    await create(draft('annas'), 'key-shared');
    const jonasResult = await create(draft('jonas'), 'key-shared', jonas);
    expect(jonasResult.errors).toBeUndefined();
    expect(await documentsWithSlug('jonas')).toBe(1);
  });

  it('is forgotten after IDEMPOTENCY_KEY_TTL_HOURS: the key is free for a new request', async () => {
    await create(draft('gammal'), 'key-old');
    await graph.subgraphs['child-services']!.db.query(
      `UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = 'key-old'`,
    );
    const later = await create(draft('ny-efter-ett-dygn'), 'key-old');
    expect(later.errors).toBeUndefined();
    expect(await documentsWithSlug('ny-efter-ett-dygn')).toBe(1);
  });

  it('keeps a refusal too: the retry of a refused request is refused the same way, without running again', async () => {
    const first = await create({ input: { kind: 'ROUTINE', slug: 'Ogiltig slug', title: 'T' } }, 'key-refused');
    expect(first).toHaveErrorCode('BAD_USER_INPUT');
    const retry = await create({ input: { kind: 'ROUTINE', slug: 'Ogiltig slug', title: 'T' } }, 'key-refused');
    const told = (result: GraphQLResult) => [result.data, result.errors?.map((error) => [error.message, error.extensions?.code])];
    expect(told(retry)).toEqual(told(first));
  });

  it('is refused when it is not a key (too long)', async () => {
    const result = await create(draft('lang-nyckel'), 'x'.repeat(300));
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await documentsWithSlug('lang-nyckel')).toBe(0);
  });

  it('is refused when empty, with HTTP 400 and before any subgraph is called, instead of being ignored', async () => {
    const result = await create(draft('tom-nyckel'), '');
    expect(result).toHaveErrorCode('BAD_USER_INPUT');
    expect(result.status).toBe(400);
    expect(result).toCallSubgraphs([]);
    expect(await documentsWithSlug('tom-nyckel')).toBe(0);
  });

  it('with the same key and another body is CONFLICT also when the subgraph would be sent the same part', async () => {
    // The gateway answers the root __typename itself: the subgraph is sent the same operation and variables for both.
    const withTypename = `#graphql
      mutation CreateDraft($input: DraftInput!) { __typename childServices { createDraft(input: $input) { id number title } } }`;
    const first = await create(draft('samma-del'), 'key-same-part');
    expect(first.errors).toBeUndefined();
    const audit = await auditEntries();
    const other = await graph.query(withTypename, {
      token: anna,
      variables: draft('samma-del'),
      headers: { 'idempotency-key': 'key-same-part' },
    });
    expect(other.calls.map((call) => call.query)).toEqual(first.calls.map((call) => call.query));
    expect(other).toHaveErrorCode('CONFLICT');
    expect(await documentsWithSlug('samma-del')).toBe(1);
    expect(await auditEntries()).toBe(audit);
    // The same body, its variables in another order, is the same request: the first answer again.
    const again = await create({ input: { title: 'Rutin för återkoppling', slug: 'samma-del', kind: 'ROUTINE' } }, 'key-same-part');
    expect([again.data, again.errors]).toEqual([first.data, undefined]);
  });

  it('tells persisted mutations sent by their hash alone apart by their text: a retry by hash is the same request', async () => {
    const persisted = (query: string | undefined, text: string, key: string | undefined, variables: Record<string, unknown>) =>
      executeRequest(
        graph.gateway.apollo,
        (incoming) => graph.gateway.createContext(incoming),
        {
          query,
          variables,
          extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') } },
        } as never,
        { authorization: `Bearer ${anna}`, ...(key ? { 'idempotency-key': key } : {}) },
      );
    const first = await persisted(CREATE, CREATE, 'key-persisted', draft('sparad'));
    expect(first.errors).toBeUndefined();
    const retry = await persisted(undefined, CREATE, 'key-persisted', draft('sparad'));
    expect([retry.data, retry.errors]).toEqual([first.data, undefined]);
    // Another persisted mutation with the same variables, by its hash alone under the same key: another request.
    const shorter = `#graphql
      mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`;
    expect((await persisted(shorter, shorter, undefined, draft('sparad-2'))).errors).toBeUndefined();
    expect(await persisted(undefined, shorter, 'key-persisted', draft('sparad'))).toHaveErrorCode('CONFLICT');
    expect(await documentsWithSlug('sparad')).toBe(1);
  });

  it('is refused for a mutation of more than one area before anything runs, and so is its retry, instead of half running', async () => {
    // childServices, adultServices and childServices again: three fetches, two of them to one subgraph.
    const spanning = `#graphql
      mutation Spanning {
        first: childServices { createDraft(input: { kind: ROUTINE, slug: "over-omraden-1", title: "Rutin 1" }) { id } }
        adultServices { createDraft(input: { kind: ROUTINE, slug: "over-omraden-2", title: "Rutin 2" }) { id } }
        again: childServices { createDraft(input: { kind: ROUTINE, slug: "over-omraden-3", title: "Rutin 3" }) { id } }
      }`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await graph.query(spanning, { token: anna, headers: { 'idempotency-key': 'key-spanning' } });
      expect(result).toHaveErrorCode('BAD_USER_INPUT');
      expect(result.status).toBe(400);
      expect(result).toCallSubgraphs([]);
    }
    expect(await count(`SELECT count(*) AS n FROM document WHERE slug LIKE 'over-omraden-%'`, [])).toBe(0);
    // Within one area, two parts go to the subgraph as one request: kept, and replayed whole.
    const oneArea = `#graphql
      mutation TwoDrafts {
        first: childServices { createDraft(input: { kind: ROUTINE, slug: "ett-omrade-1", title: "Rutin 1" }) { id } }
        second: childServices { createDraft(input: { kind: ROUTINE, slug: "ett-omrade-2", title: "Rutin 2" }) { id } }
      }`;
    const kept = await graph.query(oneArea, { token: anna, headers: { 'idempotency-key': 'key-one-area' } });
    expect(kept.errors).toBeUndefined();
    expect(kept).toCallSubgraphs(['child-services']);
    expect(kept.calls).toHaveLength(1);
    const retry = await graph.query(oneArea, { token: anna, headers: { 'idempotency-key': 'key-one-area' } });
    expect([retry.data, retry.errors]).toEqual([kept.data, undefined]);
    expect(await count(`SELECT count(*) AS n FROM document WHERE slug LIKE 'ett-omrade-%'`, [])).toBe(2);
  });

  it('works on every kind of mutation: a document’s whole life, adoption and figures, each sent twice', async () => {
    const system = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
    let step = 0;
    const twice = async (mutation: string, variables: Record<string, unknown>, token: string) => {
      const key = `key-life-${++step}`;
      const send = () =>
        graph.query<{ childServices: Record<string, { id?: string; document?: { id: string } }> }>(mutation, {
          token,
          variables,
          headers: { 'idempotency-key': key },
        });
      const first = await send();
      const retry = await send();
      expect([first.errors, retry.errors]).toEqual([undefined, undefined]);
      expect(retry.data).toEqual(first.data);
      return Object.values(first.data!.childServices)[0];
    };
    const version = await twice(CREATE, draft('hela-livet'), anna);
    await twice(
      `#graphql
      mutation Shorten($id: ID!) { childServices { updateDraft(versionId: $id, expectedRevision: 1, input: { summary: "Kort" }) { revision } } }`,
      { id: version.id },
      anna,
    );
    await twice(
      `#graphql
      mutation Submit($id: ID!) { childServices { submitForReview(versionId: $id) { status } } }`,
      { id: version.id },
      anna,
    );
    const published = await twice(
      `#graphql
      mutation Publish($id: ID!, $on: Date!) { childServices { publish(versionId: $id, validFrom: $on, expectedRevision: 2) { status document { id } } } }`,
      { id: version.id, on: swedishToday() },
      jonas,
    );
    await twice(
      `#graphql
      mutation Implemented($id: ID!) { childServices { acknowledge(versionId: $id, status: IMPLEMENTED) { status } } }`,
      { id: version.id },
      system,
    );
    await twice(
      `#graphql
      mutation Report($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { inserted updated unchanged } } }`,
      { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q1', numerator: 3, denominator: 9 }] },
      system,
    );
    await twice(
      `#graphql
      mutation Retire($id: ID!) { childServices { retire(documentId: $id, reason: "Ersatt") { id } } }`,
      { id: published.document!.id },
      anna,
    );
  });

  it('is shared by the replicas of a subgraph: a retry that reaches another replica gets the first result', async () => {
    const replica: SubgraphRuntime = await createSubgraphRuntime(
      ALL_SUBGRAPHS['child-services'],
      testConfig('child-services', graph.suffix, { SEED_DEMO_DATA: 'false' }),
    );
    try {
      const first = await create(draft('replik'), 'key-replica');
      // The gateway sends the subgraph this operation for the client's mutation, with these headers (the key among them).
      const { query, headers } = first.calls.at(-1)!;
      expect(headers['idempotency-key']).toBe('key-replica');
      const direct = await executeRequest(
        replica.apollo,
        (incoming) => replica.createContext(incoming),
        { query, variables: draft('replik') },
        headers,
      );
      expect(direct.errors).toBeUndefined();
      expect(direct.data).toEqual(first.data);
      expect(await documentsWithSlug('replik')).toBe(1);
    } finally {
      await replica.close();
    }
  });
});
