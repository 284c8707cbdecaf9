import { startSupergraph, tokenFor, type GatewayResult, type TestSupergraph } from '@samsyn/test-support';

/**
 * Bulkheads at the gateway: analytical work (profiles, comparisons, series) has its own small budget and bounded
 * queue; what is past them is refused at once with 503, `Retry-After` and OVERLOADED, and the operational work of
 * district systems goes on beside it.
 */
let graph: TestSupergraph;
let versionId: string;
let analyst: string;

const DASHBOARD = `#graphql
  query Dashboard { districts { code childServices { adoption { documentsInForce acknowledged } indicators(period: "2026-Q3") { value } } } }`;

const ACKNOWLEDGE = `#graphql
  mutation Acknowledge($versionId: ID!, $status: AdoptionStatus!) {
    childServices { acknowledge(versionId: $versionId, status: $status) { status lagging } }
  }`;

/** Waits (without a fixed sleep) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeAll(async () => {
  graph = await startSupergraph({
    only: ['organisation', 'child-services'],
    seed: true,
    // A tiny analytical budget (any dashboard takes all of it), two places in its queue, a deadline no test reaches.
    gatewayEnv: {
      ADMISSION_ANALYTICAL_BUDGET: '1',
      ADMISSION_QUEUE_LENGTH: '2',
      ADMISSION_QUEUE_TIMEOUT_MS: '120000',
      RESPONSE_CACHE: 'false',
    },
    subgraphEnv: { RESPONSE_CACHE: 'false' },
  });
  analyst = await tokenFor({ roles: ['analyst'] });
  const leader = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  const result = await graph.query<{ childServices: { documents: { edges: { node: { current: { id: string } | null } }[] } } }>(
    `#graphql
    query Versions { childServices { documents(first: 20) { edges { node { current { id } } } } } }`,
    { token: leader },
  );
  versionId = result.data!.childServices.documents.edges.flatMap((edge) => (edge.node.current ? [edge.node.current.id] : []))[0];
});
afterAll(() => graph.close());

const analytical = () => graph.gateway.admission.bulkheads.analytical;

describe('admission control', () => {
  it('refuses a burst of analytical requests past the queue with 503, Retry-After and OVERLOADED while an acknowledgement goes through', async () => {
    // A long dashboard in flight holds the whole analytical budget.
    const longDashboard = await analytical().acquire(1);
    let released = false;
    try {
      // Six dashboards at once, each claiming by header to be operational work: the class comes from the operation.
      const burst = Array.from({ length: 6 }, () =>
        graph.query(DASHBOARD, { token: analyst, headers: { 'x-samsyn-class': 'operational', 'x-work-class': 'operational' } }),
      );
      await until(() => analytical().queueLength === 2);

      const district = await tokenFor({ sub: 'system-bulkhead', roles: ['district-system'], district: 'bulkhead-test' });
      const acknowledged = await graph.query<{ childServices: { acknowledge: { status: string } } }>(ACKNOWLEDGE, {
        token: district,
        variables: { versionId, status: 'ACKNOWLEDGED' },
      });
      expect(acknowledged.errors ?? []).toEqual([]);
      expect(acknowledged.data?.childServices.acknowledge.status).toBe('ACKNOWLEDGED');
      // It was answered while the two dashboards still waited: the operational class never queues behind them.
      expect(analytical().queueLength).toBe(2);

      longDashboard();
      released = true;
      const results: GatewayResult[] = await Promise.all(burst);
      const refused = results.filter((result) => result.status === 503);
      expect(refused.map((result) => result.errors?.map((error) => error.extensions?.code))).toEqual(Array(4).fill(['OVERLOADED']));
      expect(refused.map((result) => result.headers.get('retry-after'))).toEqual(Array(4).fill('120'));
      expect(refused[0].errors?.[0].extensions).toMatchObject({ workClass: 'analytical', reason: 'queue_full', retryable: true });
      // The two that waited ran once the budget was free.
      const answered = results.filter((result) => result.status !== 503);
      expect(answered.map((result) => [result.status, result.errors ?? []])).toEqual(Array(2).fill([200, []]));

      const { body } = await graph.gateway.metrics.exposition();
      expect(body).toMatch(/samsyn_admission_refused_total\{[^}]*class="analytical"[^}]*reason="queue_full"[^}]*\} 4\n/);
      expect(body).toMatch(/samsyn_admission_refused_total\{[^}]*class="operational"[^}]*reason="queue_full"[^}]*\} 0\n/);
      expect(body).toMatch(/samsyn_admission_queue_length\{[^}]*class="analytical"[^}]*\} 0\n/);
      expect(body).toMatch(/samsyn_admission_in_flight\{[^}]*class="analytical"[^}]*\} 0\n/);
    } finally {
      if (!released) longDashboard();
    }
  });

  it('never takes a routine read or a report as analytical work, and a dashboard always', async () => {
    const longDashboard = await analytical().acquire(1);
    try {
      const district = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
      const routines = await graph.query(
        `#graphql
        query Routines($n: Int!) { childServices { documents(kind: ROUTINE, first: $n) { edges { node { slug title } } } } }`,
        { token: district, variables: { n: 10 } },
      );
      expect([routines.status, routines.errors ?? []]).toEqual([200, []]);
      const report = await graph.query(
        `#graphql
        mutation Report($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
        {
          token: district,
          variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q3', numerator: 30, denominator: 100 }] },
        },
      );
      expect([report.status, report.errors ?? []]).toEqual([200, []]);
      // A dashboard queues behind the one in flight (and is let go by the test).
      const dashboard = graph.query(DASHBOARD, { token: analyst });
      await until(() => analytical().queueLength === 1);
      longDashboard();
      expect((await dashboard).errors ?? []).toEqual([]);
    } finally {
      longDashboard();
    }
  });
});
