import http from 'node:http';
import type net from 'node:net';
import type { Counter, Gauge } from 'prom-client';
import { swedishToday } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { ChangeType, recordChange } from '@samsyn/changes';
import { buildDocument, startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** What an operator's alerts read from /metrics when webhooks fail or a long transaction holds the feed back. */
let graph: TestSupergraph;
let child: SubgraphRuntime;
let leader: string;
let angered: string;
const today = swedishToday();

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false, subgraphEnv: { WEBHOOK_POLL_INTERVAL_MS: '50' } });
  child = graph.subgraphs['child-services']!;
  leader = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  angered = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
});
afterAll(() => graph.close());

/** The value of a metric of child-services' /metrics (with these labels), read as a scrape reads it. */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const found = child.metrics.registry.getSingleMetric(name) as Counter | Gauge | undefined;
  if (!found) return 0;
  const { values } = await found.get();
  const sample = values.find((value) => Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted));
  return sample?.value ?? 0;
}

/** Waits for a condition of the metrics (the dispatcher works on its own schedule; the machine may be loaded). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SUBSCRIBE = `#graphql
  mutation Subscribe($url: String!, $types: [ChangeType!]!) {
    childServices { subscribeWebhook(url: $url, types: $types) { subscription { id } } }
  }`;
const PUBLISH = `#graphql
  mutation Publish($versionId: ID!, $validFrom: Date!) { childServices { publish(versionId: $versionId, validFrom: $validFrom, expectedRevision: 1) { id } } }`;

describe('change metrics', () => {
  it('counts failed webhook deliveries, the subscription turning FAILING, and the age of the event it waits for', async () => {
    // A receiver that is down in a way that answers: every delivery gets a 500.
    const server = http.createServer((request, response) => request.resume().on('end', () => response.writeHead(500).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const attemptsBefore = await metric('samsyn_webhook_delivery_attempts_total');
      const failuresBefore = await metric('samsyn_webhook_delivery_failures_total');
      const failingBefore = await metric('samsyn_webhook_subscriptions', { status: 'FAILING' });
      const subscribed = await graph.query<{ childServices: { subscribeWebhook: { subscription: { id: string } } } }>(SUBSCRIBE, {
        token: angered,
        variables: { url: `http://127.0.0.1:${port}/samsyn`, types: ['VERSION_PUBLISHED'] },
      });
      expect(subscribed.errors).toBeUndefined();
      const id = subscribed.data!.childServices.subscribeWebhook.subscription.id;
      const { versionId } = await buildDocument(child.db, {
        area: 'CHILD_SERVICES',
        slug: 'rutin-metrik',
        title: 'Rutin',
        status: 'IN_REVIEW',
      });
      expect((await graph.query(PUBLISH, { token: leader, variables: { versionId, validFrom: today } })).errors).toBeUndefined();

      await until('a failed delivery', async () => (await metric('samsyn_webhook_delivery_failures_total')) > failuresBefore);
      expect(await metric('samsyn_webhook_delivery_attempts_total')).toBeGreaterThan(attemptsBefore);
      await until(
        'the undelivered event to show an age',
        async () => (await metric('samsyn_webhook_oldest_undelivered_event_age_seconds')) > 0,
      );

      // Failing for longer than WEBHOOK_RETRY_HOURS (24 h by default; arranged: it began 25 hours ago), the next failure marks it FAILING.
      await child.db.query(
        `UPDATE webhook_subscription SET failing_since = now() - interval '25 hours', next_attempt_at = now() WHERE id = $1`,
        [id],
      );
      await until(
        'the subscription to count as FAILING',
        async () => (await metric('samsyn_webhook_subscriptions', { status: 'FAILING' })) > failingBefore,
      );
    } finally {
      await child.db.query(`UPDATE webhook_subscription SET status = 'UNSUBSCRIBED'`);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('shows events held back from the feed by a long writing transaction, and that transaction’s age', async () => {
    const long = child.db.createQueryRunner();
    await long.connect();
    try {
      await long.startTransaction();
      // A transaction id is taken at the first write, or here: from now on every later commit waits behind it.
      await long.query(`SELECT pg_current_xact_id()`);
      await recordChange(child.db.manager, {
        type: ChangeType.VERSION_PUBLISHED,
        area: 'CHILD_SERVICES',
        subjectIds: ['held-back'],
        payload: { note: 'committed after the long transaction began' },
      });
      expect(await metric('samsyn_change_feed_held_back_events')).toBeGreaterThanOrEqual(1);
      await until('the held-back event and the transaction to show their age', async () => {
        const event = await metric('samsyn_change_feed_oldest_held_back_event_age_seconds');
        const transaction = await metric('samsyn_change_feed_blocking_transaction_age_seconds');
        return event > 0 && transaction > 0;
      });
    } finally {
      await long.rollbackTransaction();
      await long.release();
    }
  });

  it('counts response cache hits and misses of a subgraph', async () => {
    const QUERY = `#graphql
      query Indicators { childServices { indicators { code } } }`;
    const hitsBefore = await metric('samsyn_response_cache_hits_total');
    const missesBefore = await metric('samsyn_response_cache_misses_total');
    expect((await graph.subgraph('child-services', QUERY)).errors).toBeUndefined();
    expect(await metric('samsyn_response_cache_misses_total')).toBe(missesBefore + 1);
    expect((await graph.subgraph('child-services', QUERY)).errors).toBeUndefined();
    expect(await metric('samsyn_response_cache_hits_total')).toBe(hitsBefore + 1);
  });
});
