/*
 * The service runtime: what makes a subgraph or the gateway a running service. Start-up and shutdown, HTTP with
 * /health and /ready, Apollo Server and its hardening, Idempotency-Key, request metrics, tracing, the shared
 * store (Redis or memory) and the embedded PostgreSQL of `npm start`.
 */
export {
  schemaName,
  subgraphDataSource,
  cliDataSource,
  createSubgraphRuntime,
  READY_TIMEOUT_MS,
  serveSubgraph,
  runSubgraph,
} from './subgraph';
export type { SubgraphRuntime } from './subgraph';
export { describeStartupError, runMain } from './main';
export { MAX_BODY_BYTES, operationsGuard, sendJson, mediaTypeOf, toGraphQLRequest, executeInScope, serveHttp } from './http';
export type { IncomingRequest, HttpServiceOptions, Readiness, RunningHttpService, OperationsGuard } from './http';
export { withoutSuggestions, formatErrorFor, DOCUMENT_STORE_BYTES, documentStore, baseApolloOptions } from './apollo';
export {
  OPERATION_LIMITS,
  representationLimit,
  selectsRootField,
  operationLimits,
  knownOperationTypes,
  typenameAliasOnlyForTypename,
  PARSE_OPTIONS,
  MAX_VARIABLE_DEPTH,
  jsonFault,
  VARIABLES_TOO_DEEP,
  refuseNulCharacters,
  refuseNullWhereRequired,
} from './hardening';
export type { JsonFault } from './hardening';
export {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_FINGERPRINT_HEADER,
  isIdempotencyKey,
  NOT_AN_IDEMPOTENCY_KEY,
  IdempotencyKeys1763900000000,
  requestFingerprint,
  idempotencyPlugin,
} from './idempotency';
export { INVALID_OPERATION, observationPlugin, recordRequest } from './request-metrics';
export { ServiceMetrics, watchAdmission } from './metrics';
export type { PoolCounts, RequestObservation } from './metrics';
export { SERVICE_ATTRIBUTE, samsynTracer, startTracing, inServerSpan, inClientSpan } from './telemetry';
export type { Tracing, TracingOptions } from './telemetry';
export {
  REDIS_COMMAND_TIMEOUT_MS,
  BREAKER_OPEN_MS,
  BREAKER_FAILURES,
  PERSISTED_QUERY_TTL_SECONDS,
  DEFAULT_ENTRY_TTL_SECONDS,
  MemoryStore,
  RedisStore,
  BreakerStore,
  SignedStore,
  hashCheckedQueries,
  openSharedCache,
} from './shared-cache';
export type { BreakerState, SharedCacheCounts, SharedCache, SharedCacheOptions } from './shared-cache';
export { EMBEDDED_PORT, embeddedPort, embeddedUrl, startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedDatabase } from './embedded-postgres';
export { Coalescer, requestCoalescing } from './coalescing';
export {
  AnalyticalLane,
  LaneUnavailable,
  isLaneWorker,
  laneEntry,
  laneRouting,
  runLaneWorker,
  laneConfig,
  executeAsService,
  mainThreadStore,
  startLane,
} from './lane';
export type { LaneHandler, LaneWork } from './lane';
export type { CoalesceRequests } from './coalescing';
