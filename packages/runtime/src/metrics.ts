import { isMainThread } from 'node:worker_threads';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  WORK_CLASSES,
  type BackgroundMetrics,
  type Bulkhead,
  type RefusalReason,
  type ServiceName,
  type WatchedGauge,
  type WorkClass,
} from '@samsyn/core';
import type { SharedCacheCounts } from './shared-cache';

/** Operation names are chosen by clients: past this many distinct ones, the rest count as `other`. */
const MAX_OPERATION_LABELS = 200;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The connection pool a subgraph's metrics read on every scrape (pg's Pool has these counters). */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** One finished request, as `/metrics` counts it. */
export interface RequestObservation {
  operation: string;
  status: number;
  seconds: number;
  errorCodes: readonly string[];
}

/**
 * The Prometheus metrics of one service (its own registry, so that tests can run several services
 * in one process): requests, latency and errors by operation, subgraph fetches, the database pool,
 * and Node's process metrics.
 */
export class ServiceMetrics implements BackgroundMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'status'>;
  private readonly duration: Histogram<'operation'>;
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly fetches: Histogram<'subgraph' | 'outcome'>;
  private readonly cacheHits: Counter;
  private readonly cacheMisses: Counter;
  private readinessWatched = false;

  constructor(readonly service: ServiceName) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    // Node's process metrics (their event-loop delay sampled every 10 ms) where `/metrics` is served: the analytical
    // lane's worker builds a runtime too, whose registry nobody reads, and it would wake 100 times a second for them.
    if (isMainThread) collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'samsyn_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and HTTP status.',
      labelNames: ['operation', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'samsyn_graphql_request_duration_seconds',
      help: 'Time from request to response, by operation name.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'samsyn_graphql_errors_total',
      help: 'Errors in GraphQL responses, by operation name and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.fetches = new Histogram({
      name: 'samsyn_subgraph_fetch_duration_seconds',
      help: 'Gateway: time a subgraph took to answer one fetch, by subgraph and outcome (ok, error, unavailable).',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.cacheHits = new Counter({
      name: 'samsyn_response_cache_hits_total',
      help: 'Queries the response cache answered (an entry whose table versions were still current).',
      registers,
    });
    this.cacheMisses = new Counter({
      name: 'samsyn_response_cache_misses_total',
      help: 'Cacheable queries the response cache looked up and did not answer (none kept, or kept but out of date).',
      registers,
    });
  }

  /** Counts one response cache lookup: a hit (answered from the cache) or a miss. */
  cacheLookup(hit: boolean): void {
    (hit ? this.cacheHits : this.cacheMisses).inc();
  }

  /** Reports, on each scrape, what `/ready` would answer: 1 ready, 0 not (the gateway: a subgraph is down). */
  watchReadiness(ready: () => Promise<boolean>): void {
    if (this.readinessWatched) return;
    this.readinessWatched = true;
    new Gauge({
      name: 'samsyn_ready',
      help: 'What /ready answers: 1 ready, 0 not (a subgraph: its database; the gateway: every subgraph).',
      registers: [this.registry],
      async collect() {
        this.set((await ready().catch(() => false)) ? 1 : 0);
      },
    });
  }

  /**
   * Adds gauges read on each scrape (from the database, say): `read` resolves each metric's value per label set.
   * A failed read leaves the gauge without samples rather than failing the scrape.
   */
  watchGauges(gauges: readonly WatchedGauge[]): void {
    for (const gauge of gauges) {
      new Gauge({
        name: gauge.name,
        help: gauge.help,
        labelNames: gauge.labelNames ?? [],
        registers: [this.registry],
        async collect() {
          const values = await gauge.read().catch(() => []);
          this.reset();
          for (const { labels, value } of values) this.set(labels ?? {}, value);
        },
      });
    }
  }

  /** A counter of this service's registry (created once per name; background work counts into it). */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<string>;
    return new Counter({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }

  /** Counts one finished request. */
  observeRequest({ operation, status, seconds, errorCodes }: RequestObservation): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, status: String(status) });
    this.duration.observe({ operation: label }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation: label, code });
  }

  /** Times one fetch from the gateway to a subgraph; call the result with its outcome. */
  startFetch(subgraph: string): (outcome: 'ok' | 'error' | 'unavailable') => void {
    const stop = this.fetches.startTimer({ subgraph });
    return (outcome) => void stop({ outcome });
  }

  /** Reports a database pool's connections in use and idle, and the requests waiting for one. */
  watchPool(pool: () => PoolCounts | undefined): void {
    new Gauge({
      name: 'samsyn_db_pool_connections',
      help: 'Database pool connections, by state (in_use, idle).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const counts = pool();
        this.set({ state: 'in_use' }, counts ? counts.totalCount - counts.idleCount : 0);
        this.set({ state: 'idle' }, counts?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: 'samsyn_db_pool_waiting',
      help: 'Queries waiting for a free database pool connection.',
      registers: [this.registry],
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
  }

  /** Reports the shared cache's circuit breaker and what it refused (see shared-cache.ts). */
  watchSharedCache(counts: () => SharedCacheCounts): void {
    const registers = [this.registry];
    new Gauge({
      name: 'samsyn_shared_cache_breaker_open',
      help: 'Shared cache (Redis) circuit breaker: 0 closed (Redis asked), 1 open (skipped), 0.5 half-open (one probe out).',
      registers,
      collect() {
        const { state } = counts();
        this.set(state === 'open' ? 1 : state === 'half-open' ? 0.5 : 0);
      },
    });
    const counter = (name: string, help: string, read: (now: SharedCacheCounts) => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read(counts()));
        },
      });
    counter('samsyn_shared_cache_failures_total', 'Shared cache calls that failed or timed out (each waited).', (now) => now.failures);
    counter('samsyn_shared_cache_skipped_total', 'Shared cache calls not sent while the breaker was open.', (now) => now.skipped);
    counter(
      'samsyn_shared_cache_rejected_total',
      'Shared cache entries refused on read: MAC or persisted query hash did not verify.',
      (now) => now.rejected,
    );
    counter(
      'samsyn_shared_cache_too_large_total',
      'Answers not kept in the shared cache: above RESPONSE_CACHE_ENTRY_MB.',
      (now) => now.tooLarge,
    );
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(operation: string): string {
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(operation);
    return operation;
  }
}

/**
 * The admission metrics operators alert on, in `registry`: `samsyn_admission_refused_total{class,reason}`,
 * `samsyn_admission_queue_length{class}` and `samsyn_admission_in_flight{class}`. Returns what counts a refusal.
 */
export function watchAdmission(
  registry: Registry,
  bulkheads: Record<WorkClass, Bulkhead>,
): (workClass: WorkClass, reason: RefusalReason) => void {
  const registers = [registry];
  const refused = new Counter({
    name: 'samsyn_admission_refused_total',
    help: 'Requests refused with OVERLOADED (HTTP 503), by work class and reason (queue_full, queue_timeout).',
    labelNames: ['class', 'reason'],
    registers,
  });
  // Every series from the start, so that a rate over them is defined before the first refusal.
  for (const workClass of WORK_CLASSES) for (const reason of ['queue_full', 'queue_timeout']) refused.inc({ class: workClass, reason }, 0);
  new Gauge({
    name: 'samsyn_admission_queue_length',
    help: "Requests waiting for their work class's budget.",
    labelNames: ['class'],
    registers,
    collect() {
      for (const workClass of WORK_CLASSES) this.set({ class: workClass }, bulkheads[workClass].queueLength);
    },
  });
  new Gauge({
    name: 'samsyn_admission_in_flight',
    help: "Requests running within their work class's budget.",
    labelNames: ['class'],
    registers,
    collect() {
      for (const workClass of WORK_CLASSES) this.set({ class: workClass }, bulkheads[workClass].inFlight);
    },
  });
  return (workClass, reason) => refused.inc({ class: workClass, reason });
}
