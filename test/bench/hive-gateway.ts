import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { DEFAULT_SUPERGRAPH_PATH } from '@samsyn/gateway';

/** Headers a client's request carries on to every subgraph, as Samsyn's gateway forwards them. */
const FORWARDED = ['authorization', 'x-request-id', 'idempotency-key'];

export interface RunningHiveGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * Hive Gateway (MIT) over the committed supergraph, its subgraph URLs replaced by `subgraphUrls` (by subgraph
 * name): the same supergraph under a runtime with no Elastic-licensed code. In-flight deduplication (of identical
 * client requests, and of identical subgraph fetches) is off, so that a benchmark compares the same work.
 */
export async function serveHiveGateway(subgraphUrls: Record<string, string>, port = 0): Promise<RunningHiveGateway> {
  let supergraph = fs.readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8');
  for (const [name, url] of Object.entries(subgraphUrls)) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${url}"`);
  }
  const gateway = createGatewayRuntime({
    supergraph,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    inboundInflightRequestDeduplication: false,
    // Its HTTP transport would otherwise answer identical concurrent subgraph requests with one fetch.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED.map((name) => [name, request.headers.get(name)])),
    },
  });
  const server = http.createServer((request, response) => void gateway(request, response));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}
