import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';

/*
 * The per-request size limit (MAX_RESPONSE_MB). An answer is made of its subgraphs' answers: the gateway counts
 * their bytes as they arrive (a subgraph's Content-Length before its body is read), and once a request's count
 * passes the limit it stops reading, cuts the fetches of that request still on their way, sends no further one,
 * and answers RESPONSE_TOO_LARGE alone. The large answer is then never merged, shaped, serialised or cached:
 * those are the copies that cost the gateway most (see docs/bench.md, "where a large answer's memory goes").
 */

/** The bytes one request's subgraph answers have taken so far, against its limit. */
export class ResponseBudget {
  private used = 0;
  private readonly cuts = new Set<(error: GraphQLError) => void>();
  /** The refusal, once the limit is passed; every later fetch of the request fails with it. */
  refused?: GraphQLError;

  constructor(readonly maxBytes: number) {}

  /** Counts `bytes` more; false (and the request refused, its fetches in flight cut) when that passes the limit. */
  take(bytes: number): boolean {
    if (this.refused) return false;
    this.used += bytes;
    if (this.used <= this.maxBytes) return true;
    this.refused = responseTooLarge(this.maxBytes);
    for (const cut of this.cuts) cut(this.refused);
    this.cuts.clear();
    return false;
  }

  /** Registers how to cut a fetch on its way when another one passes the limit; returns its deregistration. */
  onRefused(cut: (error: GraphQLError) => void): () => void {
    this.cuts.add(cut);
    return () => this.cuts.delete(cut);
  }
}

/** The error of a request whose answer would pass `maxBytes`. */
export function responseTooLarge(maxBytes: number): GraphQLError {
  const mib = maxBytes / 2 ** 20;
  return new GraphQLError(
    `The answer would be larger than ${mib >= 1 ? mib.toFixed(0) : mib.toFixed(3)} MiB (MAX_RESPONSE_MB): ask for fewer districts, periods or fields.`,
    { extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes } },
  );
}

const budgets = new WeakMap<object, ResponseBudget>();

/** The budget of the fetch running now (the HTTP client counts the bytes it reads against it). */
const fetchBudget = new AsyncLocalStorage<{ budget: ResponseBudget; counted: boolean }>();

/** What the subgraph HTTP client counts a fetch's answer against; undefined outside a request with a limit. */
export function currentFetchBudget(): ResponseBudget | undefined {
  const meter = fetchBudget.getStore();
  if (meter) meter.counted = true;
  return meter?.budget;
}

/** Wraps a subgraph's data source to count its answers against the request's budget (and send nothing past it). */
export class SizedSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly inner: GraphQLDataSource<GatewayContext>) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const budget = 'context' in options && options.context ? budgets.get(options.context) : undefined;
    if (!budget) return this.inner.process(options);
    if (budget.refused) throw budget.refused;
    const meter = { budget, counted: false };
    const response = await fetchBudget.run(meter, () => this.inner.process(options));
    // In-process subgraphs (tests) hand over objects, not bytes: their answer's JSON is what counts.
    if (!meter.counted && !budget.take(Buffer.byteLength(JSON.stringify(response))))
      throw budget.refused ?? responseTooLarge(budget.maxBytes);
    return response;
  }
}

/** Gives every request its budget, and answers a refused one with RESPONSE_TOO_LARGE alone (no partial data). */
export function responseSizeLimit(maxBytes: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      budgets.set(contextValue, new ResponseBudget(maxBytes));
      return {
        async willSendResponse({ contextValue: context, response }) {
          const refused = budgets.get(context)?.refused;
          if (!refused || response.body.kind !== 'single') return;
          // Errors are formatted before this hook: the refusal goes in as the client sees it.
          response.body.singleResult = { errors: [{ message: refused.message, extensions: refused.extensions }] };
          response.http.status = 400;
        },
      };
    },
  };
}
