import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from './config';
import { CLIENT_ERROR_CODES } from './errors';
import type { Logger } from './logger';
import { currentRequestScope } from './request-scope';
import { operationLimits } from './hardening';
import { observationPlugin } from './observation';

/**
 * Error formatting shared by the gateway and every subgraph. Client errors pass as they are;
 * anything else is logged in full and, in production, answered with a generic message, its
 * code and the request id that finds the full error in the log.
 */
export function formatErrorFor(config: Config, logger: Logger) {
  const production = config.nodeEnv === 'production';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (CLIENT_ERROR_CODES.has(code) || formatted.extensions?.serviceName !== undefined) return formatted;
    const requestId = currentRequestScope()?.requestId;
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

/** Apollo Server options every Samsyn service shares. */
export function baseApolloOptions<TContext extends BaseContext>(config: Config, logger: Logger) {
  const production = config.nodeEnv === 'production';
  const limits = operationLimits<TContext>(config);
  return {
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    formatError: formatErrorFor(config, logger),
    plugins: [...limits.plugins, observationPlugin<TContext>(config.service), ...((production ? [ApolloServerPluginLandingPageDisabled()] : []) as ApolloServerPlugin<TContext>[])],
    logger,
  };
}
