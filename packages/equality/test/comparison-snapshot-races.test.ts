import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/**
 * Stored comparisons under concurrent writes: a report keeps the stored comparisons of indicators it leaves alone
 * only while nothing else changed their figures, whatever commits while it runs; concurrent reports of overlapping
 * trend windows both commit and leave current comparisons (the response cache is off: every read reaches them).
 */
let graph: TestSupergraph;
let angered: string;
let analyst: string;

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], subgraphEnv: { RESPONSE_CACHE: 'false' } });
  angered = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());

const db = () => graph.subgraphs['child-services']!.db;
const PERIOD = '2025-Q2';

const cityNumeratorOf = async (indicator: string, period = PERIOD) => {
  const { data, errors } = await graph.subgraph(
    'child-services',
    `query ($indicator: String!, $period: Period!) { childServices { comparison(indicator: $indicator, period: $period) { cityNumerator } } }`,
    { variables: { indicator, period }, token: analyst },
  );
  expect(errors).toBeUndefined();
  return (data?.childServices as { comparison: { cityNumerator: number | null } }).comparison.cityNumerator;
};
const sumOf = async (indicator: string, period = PERIOD) => {
  const [{ numerator }] = await db().query<{ numerator: number }[]>(
    `SELECT sum(numerator)::int AS numerator FROM observation WHERE indicator_code = $1 AND period = $2`,
    [indicator, period],
  );
  return numerator;
};
const report = (numerator: number, period = PERIOD) =>
  graph.subgraph(
    'child-services',
    'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
    { variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period, numerator, denominator: 100 }] }, token: angered },
  );

it('a change by SQL committed while a report of another indicator runs is not stamped as current', async () => {
  // The stored CS-PLACE comparison is current and used.
  const [{ stored }] = await db().query<{ stored: number }[]>(
    `SELECT comparison -> 'cityNumerator' AS stored FROM comparison_snapshot WHERE indicator_code = 'CS-PLACE' AND period = $1`,
    [PERIOD],
  );
  expect(stored).toBe(await sumOf('CS-PLACE'));
  expect(await cityNumeratorOf('CS-PLACE')).toBe(await sumOf('CS-PLACE'));

  // A hand-written change of CS-PLACE (its protection stays the same), not yet committed: it holds the period's figures_version row.
  const hand = db().createQueryRunner();
  await hand.connect();
  await hand.startTransaction();
  await hand.query(
    `UPDATE observation SET numerator = numerator + 1 WHERE indicator_code = 'CS-PLACE' AND district = 'angered' AND period = $1`,
    [PERIOD],
  );

  // A report of CS-IA14 for the same period starts while the hand change holds the period: it waits for it.
  const reported = report(37);
  for (let i = 0; i < 200; i++) {
    const [{ waiting }] = await db().query<{ waiting: number }[]>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    );
    if (waiting > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await hand.commitTransaction();
  await hand.release();
  expect((await reported).errors).toBeUndefined();

  // Both committed: a read must answer from the figures as they are now.
  expect(await cityNumeratorOf('CS-PLACE')).toBe(await sumOf('CS-PLACE'));
});

it('concurrent reports of different indicators over overlapping windows both commit and leave current comparisons', async () => {
  const reportOf = (indicator: string, period: string, numerator: number) =>
    graph.subgraph(
      'child-services',
      'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
      { variables: { input: [{ indicator, district: 'angered', period, numerator, denominator: 100 }] }, token: angered },
    );
  for (let round = 0; round < 4; round++) {
    const results = await Promise.all([reportOf('CS-IA14', '2025-Q3', 50 + round), reportOf('CS-INV4M', '2025-Q4', 60 + round)]);
    for (const r of results) expect(r.errors).toBeUndefined();
  }
  for (const indicator of ['CS-IA14', 'CS-INV4M', 'CS-PLACE'])
    for (const period of ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'])
      expect([indicator, period, await cityNumeratorOf(indicator, period)]).toEqual([indicator, period, await sumOf(indicator, period)]);
});

it('concurrent reports of one indicator in two periods with overlapping windows both commit', async () => {
  const reportOf = (indicator: string, period: string, numerator: number) =>
    graph.subgraph(
      'child-services',
      'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
      { variables: { input: [{ indicator, district: 'angered', period, numerator, denominator: 100 }] }, token: angered },
    );
  for (let round = 0; round < 4; round++) {
    const results = await Promise.all([reportOf('CS-IA14', '2024-Q3', 50 + round), reportOf('CS-IA14', '2024-Q4', 60 + round)]);
    for (const r of results) expect(r.errors).toBeUndefined();
  }
});
