import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { inClientSpan, type ServiceMetrics } from '@samsyn/core';
import type { GatewayContext } from './context';

/** The headers every subgraph request carries on from the client's request. */
export function forwardedHeaders(context: Partial<GatewayContext>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.authorization) headers.authorization = context.authorization;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  return headers;
}

/** The error a client sees for a subgraph that did not answer: it names the subgraph. */
export function subgraphUnavailable(name: string, cause: unknown): GraphQLError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GraphQLError(`The ${name} subgraph is unavailable (${reason}).`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name },
  });
}

/**
 * Calls a subgraph over HTTP within a time limit, forwarding identity, request id and the trace
 * (`traceparent` of a client span), and timing each fetch for `/metrics`.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    timeoutMs: number,
    private readonly metrics?: ServiceMetrics,
  ) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        inClientSpan('gateway', { name, url: input }, (init?.headers ?? {}) as Record<string, string>, (headers) =>
          fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) }),
        )) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    for (const [name, value] of Object.entries(forwardedHeaders(context))) request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const fetched = this.metrics?.startFetch(this.name);
    try {
      const response = await super.process(options);
      fetched?.(response.errors?.length ? 'error' : 'ok');
      return response;
    } catch (error) {
      // A GraphQL error is the subgraph's own answer; anything else means it could not be reached in time.
      if (error instanceof GraphQLError) {
        fetched?.('error');
        throw error;
      }
      fetched?.('unavailable');
      throw subgraphUnavailable(this.name, error);
    }
  }
}
