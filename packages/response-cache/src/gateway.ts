import type { ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { swedishToday, type Logger, type Principal, type PrincipalResolver, type SubgraphName } from '@samsyn/core';
import { CACHE_STAMP_EXTENSION, versionsStillCurrent, type CacheStamp, type CacheVersions, type CachedHttpAnswer } from './protocol';
import {
  answerKey,
  declaredVariables,
  FreshRead,
  keepAnswerWhenWritten,
  KnownOperations,
  plainQueryKey,
  readEntry,
  storedHttpAnswer,
} from './subgraph';

/** What the gateway's cache needs of its request context: the verified caller, whose access scope keys the answer. */
export interface GatewayContext {
  principal: Principal | null;
}

/*
 * The gateway's response cache: whole responses, on the subgraphs' terms. Every subgraph answer that its own
 * response cache could keep comes with a stamp (the versions of the tables it read and its cache policy, see
 * `CacheStamp` in protocol.ts). A response is stored only when every fetch of its query plan was stamped, with the
 * stamps per subgraph; a hit is served only after each of those subgraphs has told its current versions, read
 * after the request arrived, and they all still match. A write commits its version bumps before it answers,
 * so the first read after it (at any gateway replica: the versions are the subgraphs', in their database)
 * misses. The check costs one small call per subgraph, shared by the requests that wait for it; the hit
 * itself skips the query plan: no entity fetches, no merging of subgraph answers.
 */

/** What the fetches of one request stamped, per subgraph; `cacheable` turns false at the first fetch without a stamp. */
interface Stamps {
  /** The calendar days the subgraphs answered for: an answer is kept only when all are the key's day. */
  days: Set<string>;
  versions: Partial<Record<string, CacheVersions>>;
  maxAge: number;
  scope: CacheStamp['scope'];
  cacheable: boolean;
}

/** The stamps collected for a request, by its context (the object the gateway hands every data source). */
const stampsOf = new WeakMap<object, Stamps>();

function record(stamps: Stamps, subgraph: string, stamp: CacheStamp | undefined): void {
  if (!stamp) {
    stamps.cacheable = false;
    return;
  }
  stamps.days.add(stamp.today);
  const seen = stamps.versions[subgraph];
  // Two fetches of one subgraph that read one table at two versions saw two states: nothing to keep.
  if (seen && Object.entries(stamp.versions).some(([tag, version]) => tag in seen && seen[tag] !== version)) stamps.cacheable = false;
  stamps.versions[subgraph] = { ...seen, ...stamp.versions };
  stamps.maxAge = Math.min(stamps.maxAge, stamp.maxAge);
  if (stamp.scope === 'PRIVATE') stamps.scope = 'PRIVATE';
}

/** Wraps a subgraph's data source to note each answer's stamp for the gateway's response cache. */
export class StampedSource<TContext extends GatewayContext = GatewayContext> implements GraphQLDataSource<TContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<TContext>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    const stamps = 'context' in options && options.context ? stampsOf.get(options.context) : undefined;
    try {
      const response = await this.inner.process(options);
      if (stamps)
        record(
          stamps,
          this.subgraph,
          response.errors?.length ? undefined : (response.extensions?.[CACHE_STAMP_EXTENSION] as CacheStamp | undefined),
        );
      return response;
    } catch (error) {
      if (stamps) stamps.cacheable = false;
      throw error;
    }
  }
}

export interface GatewayCacheOptions {
  /** Where entries live: in this process, or Redis shared by the replicas. */
  store: KeyValueCache<string>;
  /** The supergraph's hash: part of every key, so that no entry outlives the schema it was answered under. */
  namespace: string;
  /** A subgraph's current table versions, read after the call (`/cache-versions`, or in-process in tests). */
  versionsOf: (subgraph: SubgraphName) => Promise<CacheVersions>;
  /** Who the caller is (the gateway's own token check). */
  principals: PrincipalResolver;
  /** Seconds an entry is kept at most (memory, not correctness: validity is the versions'). */
  ttlSeconds: number;
  logger: Logger;
  /** Told of each lookup: hit (answered from the cache) or not (`/metrics`' hit ratio). */
  onLookup?: (hit: boolean) => void;
}

/** What an entry says of itself; it is stored as this JSON, a newline, then the answer's text as it was sent. */
interface EntryHead {
  operationName: string;
  versions: Partial<Record<string, CacheVersions>>;
  maxAge: number;
  scope: CacheStamp['scope'];
}

export interface GatewayCache<TContext extends GatewayContext = GatewayContext> {
  /** Keeps and serves whole query responses inside Apollo Server (any request shape: GET, persisted queries). */
  plugin: ApolloServerPlugin<TContext>;
  /**
   * Answers a plain JSON POST of a query from the cache before Apollo Server parses it, with the stored text
   * of the answer: a hit costs the key, one versions check and a write. Undefined lets Apollo answer; only
   * an operation Apollo accepted and answered without errors, with the same text and variables, was stored.
   */
  cachedAnswer(request: HTTPGraphQLRequest): Promise<CachedHttpAnswer | undefined>;
  /** Notes an operation validated elsewhere (the analytical lane's worker): `cachedAnswer` looks it up from now on. */
  remember(query: string, operationName: string | null | undefined, schema: GraphQLSchema, operation: OperationDefinitionNode): void;
}

/** The gateway's response cache (see the comment at the top). */
export function gatewayCache<TContext extends GatewayContext>(options: GatewayCacheOptions): GatewayCache<TContext> {
  const { store, namespace, ttlSeconds, logger } = options;
  const readers = new Map<string, FreshRead<CacheVersions>>();
  const currentVersions = (subgraph: string): Promise<CacheVersions> => {
    let reader = readers.get(subgraph);
    if (!reader) readers.set(subgraph, (reader = new FreshRead(() => options.versionsOf(subgraph as SubgraphName))));
    return reader.read();
  };
  const stillCurrent = async (head: EntryHead): Promise<boolean> => {
    const checks = await Promise.all(
      Object.entries(head.versions).map(async ([subgraph, versions]) => {
        const current = await currentVersions(subgraph).catch(() => undefined);
        return current !== undefined && versionsStillCurrent(versions ?? {}, current);
      }),
    );
    return checks.every(Boolean);
  };
  // gw4: variables in the key as declared and coerced, entries signed in Redis.
  const keyPrefix = `samsyn:gw4:${namespace}`;
  const known = new KnownOperations();
  /** The head and the answer's text of a valid entry under `key`. */
  const lookUp = async (key: string): Promise<{ head: EntryHead; body: string } | undefined> => {
    const entry = await readEntry<EntryHead>(store, key, logger);
    return entry && (await stillCurrent(entry.head)) ? entry : undefined;
  };
  const keys = new WeakMap<object, { key: string; day: string }>();
  /** Requests the fast path has looked up and missed: Apollo's plugin does not look again. */
  const missed = new WeakSet<HTTPGraphQLRequest>();

  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== OperationTypeNode.QUERY) return null;
          const { request, contextValue, schema, operation } = requestContext;
          const day = swedishToday();
          const { operationName, query } = request;
          // Only what the operation declares, as the schema coerces it: junk variables make no new entry.
          const variables = declaredVariables(schema, operation.variableDefinitions, request.variables);
          if (!variables) return null;
          if (query) known.remember(query, operationName, schema, operation);
          const key = answerKey(keyPrefix, { principal: contextValue.principal, today: day, operationName, query, variables });
          keys.set(requestContext, { key, day });
          const lookedUpBefore = request.http !== undefined && missed.has(request.http);
          const hit = lookedUpBefore ? undefined : await lookUp(key);
          // The fast path counted its own miss.
          if (!lookedUpBefore) options.onLookup?.(hit !== undefined);
          if (hit) {
            requestContext.overallCachePolicy.replace({ maxAge: hit.head.maxAge, scope: hit.head.scope });
            const { data } = JSON.parse(hit.body) as { data: Record<string, unknown> };
            return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data } } };
          }
          stampsOf.set(contextValue, { days: new Set(), versions: {}, maxAge: Infinity, scope: 'PUBLIC', cacheable: true });
          return null;
        },
        async willSendResponse(requestContext) {
          const stamps = stampsOf.get(requestContext.contextValue);
          const keyed = keys.get(requestContext);
          const { body } = requestContext.response;
          if (!stamps?.cacheable || !keyed || body.kind !== 'single') return;
          // A subgraph that answered for another day (midnight, a clock apart) must not fill this day's key.
          if ([...stamps.days].some((day) => day !== keyed.day)) return;
          const { data, errors } = body.singleResult;
          // An answer without any subgraph's data (`__typename` alone) costs nothing to make again.
          if (errors || !data || Object.keys(stamps.versions).length === 0) return;
          const head: EntryHead = {
            operationName: requestContext.operationName ?? '(anonymous)',
            versions: stamps.versions,
            maxAge: stamps.maxAge,
            scope: stamps.scope,
          };
          // 13 MB of a dashboard at scale are not written a second time for the store.
          keepAnswerWhenWritten(store, keyed.key, head, { ttlSeconds, logger });
        },
      };
    },
  };

  return {
    plugin,
    async cachedAnswer(request) {
      const key = await plainQueryKey(request, keyPrefix, options.principals, known);
      // Not a plain POST, or an operation not validated yet here: Apollo Server answers, and the plugin looks it up.
      if (!key) return undefined;
      const hit = await lookUp(key);
      if (!hit) {
        missed.add(request);
        options.onLookup?.(false);
        return undefined;
      }
      options.onLookup?.(true);
      return storedHttpAnswer(hit.head.operationName, hit.head, hit.body);
    },
    remember: (query, operationName, schema, operation) => known.remember(query, operationName, schema, operation),
  };
}
