import { randomBytes } from 'node:crypto';
import { SUBGRAPHS, type Logger, type ServiceName, type SubgraphName } from '@samsyn/core';
import { createSubgraphRuntime, schemaName, serveSubgraph, type RunningHttpService } from '@samsyn/runtime';
import { createGateway, serveGateway, type GatewayRuntime } from '@samsyn/gateway';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { dropSchemas, freePort, testConfig } from './harness';

export interface HttpSupergraph {
  suffix: string;
  gateway: RunningHttpService & { runtime: GatewayRuntime };
  subgraphs: Partial<Record<SubgraphName, RunningHttpService & { close(): Promise<void> }>>;
  /** The base URL (no `/graphql`) of a running service, for `/health`, `/ready` and `/metrics`. */
  base(service: ServiceName): string;
  close(): Promise<void>;
}

/**
 * The subgraphs (all, or those named) and the gateway over real sockets on free ports, on fresh
 * schemas: for what travels in HTTP headers. The subgraphs not started are down.
 */
export async function serveSupergraph(
  options: { only?: readonly SubgraphName[]; loggers?: Partial<Record<ServiceName, Logger>>; gatewayEnv?: Record<string, string> } = {},
): Promise<HttpSupergraph> {
  const suffix = `_h${randomBytes(4).toString('hex')}`;
  const names = options.only ?? SUBGRAPHS;
  const subgraphs: HttpSupergraph['subgraphs'] = {};
  for (const name of names) {
    const runtime = await createSubgraphRuntime(ALL_SUBGRAPHS[name], testConfig(name, suffix), { logger: options.loggers?.[name] });
    subgraphs[name] = await serveSubgraph(runtime, 0, '127.0.0.1');
  }
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPHS) {
    urls[`${name.toUpperCase().replace(/-/g, '_')}_URL`] = subgraphs[name]?.url ?? `http://127.0.0.1:${await freePort()}/graphql`;
  }
  const config = testConfig('gateway', suffix, { ...urls, SUBGRAPH_TIMEOUT_MS: '2000', ...options.gatewayEnv });
  const runtime = await createGateway(config, { logger: options.loggers?.gateway });
  const gateway = { ...(await serveGateway(runtime, config, 0)), runtime };
  return {
    suffix,
    gateway,
    subgraphs,
    base: (service) => (service === 'gateway' ? gateway.url : (subgraphs[service]?.url ?? '')).replace(/\/graphql$/, ''),
    async close() {
      await gateway.stop();
      for (const service of Object.values(subgraphs)) await service.close().catch(() => undefined);
      await dropSchemas(
        process.env.DATABASE_URL as string,
        names.map((name) => schemaName(ALL_SUBGRAPHS[name], testConfig(name, suffix))),
      );
    },
  };
}
