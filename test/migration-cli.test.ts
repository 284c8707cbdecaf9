import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
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

/** `npm run migrate` as the Kubernetes migration Job runs it, and `--wait` as each subgraph's init container does. */
describe('scripts/dist/migrate.js', () => {
  const suffix = `_w${randomBytes(4).toString('hex')}`;
  const schema = schemaName(ALL_SUBGRAPHS.organisation, testConfig('organisation', suffix));
  const env = { DATABASE_URL: process.env.DATABASE_URL as string, SAMSYN_SCHEMA_SUFFIX: suffix, NODE_ENV: 'test' };
  const migrate = path.join(ROOT, 'scripts/dist/migrate.js');
  afterAll(() => dropSchemas(process.env.DATABASE_URL as string, [schema]));

  it('--wait returns only once the migration Job has migrated, and the Job loads the demo data when told', async () => {
    const waiter = spawn(process.execPath, [migrate, '--wait', 'organisation'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let printed = '';
    waiter.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => waiter.once('exit', resolve));
    try {
      for (const started = Date.now(); !printed.includes('waiting for its migrations'); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() - started > 30_000) throw new Error(`the waiter did not wait: ${printed}`);
      }
      expect(waiter.exitCode).toBeNull();

      const migrated = await run(process.execPath, [migrate, 'organisation'], { ...env, SEED_DEMO_DATA: 'true' });
      expect({ status: migrated.status, err: migrated.err }).toEqual({ status: 0, err: '' });
      expect(migrated.out).toContain('organisation: demo data loaded');
      expect(await exited).toBe(0);
      expect(printed).toContain('organisation: up to date');
    } finally {
      waiter.kill();
    }
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.district`);
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
