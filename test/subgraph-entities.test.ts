import type { SubgraphName } from '@samsyn/core';
import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

/**
 * A subgraph's `_entities`, asked directly on its port as anything inside the network could: a representation the
 * gateway would never send is refused as bad input, never answered with INTERNAL_SERVER_ERROR.
 */
let graph: TestSupergraph;
beforeAll(async () => {
  graph = await startSupergraph({ only: ['organisation', 'child-services'], seed: false });
});
afterAll(() => graph.close());

const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`;
const entities = (subgraph: SubgraphName, representations: unknown[]) =>
  graph.subgraph(subgraph, ENTITIES, { variables: { representations } });

it.each<[SubgraphName, string, unknown[]]>([
  ['organisation', 'a district without its key', [{ __typename: 'District' }]],
  ['organisation', 'a process leader without its key', [{ __typename: 'ProcessLeader' }]],
  ['organisation', 'a type no subgraph has', [{ __typename: 'Nope', code: 'x' }]],
  ['organisation', 'a string instead of an object', ['centrum']],
  ['child-services', 'a type of another subgraph', [{ __typename: 'KnowledgeDocument', id: 'x' }]],
  ['child-services', 'a good one followed by a keyless one', [{ __typename: 'District', code: 'centrum' }, { __typename: 'District' }]],
])('%s: %s is BAD_USER_INPUT', async (subgraph, _case, representations) => {
  const result = await entities(subgraph, representations);
  expect(result).toHaveErrorCode('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toMatch(/^representations\[\d\] /);
});

it('still resolves the representations the gateway sends', async () => {
  const result = await entities('child-services', [{ __typename: 'District', code: 'centrum' }]);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ _entities: [{ __typename: 'District' }] });
});
