import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CachePolicy, cacheNever, cachePolicyPlugin, privateToCaller, type SubgraphContext } from '@samsyn/core';

/**
 * The subgraphs' cache policy is worked out from the operation, not field by field: it must give what Apollo
 * Server's own cache-control plugin gives, and let resolvers narrow it.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  type Query {
    published: Page @cacheControl(maxAge: 300)
    plain: Page
    count: Int @cacheControl(maxAge: 60)
    drafts: Page @cacheControl(maxAge: 300)
    mine: Page @cacheControl(maxAge: 300)
    broken: Int @cacheControl(maxAge: 300)
  }
  type Page @cacheControl(inheritMaxAge: true) { title: String figures: Figures author: Person }
  type Figures @cacheControl(maxAge: 5, scope: PRIVATE) { value: Int }
  type Person { name: String }
  type District @key(fields: "code") @cacheControl(maxAge: 120) { code: String! figures: Figures }
  type Region @key(fields: "code") { code: String! }
`);

const page = { title: 'Rutin', figures: { value: 1 }, author: { name: 'Testperson' } };
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    Query: {
      published: () => page,
      plain: () => page,
      count: () => 1,
      drafts: (_: unknown, __: unknown, ctx: unknown) => {
        cacheNever(ctx as SubgraphContext);
        return page;
      },
      mine: (_: unknown, __: unknown, ctx: unknown) => {
        privateToCaller(ctx as SubgraphContext);
        return page;
      },
      broken: () => {
        throw new Error('failed');
      },
    },
    District: { __resolveReference: (reference: { code: string }) => ({ ...reference, figures: { value: 2 } }) },
    Region: { __resolveReference: (reference: { code: string }) => reference },
  },
});

const apollos = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
const ours = new ApolloServer<SubgraphContext>({
  schema,
  plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin()],
});

beforeAll(async () => {
  await apollos.start();
  await ours.start();
});
afterAll(async () => {
  await apollos.stop();
  await ours.stop();
});

async function cacheControlOf(
  server: ApolloServer<SubgraphContext> | ApolloServer,
  query: string,
  variables?: Record<string, unknown>,
  signedIn = false,
): Promise<string | undefined> {
  const contextValue = { principal: signedIn ? { roles: ['analyst'] } : null, cacheHints: new CachePolicy() } as unknown as SubgraphContext;
  const response = await (server as ApolloServer<SubgraphContext>).executeOperation({ query, variables }, { contextValue });
  if (response.body.kind === 'single') expect(response.body.singleResult.errors).toBeUndefined();
  return response.http.headers.get('cache-control');
}

const ENTITIES =
  'query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { code figures { value } } ... on Region { code } } }';

describe.each([
  ['a field with a hint, and leaves that inherit it', '{ published { title } }', undefined, 'max-age=300, public'],
  ['a root field without a hint', '{ plain { title } }', undefined, 'no-store'],
  ['a type below with a shorter, private hint', '{ published { title figures { value } } }', undefined, 'max-age=5, private'],
  ['an object type below without a hint', '{ published { author { name } } }', undefined, 'no-store'],
  ['two root fields: the shorter hint', '{ count published { title } }', undefined, 'max-age=60, public'],
  ['a named fragment', '{ ...F } fragment F on Query { published { title } }', undefined, 'max-age=300, public'],
  ['an inline fragment', '{ ... on Query { published { figures { value } } } }', undefined, 'max-age=5, private'],
  ['__typename alone', '{ __typename }', undefined, 'no-store'],
  [
    'entities of a type with a hint',
    ENTITIES.replace(' figures { value }', ''),
    { r: [{ __typename: 'District', code: 'angered' }] },
    'max-age=120, public',
  ],
  ['entities and a hinted type below', ENTITIES, { r: [{ __typename: 'District', code: 'angered' }] }, 'max-age=5, private'],
  ['entities of a type without a hint', ENTITIES, { r: [{ __typename: 'Region', code: 'nordost' }] }, 'no-store'],
  [
    'two entity fields, one of a type without a hint',
    'query ($d: [_Any!]!, $r: [_Any!]!) { a: _entities(representations: $r) { ... on Region { code } } b: _entities(representations: $d) { ... on District { code } } }',
    { d: [{ __typename: 'District', code: 'angered' }], r: [{ __typename: 'Region', code: 'nordost' }] },
    'no-store',
  ],
])('%s', (_, query, variables, expected) => {
  it(`is ${expected}, as Apollo Server's own plugin says`, async () => {
    expect(await cacheControlOf(apollos, query, variables)).toBe(expected);
    expect(await cacheControlOf(ours, query, variables)).toBe(expected);
  });
});

describe('resolvers narrow the policy', () => {
  it('a draft is never cached, whatever its fields say', async () => {
    expect(await cacheControlOf(ours, '{ drafts { title } }')).toBe('no-store');
    // and it narrows the whole answer, not only its own field
    expect(await cacheControlOf(ours, '{ count drafts { title } }')).toBe('no-store');
  });

  it("what a signed-in caller sees is kept in the caller's cache only", async () => {
    expect(await cacheControlOf(ours, '{ mine { title } }', undefined, true)).toBe('max-age=300, private');
    expect(await cacheControlOf(ours, '{ mine { title } }', undefined, false)).toBe('max-age=300, public');
  });

  it('an answer with errors is not cached', async () => {
    const response = await ours.executeOperation(
      { query: '{ count broken }' },
      { contextValue: { principal: null, cacheHints: new CachePolicy() } as unknown as SubgraphContext },
    );
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.length).toBe(1);
    expect(response.http.headers.get('cache-control')).toBe('no-store');
  });
});
