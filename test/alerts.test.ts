import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LRParser } from '@lezer/lr';
import { load } from 'js-yaml';
import { PROMETHEUS_RULES_FILE } from '@samsyn/scripts';
import { serveSupergraph, type HttpSupergraph } from '@samsyn/test-support';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const rules = (load(fs.readFileSync(PROMETHEUS_RULES_FILE, 'utf8')) as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap(
  (group) => group.rules,
);

// lezer-promql is an ECMAScript module with a CommonJS build, which this CommonJS test loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

/** Metrics Prometheus makes itself, not a service. */
const PROMETHEUS_OWN = new Set(['up']);

/** The syntax errors of a PromQL expression (lezer-promql, the grammar of Prometheus' own UI), as text. */
function syntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) errors.push(`at ${cursor.from}: "${expr.slice(cursor.from, cursor.from + 20)}"`);
  } while (cursor.next());
  return errors;
}

/** The metric names an expression selects. */
function metricNames(expr: string): string[] {
  const names: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.name === 'VectorSelector' && cursor.firstChild()) {
      if ((cursor.type.name as string) === 'Identifier') names.push(expr.slice(cursor.from, cursor.to));
      cursor.parent();
    }
  } while (cursor.next());
  return names;
}

describe('deploy/prometheus alert rules', () => {
  it('give every alert an expression that parses, a severity and a summary', () => {
    const faults = rules.flatMap((rule) => {
      const name = rule.alert ?? rule.record ?? '(unnamed)';
      return [
        ...syntaxErrors(rule.expr).map((error) => `${name}: expr does not parse ${error}`),
        ...(rule.alert && !['critical', 'warning', 'info'].includes(rule.labels?.severity ?? '') ? [`${name}: no severity`] : []),
        ...(rule.alert && !rule.annotations?.summary ? [`${name}: no summary`] : []),
      ];
    });
    expect(faults).toEqual([]);
    expect(syntaxErrors('sum(rate(samsyn_graphql_requests_total[5m]')).not.toEqual([]);
  });

  it('cover readiness, 5xx, p99 latency, webhooks, the change feed, the cache and admission', () => {
    const named = new Set(rules.flatMap((rule) => metricNames(rule.expr)));
    expect(
      [
        'samsyn_ready',
        'samsyn_graphql_requests_total',
        'samsyn_graphql_request_duration_seconds_bucket',
        'samsyn_webhook_delivery_attempts_total',
        'samsyn_webhook_delivery_failures_total',
        'samsyn_webhook_subscriptions',
        'samsyn_webhook_oldest_undelivered_event_age_seconds',
        'samsyn_change_feed_oldest_held_back_event_age_seconds',
        'samsyn_change_feed_blocking_transaction_age_seconds',
        'samsyn_response_cache_hits_total',
        'samsyn_response_cache_misses_total',
        'samsyn_admission_refused_total',
        'samsyn_admission_queue_length',
        'samsyn_admission_in_flight',
      ].filter((name) => !named.has(name)),
    ).toEqual([]);
  });

  describe('against running services', () => {
    let graph: HttpSupergraph;
    beforeAll(async () => {
      graph = await serveSupergraph({ only: ['organisation', 'child-services'] });
    });
    afterAll(() => graph.close());

    it('name only metrics that the gateway and the subgraphs export', async () => {
      const exported = new Set<string>();
      for (const service of ['gateway', 'organisation', 'child-services'] as const) {
        const text = await (await fetch(`${graph.base(service)}/metrics`)).text();
        for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
          exported.add(name);
          if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${name}${suffix}`);
        }
      }
      const missing = rules
        .flatMap((rule) => metricNames(rule.expr).map((name) => ({ alert: rule.alert, name })))
        .filter(({ name }) => !exported.has(name) && !PROMETHEUS_OWN.has(name));
      expect(missing).toEqual([]);
    });
  });

  const promtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!promtool) console.log('alerts.test: promtool is not installed here (apt-get install prometheus): checked by the parser only');
  (promtool ? it : it.skip)('pass `promtool check rules`', () => {
    const result = spawnSync('promtool', ['check', 'rules', path.relative(process.cwd(), PROMETHEUS_RULES_FILE)], { encoding: 'utf8' });
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
      status: 0,
      output: expect.stringContaining('SUCCESS'),
    });
  });
});
