import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_HEADER, inClientSpan, type ServiceMetrics } from '@samsyn/runtime';
import type { GatewayContext } from './context';
import type { SubgraphHttpClient } from './subgraph-http';

/** The headers every subgraph request carries on from the client's request. */
export function forwardedHeaders(context: Partial<GatewayContext>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.authorization) headers.authorization = context.authorization;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  if (context.idempotencyKey) headers[IDEMPOTENCY_HEADER] = context.idempotencyKey;
  if (context.idempotencyKey && context.idempotencyFingerprint) headers[IDEMPOTENCY_FINGERPRINT_HEADER] = context.idempotencyFingerprint;
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
 * Calls a subgraph over HTTP within a time limit, on kept-alive connections, forwarding identity, request
 * id and the trace (`traceparent` of a client span), and timing each fetch for `/metrics`.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    client: SubgraphHttpClient,
    private readonly metrics?: ServiceMetrics,
  ) {
    super({
      url,
      // The shared keep-alive client in place of fetch: what RemoteGraphQLDataSource reads of a fetch Response, it has.
      fetcher: ((input: string, init: { headers: Record<string, string>; body: string }) =>
        inClientSpan('gateway', { name, url: input }, init.headers, (headers) =>
          client.post(input, headers, init.body),
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
      // A client mistake the subgraph answered with 4xx (a variable it cannot take, say) reaches the client with its code.
      const refused = clientErrorsOf(error);
      if (refused) {
        fetched?.('error');
        return { errors: refused };
      }
      // Any other GraphQL error is the subgraph's own answer; anything else means it could not be reached in time.
      if (error instanceof GraphQLError) {
        fetched?.('error');
        throw error;
      }
      fetched?.('unavailable');
      throw subgraphUnavailable(this.name, error);
    }
  }
}

/** The GraphQL errors of a subgraph's 4xx answer, as `RemoteGraphQLDataSource` reports it; undefined for anything else. */
function clientErrorsOf(error: unknown): GatewayGraphQLResponse['errors'] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const response = error.extensions.response as { status?: number; body?: { errors?: unknown } } | undefined;
  const status = response?.status ?? 0;
  const errors = response?.body?.errors;
  if (status < 400 || status >= 500 || !Array.isArray(errors) || errors.length === 0) return undefined;
  return errors as GatewayGraphQLResponse['errors'];
}
