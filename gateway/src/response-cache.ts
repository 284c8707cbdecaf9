import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { OperationTypeNode } from 'graphql';
import {
  accessScope,
  CACHE_STAMP_EXTENSION,
  FreshRead,
  swedishToday,
  type CacheStamp,
  type CacheVersions,
  type Logger,
  type SubgraphName,
} from '@samsyn/core';
import type { GatewayContext } from './context';

/*
 * The gateway's response cache: whole responses, on the subgraphs' terms. Every subgraph answer that its own
 * response cache could keep comes with a stamp (the versions of the tables it read and its cache policy, see
 * `CacheStamp` in core). A response is stored only when every fetch of its query plan was stamped, with the
 * stamps per subgraph; a hit is served only after each of those subgraphs has told its current versions, read
 * after the request arrived, and they all still match. A write commits its version bumps before it answers,
 * so the first read after it (at any gateway replica: the versions are the subgraphs', in their database)
 * misses. The check costs one small call per subgraph, shared by the requests that wait for it; the hit
 * itself skips the query plan: no entity fetches, no merging of subgraph answers.
 */

/** What the fetches of one request stamped, per subgraph; `cacheable` turns false at the first fetch without a stamp. */
interface Stamps {
  versions: Partial<Record<string, CacheVersions>>;
  maxAge: number;
  scope: CacheStamp['scope'];
  cacheable: boolean;
}

interface Entry {
  versions: Partial<Record<string, CacheVersions>>;
  maxAge: number;
  scope: CacheStamp['scope'];
  data: Record<string, unknown>;
}

/** The stamps collected for a request, by its context (the object the gateway hands every data source). */
const stampsOf = new WeakMap<object, Stamps>();

function record(stamps: Stamps, subgraph: string, stamp: CacheStamp | undefined): void {
  if (!stamp) {
    stamps.cacheable = false;
    return;
  }
  const seen = stamps.versions[subgraph];
  // Two fetches of one subgraph that read one table at two versions saw two states: nothing to keep.
  if (seen && Object.entries(stamp.versions).some(([tag, version]) => tag in seen && seen[tag] !== version)) stamps.cacheable = false;
  stamps.versions[subgraph] = { ...seen, ...stamp.versions };
  stamps.maxAge = Math.min(stamps.maxAge, stamp.maxAge);
  if (stamp.scope === 'PRIVATE') stamps.scope = 'PRIVATE';
}

/** Wraps a subgraph's data source to note each answer's stamp for the gateway's response cache. */
export class StampedSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<GatewayContext>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
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
  /** Seconds an entry is kept at most (memory, not correctness: validity is the versions'). */
  ttlSeconds: number;
  logger: Logger;
}

/** The gateway's response cache, an Apollo Server plugin (see the comment at the top). */
export function gatewayCachePlugin(options: GatewayCacheOptions): ApolloServerPlugin<GatewayContext> {
  const { store, namespace, ttlSeconds, logger } = options;
  const readers = new Map<string, FreshRead<CacheVersions>>();
  const currentVersions = (subgraph: string): Promise<CacheVersions> => {
    let reader = readers.get(subgraph);
    if (!reader) readers.set(subgraph, (reader = new FreshRead(() => options.versionsOf(subgraph as SubgraphName))));
    return reader.read();
  };
  const stillCurrent = async (entry: Entry): Promise<boolean> => {
    const checks = await Promise.all(
      Object.entries(entry.versions).map(async ([subgraph, versions]) => {
        const current = await currentVersions(subgraph).catch(() => undefined);
        return current !== undefined && Object.entries(versions ?? {}).every(([tag, version]) => (current[tag] ?? 0) === version);
      }),
    );
    return checks.every(Boolean);
  };
  const keys = new WeakMap<object, string>();
  const keyOf = ({ request, contextValue }: GraphQLRequestContext<GatewayContext>): string =>
    `samsyn:gw:${namespace}:${createHash('sha256')
      .update(
        JSON.stringify([
          accessScope(contextValue.principal),
          swedishToday(),
          request.operationName ?? '',
          request.query,
          request.variables ?? {},
        ]),
      )
      .digest('base64url')}`;

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== OperationTypeNode.QUERY) return null;
          const key = keyOf(requestContext);
          keys.set(requestContext, key);
          const cached = await store.get(key).catch((error: unknown) => {
            logger.warn({ err: error }, 'response cache unreachable: answering without it');
            return undefined;
          });
          if (cached) {
            const entry = JSON.parse(cached) as Entry;
            if (await stillCurrent(entry)) {
              requestContext.overallCachePolicy.replace({ maxAge: entry.maxAge, scope: entry.scope });
              return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data: entry.data } } };
            }
          }
          stampsOf.set(requestContext.contextValue, { versions: {}, maxAge: Infinity, scope: 'PUBLIC', cacheable: true });
          return null;
        },
        async willSendResponse(requestContext) {
          const stamps = stampsOf.get(requestContext.contextValue);
          const key = keys.get(requestContext);
          const { body } = requestContext.response;
          if (!stamps?.cacheable || !key || body.kind !== 'single') return;
          const { data, errors } = body.singleResult;
          // An answer without any subgraph's data (`__typename` alone) costs nothing to make again.
          if (errors || !data || Object.keys(stamps.versions).length === 0) return;
          const entry: Entry = { versions: stamps.versions, maxAge: stamps.maxAge, scope: stamps.scope, data };
          await store.set(key, JSON.stringify(entry), { ttl: ttlSeconds }).catch((error: unknown) => {
            logger.warn({ err: error }, 'response cache unreachable: answer not stored');
          });
        },
      };
    },
  };
}
