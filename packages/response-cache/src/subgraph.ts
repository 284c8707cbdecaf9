import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext, HTTPGraphQLRequest } from '@apollo/server';
import {
  getVariableValues,
  OperationTypeNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type pg from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  type Principal,
  type PrincipalResolver,
  type SubgraphContext,
  quoteIdent,
  type SqlLog,
  swedishToday,
  type Logger,
  currentRequestScope,
} from '@samsyn/core';
import { CACHE_STAMP_EXTENSION, versionsStillCurrent, type CacheStamp, type CacheVersions, type CachedHttpAnswer } from './protocol';

/*
 * Exact invalidation. Every table a subgraph owns has a trigger that bumps the table's row in `cache_version`
 * inside the writing transaction, as it commits. A query reads the versions first (one statement), then its
 * data; the answer is stored with the versions of exactly the tables its SQL named. A hit is served only while
 * each of those versions is still the current one, so the first read after a write's commit (on any replica:
 * the versions live in the subgraph's own database) misses and reads afresh. An answer computed before a commit
 * carries the versions read before it, never newer ones, so it can never pass for the answer after it.
 */

/** Tables whose writes never change an answer: bookkeeping of the migrations, idempotency and the cache itself. */
const UNWATCHED = new Set(['migrations', 'typeorm_metadata', 'cache_version', 'idempotency_key']);

/** The row that changes when the schema is made anew (tests, a restored backup): no entry outlives it. */
const EPOCH = '*epoch';

const TRIGGER = 'cache_version_bump';
const TRUNCATE_TRIGGER = 'cache_version_bump_truncate';

/** The versions table and the trigger function, in each subgraph's own schema. */
export class CacheVersions1764000000000 implements MigrationInterface {
  name = 'CacheVersions1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE cache_version (tag text PRIMARY KEY, version bigint NOT NULL)`);
    await db.query(`INSERT INTO cache_version (tag, version) VALUES ($1, floor(random() * 1e15)::bigint)`, [EPOCH]);
    await db.query(bumpFunction('1', 'v.version + 1'));
    await watchAllTables(db);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of await tablesOf(db)) {
      await db.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON ${quoteIdent(table)}`);
      await db.query(`DROP TRIGGER IF EXISTS ${TRUNCATE_TRIGGER} ON ${quoteIdent(table)}`);
    }
    await db.query(`DROP FUNCTION cache_version_bump()`);
    await db.query(`DROP TABLE cache_version`);
  }
}

/**
 * A bump draws a new random version instead of adding one: a restored backup brings back old counts (and the
 * epoch), and a count reached again after it would let an entry stored before the restore pass for current.
 * Hits compare versions for equality only.
 */
export class CacheVersionsUnrepeatable1766000000000 implements MigrationInterface {
  name = 'CacheVersionsUnrepeatable1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(bumpFunction(RANDOM_VERSION, RANDOM_VERSION));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(bumpFunction('1', 'v.version + 1'));
  }
}

const RANDOM_VERSION = 'floor(random() * 9e15)::bigint';

/**
 * The trigger function that bumps a table's version, with `first` for a table's first write and `next` for
 * the others. Once per table and transaction (a transaction-local setting remembers it), schema-qualified
 * through TG_TABLE_SCHEMA: a writer whose search_path is another (psql, a script) bumps the right row.
 */
function bumpFunction(first: string, next: string): string {
  return `
    CREATE OR REPLACE FUNCTION cache_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      done text := 'samsyn.cache_bumped_' || TG_TABLE_NAME;
    BEGIN
      IF current_setting(done, true) = txid_current()::text THEN RETURN NULL; END IF;
      PERFORM set_config(done, txid_current()::text, true);
      EXECUTE format('INSERT INTO %I.cache_version AS v (tag, version) VALUES ($1, ${first})
                      ON CONFLICT (tag) DO UPDATE SET version = ${next}', TG_TABLE_SCHEMA)
        USING TG_TABLE_NAME;
      RETURN NULL;
    END $$`;
}

async function tablesOf(db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Promise<string[]> {
  const rows = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)) as {
    tablename: string;
  }[];
  return rows.map((row) => row.tablename).filter((table) => !UNWATCHED.has(table));
}

/**
 * Puts the version trigger on every table of the current schema (again), when the versions table is made. Later
 * migrations need not: each is followed by {@link watchNewTables} (see `subgraphDataSource` in @samsyn/runtime).
 */
export async function watchAllTables(db: QueryRunner): Promise<void> {
  await addVersionTriggers(db, await tablesOf(db));
}

/** The tables of the current schema without the version trigger. */
async function tablesWithoutTrigger(db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Promise<string[]> {
  const rows = (await db.query(
    `SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname = $1 AND c.relnamespace = current_schema()::regnamespace`,
    [TRIGGER],
  )) as { relname: string }[];
  const watched = new Set(rows.map((row) => row.relname));
  return (await tablesOf(db)).filter((table) => !watched.has(table));
}

/**
 * Puts the version trigger on the tables of the current schema that lack it, once the versions table exists (it
 * does from `CacheVersions1764000000000` on); runs after every migration of a subgraph, in its transaction, so a
 * migration that adds a table cannot leave the subgraph serving without its response cache. Returns those tables.
 */
export async function watchNewTables(db: QueryRunner): Promise<string[]> {
  const [{ installed }] = (await db.query(`SELECT to_regproc('cache_version_bump') IS NOT NULL AS installed`)) as { installed: boolean }[];
  if (!installed) return [];
  const tables = await tablesWithoutTrigger(db);
  await addVersionTriggers(db, tables);
  return tables;
}

async function addVersionTriggers(db: QueryRunner, tables: string[]): Promise<void> {
  for (const table of tables) {
    await db.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON ${quoteIdent(table)}`);
    await db.query(`DROP TRIGGER IF EXISTS ${TRUNCATE_TRIGGER} ON ${quoteIdent(table)}`);
    // Deferred to the commit: the version row is locked only while the transaction commits, so writers of a
    // table (a long report, a quick acknowledgement beside it) never wait on each other for it.
    await db.query(
      `CREATE CONSTRAINT TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON ${quoteIdent(table)}
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cache_version_bump()`,
    );
    await db.query(
      `CREATE TRIGGER ${TRUNCATE_TRIGGER} AFTER TRUNCATE ON ${quoteIdent(table)} FOR EACH STATEMENT EXECUTE FUNCTION cache_version_bump()`,
    );
  }
}

/** The tables of the subgraph's schema whose writes bump a version; undefined when one lacks its trigger (then nothing is cached). */
export async function watchedTables(db: DataSource, logger: Logger): Promise<string[] | undefined> {
  const tables = await tablesOf(db);
  const unwatched = await tablesWithoutTrigger(db);
  if (unwatched.length > 0 || tables.length === 0) {
    // Only a table made past the migrations (by hand, or before they ran) gets here: run `npm run migrate`.
    logger.warn({ unwatched }, 'response cache off: tables without the cache_version trigger (made outside the migrations?)');
    return undefined;
  }
  return tables;
}

/**
 * Who may share an answer: everyone without a token; otherwise the roles and what they are scoped to (one
 * district, some areas). Two analysts share; two districts' systems never do; a process leader only with one
 * who leads the same areas.
 */
export function accessScope(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  const roles = [...principal.roles].sort().join('+');
  return `${roles}|${principal.district ?? ''}|${[...principal.areas].sort().join(',')}`;
}

/**
 * The key of a kept answer: who may share it (see {@link accessScope}), the day it is for, and the request
 * as sent, with its variables as the operation declares and the schema coerces them (see
 * {@link declaredVariables}): variables it never declares are no part of it. No operation name, given as null or
 * left out, is one key; "" is another.
 */
export function answerKey(
  prefix: string,
  request: {
    principal: Principal | null;
    today: string;
    operationName?: string | null;
    query?: string;
    variables: Record<string, unknown>;
  },
): string {
  const { principal, today, operationName, query, variables } = request;
  return `${prefix}:${createHash('sha256')
    .update(JSON.stringify([accessScope(principal), today, operationName ?? null, query, variables]))
    .digest('base64url')}`;
}

/**
 * The variables of an operation as its definitions declare them and the schema coerces them (undeclared ones
 * dropped, defaults filled in, `5` for an ID as `"5"`, an input object's fields in the type's order), or
 * undefined when they do not coerce (the request is answered with that error, never from a cache).
 */
export function declaredVariables(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[] | undefined,
  given: Record<string, unknown> | null | undefined,
): Record<string, unknown> | undefined {
  // Only whether they coerce matters here: one error is enough to know (a list of 30,000 wrong items is not walked).
  const coerced = getVariableValues(schema, definitions ?? [], given ?? {}, { maxErrors: 1 });
  return coerced.errors ? undefined : coerced.coerced;
}

/** Operations remembered at most, and their query texts' characters at most, per process. */
const KNOWN_OPERATIONS = 2_000;
const KNOWN_OPERATION_CHARS = 8 * 2 ** 20;

/**
 * The operations Apollo Server has parsed and validated in this process (by query text and operation name), with
 * what their variables are coerced by: the key of a plain POST answered before Apollo Server (see
 * {@link plainQueryKey}) needs the declared variables without parsing the query again. Least recently used
 * forgotten first; a forgotten operation is looked up by the plugin, after Apollo parsed it again.
 */
export class KnownOperations {
  private readonly operations = new Map<string, { schema: GraphQLSchema; definitions: readonly VariableDefinitionNode[] }>();
  private chars = 0;

  remember(query: string, operationName: string | null | undefined, schema: GraphQLSchema, operation: OperationDefinitionNode): void {
    const name = `${operationName ?? ''}\n${query}`;
    if (this.operations.has(name) || name.length > KNOWN_OPERATION_CHARS) return;
    this.operations.set(name, { schema, definitions: operation.variableDefinitions ?? [] });
    this.chars += name.length;
    for (const oldest of this.operations.keys()) {
      if (this.operations.size <= KNOWN_OPERATIONS && this.chars <= KNOWN_OPERATION_CHARS) break;
      this.operations.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** The declared, coerced variables of a known operation; undefined when it is not known or they do not coerce. */
  variables(query: string, operationName: string | null | undefined, given: Record<string, unknown> | null | undefined) {
    const name = `${operationName ?? ''}\n${query}`;
    const known = this.operations.get(name);
    if (!known) return undefined;
    this.operations.delete(name);
    this.operations.set(name, known);
    return declaredVariables(known.schema, known.definitions, given);
  }
}

export interface ResponseCacheOptions {
  db: DataSource;
  /** Where entries live: in this process, or Redis shared by the replicas. */
  store: KeyValueCache<string>;
  /** The subgraph's schema: part of every key, so that subgraphs and test schemas sharing a store never meet. */
  namespace: string;
  /** Tables whose versions are tracked (see {@link watchedTables}). */
  tables: string[];
  /** The current versions (see {@link cacheVersionReader}). */
  versions: FreshRead<CacheVersions>;
  /** Who the caller is (the subgraph's own token check), for the key of an answer served before Apollo Server. */
  principals: PrincipalResolver;
  /** Seconds an entry is kept at most (memory, not correctness: validity is the versions'). */
  ttlSeconds: number;
  logger: Logger;
  /** Told of each lookup: hit (answered from the cache) or not (`/metrics`' hit ratio). */
  onLookup?: (hit: boolean) => void;
}

const versionsRead = new WeakMap<object, CacheVersions>();

const VERSIONS_SQL = { name: 'samsyn_cache_versions', text: 'SELECT tag, version FROM cache_version' };

/**
 * A read that is never older than its caller: concurrent callers share one read, but a caller joins only a read
 * that is sent after it arrived (never one already on its way), so what it gets was read after every commit
 * that preceded its call. Under load, one read serves every caller that came while the previous one was out.
 */
export class FreshRead<T> {
  private inFlight?: Promise<T>;
  private queued?: Promise<T>;

  constructor(private readonly send: () => Promise<T>) {}

  read(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.start();
    const after = this.inFlight.catch(() => undefined);
    this.queued = after.then(() => {
      this.queued = undefined;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<T> {
    const sent = this.send().finally(() => {
      if (this.inFlight === sent) this.inFlight = undefined;
    });
    this.inFlight = sent;
    return sent;
  }
}

/**
 * Reads the versions of every watched table in one statement (absent: never written since the migration,
 * version 0), shared by the requests waiting for it (see {@link FreshRead}).
 */
export function cacheVersionReader(db: DataSource): FreshRead<CacheVersions> {
  const sqlLog = db.logger as SqlLog;
  return new FreshRead(async () => {
    // Straight on the pool (TypeORM's query runner costs more than the statement), prepared once per connection;
    // counted like every other statement.
    const pool = (db.driver as unknown as { master: pg.Pool }).master;
    sqlLog.logQuery(VERSIONS_SQL.text);
    const { rows } = await pool.query<{ tag: string; version: number }>(VERSIONS_SQL);
    const versions: CacheVersions = {};
    for (const row of rows) versions[row.tag] = row.version;
    return versions;
  });
}

/** What a subgraph's entry says of itself: its stamp and the operation's name (for logs and metrics). */
interface EntryHead extends CacheStamp {
  operationName: string;
}

/**
 * The entry under `key` of a response cache (the gateway's or a subgraph's): its head as JSON, a newline, then the
 * answer's text as it was sent (see {@link keepAnswerWhenWritten}). Undefined when there is none, when the store
 * does not answer, or when it is not an entry of this format (a miss, overwritten by the answer).
 */
export async function readEntry<Head>(
  store: KeyValueCache<string>,
  key: string,
  logger: Logger,
): Promise<{ head: Head; body: string } | undefined> {
  const stored = await store.get(key).catch((error: unknown) => {
    logger.warn({ err: error }, 'response cache unreachable: answering without it');
    return undefined;
  });
  const newline = stored?.indexOf('\n') ?? -1;
  if (!stored || newline < 0) return undefined;
  try {
    return { head: JSON.parse(stored.slice(0, newline)) as Head, body: stored.slice(newline + 1) };
  } catch {
    return undefined;
  }
}

/**
 * The query of a plain JSON POST, as Apollo Server would take it (a query text, no extensions such as persisted
 * queries, an Accept it answers with application/json); undefined for any other request, which Apollo decides.
 */
export function plainQueryOf(
  request: HTTPGraphQLRequest,
): { query: string; variables?: Record<string, unknown> | null; operationName?: string | null } | undefined {
  const { method, headers, body } = request;
  if (method !== 'POST' || !(headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
  const accept = headers.get('accept');
  if (accept && accept !== '*/*' && (!accept.includes('application/json') || accept.includes('graphql-response'))) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions !== undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, variables: variables as Record<string, unknown> | null | undefined, operationName };
}

/**
 * The key of the answer to a plain JSON POST of a query (see {@link plainQueryOf}) for its caller; undefined for
 * another request, an operation this process has not validated yet (see {@link KnownOperations}), variables that do
 * not coerce, or a token that does not verify (Apollo Server then answers, and refuses it).
 */
export async function plainQueryKey(
  request: HTTPGraphQLRequest,
  prefix: string,
  principals: PrincipalResolver,
  known: KnownOperations,
): Promise<string | undefined> {
  const plain = plainQueryOf(request);
  if (!plain) return undefined;
  const variables = known.variables(plain.query, plain.operationName, plain.variables);
  if (!variables) return undefined;
  const principal = await principals(request.headers.get('authorization')).catch(() => undefined);
  if (principal === undefined) return undefined;
  return answerKey(prefix, { principal, today: swedishToday(), operationName: plain.operationName, query: plain.query, variables });
}

/** A stored answer as the HTTP layer writes it, with the headers Apollo Server gave it. */
export function storedHttpAnswer(operationName: string, policy: Pick<CacheStamp, 'maxAge' | 'scope'>, body: string): CachedHttpAnswer {
  return {
    operationName,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`,
    },
    body: [body],
  };
}

/**
 * Keeps the request's answer under `key` as `head` (JSON), a newline and the answer's text, once Apollo Server has
 * written it (see `keepAnswer`): a large answer is not written a second time, and it does not wait for the store.
 */
export function keepAnswerWhenWritten(
  store: KeyValueCache<string>,
  key: string,
  head: object,
  options: { ttlSeconds: number; logger: Logger },
): void {
  const scope = currentRequestScope();
  if (!scope) return;
  scope.keepAnswer = (body) =>
    void store.set(key, `${JSON.stringify(head)}\n${body}`, { ttl: options.ttlSeconds }).catch((error: unknown) => {
      options.logger.warn({ err: error }, 'response cache unreachable: answer not stored');
    });
}

export interface SubgraphResponseCache {
  /** Keeps and serves answers inside Apollo Server (any request shape). */
  plugin: ApolloServerPlugin<SubgraphContext>;
  /**
   * Answers a plain JSON POST of a query (what the gateway sends) from the cache before Apollo Server parses
   * it, with the stored text: a hit costs the key, the versions (shared, read after it arrived) and a write.
   */
  cachedAnswer(request: HTTPGraphQLRequest): Promise<CachedHttpAnswer | undefined>;
  /**
   * Notes an operation validated elsewhere (the analytical lane's worker): `cachedAnswer` looks it up from now on,
   * as one the plugin saw here.
   */
  remember(query: string, operationName: string | null | undefined, schema: GraphQLSchema, operation: OperationDefinitionNode): void;
}

/**
 * A subgraph's response cache: queries whose every field's cache hint allows it are stored per access scope
 * and served again until a table they read is written (see the comment at the top).
 */
export function subgraphResponseCache(options: ResponseCacheOptions): SubgraphResponseCache {
  const { db, store, namespace, ttlSeconds, logger } = options;
  (db.logger as SqlLog).noteReadsOf(options.tables);
  const keyPrefix = `samsyn:rc5:${namespace}`;
  const known = new KnownOperations();

  /** The request's key: its declared variables, coerced (undefined when they do not coerce: answered with that error). */
  const keyOf = ({ request, contextValue, schema, operation }: GraphQLRequestContext<SubgraphContext>): string | undefined => {
    const variables = operation && declaredVariables(schema, operation.variableDefinitions, request.variables);
    return (
      variables &&
      answerKey(keyPrefix, {
        principal: contextValue.principal,
        today: contextValue.today,
        operationName: request.operationName,
        query: request.query,
        variables,
      })
    );
  };
  const entryUnder = (key: string) => readEntry<EntryHead>(store, key, logger);
  /** Requests the fast path has looked up and missed: the plugin does not look again. */
  const missed = new WeakSet<HTTPGraphQLRequest>();
  /** The key of each request the plugin looked up (and keeps its answer under). */
  const keys = new WeakMap<object, string>();

  const plugin: ApolloServerPlugin<SubgraphContext> = {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { operation, schema, request } = requestContext;
          if (operation?.operation !== OperationTypeNode.QUERY) return null;
          // Variables the schema refuses are answered with that error, before any statement (versions included).
          const key = keyOf(requestContext);
          if (!key) return null;
          if (request.query) known.remember(request.query, request.operationName, schema, operation);
          const versions = await options.versions.read().catch((error: unknown) => {
            logger.warn({ err: error }, 'cache versions unreadable: answering without the cache');
            return undefined;
          });
          if (!versions) return null;
          versionsRead.set(requestContext, versions);
          keys.set(requestContext, key);
          const lookedUpBefore = request.http !== undefined && missed.has(request.http);
          const entry = lookedUpBefore ? undefined : await entryUnder(key);
          const hit = entry !== undefined && versionsStillCurrent(entry.head.versions, versions);
          // The fast path counted its own miss.
          if (!lookedUpBefore) options.onLookup?.(hit);
          if (entry && hit) {
            const { data, extensions } = JSON.parse(entry.body) as { data: Record<string, unknown>; extensions: Record<string, unknown> };
            requestContext.overallCachePolicy.replace({ maxAge: entry.head.maxAge, scope: entry.head.scope });
            return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data, extensions } } };
          }
          // A miss: note which tables this request's SQL names.
          const scope = currentRequestScope();
          if (scope) scope.tablesRead = new Set();
          return null;
        },
        async willSendResponse(requestContext) {
          const versions = versionsRead.get(requestContext);
          const key = keys.get(requestContext);
          const scope = currentRequestScope();
          const tablesRead = scope?.tablesRead;
          const { response } = requestContext;
          if (!versions || !key || !scope || !tablesRead || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const policy = requestContext.overallCachePolicy.policyIfCacheable();
          if (!policy || result.errors || result.data === undefined || result.data === null) return;
          const stamp: CacheStamp = {
            today: requestContext.contextValue.today,
            versions: Object.fromEntries([EPOCH, ...tablesRead].map((tag) => [tag, versions[tag] ?? 0])),
            maxAge: policy.maxAge,
            scope: policy.scope,
          };
          result.extensions = { ...result.extensions, [CACHE_STAMP_EXTENSION]: stamp };
          const head: EntryHead = { ...stamp, operationName: requestContext.operationName ?? '(anonymous)' };
          keepAnswerWhenWritten(store, key, head, { ttlSeconds, logger });
        },
      };
    },
  };

  return {
    plugin,
    async cachedAnswer(request) {
      const key = await plainQueryKey(request, keyPrefix, options.principals, known);
      if (!key) return undefined;
      const entry = await entryUnder(key);
      const versions = entry && (await options.versions.read().catch(() => undefined));
      if (!entry || !versions || !versionsStillCurrent(entry.head.versions, versions)) {
        missed.add(request);
        options.onLookup?.(false);
        return undefined;
      }
      options.onLookup?.(true);
      return storedHttpAnswer(entry.head.operationName, entry.head, entry.body);
    },
    remember: (query, operationName, schema, operation) => known.remember(query, operationName, schema, operation),
  };
}
