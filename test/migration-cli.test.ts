import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createSubgraphRuntime, embeddedUrl, schemaName } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { freePort, dropSchemas, testConfig } from '@samsyn/test-support';

const ROOT = path.resolve(__dirname, '..');

function run(file: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 },
      (_error, out, err) => resolve({ status: child.exitCode, out, err }),
    );
  });
}

/** docs/operations.md's `npx typeorm migration:show -d subgraphs/<name>/dist/src/data-source.js`, as written. */
describe('the TypeORM CLI on a subgraph', () => {
  const suffix = `_m${randomBytes(4).toString('hex')}`;
  afterAll(() =>
    dropSchemas(process.env.DATABASE_URL as string, [schemaName(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix))]),
  );

  it('lists the applied migrations of DATABASE_URL', async () => {
    const runtime = await createSubgraphRuntime(
      ALL_SUBGRAPHS.organisation,
      testConfig('organisation', suffix, { SEED_DEMO_DATA: 'false' }),
    );
    await runtime.close();
    const shown = await run(
      path.join(ROOT, 'node_modules/.bin/typeorm'),
      ['migration:show', '-d', 'subgraphs/organisation/dist/src/data-source.js'],
      {
        DATABASE_URL: process.env.DATABASE_URL as string,
        SAMSYN_SCHEMA_SUFFIX: suffix,
      },
    );
    expect({ status: shown.status, err: shown.err }).toEqual({ status: 0, err: '' });
    expect(shown.out).toContain('[X] 1 Organisation1763800000000');
  });

  it("uses npm start's embedded PostgreSQL when DATABASE_URL is not set", async () => {
    const port = String(await freePort());
    const printed = await run(
      process.execPath,
      ['-e', "console.log(require('./subgraphs/organisation/dist/src/data-source.js').default.options.url)"],
      { EMBEDDED_PG_PORT: port },
    );
    expect(printed.out.trim()).toBe(embeddedUrl(Number(port)));
  });
});
