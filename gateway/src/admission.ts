import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import {
  AdmissionRefused,
  Bulkhead,
  overloadedError,
  weighOperation,
  type AdmissionConfig,
  type RefusalReason,
  type WorkClass,
} from '@samsyn/core';
import { watchAdmission, type ServiceMetrics } from '@samsyn/runtime';
import type { GatewayContext } from './context';

/** The gateway's bulkheads, one per work class, and what they refused. */
export class Admission {
  readonly bulkheads: Record<WorkClass, Bulkhead>;
  private readonly refused?: (workClass: WorkClass, reason: RefusalReason) => void;

  constructor(
    readonly config: AdmissionConfig,
    metrics?: ServiceMetrics,
  ) {
    const bulkhead = (capacity: number) => new Bulkhead({ capacity, maxQueue: config.queueLength, queueTimeoutMs: config.queueTimeoutMs });
    this.bulkheads = { operational: bulkhead(config.operationalBudget), analytical: bulkhead(config.analyticalBudget) };
    this.refused = metrics && watchAdmission(metrics.registry, this.bulkheads);
  }

  /** Seconds a refused client is told to wait: the queue's deadline, at least one. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.config.queueTimeoutMs / 1000));
  }

  /**
   * Admits an operation within its class's budget, taking its cost of it, or refuses it (OVERLOADED, HTTP 503,
   * `Retry-After`): at once when the queue is full, at the queue's deadline otherwise.
   */
  async admit(workClass: WorkClass, cost: number): Promise<() => void> {
    try {
      return await this.bulkheads[workClass].acquire(cost);
    } catch (error) {
      if (!(error instanceof AdmissionRefused)) throw error;
      this.refused?.(workClass, error.reason);
      throw overloadedError(
        `The ${workClass} requests are at their limit just now (${error.message}); retry in ${this.retryAfterSeconds} s.`,
        { workClass, reason: error.reason, timedOut: error.reason === 'queue_timeout' ? 'queue' : undefined },
        this.retryAfterSeconds,
      );
    }
  }

  /**
   * The plugin that classes every operation (from what it selects, never from a header), weighs it with its
   * variables coerced, and holds it until its class has room; the room is given back when the answer is sent.
   * With `admitted`, operations come admitted already (the analytical lane's worker: the main thread admits them),
   * and their variables are still checked.
   */
  plugin({ admitted = false } = {}): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let release: (() => void) | undefined;
        return {
          didResolveOperation: async ({ schema, document, operation, request }) => {
            if (!operation) return;
            refuseVariablesThatDoNotCoerce(schema, operation, request.variables);
            if (admitted) return;
            const { workClass, cost } = weighOperation(schema, document, operation, request.variables);
            release = await this.admit(workClass, cost);
          },
          willSendResponse: async () => {
            release?.();
            release = undefined;
          },
        };
      },
    };
  }
}

/** Variable errors a client is told at most: past it, one more says the limit was reached (graphql-js's own cap). */
const MAX_VARIABLE_ERRORS = 50;

/**
 * Refuses variables that do not coerce with at most MAX_VARIABLE_ERRORS errors (HTTP 400, BAD_USER_INPUT), before the
 * operation is weighed or planned: @apollo/gateway coerces them without a cap, so 60 KB of 30,000 wrong list items
 * would cost seconds of the event loop and a 35 MB answer.
 */
function refuseVariablesThatDoNotCoerce(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: MAX_VARIABLE_ERRORS });
  if (!coerced.errors) return;
  const [first] = coerced.errors;
  const more = coerced.errors.length - 1;
  throw new GraphQLError(more > 0 ? `${first.message} (and ${more} more problems with the variables)` : first.message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      problems: coerced.errors.map((error) => error.message),
      http: { status: 400, headers: new HeaderMap() },
    },
  });
}
