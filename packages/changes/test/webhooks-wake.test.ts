import http from 'node:http';
import type net from 'node:net';
import { inTransaction } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { Area } from '@samsyn/area';
import { ChangeType, recordChange } from '@samsyn/changes';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/**
 * A commit wakes the dispatcher (LISTEN/NOTIFY): the event goes out at once, not at the next poll. The poll here is
 * a minute, so only the wake-up can deliver within the test's seconds.
 */
let graph: TestSupergraph;
let child: SubgraphRuntime;
beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false, subgraphEnv: { WEBHOOK_POLL_INTERVAL_MS: '60000' } });
  child = graph.subgraphs['child-services']!;
});
afterAll(() => graph.close());

it('delivers an event within moments of its commit although the next poll is a minute away', async () => {
  const arrived: number[] = [];
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      arrived.push((JSON.parse(body) as { data: { n: number } }).data.n);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const token = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
    const subscribed = await graph.query(
      `mutation ($url: String!) { childServices { subscribeWebhook(url: $url, types: [FIGURES_REPORTED]) { subscription { id } } } }`,
      { token, variables: { url: `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/samsyn` } },
    );
    expect(subscribed.errors).toBeUndefined();
    const report = (n: number) =>
      inTransaction(child.db.manager, (tx) =>
        recordChange(tx, {
          type: ChangeType.FIGURES_REPORTED,
          area: Area.CHILD_SERVICES,
          subjectIds: [`rapport-${n}`],
          districtCode: null,
          payload: { n },
        }),
      );
    const arrival = async (count: number) => {
      for (let waited = 0; arrived.length < count; waited += 20) {
        if (waited > 10_000) throw new Error(`${count - arrived.length} events not delivered within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    // One commit, then another while the first one's round may still run: both arrive, in order.
    await report(1);
    await report(2);
    await arrival(2);
    await report(3);
    await arrival(3);
    expect(arrived).toEqual([1, 2, 3]);

    // The listening connection lost (a database restart, a terminated backend): it connects again by itself, and
    // what was committed meanwhile goes out then, still long before the next poll.
    const [{ schema }] = await child.db.query<{ schema: string }[]>(`SELECT current_schema() AS schema`);
    const [{ ended }] = await child.db.query<{ ended: number }[]>(
      `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity WHERE application_name = $1`,
      [`samsyn listen ${schema}`],
    );
    expect(ended).toBe(1);
    await report(4);
    await arrival(4);
    await report(5);
    await arrival(5);
    expect(arrived).toEqual([1, 2, 3, 4, 5]);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
