import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { type Config, databaseUnreachable, CLIENT_ERROR_CODES, type Logger, currentRequestScope } from '@samsyn/core';
import { databaseTimeout, type TimedOut } from '@samsyn/core';
import { operationLimits, PARSE_OPTIONS } from './hardening';
import { observationPlugin } from './request-metrics';

/** A message without graphql-js's "Did you mean …?" hints, which name parts of the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * Error formatting shared by the gateway and every subgraph. Client errors pass as they are;
 * anything else is logged in full and, in production, answered with a generic message, its
 * code and the request id that finds the full error in the log.
 */
export function formatErrorFor(config: Config, logger: Logger) {
  const production = config.nodeEnv === 'production';
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // graphql-js suggests enum values ("Did you mean the enum value …?"): in production that maps the schema for a stranger.
    const shown = production ? { ...given, message: withoutSuggestions(given.message) } : given;
    const formatted = withClientCode(shown, error);
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
    if (CLIENT_ERROR_CODES.has(code) || formatted.extensions?.serviceName !== undefined) return formatted;
    const requestId = currentRequestScope()?.requestId;
    const timedOut =
      databaseTimeout(unwrapResolverError(error)) ?? databaseTimeout((unwrapResolverError(error) as { cause?: unknown })?.cause);
    if (timedOut) {
      logger.warn({ err: unwrapResolverError(error), requestId, path: formatted.path, timedOut }, 'a database wait ran out');
      return {
        message: TIMED_OUT[timedOut],
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'OVERLOADED', timedOut, retryable: true, serviceName: config.service, requestId },
      };
    }
    if (databaseUnreachable(unwrapResolverError(error))) {
      logger.warn({ err: unwrapResolverError(error), requestId, path: formatted.path }, 'the database did not answer');
      return {
        message: `The ${config.service} subgraph cannot reach its database just now; retry later.`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: config.service, requestId },
      };
    }
    const refused = refusedByDatabase(unwrapResolverError(error));
    if (refused) {
      // Boundary validation should have caught it: the warning names the statement so that it can.
      logger.warn({ err: unwrapResolverError(error), requestId, path: formatted.path }, 'a value reached the database that it refused');
      return {
        message: refused.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: refused.code, requestId },
      };
    }
    logger.error({ err: unwrapResolverError(error), requestId, path: formatted.path }, formatted.message);
    if (!production) return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/** What a client reads when a database wait ran out: which one, and that trying again later is right. */
const TIMED_OUT: Record<Exclude<TimedOut, 'queue'>, string> = {
  statement: 'The database statement took longer than its limit (statement timeout); the service is busy: retry later.',
  lock: 'The data is locked by another change for longer than the lock wait limit (lock timeout); retry later.',
  connection: 'No database connection came free in time (DB_CONNECTION_TIMEOUT_MS); the service is busy: retry later.',
};

/**
 * The code of a client's persisted-query mistake, which Apollo Server answers with HTTP 400 and no code (a hash
 * that does not match the query, an unknown version): BAD_REQUEST. Anything else is left as it is.
 */
function withClientCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== undefined && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const http = (unwrapResolverError(error) as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http;
  if (http?.status === 400) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  return formatted;
}

/**
 * A statement PostgreSQL refused because of a value a client sent (SQLSTATE class 22: out of range,
 * not a valid date, a NUL character) or because the row exists already (23505): the client's mistake
 * or a race it lost, so a client error, never INTERNAL_SERVER_ERROR.
 */
function refusedByDatabase(error: unknown): { code: 'BAD_USER_INPUT' | 'CONFLICT'; message: string } | undefined {
  const given = (error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  const sqlState = typeof given === 'string' ? given : '';
  if (sqlState.startsWith('22')) return { code: 'BAD_USER_INPUT', message: 'A value given is outside what can be stored.' };
  if (sqlState === '23505')
    return { code: 'CONFLICT', message: 'This exists already; it may have been created at the same moment by another request.' };
  return undefined;
}

/** How much parsed queries Apollo Server keeps, counted with their text (Apollo's own default size). */
export const DOCUMENT_STORE_BYTES = 30 * 2 ** 20;

/**
 * Apollo Server's store of parsed queries, each counted with the query text it holds (`loc.source`). Apollo's
 * default counts the tree alone, without that text: unique queries of 900 KB (a long comment each) grew a gateway
 * by 3 GB in 100 s, and the same in a subgraph.
 */
export function documentStore(maxBytes = DOCUMENT_STORE_BYTES): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: maxBytes,
    sizeCalculation: (document) => InMemoryLRUCache.sizeCalculation(document) + (document.loc?.source.body.length ?? 0),
  });
}

/** Apollo Server options every Samsyn service shares. */
export function baseApolloOptions<TContext extends BaseContext>(config: Config, logger: Logger) {
  const production = config.nodeEnv === 'production';
  const limits = operationLimits<TContext>(config);
  return {
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: PARSE_OPTIONS,
    documentStore: documentStore(),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    formatError: formatErrorFor(config, logger),
    // Apollo's landing page loads Sandbox from a CDN, blank on a network without internet; the gateway serves
    // its own GraphiQL instead (gateway/src/web.ts).
    plugins: [
      ...limits.plugins,
      observationPlugin<TContext>(config.service),
      ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<TContext>,
    ],
    logger,
  };
}
