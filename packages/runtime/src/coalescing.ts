import type { ApolloServerPlugin, BaseContext, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { PrincipalResolver } from '@samsyn/core';
import { KnownOperations, plainQueryKey } from '@samsyn/response-cache';

/*
 * Identical reads in flight at once are answered by one execution. Fifty analysts' connections asking for the same
 * 1,000-district dashboard would otherwise build fifty copies of a 13 MB answer side by side (each several times its
 * size as objects while it is built); together they build at most two, and every waiting request is written the
 * same text. A request joins only an execution that starts after it arrived (one queued behind the one running), never
 * one already on its way, so what it gets was read after every commit that preceded it: the same promise as
 * without coalescing, as `FreshRead` makes for the cache versions. Only plain JSON POSTs of queries this process has
 * validated are coalesced, under the response cache's key (who may share the answer, the day, the query and its
 * coerced variables); anything else runs on its own.
 */

interface Flights<R> {
  running?: Promise<R>;
  next?: Promise<R>;
}

/** Runs `execute` for a key at most once at a time, and shares each run with every caller that arrived before it started. */
export class Coalescer<R> {
  private readonly flights = new Map<string, Flights<R>>();

  /** How many keys have a run in flight or queued (for tests and metrics). */
  get size(): number {
    return this.flights.size;
  }

  run(key: string, execute: () => Promise<R>): Promise<R> {
    let flights = this.flights.get(key);
    if (!flights) this.flights.set(key, (flights = {}));
    if (flights.next) return flights.next;
    if (!flights.running) return this.start(key, flights, execute);
    const slot = flights;
    const after = slot.running!.catch(() => undefined);
    slot.next = after.then(() => {
      slot.next = undefined;
      return this.start(key, slot, execute);
    });
    return slot.next;
  }

  private start(key: string, flights: Flights<R>, execute: () => Promise<R>): Promise<R> {
    const running = execute().finally(() => {
      if (flights.running !== running) return;
      flights.running = undefined;
      if (!flights.next && this.flights.get(key) === flights) this.flights.delete(key);
    });
    flights.running = running;
    return running;
  }
}

/** What `serveHttp` calls around Apollo Server's execution of a request (see {@link requestCoalescing}). */
export type CoalesceRequests = (request: HTTPGraphQLRequest, execute: () => Promise<HTTPGraphQLResponse>) => Promise<HTTPGraphQLResponse>;

/** Identical concurrent reads of one service answered by one execution (see the comment at the top). */
export function requestCoalescing<TContext extends BaseContext>(options: {
  principals: PrincipalResolver;
  /** Distinguishes this service's keys (its schema): a key is never shared with another service. */
  namespace: string;
}): {
  plugin: ApolloServerPlugin<TContext>;
  coalesce: CoalesceRequests;
  /** Notes a query validated elsewhere (by the analytical lane's worker): identical ones are coalesced from now on. */
  remember: (query: string, operationName: string | undefined, schema: GraphQLSchema, operation: OperationDefinitionNode) => void;
} {
  const known = new KnownOperations();
  const coalescer = new Coalescer<HTTPGraphQLResponse>();
  const prefix = `samsyn:coalesce:${options.namespace}`;
  return {
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ request, schema, operation }) {
            if (operation?.operation === OperationTypeNode.QUERY && request.query)
              known.remember(request.query, request.operationName, schema, operation);
          },
        };
      },
    },
    remember: (query, operationName, schema, operation) => known.remember(query, operationName, schema, operation),
    async coalesce(request, execute) {
      // An incremental answer (@defer) is a stream one client reads: never shared.
      if ((request.headers.get('accept') ?? '').includes('multipart')) return execute();
      const key = await plainQueryKey(request, prefix, options.principals, known);
      if (!key) return execute();
      return coalescer.run(key, execute);
    },
  };
}
