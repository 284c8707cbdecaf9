import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import type { GraphQLDataSource } from '@apollo/gateway';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import pg from 'pg';
import {
  loadConfig,
  quoteIdent,
  signToken,
  sqlStatementCount,
  SUBGRAPHS,
  type Config,
  type Role,
  type ServiceName,
  type SubgraphName,
} from '@samsyn/core';
import { createSubgraphRuntime, executeInScope, schemaName, type IncomingRequest, type SubgraphRuntime } from '@samsyn/runtime';
import { createGateway, forwardedHeaders, subgraphUnavailable, type GatewayOptions, type GatewayRuntime } from '@samsyn/gateway';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';

export const TEST_JWT_SECRET = 'samsyn-test-secret-that-is-long-enough-for-hs256';

/** One error of a GraphQL response, as a client sees it. */
export interface GraphQLResultError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL response with its HTTP status and headers. */
export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
  headers: HeaderMap;
  data?: TData | null;
  errors?: GraphQLResultError[];
  extensions?: Record<string, unknown>;
}

/** A response through the gateway, with the subgraph requests the gateway sent for it (and for no other request). */
export interface GatewayResult<TData = Record<string, unknown>> extends GraphQLResult<TData> {
  calls: SubgraphCall[];
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
}

/** A TCP port nothing listens on now: tests never hard-code one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The configuration a test service runs with: its own schemas on the test database. */
export function testConfig(service: ServiceName, suffix: string, overrides: Record<string, string> = {}): Config {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the tests with `npm test`');
  return loadConfig(service, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    SAMSYN_SCHEMA_SUFFIX: suffix,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // With REDIS_URL (the suite's third pass in CI), every cache and persisted query goes through that Redis.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...overrides,
  });
}

/** A signed token for tests. */
export function tokenFor(
  claims: { roles: Role[]; name?: string; sub?: string; district?: string; areas?: string[] },
  expiresIn: string | number = '1h',
): Promise<string> {
  return signToken(
    { secret: TEST_JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' },
    { sub: claims.sub ?? `test-${claims.roles.join('-')}`, name: claims.name ?? 'Test Testsson', ...claims },
    expiresIn,
  );
}

/** Executes one GraphQL request on an Apollo Server the way the HTTP layer does, without a socket. */
export async function executeRequest<TContext extends BaseContext, TData = Record<string, unknown>>(
  apollo: ApolloServer<TContext>,
  createContext: (request: IncomingRequest) => Promise<TContext>,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headerValues: Record<string, string>,
): Promise<GraphQLResult<TData>> {
  const headers = new HeaderMap([['content-type', 'application/json'], ...Object.entries(headerValues)]);
  const requestId = headers.get('x-request-id') ?? randomUUID();
  // As over the wire: keys whose value is undefined are not sent.
  const response = await executeInScope(
    apollo,
    createContext,
    { method: 'POST', headers, search: '', body: JSON.parse(JSON.stringify(body)) },
    requestId,
  );
  if (response.body.kind !== 'complete') throw new Error('incremental responses are not used here');
  const result = JSON.parse(response.body.string) as Pick<GraphQLResult<TData>, 'data' | 'errors' | 'extensions'>;
  return { status: response.status ?? 200, headers: response.headers, ...result };
}

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The subgraph calls of the gateway request being executed: each `graph.query` runs in its own. */
const requestCalls = new AsyncLocalStorage<SubgraphCall[]>();

/** A gateway data source that calls a subgraph runtime in this process. */
class InProcessSubgraph implements GraphQLDataSource {
  constructor(private readonly runtime: SubgraphRuntime) {}

  async process({ request, context }: Parameters<GraphQLDataSource['process']>[0]): Promise<SubgraphResponse> {
    const headers = forwardedHeaders(context);
    requestCalls.getStore()?.push({ subgraph: this.runtime.definition.name, query: request.query ?? '', headers });
    const { data, errors, extensions } = await executeRequest(
      this.runtime.apollo,
      (incoming) => this.runtime.createContext(incoming),
      { query: request.query ?? '', variables: request.variables, operationName: request.operationName },
      headers,
    );
    return { data, errors, extensions };
  }
}

function authHeaders(options: RequestOptions): Record<string, string> {
  return { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
}

/** Drops every schema a test run made. */
export async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** One request the gateway sent to a subgraph. */
export interface SubgraphCall {
  subgraph: SubgraphName;
  query: string;
  /** The headers the gateway forwarded with it. */
  headers: Record<string, string>;
}

export interface TestSupergraph {
  suffix: string;
  subgraphs: Partial<Record<SubgraphName, SubgraphRuntime>>;
  gateway: GatewayRuntime;
  /** A request through the gateway; the result says which subgraphs the gateway called for it. */
  query: <TData = Record<string, unknown>>(query: string, options?: RequestOptions) => Promise<GatewayResult<TData>>;
  /** Another gateway over the same subgraphs, with its own in-process cache (or the same Redis), as a second replica. */
  gatewayReplica(): Promise<TestSupergraph['query']>;
  /** A request straight to one subgraph. */
  subgraph<TData = Record<string, unknown>>(name: SubgraphName, query: string, options?: RequestOptions): Promise<GraphQLResult<TData>>;
  /** SQL statements each subgraph has run so far. */
  sqlCounts(): Record<string, number>;
  close(): Promise<void>;
}

/**
 * Starts subgraphs in this process on fresh schemas, with a real gateway over them
 * (the ones not started are down). Nothing listens on a socket.
 */
export async function startSupergraph(
  options: {
    only?: SubgraphName[];
    seed?: boolean;
    gatewayEnv?: Record<string, string>;
    subgraphEnv?: Record<string, string>;
    /** For every gateway started (the replica too): a logger, a stand-in for Redis. */
    gatewayOptions?: Pick<GatewayOptions, 'logger' | 'sharedStore'>;
  } = {},
): Promise<TestSupergraph> {
  const suffix = `_t${randomBytes(4).toString('hex')}`;
  const names = options.only ?? [...SUBGRAPHS];
  const env = { ...options.subgraphEnv, SEED_DEMO_DATA: String(options.seed ?? true) };
  const runtimes = await Promise.all(names.map((name) => createSubgraphRuntime(ALL_SUBGRAPHS[name], testConfig(name, suffix, env))));
  const subgraphs = Object.fromEntries(names.map((name, i) => [name, runtimes[i]])) as Partial<Record<SubgraphName, SubgraphRuntime>>;
  const startGateway = () =>
    createGateway(testConfig('gateway', suffix, options.gatewayEnv), {
      ...options.gatewayOptions,
      buildService: (name) => {
        const runtime = subgraphs[name];
        return runtime ? new InProcessSubgraph(runtime) : new UnreachableSubgraph(name);
      },
      subgraphVersions: async (name) => {
        const versions = subgraphs[name]?.cacheVersions;
        if (!versions) throw new Error(`${name} keeps no cache versions`);
        return versions();
      },
    });
  const gateways = [await startGateway()];
  const gateway = gateways[0];
  return {
    suffix,
    subgraphs,
    gateway,
    query: queryThrough(gateway),
    async gatewayReplica() {
      const replica = await startGateway();
      gateways.push(replica);
      return queryThrough(replica);
    },
    subgraph: (name, query, requestOptions = {}) => {
      const runtime = subgraphs[name];
      if (!runtime) throw new Error(`${name} was not started`);
      return executeRequest(
        runtime.apollo,
        (incoming) => runtime.createContext(incoming),
        { query, variables: requestOptions.variables },
        authHeaders(requestOptions),
      ) as never;
    },
    sqlCounts: () => Object.fromEntries(runtimes.map((runtime) => [runtime.definition.name, sqlStatementCount(runtime.db)])),
    async close() {
      for (const each of gateways) await each.apollo.stop();
      await Promise.all(runtimes.map((runtime) => runtime.close()));
      await dropSchemas(
        process.env.DATABASE_URL as string,
        names.map((name) => schemaName(ALL_SUBGRAPHS[name], runtimes[0].config)),
      );
    },
  };
}

/** Requests through one gateway, each noting the subgraph calls it caused. */
function queryThrough(gateway: GatewayRuntime): TestSupergraph['query'] {
  return async (query, requestOptions = {}) => {
    const calls: SubgraphCall[] = [];
    const result = await requestCalls.run(calls, () =>
      executeRequest(
        gateway.apollo,
        (incoming) => gateway.createContext(incoming),
        { query, variables: requestOptions.variables },
        authHeaders(requestOptions),
      ),
    );
    return { ...result, calls } as never;
  };
}

/** Stands in for a subgraph that is down. */
class UnreachableSubgraph implements GraphQLDataSource {
  constructor(private readonly name: string) {}

  process(): Promise<SubgraphResponse> {
    return Promise.reject(subgraphUnavailable(this.name, new Error('connect ECONNREFUSED')));
  }
}
