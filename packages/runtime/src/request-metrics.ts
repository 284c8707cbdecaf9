import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GraphQLResolveInfo } from 'graphql';
import { CLIENT_ERROR_CODES, type Logger, currentRequestScope, type RequestScope } from '@samsyn/core';
import type { ServiceMetrics } from './metrics';
import { samsynTracer, SERVICE_ATTRIBUTE } from './telemetry';

/** The operation label of a request whose document never became a valid operation. */
export const INVALID_OPERATION = '(invalid)';

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } })?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Root fields and the fields of an area's namespace (`childServices.comparison`): where a request's time goes. */
function ofNote(path: GraphQLResolveInfo['path']): boolean {
  let depth = 0;
  for (let at: GraphQLResolveInfo['path'] | undefined = path; at; at = at.prev) {
    if (typeof at.key === 'number') return false;
    depth += 1;
  }
  return depth <= 2;
}

/**
 * What every service records of a GraphQL request: the operation's name and the error codes of the
 * response (for the request log line and `/metrics`), and, while tracing, a span for the operation
 * and one for each root or namespace field.
 */
export function observationPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    async contextCreationDidFail({ error }) {
      currentRequestScope()?.errorCodes.push(codeOf(error));
    },
    async invalidRequestWasReceived() {
      currentRequestScope()?.errorCodes.push('BAD_REQUEST');
    },
    async requestDidStart() {
      const scope = currentRequestScope();
      const tracer = samsynTracer();
      const span = tracer.startSpan('graphql.operation', { attributes: { [SERVICE_ATTRIBUTE]: service } });
      const operationContext = trace.setSpan(context.active(), span);
      return {
        async didResolveOperation({ operationName, operation }) {
          const name = operationName ?? '(anonymous)';
          if (scope) scope.operationName = name;
          const type = operation?.operation ?? 'query';
          span.updateName(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
        },
        async executionDidStart() {
          // No tracing, no per-field work.
          if (!span.isRecording()) return;
          return {
            willResolveField({ info }) {
              if (!ofNote(info.path)) return;
              const field = tracer.startSpan(
                `graphql.resolve ${info.parentType.name}.${info.fieldName}`,
                {
                  attributes: {
                    [SERVICE_ATTRIBUTE]: service,
                    'graphql.field.name': info.fieldName,
                    'graphql.field.type': info.parentType.name,
                  },
                },
                operationContext,
              );
              return (error) => {
                if (error) {
                  field.recordException(error);
                  if (!CLIENT_ERROR_CODES.has(codeOf(error))) field.setStatus({ code: SpanStatusCode.ERROR });
                }
                field.end();
              };
            },
          };
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map(codeOf);
          scope?.errorCodes.push(...codes);
          if (codes.length > 0) span.setAttribute('graphql.error.codes', codes);
          if (codes.some((code) => !CLIENT_ERROR_CODES.has(code))) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
  };
}

/** Counts a finished request in `/metrics` and writes its one log line. */
export function recordRequest(scope: RequestScope, status: number, milliseconds: number, logger: Logger, metrics?: ServiceMetrics): void {
  const operation = scope.operationName ?? INVALID_OPERATION;
  metrics?.observeRequest({ operation, status, seconds: milliseconds / 1000, errorCodes: scope.errorCodes });
  logger.info(
    {
      requestId: scope.requestId,
      operation,
      status,
      ms: Math.round(milliseconds),
      ...(scope.workClass ? { workClass: scope.workClass } : {}),
      ...(scope.errorCodes.length > 0 ? { errors: scope.errorCodes } : {}),
    },
    'request',
  );
}
