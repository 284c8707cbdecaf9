import http from 'node:http';
import type net from 'node:net';
import { inTransaction } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { Area } from '@samsyn/area';
import { ChangeType, loadChangesConfig, recordChange } from '@samsyn/changes';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { webhookDispatcher } from '../src/webhooks/webhook.dispatcher';

/**
 * A subgraph stopping (a deploy, SIGTERM) while its dispatcher waits on a slow receiver: the stop does not wait for
 * the receiver or a backlog, the interrupted delivery is not counted against the receiver, and the subscription is
 * free at once for the next dispatcher, which sends the same event again (at least once, same webhook-id).
 */
let graph: TestSupergraph;
let child: SubgraphRuntime;

beforeAll(async () => {
  // A time limit far beyond any stop's patience: only the stop can end the call the receiver holds.
  graph = await startSupergraph({
    only: ['child-services'],
    seed: false,
    subgraphEnv: { WEBHOOK_POLL_INTERVAL_MS: '50', WEBHOOK_TIMEOUT_MS: '60000' },
  });
  child = graph.subgraphs['child-services']!;
});
afterAll(() => graph.close());

it('stops within moments while a receiver holds a delivery, and leaves the event to be sent again', async () => {
  // Holds every delivery until `answering`; then answers 200 and notes each webhook-id and event number.
  const held: { id: string; response: http.ServerResponse }[] = [];
  const accepted: { id: string; n: number }[] = [];
  let answering = false;
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      if (!answering) return void held.push({ id, response });
      accepted.push({ id, n: (JSON.parse(body) as { data: { n: number } }).data.n });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const token = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
    const subscribed = await graph.query<{ childServices: { subscribeWebhook: { subscription: { id: string } } } }>(
      `mutation ($url: String!) { childServices { subscribeWebhook(url: $url, types: [FIGURES_REPORTED]) { subscription { id } } } }`,
      { token, variables: { url: `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/samsyn` } },
    );
    expect(subscribed.errors).toBeUndefined();
    const { id } = subscribed.data!.childServices.subscribeWebhook.subscription;
    // A backlog: the held delivery, then 50 more that must not keep the stop waiting.
    await inTransaction(child.db.manager, async (tx) => {
      for (let n = 0; n < 51; n++) {
        await recordChange(tx, {
          type: ChangeType.FIGURES_REPORTED,
          area: Area.CHILD_SERVICES,
          subjectIds: [`rapport-${n}`],
          districtCode: null,
          payload: { n },
        });
      }
    });
    for (let waited = 0; held.length === 0; waited += 20) {
      if (waited > 10_000) throw new Error('the delivery did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const stopped = await Promise.race([
      child.background.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
    ]);
    expect(stopped).toBe('stopped');

    const [row] = await child.db.query<{ lease_until: Date | null; failed_attempts: number; status: string; due: boolean }[]>(
      `SELECT lease_until, failed_attempts, status, next_attempt_at <= now() AS due FROM webhook_subscription WHERE id = $1`,
      [id],
    );
    // Not the receiver's failure: no attempt recorded, no backoff; free for the next dispatcher now, not after a lease.
    expect(row).toEqual({ lease_until: null, failed_attempts: 0, status: 'ACTIVE', due: true });
    const [{ attempts }] = await child.db.query<{ attempts: number }[]>(
      `SELECT count(*)::int AS attempts FROM webhook_attempt WHERE subscription_id = $1`,
      [id],
    );
    expect(attempts).toBe(0);
    expect(held).toHaveLength(1);

    // The next dispatcher over the database (another replica, or this one restarted) goes on from the held event.
    answering = true;
    const settings = loadChangesConfig(child.config.env, child.config.nodeEnv);
    await webhookDispatcher({ db: child.db, config: child.config, logger: child.logger }, settings).tick(new AbortController().signal);
    expect(accepted.map((delivery) => delivery.n)).toEqual(Array.from({ length: 51 }, (_, n) => n));
    expect(accepted[0].id).toBe(held[0].id);
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
