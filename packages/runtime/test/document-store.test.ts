import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { parse } from 'graphql';
import { createLogger, loadConfig } from '@samsyn/core';
import { baseApolloOptions, documentStore } from '@samsyn/runtime';

/**
 * Apollo Server keeps parsed queries; a query's text (a long comment) must count in what it keeps, or unique
 * large queries from anyone grow a service without limit.
 */
const pad = 'x'.repeat(1_000_000);

it('keeps no more query text than its budget', async () => {
  const store = documentStore(10 * 2 ** 20);
  for (let i = 0; i < 30; i++) await store.set(`q${i}`, parse(`{ a } #${i}${pad}`));
  expect(await store.get('q0')).toBeUndefined();
  expect(await store.get('q29')).toBeDefined();
  expect(store.keys().length).toBeLessThanOrEqual(10);
});

it('is the store every service parses into', async () => {
  const base = baseApolloOptions(loadConfig('gateway', { NODE_ENV: 'test', LOG_LEVEL: 'silent' }), createLogger('test', 'silent'));
  const server = new ApolloServer({
    ...base,
    plugins: [...base.plugins, ApolloServerPluginInlineTraceDisabled()],
    typeDefs: 'type Query { a: Int }',
    resolvers: { Query: { a: () => 1 } },
  });
  await server.start();
  try {
    for (let i = 0; i < 40; i++) {
      const response = await server.executeOperation({ query: `{ a } #${i}${pad}` });
      expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({ a: 1 });
    }
    // 40 MB of query text were parsed; at most the budget's worth stays.
    expect(base.documentStore.keys().length).toBeLessThanOrEqual(31);
    expect(base.documentStore.keys().length).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
});
