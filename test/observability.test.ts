import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import pino from 'pino';
import { SERVICE_ATTRIBUTE, startTracing, type Tracing } from '@samsyn/runtime';
import { serveSupergraph, type HttpSupergraph } from '@samsyn/test-support';

const DASHBOARD = '#graphql\n query Dashboard { districts { code childServices { name } } }';

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

/** Lines that are neither a comment (`# HELP`, `# TYPE`) nor a sample `name{labels} value`, by the text format's grammar. */
function malformedLines(exposition: string): string[] {
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const labels = `\\{([a-zA-Z_][a-zA-Z0-9_]*="(\\\\.|[^"\\\\])*",?)*\\}`;
  const sample = new RegExp(`^${name}(${labels})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?$`);
  const comment = new RegExp(`^# (HELP ${name} .*|TYPE ${name} (counter|gauge|histogram|summary|untyped))$`);
  return exposition.split('\n').filter((line) => line !== '' && !sample.test(line) && !comment.test(line));
}

/** The value of the sample `name` with exactly `labels` (in any order), or undefined. */
function sampleValue(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = [...match[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:\\.|[^"\\])*)"/g)].map((label) => [label[1], label[2]]);
    if (JSON.stringify(found.sort()) === wanted) return Number(match[3]);
  }
  return undefined;
}

async function metricsOf(graph: HttpSupergraph, service: 'gateway' | 'organisation' | 'child-services') {
  const response = await fetch(`${graph.base(service)}/metrics`);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text, families: parsePrometheusTextFormat(text) };
}

describe('tracing across the supergraph over HTTP', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let graph: HttpSupergraph;

  beforeAll(async () => {
    tracing = startTracing({ service: 'test', exporter });
    graph = await serveSupergraph({ only: ['organisation', 'child-services'] });
  });
  afterAll(async () => {
    await graph.close();
    await tracing?.shutdown();
  });

  /** The spans of one trace, once the gateway's server span (the last to end) is among them. */
  async function traceOf(traceId: string): Promise<ReadableSpan[]> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      if (spans.some((span) => span.kind === SpanKind.SERVER && span.attributes[SERVICE_ATTRIBUTE] === 'gateway')) return spans;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no finished gateway span in trace ${traceId}`);
  }

  it("continues the caller's trace through the gateway into two subgraphs and their SQL", async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const response = await post(graph.gateway.url, DASHBOARD, { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const spans = await traceOf(traceId);
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    expect(servers.map((span) => span.attributes[SERVICE_ATTRIBUTE]).sort()).toEqual(['child-services', 'gateway', 'organisation']);
    const gatewayServer = servers.find((span) => span.attributes[SERVICE_ATTRIBUTE] === 'gateway')!;
    expect(gatewayServer.parentSpanContext?.spanId).toBe(callerSpan);

    // Each subgraph's server span hangs under the gateway's client span for that fetch: traceparent travelled in the headers.
    const clients = new Map(
      spans
        .filter((span) => span.kind === SpanKind.CLIENT && span.attributes[SERVICE_ATTRIBUTE] === 'gateway')
        .map((span) => [span.spanContext().spanId, span]),
    );
    const subgraphParents = servers
      .filter((span) => span !== gatewayServer)
      .map((span) => [
        span.attributes[SERVICE_ATTRIBUTE],
        clients.get(span.parentSpanContext?.spanId ?? '')?.attributes['samsyn.subgraph'],
      ]);
    expect(subgraphParents.sort()).toEqual([
      ['child-services', 'child-services'],
      ['organisation', 'organisation'],
    ]);

    const names = spans.map((span) => span.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'query Dashboard',
        'gateway.request',
        'gateway.fetch',
        'graphql.resolve Query.districts',
        'graphql.resolve Query._entities',
      ]),
    );
    const sql = spans.filter((span) => span.instrumentationScope.name === '@opentelemetry/instrumentation-pg');
    expect(sql.map((span) => span.attributes['db.system.name'] ?? span.attributes['db.system'])).toContain('postgresql');
  });
});

describe('metrics and the request log', () => {
  let graph: HttpSupergraph;
  const gatewayLog: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const gateway = pino({ level: 'info' }, { write: (line: string) => gatewayLog.push(JSON.parse(line)) });
    graph = await serveSupergraph({ only: ['organisation', 'child-services'], loggers: { gateway } });
  });
  afterAll(() => graph.close());

  it('serves Prometheus text on every service with requests, latency, errors, subgraph fetches and the pool', async () => {
    expect((await post(graph.gateway.url, DASHBOARD)).status).toBe(200);
    const refused = await post(
      graph.gateway.url,
      'query Figures { childServices { comparison(indicator: "CS-IA14", period: "2026-Q3") { cityValue } } }',
    );
    expect(await refused.json()).toHaveErrorCode('UNAUTHENTICATED');

    const gateway = await metricsOf(graph, 'gateway');
    expect(gateway.status).toBe(200);
    expect(gateway.contentType).toContain('text/plain');
    expect(malformedLines(gateway.text)).toEqual([]);
    const family = (name: string) => gateway.families.find((candidate) => candidate.name === name)?.metrics ?? [];
    expect(family('samsyn_graphql_requests_total')).toContainEqual({
      value: '1',
      labels: { operation: 'Dashboard', status: '200', service: 'gateway' },
    });
    // The parser loses a labelled histogram's labels, so its samples are read as lines.
    expect(sampleValue(gateway.text, 'samsyn_graphql_request_duration_seconds_count', { operation: 'Dashboard', service: 'gateway' })).toBe(
      1,
    );
    expect(family('samsyn_graphql_errors_total')).toContainEqual({
      value: '1',
      labels: { operation: 'Figures', code: 'UNAUTHENTICATED', service: 'gateway' },
    });
    const fetches = (subgraph: string) =>
      sampleValue(gateway.text, 'samsyn_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok', service: 'gateway' });
    expect({ organisation: fetches('organisation'), childServices: fetches('child-services') }).toEqual({
      organisation: 1,
      childServices: 1,
    });

    for (const name of ['organisation', 'child-services'] as const) {
      const subgraph = await metricsOf(graph, name);
      expect(malformedLines(subgraph.text)).toEqual([]);
      const pool = subgraph.families
        .find((candidate) => candidate.name === 'samsyn_db_pool_connections')
        ?.metrics.map((metric) => metric.labels?.state);
      expect({ name, pool }).toEqual({ name, pool: ['in_use', 'idle'] });
      expect(subgraph.families.map((candidate) => candidate.name)).toEqual(
        expect.arrayContaining(['samsyn_db_pool_waiting', 'samsyn_graphql_requests_total', 'process_cpu_seconds_total']),
      );
    }
  });

  it('logs one line per request at info with operation, duration, status and request id', async () => {
    await post(graph.gateway.url, DASHBOARD, { 'x-request-id': 'log-line-1' });
    await post(graph.gateway.url, DASHBOARD, { 'x-request-id': 'log-line-2', authorization: 'Bearer not-a-token' });
    const lines = gatewayLog.filter((line) => typeof line.requestId === 'string' && line.requestId.startsWith('log-line-'));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request',
        requestId: 'log-line-1',
        operation: 'Dashboard',
        status: 200,
        ms: expect.any(Number),
      }),
      expect.objectContaining({
        level: 30,
        msg: 'request',
        requestId: 'log-line-2',
        operation: '(invalid)',
        status: 401,
        errors: ['UNAUTHENTICATED'],
      }),
    ]);
  });
});
