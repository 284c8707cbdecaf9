import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  loadConfig,
  type Config,
  type SubgraphDefinition,
  type SubgraphContext,
  createDataSource,
  databaseAnswers,
  openDatabase,
  swedishToday,
  LoaderRegistry,
  createLogger,
  type Logger,
  createPrincipalResolver,
  type PrincipalResolver,
  UnauthenticatedError,
  principalSeenByResolvers,
  CachePolicy,
  cachePolicyPlugin,
  startBackground,
  type BackgroundRunner,
} from '@samsyn/core';
import { runMain } from './main';
import { embeddedPort, embeddedUrl } from './embedded-postgres';
import { IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_HEADER, idempotencyPlugin, IdempotencyKeys1763900000000 } from './idempotency';
import type { HttpServiceOptions, IncomingRequest, RunningHttpService } from './http';
import { operationsGuard, sendJson, serveHttp } from './http';
import { requestCoalescing, type CoalesceRequests } from './coalescing';
import { baseApolloOptions } from './apollo';
import { ServiceMetrics, type PoolCounts } from './metrics';
import { startTracing } from './telemetry';
import { selectsRootField } from './hardening';
import { workClassPlugin } from '@samsyn/core';
import {
  CacheVersions1764000000000,
  CacheVersionsUnrepeatable1766000000000,
  cacheVersionReader,
  subgraphResponseCache,
  watchedTables,
  watchNewTables,
  type CacheVersions,
  CACHE_VERSIONS_PATH,
} from '@samsyn/response-cache';
import { openSharedCache, PERSISTED_QUERY_TTL_SECONDS } from './shared-cache';
import {
  type AnalyticalLane,
  isLaneWorker,
  startLane,
  executeAsService,
  mainThreadStore,
  lowerServerPriority,
  laneRouting,
  runLaneWorker,
  laneConfig,
  type LaneHandler,
} from './lane';

/** A subgraph ready to execute requests, with or without a socket. */
export interface SubgraphRuntime {
  definition: SubgraphDefinition;
  config: Config;
  db: DataSource;
  schema: GraphQLSchema;
  apollo: ApolloServer<SubgraphContext>;
  logger: Logger;
  /** What `/metrics` serves: requests, errors and the database pool. */
  metrics: ServiceMetrics;
  createContext(request: IncomingRequest): Promise<SubgraphContext>;
  /** The background tasks running in this process. */
  background: BackgroundRunner;
  /**
   * The current versions of the subgraph's tables, read after this call (what the gateway's response cache
   * checks its entries against); undefined while the response cache is off.
   */
  cacheVersions?: () => Promise<CacheVersions>;
  /** Answers a plain JSON POST of a query from the response cache before Apollo Server (see `subgraphResponseCache`). */
  cachedAnswer?: HttpServiceOptions<SubgraphContext>['cachedAnswer'];
  /** Runs identical concurrent reads once (see `requestCoalescing`). */
  coalesce: CoalesceRequests;
  /** Notes a query validated elsewhere (the analytical lane) for coalescing and the response cache's lookups. */
  rememberQuery: ReturnType<typeof requestCoalescing>['remember'];
  /** The response cache's store in this process's memory (without Redis): the analytical lane's worker uses it too. */
  laneStore?: KeyValueCache<string>;
  /** Stops the background tasks and Apollo, and closes the pool. */
  close(): Promise<void>;
}

export function schemaName(definition: SubgraphDefinition, config: Config): string {
  return `${definition.dbSchema}${config.schemaSuffix}`;
}

/** The TypeORM data source of a subgraph: its own schema, entities and migrations (not yet connected). */
export function subgraphDataSource(
  definition: SubgraphDefinition,
  config: Config,
  logger: Logger = createLogger(definition.name, config.logLevel),
) {
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set (`npm start` starts an embedded PostgreSQL and sets it for you)');
  }
  return createDataSource({
    url: config.databaseUrl,
    schema: schemaName(definition, config),
    entities: definition.entities,
    // Every subgraph remembers Idempotency-Keys, and the versions its response cache checks, in its own schema.
    migrations: [
      ...definition.migrations,
      IdempotencyKeys1763900000000,
      CacheVersions1764000000000,
      CacheVersionsUnrepeatable1766000000000,
    ].map(watchingNewTables),
    logger,
    limits: config.database,
    applicationName: `samsyn-${definition.name}`,
  });
}

/**
 * The migration, followed in its transaction by {@link watchNewTables}: whoever runs it (start-up, `npm run migrate`,
 * the TypeORM CLI), the tables it adds get the version trigger the response cache relies on.
 */
function watchingNewTables(migration: new () => MigrationInterface): new () => MigrationInterface {
  const watching = class extends migration {
    override async up(runner: QueryRunner): Promise<void> {
      await super.up(runner);
      await watchNewTables(runner);
    }
  };
  // TypeORM knows a migration by its `name`, else by its class's name (with the timestamp at its end).
  Object.defineProperty(watching, 'name', { value: migration.name });
  return watching;
}

/**
 * The data source the TypeORM CLI loads (`npx typeorm migration:show -d subgraphs/<name>/dist/src/data-source.js`):
 * DATABASE_URL, or else the embedded PostgreSQL that `npm start` runs.
 */
export function cliDataSource(definition: SubgraphDefinition, env: Record<string, string | undefined>) {
  // What the CLI was asked for (`migration:show`'s line per migration) is logged at debug, quiet in a service's start-up.
  const config = loadConfig(definition.name, { LOG_LEVEL: 'debug', ...env });
  return subgraphDataSource(definition, { ...config, databaseUrl: config.databaseUrl ?? embeddedUrl(embeddedPort(env)) });
}

/**
 * In production `_service { sdl }` (the whole subgraph schema, internals included) answers only a caller
 * with a valid token, as the gateway's requests carry; introspection is off there for the same reason.
 */
function serviceSdlNeedsToken(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (contextValue.principal || !selectsRootField(document, operation, '_service')) return;
          const error = new UnauthenticatedError('Sign in: the subgraph schema (_service) needs a valid token in production.');
          Object.assign(error.extensions, { http: { status: 401, headers: new HeaderMap() } });
          throw error;
        },
      };
    },
  };
}

/** Opens the database (migrating and seeding as configured), builds the schema and starts Apollo. */
export async function createSubgraphRuntime(
  definition: SubgraphDefinition,
  config: Config,
  options: {
    principals?: PrincipalResolver;
    logger?: Logger;
    /** Without the process's background tasks (the analytical lane's worker: the main thread runs them). */
    withoutBackground?: boolean;
    /** The main thread's response cache store, in place of one of its own (the analytical lane's worker). */
    mainThreadStore?: KeyValueCache<string>;
  } = {},
): Promise<SubgraphRuntime> {
  const logger = options.logger ?? createLogger(definition.name, config.logLevel);
  const db = subgraphDataSource(definition, config, logger);
  const metrics = new ServiceMetrics(definition.name);
  // Built before the database opens: modules read their own settings here, and a bad one stops the start at once.
  const tasks = options.withoutBackground ? [] : (definition.background?.({ db, config, logger, metrics }) ?? []);
  await openDatabase(db, config.migrateOnStart);
  const shared = openSharedCache({
    redisUrl: config.redisUrl,
    maxMiB: config.responseCacheMiB,
    maxEntryMiB: config.responseCacheEntryMiB,
    macKey: config.cacheMacKey,
    logger,
    mainThread: options.mainThreadStore,
  });
  try {
    if (config.seedDemoData && definition.seed) await definition.seed(db, swedishToday());
    const schema = definition.buildSchema();
    const base = baseApolloOptions<SubgraphContext>(config, logger);
    // No Apollo Studio here: inline traces would only cost time on every subgraph response.
    const guards = config.nodeEnv === 'production' ? [serviceSdlNeedsToken()] : [];
    const tables = config.responseCache ? await watchedTables(db, logger) : undefined;
    const versions = tables ? cacheVersionReader(db) : undefined;
    const principals = options.principals ?? createPrincipalResolver(config.auth);
    const cache =
      tables && versions
        ? subgraphResponseCache({
            db,
            store: shared.store,
            namespace: schemaName(definition, config),
            tables,
            versions,
            principals,
            ttlSeconds: 3600,
            logger,
            onLookup: (hit) => metrics.cacheLookup(hit),
          })
        : undefined;
    // The gateways' identical entity fetches at once (every analyst's dashboard) are resolved once.
    const coalescing = requestCoalescing<SubgraphContext>({ principals, namespace: schemaName(definition, config) });
    const apollo = new ApolloServer<SubgraphContext>({
      ...base,
      schema,
      // Persisted queries (and the response cache's entries) in Redis when the replicas share one.
      cache: shared.store,
      persistedQueries: { cache: shared.persistedQueries, ttl: PERSISTED_QUERY_TTL_SECONDS },
      plugins: [
        ...base.plugins,
        // The operation's class, before anything reads the database: its SQL takes that class's share of the pool.
        workClassPlugin<SubgraphContext>(),
        ...guards,
        ApolloServerPluginInlineTraceDisabled(),
        // Worked out per operation, not per field (see cache-policy.ts).
        ApolloServerPluginCacheControlDisabled(),
        cachePolicyPlugin(),
        idempotencyPlugin(db, config.idempotencyKeyTtlSeconds),
        ...(cache ? [cache.plugin] : []),
        coalescing.plugin,
      ],
    });
    await apollo.start();
    // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
    metrics.watchSharedCache(() => shared.counts());
    metrics.watchPool(() => (db.isInitialized ? (db.driver as unknown as { master?: PoolCounts }).master : undefined));
    const background = startBackground(tasks, logger);
    return {
      definition,
      config,
      db,
      schema,
      apollo,
      logger,
      metrics,
      background,
      cacheVersions: versions && (() => versions.read()),
      cachedAnswer: cache && ((request) => cache.cachedAnswer(request)),
      coalesce: coalescing.coalesce,
      rememberQuery(query, operationName, schema, operation) {
        coalescing.remember(query, operationName, schema, operation);
        cache?.remember(query, operationName, schema, operation);
      },
      laneStore: shared.laneStore,
      async createContext({ headers, requestId }) {
        const principal = await principals(headers.get('authorization'));
        const cacheHints = new CachePolicy();
        return {
          requestId,
          principal: principal && principalSeenByResolvers(principal, cacheHints),
          loaders: new LoaderRegistry(),
          logger: logger.child({ requestId }),
          db: db.manager,
          idempotencyKey: headers.get(IDEMPOTENCY_HEADER),
          idempotencyFingerprint: headers.get(IDEMPOTENCY_FINGERPRINT_HEADER),
          today: swedishToday(),
          cacheHints,
          config,
        };
      },
      async close() {
        await background.stop();
        await apollo.stop();
        if (db.isInitialized) await db.destroy();
        await shared.close();
      },
    };
  } catch (error) {
    await db.destroy();
    await shared.close();
    throw error;
  }
}

/** How long `/ready` waits for the database before it answers 503. */
export const READY_TIMEOUT_MS = 800;

/**
 * Serves a subgraph runtime over HTTP with `/health` and `/ready`; with a lane, its analytical operations execute in
 * the lane's worker (lane.ts).
 */
export async function serveSubgraph(
  runtime: SubgraphRuntime,
  port = runtime.config.port,
  host = runtime.config.host,
  lane?: AnalyticalLane,
): Promise<RunningHttpService & { close(): Promise<void> }> {
  const service = await serveHttp({
    ...(lane && inLane(runtime, lane)),
    apollo: runtime.apollo,
    context: (request) => runtime.createContext(request),
    // Within a second, whatever the pool or the server is doing.
    ready: () => databaseAnswers(runtime.db, READY_TIMEOUT_MS),
    routes: cacheVersionsRoute(runtime),
    guardOperations: operationsGuard(runtime.config),
    cachedAnswer: runtime.cachedAnswer,
    coalesce: runtime.coalesce,
    logger: runtime.logger,
    metrics: runtime.metrics,
    service: runtime.definition.name,
    host,
    port,
  });
  return {
    ...service,
    async close() {
      await service.stop();
      await lane?.close();
      await runtime.close();
    },
  };
}

/** Runs the subgraph's heavy analytical operations in the lane, and here when the lane cannot. */
function inLane(runtime: SubgraphRuntime, lane: AnalyticalLane) {
  return laneRouting(
    lane,
    () => runtime.schema,
    async (request, scope, work) => {
      const response = await lane.run(request, scope);
      // Validated by the worker: identical ones are coalesced here from now on.
      if (scope.operationName !== undefined) runtime.rememberQuery(work.query, work.operationName, runtime.schema, work.operation);
      return response;
    },
    executeAsService(runtime),
  );
}

/** The lane's worker of a subgraph: the same schema and response cache over its share of the pool, no background tasks. */
async function subgraphLane(definition: SubgraphDefinition, env: Record<string, string | undefined>): Promise<LaneHandler> {
  const lane = laneConfig(loadConfig(definition.name, env));
  if (!lane) throw new Error('the analytical lane is off');
  const runtime = await createSubgraphRuntime(definition, lane, { withoutBackground: true, mainThreadStore: mainThreadStore() });
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
  lowerServerPriority(
    (runtime.db.driver as unknown as { master: Parameters<typeof lowerServerPriority>[0] }).master,
    lane.databaseUrl,
    lane.analyticalWorker.nice,
  );
  return {
    answer: executeAsService(runtime),
    close: () => runtime.close(),
  };
}

function cacheVersionsRoute(runtime: SubgraphRuntime): HttpServiceOptions<SubgraphContext>['routes'] {
  const { cacheVersions } = runtime;
  if (!cacheVersions) return undefined;
  const guard = operationsGuard(runtime.config);
  return async (req, res, url) => {
    if (url.pathname !== CACHE_VERSIONS_PATH) return false;
    if (!guard(req, res)) return true;
    const versions = await cacheVersions().catch(() => undefined);
    sendJson(res, versions ? 200 : 503, versions ?? { error: 'The database did not answer.' });
    return true;
  };
}

/** Starts a subgraph process: configuration from `env`, database, schema, HTTP; stops on SIGTERM/SIGINT. */
export function runSubgraph(definition: SubgraphDefinition, env: Record<string, string | undefined>): void {
  // The same entry script runs in the analytical lane's worker thread: there it serves the lane.
  if (isLaneWorker()) return runLaneWorker(() => subgraphLane(definition, env));
  runMain(definition.name, async () => {
    const config = loadConfig(definition.name, env);
    const tracing = startTracing({ service: definition.name, otlpEndpoint: config.otlpEndpoint });
    const runtime = await createSubgraphRuntime(definition, config);
    // Started once the main thread has migrated: the worker only reads.
    const lane = startLane(config, runtime.logger, runtime.laneStore);
    const service = await serveSubgraph(runtime, undefined, undefined, lane);
    console.log(`${definition.name} subgraph ready at ${service.url}`);
    return {
      async close() {
        await service.close();
        await tracing?.shutdown();
      },
    };
  });
}
