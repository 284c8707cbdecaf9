import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import {
  createLogger,
  createPrincipalResolver,
  isLoopbackHost,
  SUBGRAPHS,
  type Config,
  type Logger,
  type PrincipalResolver,
  type RequestScope,
  type SubgraphName,
} from '@samsyn/core';
import {
  type AnalyticalLane,
  baseApolloOptions,
  IDEMPOTENCY_HEADER,
  executeAsService,
  mainThreadStore,
  laneRouting,
  type LaneHandler,
  operationsGuard,
  openSharedCache,
  PERSISTED_QUERY_TTL_SECONDS,
  serveHttp,
  ServiceMetrics,
  requestCoalescing,
  type CoalesceRequests,
  type IncomingRequest,
  type Readiness,
  type SharedCache,
  type SharedCacheOptions,
  type RunningHttpService,
} from '@samsyn/runtime';
import { CACHE_VERSIONS_PATH, gatewayCache, StampedSource, type CachedHttpAnswer, type CacheVersions } from '@samsyn/response-cache';
import type { GatewayContext } from './context';
import { SubgraphSource } from './subgraph-source';
import { SubgraphHttpClient } from './subgraph-http';
import { responseSizeLimit, SizedSource } from './response-size';
import { devSignInEnabled, webRoutes } from './web';
import { installResultShaping } from '@samsyn/result-shaping';
import { idempotencyAtGateway } from './idempotency';
import { Admission } from './admission';

export type { GatewayContext };
export { forwardedHeaders, subgraphUnavailable } from './subgraph-source';
export { DEFAULT_DASHBOARD_DIR } from './web';

/** The committed supergraph, composed by `npm run compose`. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface GatewayRuntime {
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  /** What `/metrics` serves: requests, errors and subgraph fetch latency. */
  metrics: ServiceMetrics;
  principals: PrincipalResolver;
  createContext(request: IncomingRequest): Promise<GatewayContext>;
  /** Where the response cache and persisted queries live (Redis or this process), and what it did so far. */
  sharedCache: SharedCache;
  /** The bulkheads every operation is admitted by (admission.ts). */
  admission: Admission;
  /** The response cache's answer to a plain JSON POST, before Apollo Server (undefined while the cache is off). */
  cachedAnswer?: (request: HTTPGraphQLRequest) => Promise<CachedHttpAnswer | undefined>;
  /** Runs identical concurrent reads once: one 1,000-district dashboard built for all who asked at once. */
  coalesce: CoalesceRequests;
  /** Notes a query validated elsewhere (the analytical lane) for coalescing and the response cache's lookups. */
  rememberQuery: ReturnType<typeof requestCoalescing>['remember'];
  /** The API schema clients query (once started). */
  schema(): GraphQLSchema | undefined;
}

export interface GatewayOptions {
  /** Replaces the HTTP data sources, e.g. with in-process subgraphs in tests. */
  buildService?: (name: SubgraphName, url: string) => GraphQLDataSource;
  /** Replaces the HTTP call for a subgraph's table versions (`/cache-versions`), e.g. with in-process subgraphs in tests. */
  subgraphVersions?: (name: SubgraphName) => Promise<CacheVersions>;
  principals?: PrincipalResolver;
  logger?: Logger;
  /** A store in place of Redis, behind the same breaker and MAC (tests: an in-memory stand-in to tamper with). */
  sharedStore?: SharedCacheOptions['standIn'];
  /** Operations come admitted already: the analytical lane's worker, whose main thread admits them (see `inLane`). */
  admitted?: boolean;
  /** The main thread's response cache store, in place of one of its own (the analytical lane's worker). */
  mainThreadStore?: SharedCacheOptions['mainThread'];
}

/**
 * Apollo Server leaves an operation it could not pick (`operationName: ""`, an unknown name, several operations
 * and no name) to the gateway, which then answers INTERNAL_SERVER_ERROR: refuse it as Apollo does without one.
 */
function operationMustResolve(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const named = typeof request.operationName === 'string';
          throw new GraphQLError(
            named
              ? `Unknown operation named "${request.operationName}".`
              : 'Must provide operation name if query contains multiple operations.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/** An Apollo gateway over the static supergraph: it starts and answers even while a subgraph is down. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<GatewayRuntime> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const metrics = new ServiceMetrics('gateway');
  const supergraphSdl = fs.readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  // The gateway's last pass over a large answer, ported to do its per-selection work once (packages/result-shaping,
  // Elastic License 2.0 as the code it derives from).
  installResultShaping();
  const client = new SubgraphHttpClient(config.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`unknown subgraph ${name} in the supergraph`);
      const subgraph = name as SubgraphName;
      const target = config.subgraphUrls[subgraph] ?? url;
      const source = options.buildService?.(subgraph, target) ?? new SubgraphSource(subgraph, target, client, metrics);
      return new StampedSource(subgraph, new SizedSource(source));
    },
  });
  const base = baseApolloOptions<GatewayContext>(config, logger);
  // Automatic persisted queries: in Redis with REDIS_URL, so a hash registered at one replica is known at all.
  const shared = openSharedCache({
    redisUrl: config.redisUrl,
    standIn: options.sharedStore,
    maxMiB: config.responseCacheMiB,
    maxEntryMiB: config.responseCacheEntryMiB,
    macKey: config.cacheMacKey,
    logger,
    mainThread: options.mainThreadStore,
  });
  metrics.watchSharedCache(() => shared.counts());
  const closeConnections = {
    serverWillStart: async () => ({
      serverWillStop: async () => {
        client.close();
        await shared.close();
      },
    }),
  };
  const versionsOf =
    options.subgraphVersions ??
    (async (name: SubgraphName) => {
      // Within a second: a subgraph that hangs costs the cache, not the request its own fetch will wait for.
      const response = await client.get(
        new URL(CACHE_VERSIONS_PATH.slice(1), config.subgraphUrls[name]).toString(),
        Math.min(1_000, config.subgraphTimeoutMs),
        config.metricsToken ? { authorization: `Bearer ${config.metricsToken}` } : {},
      );
      if (!response.ok) throw new Error(`${name} answered ${response.status} for its cache versions`);
      return (await response.json()) as CacheVersions;
    });
  const principals = options.principals ?? createPrincipalResolver(config.auth);
  // In production a subgraph's /cache-versions answers only METRICS_TOKEN: without it no entry could ever be checked.
  const versionsReadable = options.subgraphVersions !== undefined || config.nodeEnv !== 'production' || config.metricsToken !== undefined;
  if (config.responseCache && !versionsReadable)
    logger.warn(
      "the gateway's response cache is off: in production it asks the subgraphs' /cache-versions with METRICS_TOKEN, which is unset",
    );
  // The supergraph's hash and the schemas' suffix: test runs and their schemas sharing one Redis never meet.
  const namespace = `${createHash('sha256').update(supergraphSdl).digest('base64url').slice(0, 16)}${config.schemaSuffix}`;
  const cache =
    config.responseCache && versionsReadable
      ? gatewayCache({
          store: shared.store,
          namespace,
          versionsOf,
          principals,
          ttlSeconds: 3600,
          logger,
          onLookup: (hit) => metrics.cacheLookup(hit),
        })
      : undefined;
  const admission = new Admission(config.admission, metrics);
  const coalescing = requestCoalescing<GatewayContext>({ principals, namespace });
  const apollo = new ApolloServer<GatewayContext>({
    ...base,
    gateway,
    cache: shared.store,
    persistedQueries: { cache: shared.persistedQueries, ttl: PERSISTED_QUERY_TTL_SECONDS },
    plugins: [
      operationMustResolve(),
      idempotencyAtGateway(supergraphSdl),
      ...base.plugins,
      // After the limits refused what they refuse: only a valid operation is weighed and waits for its class's room.
      admission.plugin({ admitted: options.admitted }),
      responseSizeLimit(config.maxResponseBytes),
      coalescing.plugin,
      ...(cache ? [cache.plugin] : []),
      closeConnections,
    ],
  });
  await apollo.start();
  return {
    apollo,
    admission,
    sharedCache: shared,
    cachedAnswer: cache && ((request) => cache.cachedAnswer(request)),
    coalesce: coalescing.coalesce,
    rememberQuery(query, operationName, schema, operation) {
      coalescing.remember(query, operationName, schema, operation);
      cache?.remember(query, operationName, schema, operation);
    },
    schema: () => gateway.schema,
    logger,
    metrics,
    principals,
    async createContext({ headers, requestId }) {
      const authorization = headers.get('authorization');
      // The gateway verifies too, so a bad token is refused before any subgraph is called.
      return { requestId, authorization, idempotencyKey: headers.get(IDEMPOTENCY_HEADER), principal: await principals(authorization) };
    },
  };
}

/** How long the gateway's `/ready` waits for each subgraph's `/ready`: a probe must answer fast, whatever is down. */
export const SUBGRAPH_READY_TIMEOUT_MS = 1_000;

/**
 * The gateway is ready when every subgraph is: it asks each one's `/ready` (next to its `/graphql`) at
 * once, and names those that did not answer 200 in time.
 */
export async function subgraphReadiness(urls: Record<SubgraphName, string>, timeoutMs: number): Promise<Readiness> {
  const answers = await Promise.all(
    (Object.entries(urls) as [SubgraphName, string][]).map(async ([name, url]) => {
      try {
        return { name, ready: (await fetch(new URL('ready', url), { signal: AbortSignal.timeout(timeoutMs) })).ok };
      } catch {
        return { name, ready: false };
      }
    }),
  );
  const notReady = answers.filter((answer) => !answer.ready).map((answer) => answer.name);
  return notReady.length === 0 ? { ready: true } : { ready: false, notReady };
}

/**
 * Serves the gateway over HTTP; `/ready` reflects the subgraphs' readiness. With a lane, analytical operations are
 * admitted here and execute in the lane's worker (see `inLane`).
 */
export function serveGateway(
  runtime: GatewayRuntime,
  config: Config,
  port = config.port,
  lane?: AnalyticalLane,
): Promise<RunningHttpService> {
  if (devSignInEnabled(config) && !isLoopbackHost(config.host)) {
    runtime.logger.warn(
      { host: config.host },
      `the development sign-in (/auth/dev-token, an admin token for anyone who asks) is reachable from the network on ${config.host}: ` +
        'leave HOST unset (127.0.0.1) outside production, or set NODE_ENV=production with real tokens',
    );
  }
  return serveHttp({
    apollo: runtime.apollo,
    context: (request) => runtime.createContext(request),
    ready: () => subgraphReadiness(config.subgraphUrls, Math.min(SUBGRAPH_READY_TIMEOUT_MS, config.subgraphTimeoutMs)),
    routes: webRoutes(config, { principals: runtime.principals }),
    guardOperations: operationsGuard(config),
    cachedAnswer: runtime.cachedAnswer,
    coalesce: runtime.coalesce,
    ...(lane && inLane(runtime, lane)),
    logger: runtime.logger,
    metrics: runtime.metrics,
    service: 'gateway',
    host: config.host,
    port,
  });
}

/**
 * Admits a heavy analytical operation to its bulkhead here, on the main thread (a refusal takes no turn of the worker),
 * and runs it in the lane; here, when the lane cannot (admitted again by the plugin, as any other request).
 */
function inLane(runtime: GatewayRuntime, lane: AnalyticalLane) {
  return laneRouting(
    lane,
    () => runtime.schema(),
    async (request, scope, work) => {
      scope.workClass = 'analytical';
      let release: () => void;
      try {
        release = await runtime.admission.admit('analytical', work.cost);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'OVERLOADED') return refusal(error, scope);
        throw error;
      }
      try {
        const response = await lane.run(request, scope);
        // Validated by the worker: identical ones are coalesced here from now on.
        const schema = runtime.schema();
        if (scope.operationName !== undefined && schema) runtime.rememberQuery(work.query, work.operationName, schema, work.operation);
        return response;
      } finally {
        release();
      }
    },
    executeAsService(runtime),
  );
}

/** An admission refusal as Apollo Server would answer it: the error's status and headers, its extensions without them. */
function refusal(error: GraphQLError, scope: RequestScope): HTTPGraphQLResponse {
  const { http, ...extensions } = error.extensions as Record<string, unknown> & { http?: { status?: number; headers?: HeaderMap } };
  scope.errorCodes.push(String(extensions.code));
  const headers = new HeaderMap([['content-type', 'application/json; charset=utf-8'], ...(http?.headers ?? [])]);
  return {
    status: http?.status ?? 503,
    headers,
    body: { kind: 'complete', string: JSON.stringify({ errors: [{ message: error.message, extensions }] }) },
  };
}

/** The gateway in the analytical lane's worker: the same supergraph and caches; what comes to it is admitted already. */
export async function gatewayLane(config: Config): Promise<LaneHandler> {
  const runtime = await createGateway(config, { admitted: true, mainThreadStore: mainThreadStore() });
  return {
    answer: executeAsService(runtime),
    close: () => runtime.apollo.stop(),
  };
}
