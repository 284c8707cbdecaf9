import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf } from './cache-policy';
import { currentRequestScope } from './request-scope';

/**
 * The bulkheads requests are kept apart in. Operational: what district and case systems depend on (document
 * reads, acknowledgements, reports, the feed, webhooks). Analytical: comparisons, series and area profiles
 * across districts, which can take seconds and a connection each.
 */
export type WorkClass = 'operational' | 'analytical';
export const WORK_CLASSES: readonly WorkClass[] = ['operational', 'analytical'];

/**
 * The types whose fields compute statistics over many rows: an operation that reaches one of them is analytical.
 * Decided from the operation alone (what it selects), so no client can choose its class, and a subgraph decides
 * the same for the `_entities` fetch the gateway sends it for an analytical operation.
 */
export const ANALYTICAL_TYPES: ReadonlySet<string> = new Set(['AreaProfile', 'Comparison', 'SeriesPoint', 'IndicatorValue']);

/** Arguments that bound how many items a list (or the connection it belongs to) holds. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
/** What a list without such an argument is counted as: the size of a city's district register and of a page. */
export const DEFAULT_LIST_SIZE = 10;
/** Past this, any cost is as bad as any other (and the arithmetic stays finite). */
const MAX_COST = 1e9;

export interface OperationWeight {
  workClass: WorkClass;
  /**
   * The estimated work: 1 per scalar and 2 per object field, each times the sizes of the lists around it, a list's
   * size read from its `first`/`last`/`limit` argument with the variables coerced (DEFAULT_LIST_SIZE without).
   */
  cost: number;
}

/**
 * The class and cost of one operation: analytical when it reaches any of ANALYTICAL_TYPES, a mutation too (a
 * mutation's answer can reach a district's profile; an acknowledgement or a report selects none).
 */
export function weighOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationWeight {
  const root = schema.getRootType(operation.operation);
  if (!root) return { workClass: 'operational', cost: 1 };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  // Variables that do not coerce fail execution later with a clear error; until then they count as absent.
  const values = coerced.coerced ?? {};
  const fragments = fragmentsOf(document);
  let analytical = false;
  let cost = 0;

  const listSize = (field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]): number | undefined => {
    if (!field.args.some((arg) => SIZE_ARGUMENTS.includes(arg.name))) return undefined;
    let given: Record<string, unknown>;
    try {
      given = getArgumentValues(field, node, values);
    } catch {
      return undefined;
    }
    const size = SIZE_ARGUMENTS.map((name) => given[name]).find((value): value is number => typeof value === 'number');
    return size === undefined ? undefined : Math.max(1, Math.min(size, 100_000));
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    multiplier: number,
    pendingSize: number | undefined,
    spread: ReadonlySet<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (cost >= MAX_COST) return;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        // A union has no fields of its own; its members' are reached through inline fragments.
        const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
        if (!field) continue;
        const named = getNamedType(field.type);
        if (ANALYTICAL_TYPES.has(named.name)) analytical = true;
        cost += multiplier * (isCompositeType(named) ? 2 : 1);
        if (!selection.selectionSet || !isCompositeType(named)) continue;
        const size = listSize(field, selection);
        const list = isListType(getNullableType(field.type));
        // A connection's `first` sizes the list inside it (`edges`), not the connection itself.
        const factor = list ? (size ?? pendingSize ?? DEFAULT_LIST_SIZE) : 1;
        walk(selection.selectionSet, named, multiplier * factor, list ? undefined : (size ?? pendingSize), spread);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, multiplier, pendingSize, spread);
      } else {
        const fragment: FragmentDefinitionNode | undefined = fragments[selection.name.value];
        // Validation refuses fragment cycles; skipping one already on the path keeps this finite before that.
        if (!fragment || spread.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type))
          walk(fragment.selectionSet, type, multiplier, pendingSize, new Set([...spread, fragment.name.value]));
      }
    }
  };
  walk(operation.selectionSet, root, 1, undefined, new Set());
  return { workClass: analytical ? 'analytical' : 'operational', cost: Math.max(1, Math.min(cost, MAX_COST)) };
}

/** Why a request was refused: its class's queue was full, or it waited past the queue's deadline. */
export type RefusalReason = 'queue_full' | 'queue_timeout';

/** A request a bulkhead did not let in. */
export class AdmissionRefused extends Error {
  override name = 'AdmissionRefused';

  constructor(readonly reason: RefusalReason) {
    super(reason === 'queue_full' ? 'the queue is full' : 'no room within the queue deadline');
  }
}

export interface BulkheadOptions {
  /** The sum of the weights in flight at once. */
  capacity: number;
  /** Requests waiting at most; past it a request is refused at once. */
  maxQueue: number;
  /** The longest a request waits in the queue before it is refused. */
  queueTimeoutMs: number;
}

interface Waiter {
  weight: number;
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * A weighted semaphore with a bounded, deadline-limited FIFO queue. A request takes `weight` of the capacity
 * (at most all of it, so the heaviest still runs, alone) and gives it back with `release`.
 */
export class Bulkhead {
  private used = 0;
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly options: BulkheadOptions) {}

  /** Requests in flight. */
  get inFlight(): number {
    return this.running;
  }

  /** Requests waiting. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** Waits for room for `weight`; resolves with the function that gives it back (call it once). */
  acquire(weight: number): Promise<() => void> {
    const taken = Math.max(1, Math.min(Math.ceil(weight), this.options.capacity));
    const release = () => {
      this.used -= taken;
      this.running -= 1;
      this.drain();
    };
    const once = () => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        release();
      };
    };
    // FIFO: nobody passes a request that is already waiting, so a heavy one is not starved by light ones.
    if (this.queue.length === 0 && this.used + taken <= this.options.capacity) {
      this.take(taken);
      return Promise.resolve(once());
    }
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new AdmissionRefused('queue_full'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        weight: taken,
        admit: () => {
          clearTimeout(waiter.timer);
          this.take(taken);
          resolve(once());
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(new AdmissionRefused('queue_timeout'));
          // The one that timed out may have blocked lighter ones behind it.
          this.drain();
        }, this.options.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  private take(weight: number): void {
    this.used += weight;
    this.running += 1;
  }

  private drain(): void {
    while (this.queue.length > 0 && this.used + this.queue[0].weight <= this.options.capacity) this.queue.shift()!.admit();
  }
}

/** What timed out, as `extensions.timedOut` names it. */
export type TimedOut = 'statement' | 'lock' | 'connection' | 'queue';

/** The client error for work refused or stopped for want of capacity: OVERLOADED, retryable, with `Retry-After`. */
export function overloadedError(message: string, details: Record<string, unknown>, retryAfterSeconds: number, status = 503): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      ...details,
      code: 'OVERLOADED',
      retryable: true,
      retryAfterSeconds,
      http: { status, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * What a database error says timed out: the statement (57014, `statement_timeout`), a lock wait (55P03 with
 * `lock_timeout`), or the wait for a pool connection (pg-pool's `timeout exceeded when trying to connect`).
 */
export function databaseTimeout(error: unknown): Exclude<TimedOut, 'queue'> | undefined {
  const failure = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown }; cause?: unknown };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const code = text(failure?.driverError?.code) || text(failure?.code);
  if (code === '57014') return 'statement';
  if (code === '55P03') return 'lock';
  const message = text(failure?.driverError?.message) || text(failure?.message);
  if (/timeout exceeded when trying to connect|no database connection for analytical work/.test(message)) return 'connection';
  return undefined;
}

/** Marks the request scope with the operation's class, so that its SQL takes the class's share of the pool. */
export function workClassPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const scope = currentRequestScope();
          if (scope && operation) scope.workClass = weighOperation(schema, document, operation, request.variables).workClass;
        },
      };
    },
  };
}
