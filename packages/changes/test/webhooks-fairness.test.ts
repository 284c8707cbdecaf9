import http from 'node:http';
import type net from 'node:net';
import { inTransaction } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { Area } from '@samsyn/area';
import { ChangeType, recordChange } from '@samsyn/changes';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/**
 * One district system's receivers that accept a delivery and never answer must not hold up another system's: the
 * healthy receiver gets each event within moments of its commit while nine receivers of another system hang.
 * Four deliveries at once (fewer than the hanging receivers) and a 1.5 s time limit keep the test short.
 */
let graph: TestSupergraph;
let child: SubgraphRuntime;
beforeAll(async () => {
  graph = await startSupergraph({
    only: ['child-services'],
    seed: false,
    subgraphEnv: {
      WEBHOOK_POLL_INTERVAL_MS: '200',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_CONCURRENCY: '4',
      WEBHOOK_CONCURRENCY_PER_SYSTEM: '2',
    },
  });
  child = graph.subgraphs['child-services']!;
});
afterAll(() => graph.close());

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/samsyn`;
}

/** When event `n` shows in the feed: once every older writing transaction on the server has ended (see ChangeFeed). */
async function inFeed(n: number): Promise<number> {
  for (;;) {
    const shown = await child.db.query<unknown[]>(
      `SELECT 1 FROM change_event WHERE payload->>'n' = $1 AND tx < pg_snapshot_xmin(pg_current_snapshot())`,
      [String(n)],
    );
    if (shown.length > 0) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function subscribe(token: string, url: string): Promise<void> {
  const subscribed = await graph.query(
    `#graphql
    mutation Subscribe($url: String!) { childServices { subscribeWebhook(url: $url, types: [FIGURES_REPORTED]) { subscription { id } } } }`,
    { token, variables: { url } },
  );
  expect(subscribed.errors).toBeUndefined();
}

it("delivers to a healthy receiver within a second of each event while another system's nine receivers hang", async () => {
  // Nine receivers that take the request and never answer, all of one system; their calls open at once are counted.
  let hangingOpen = 0;
  let mostHangingOpen = 0;
  let hangingCalls = 0;
  const hanging = http.createServer((request) => {
    hangingCalls++;
    mostHangingOpen = Math.max(mostHangingOpen, ++hangingOpen);
    request.socket.once('close', () => hangingOpen--);
  });
  // The healthy receiver of another system notes when each event arrived.
  const arrivedAt = new Map<number, number>();
  const healthy = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      arrivedAt.set((JSON.parse(body) as { data: { n: number } }).data.n, performance.now());
      response.writeHead(204).end();
    });
  });
  try {
    const hangingUrl = await listen(hanging);
    const healthyUrl = await listen(healthy);
    const slow = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
    const fine = await tokenFor({ sub: 'backa-system', roles: ['district-system'], district: 'backa' });
    for (let receiver = 0; receiver < 9; receiver++) await subscribe(slow, `${hangingUrl}?receiver=${receiver}`);
    await subscribe(fine, healthyUrl);

    // Six area-wide events, one every 600 ms: through the hanging receivers' time-outs and first retries.
    const committedAt = new Map<number, number>();
    const inFeedAt = new Map<number, number>();
    const watching: Promise<void>[] = [];
    for (let n = 1; n <= 6; n++) {
      await inTransaction(child.db.manager, (tx) =>
        recordChange(tx, {
          type: ChangeType.FIGURES_REPORTED,
          area: Area.CHILD_SERVICES,
          subjectIds: [`rapport-${n}`],
          districtCode: null,
          payload: { n },
        }),
      );
      committedAt.set(n, performance.now());
      watching.push(inFeed(n).then((at) => void inFeedAt.set(n, at)));
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    await Promise.all(watching);
    for (let waited = 0; arrivedAt.size < 6 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));

    const lag = (since: Map<number, number>) =>
      [...since].map(([n, at]) => (arrivedAt.has(n) ? Math.round(arrivedAt.get(n)! - at) : 'never'));
    console.log(
      `healthy receiver's lag from commit to arrival (ms): ${lag(committedAt).join(', ')}; ` +
        `from the feed showing the event: ${lag(inFeedAt).join(', ')}; calls to the hanging receivers: ${hangingCalls}`,
    );
    // From the moment the feed shows the event: a writing transaction of another test on the shared PostgreSQL server
    // holds the feed (so every delivery) back, whatever the receivers do; alone, that moment is the commit.
    expect(lag(inFeedAt).filter((ms) => ms === 'never' || ms >= 1000)).toEqual([]);
    // The hanging receivers were tried, but never more than the system's two at once.
    expect(hangingCalls).toBeGreaterThanOrEqual(2);
    expect(mostHangingOpen).toBe(2);
  } finally {
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
    await new Promise<void>((resolve) => healthy.close(() => resolve()));
  }
}, 30_000);
