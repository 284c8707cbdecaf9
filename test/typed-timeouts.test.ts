import pg from 'pg';
import { quoteIdent } from '@samsyn/core';
import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

/**
 * A database wait that runs out answers a typed, retryable error naming what ran out (the statement, a lock wait,
 * the wait for a pool connection), through the gateway, never INTERNAL_SERVER_ERROR.
 */
const DOCUMENTS = `#graphql
  query Documents { childServices { documents(first: 1) { totalCount } } }`;

async function withSupergraph(subgraphEnv: Record<string, string>, work: (graph: TestSupergraph) => Promise<void>): Promise<void> {
  const graph = await startSupergraph({
    only: ['child-services'],
    seed: false,
    subgraphEnv: { RESPONSE_CACHE: 'false', ...subgraphEnv },
    gatewayEnv: { RESPONSE_CACHE: 'false', SUBGRAPH_TIMEOUT_MS: '60000' },
  });
  try {
    await work(graph);
  } finally {
    await graph.close();
  }
}

/** Runs `work` while a second connection holds an exclusive lock on every table of the child-services schema. */
async function whileLocked(graph: TestSupergraph, work: () => Promise<void>): Promise<void> {
  const runtime = graph.subgraphs['child-services']!;
  const schema = (runtime.db.options as { schema: string }).schema;
  const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
  try {
    const tables = await locker.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
    await locker.query('BEGIN');
    await locker.query(
      `LOCK TABLE ${tables.rows.map((row) => `${quoteIdent(schema)}.${quoteIdent(row.tablename)}`).join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
    await work();
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }
}

describe('typed timeouts', () => {
  it('a statement past DB_STATEMENT_TIMEOUT_MS answers OVERLOADED with timedOut: statement', async () => {
    await withSupergraph({ DB_STATEMENT_TIMEOUT_MS: '1000', DB_LOCK_TIMEOUT_MS: '600000' }, async (graph) => {
      await whileLocked(graph, async () => {
        const result = await graph.query(DOCUMENTS);
        expect(result.errors?.map((error) => error.extensions)).toEqual([
          expect.objectContaining({ code: 'OVERLOADED', timedOut: 'statement', retryable: true, serviceName: 'child-services' }),
        ]);
      });
    });
  });

  it('a lock waited for past DB_LOCK_TIMEOUT_MS answers OVERLOADED with timedOut: lock', async () => {
    await withSupergraph({ DB_LOCK_TIMEOUT_MS: '300' }, async (graph) => {
      await whileLocked(graph, async () => {
        const result = await graph.query(DOCUMENTS);
        expect(result.errors?.map((error) => error.extensions)).toEqual([
          expect.objectContaining({ code: 'OVERLOADED', timedOut: 'lock', retryable: true, serviceName: 'child-services' }),
        ]);
      });
    });
  });

  it('no pool connection within DB_CONNECTION_TIMEOUT_MS answers OVERLOADED with timedOut: connection', async () => {
    await withSupergraph({ DB_POOL_SIZE: '1', DB_CONNECTION_TIMEOUT_MS: '300' }, async (graph) => {
      // TypeORM's PostgreSQL driver keeps its pg Pool as `master`: its one connection is held here.
      const pool = (graph.subgraphs['child-services']!.db.driver as unknown as { master: pg.Pool }).master;
      const held = await pool.connect();
      try {
        const result = await graph.query(DOCUMENTS);
        expect(result.errors?.map((error) => error.extensions)).toEqual([
          expect.objectContaining({ code: 'OVERLOADED', timedOut: 'connection', retryable: true, serviceName: 'child-services' }),
        ]);
      } finally {
        held.release();
      }
      // Given back, the connection serves again.
      expect((await graph.query(DOCUMENTS)).errors ?? []).toEqual([]);
    });
  });
});
