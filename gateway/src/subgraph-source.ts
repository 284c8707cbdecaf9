import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
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

/** Calls a subgraph over HTTP, forwarding identity and request id, within a time limit. */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    for (const [name, value] of Object.entries(forwardedHeaders(context))) request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // A GraphQL error is the subgraph's own answer; anything else means it could not be reached in time.
      if (error instanceof GraphQLError) throw error;
      throw subgraphUnavailable(this.name, error);
    }
  }
}
