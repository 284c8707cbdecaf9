import type { ApolloServerPlugin } from '@apollo/server';
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
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let release: (() => void) | undefined;
        return {
          didResolveOperation: async ({ schema, document, operation, request }) => {
            if (!operation) return;
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
