import { randomBytes } from 'node:crypto';
import { buildSchema } from 'graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropSchemas, executeRequest, testConfig, tokenFor } from '@samsyn/test-support';
// From the built package, as the test harness: one copy of the request scope the cache reads.
import type { SubgraphContext, SubgraphDefinition } from '@samsyn/core';
import { createSubgraphRuntime, schemaName, type SubgraphRuntime } from '@samsyn/runtime';

/** A migration that adds a table and does nothing about the response cache. */
class Notes1900000000000 implements MigrationInterface {
  name = 'Notes1900000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE note`);
  }
}

const definition: SubgraphDefinition = {
  name: 'organisation',
  dbSchema: `cache_triggers_${randomBytes(4).toString('hex')}`,
  entities: [],
  migrations: [Notes1900000000000],
  buildSchema() {
    const schema = buildSchema(`
      directive @cacheControl(maxAge: Int, scope: String) on FIELD_DEFINITION | OBJECT
      type Query { ping: Int @cacheControl(maxAge: 60) me: String @cacheControl(maxAge: 60) }
    `);
    const fields = schema.getQueryType()!.getFields();
    fields.ping.resolve = () => 1;
    // A field whose answer is one person's although its hint says otherwise: it reads who the caller is.
    fields.me.resolve = (_root, _args, ctx: SubgraphContext) => ctx.principal?.name ?? null;
    return schema;
  },
};
const config = testConfig('organisation', '', { RESPONSE_CACHE: 'true' });
let runtime: SubgraphRuntime | undefined;

afterAll(async () => {
  await runtime?.close();
  await dropSchemas(process.env.DATABASE_URL as string, [schemaName(definition, config)]);
});

describe('the response cache of a subgraph whose migration adds a table', () => {
  it('watches the table without the migration asking: the cache is on and a write to it changes its version', async () => {
    runtime = await createSubgraphRuntime(definition, config);
    expect(runtime.cacheVersions).toBeDefined();
    const before = await runtime.cacheVersions!();
    await runtime.db.query(`INSERT INTO note (id, text) VALUES (1, 'Ny rutin på gång')`);
    const after = await runtime.cacheVersions!();
    expect(after.note).toBeDefined();
    expect(after.note).not.toBe(before.note ?? 0);
  });
});

describe('an answer that reads who the caller is', () => {
  it('is never stamped as cacheable, while the same caller’s answer that does not is', async () => {
    const token = await tokenFor({ sub: 'analyst-1', name: 'Ann Analytiker', roles: ['analyst'] });
    const ask = (query: string) =>
      executeRequest(runtime!.apollo, (request) => runtime!.createContext(request), { query }, { authorization: `Bearer ${token}` });
    const ping = await ask('{ ping }');
    const me = await ask('{ me }');
    expect(me.data).toEqual({ me: 'Ann Analytiker' });
    expect([ping.extensions?.samsynCache !== undefined, me.extensions?.samsynCache !== undefined]).toEqual([true, false]);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});
