import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import {
  baseApolloOptions,
  createLogger,
  createPrincipalResolver,
  serveHttp,
  ServiceMetrics,
  SUBGRAPHS,
  type Config,
  type IncomingRequest,
  type Logger,
  type PrincipalResolver,
  type RunningHttpService,
  type SubgraphName,
} from '@samsyn/core';
import type { GatewayContext } from './context';
import { SubgraphSource } from './subgraph-source';

export type { GatewayContext };
export { forwardedHeaders, subgraphUnavailable } from './subgraph-source';

/** The committed supergraph, composed by `npm run compose`. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface GatewayRuntime {
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  /** What `/metrics` serves: requests, errors and subgraph fetch latency. */
  metrics: ServiceMetrics;
  createContext(request: IncomingRequest): Promise<GatewayContext>;
}

export interface GatewayOptions {
  /** Replaces the HTTP data sources, e.g. with in-process subgraphs in tests. */
  buildService?: (name: SubgraphName, url: string) => GraphQLDataSource;
  principals?: PrincipalResolver;
  logger?: Logger;
}

/** An Apollo gateway over the static supergraph: it starts and answers even while a subgraph is down. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<GatewayRuntime> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const metrics = new ServiceMetrics('gateway');
  const supergraphSdl = fs.readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`unknown subgraph ${name} in the supergraph`);
      const subgraph = name as SubgraphName;
      const target = config.subgraphUrls[subgraph] ?? url;
      return options.buildService?.(subgraph, target) ?? new SubgraphSource(subgraph, target, config.subgraphTimeoutMs, metrics);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({ ...baseApolloOptions<GatewayContext>(config, logger), gateway });
  await apollo.start();
  const principals = options.principals ?? createPrincipalResolver(config.auth);
  return {
    apollo,
    logger,
    metrics,
    async createContext({ headers, requestId }) {
      const authorization = headers.get('authorization');
      // The gateway verifies too, so a bad token is refused before any subgraph is called.
      return { requestId, authorization, principal: await principals(authorization) };
    },
  };
}

/** Serves the gateway over HTTP. */
export function serveGateway(runtime: GatewayRuntime, config: Config, port = config.port): Promise<RunningHttpService> {
  return serveHttp({
    apollo: runtime.apollo,
    context: (request) => runtime.createContext(request),
    ready: async () => true,
    logger: runtime.logger,
    metrics: runtime.metrics,
    service: 'gateway',
    host: config.host,
    port,
  });
}
