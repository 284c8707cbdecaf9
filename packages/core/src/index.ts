import 'reflect-metadata';

/*
 * Samsyn's kernel: what the domain packages build on. Who asks (principal, policy, token check), the request's
 * context and loaders, the database rule (Db, inTransaction), errors with codes, cache hints, dates, the areas and
 * the typed settings. The service runtime (HTTP, Apollo, start-up) is @samsyn/runtime; the response cache is
 * @samsyn/response-cache.
 */
export { AREA_LIST, subgraphOf, dbSchemaOf } from './areas';
export type { AreaEntry, AreaKey, AreaSubgraphName } from './areas';
export {
  SUBGRAPHS,
  defaultPort,
  DEFAULT_DATABASE_LIMITS,
  DEFAULT_JWT_MAX_LIFETIME_SECONDS,
  KNOWN_DEFAULT_JWT_SECRETS,
  isLoopbackHost,
  ConfigError,
  envName,
  parseDurationSeconds,
  readWholeNumber,
  loadConfig,
} from './config';
export type {
  SubgraphName,
  ServiceName,
  NodeEnv,
  Env,
  AuthConfig,
  DatabaseLimits,
  Config,
  AdmissionConfig,
  AnalyticalWorkerConfig,
} from './config';
export {
  ERROR_CODES,
  ErrorCodeEnum,
  errorsDoc,
  DomainError,
  BadInputError,
  ConflictError,
  ForbiddenError,
  UnauthenticatedError,
  NotFoundError,
  CLIENT_ERROR_CODES,
} from './errors';
export type { ErrorCode, DomainErrorCode } from './errors';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { newRequestScope, withRequestScope, currentRequestScope } from './request-scope';
export type { RequestScope } from './request-scope';
export { LoaderRegistry, byKeys, groupRows, groupByKeys, isUuid } from './loaders';
export {
  SqlLog,
  quoteIdent,
  createDataSource,
  SecondConnectionError,
  databaseUnreachable,
  DatabaseUnreachableError,
  isRetryableTransactionError,
  inTransaction,
  openDatabase,
  sqlStatementCount,
  updatedRows,
  databaseAnswers,
  analyticalConnections,
} from './database';
export type { Constructor, DatabaseOptions, Db } from './database';
export { buildFederatedSchema, printSubgraphSdl } from './federation';
export type { ReferenceResolvers } from './federation';
export type { SubgraphContext } from './context';
export type { SubgraphDefinition } from './subgraph-definition';
export { swedishToday, DAY_MS, daysBetween, isoDate, FIRST_DAY, LAST_DAY, GraphQLDate } from './dates';
export { currentBackgroundTask, startBackground } from './background';
export type { BackgroundMetrics, BackgroundTask, BackgroundContext, BackgroundRunner, WatchedGauge } from './background';
export { listenForNotifications } from './notifications';
export { ROLES } from './auth/principal';
export type { Role, Principal } from './auth/principal';
export { createPrincipalResolver, signToken } from './auth/verify';
export type { PrincipalResolver } from './auth/verify';
export { NEEDS_TOKEN, REFUSALS, policy } from './auth/policy';
export type { FeedbackVisibility } from './auth/policy';
export {
  PUBLISHED_MAX_AGE,
  PUBLISHED,
  privateToCaller,
  CHANGES_WITH_WRITES,
  INHERITS_CACHE_HINT,
  cacheNever,
  principalSeenByResolvers,
} from './cache-hints';
export { CachePolicy, cachePolicyPlugin, fragmentsOf } from './cache-policy';
export { beginShutdown, databaseLossLevel, logDatabaseLoss } from './shutdown';
export {
  WORK_CLASSES,
  ANALYTICAL_TYPES,
  DEFAULT_LIST_SIZE,
  weighOperation,
  AdmissionRefused,
  Bulkhead,
  overloadedError,
  databaseTimeout,
  workClassPlugin,
} from './admission';
export type { WorkClass, OperationWeight, RefusalReason, BulkheadOptions, TimedOut } from './admission';
