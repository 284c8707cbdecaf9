import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';
import pg from 'pg';

// The SDK, exporter and pg instrumentation are loaded only when tracing starts: about 3 s of
// module loading on a busy machine that a service without tracing should not pay.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- loaded on first use, typed by what each module exports */
const sdk = () => require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
const otlp = () => require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
const pgInstrumentation = () => require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
const resources = () => require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */

/** The span attribute naming the Samsyn service a span was made in (tests run several in one process). */
export const SERVICE_ATTRIBUTE = 'samsyn.service';

/** Samsyn's own spans; a no-op tracer until `startTracing` registers a provider. */
export function samsynTracer(): Tracer {
  return trace.getTracer('samsyn');
}

export interface Tracing {
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  service: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; traces go to `/v1/traces` under it. */
  otlpEndpoint?: string;
  /** Spans go here instead (tests: an InMemorySpanExporter), one by one. */
  exporter?: SpanExporter;
}

/**
 * Starts tracing for this process: W3C `traceparent` propagation, spans exported over OTLP (batched),
 * and PostgreSQL statements traced through the pg instrumentation. Without an endpoint or exporter it
 * starts nothing: every span is then OpenTelemetry's no-op and pg is left unpatched.
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  const exporter =
    options.exporter ??
    (options.otlpEndpoint ? new (otlp().OTLPTraceExporter)({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }) : undefined);
  if (!exporter) return undefined;
  const { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor } = sdk();
  const provider = new NodeTracerProvider({
    resource: resources().resourceFromAttributes({ 'service.name': `samsyn-${options.service}` }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  const unpatchPg = instrumentPg(provider);
  return {
    async shutdown() {
      unpatchPg();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * Traces the statements of the `pg` module this process has loaded (TypeORM loads the same one).
 * Its require hook would come too late: pg is loaded with this package, before the configuration
 * that says whether to trace is read; so the instrumentation's own patch is applied to the module.
 */
function instrumentPg(provider: NodeTracerProvider): () => void {
  // Only statements within a traced request: no spans for migrations or background polling.
  const instrumentation = new (pgInstrumentation().PgInstrumentation)({ enabled: false, requireParentSpan: true });
  instrumentation.setTracerProvider(provider);
  const definitions = instrumentation.getModuleDefinitions().filter((definition) => definition.name === 'pg');
  for (const definition of definitions) definition.patch?.(pg);
  return () => {
    for (const definition of definitions) definition.unpatch?.(pg);
  };
}

/** Awaits an HTTP exchange in `span` and ends the span with its status (an error from 500 on, or a throw). */
async function endWithHttpStatus<T extends { status?: number }>(span: Span, exchange: Promise<T>): Promise<T> {
  try {
    const result = await exchange;
    const status = result.status ?? 200;
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return result;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs `work` in an HTTP server span that continues the caller's trace (`traceparent`), and ends the
 * span with the status `work` answered.
 */
export function inServerSpan<T extends { status?: number }>(
  service: string,
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = samsynTracer().startSpan(
    `${request.method} ${request.path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': request.method, 'url.path': request.path },
    },
    parent,
  );
  return endWithHttpStatus(
    span,
    context.with(trace.setSpan(parent, span), () => work(span)),
  );
}

/** Runs an outgoing HTTP call in a client span and hands `headers` the `traceparent` that continues it. */
export function inClientSpan<T extends { status: number }>(
  service: string,
  target: { name: string; url: string },
  headers: Record<string, string>,
  work: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  const span = samsynTracer().startSpan(`POST ${target.name}`, {
    kind: SpanKind.CLIENT,
    attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': 'POST', 'url.full': target.url, 'samsyn.subgraph': target.name },
  });
  const carrier = { ...headers };
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return endWithHttpStatus(span, work(carrier));
}
