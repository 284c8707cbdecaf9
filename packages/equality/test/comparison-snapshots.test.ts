import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/**
 * Comparisons are computed when figures change and stored beside their disclosure protection: a read is a
 * lookup, and never an answer older than the figures (the response cache is off here, so that every read
 * reaches the comparisons).
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
const PERIOD = '2026-Q3';
const COMPARISON = `query ($period: Period!) { childServices { comparison(indicator: "CS-IA14", period: $period) {
  cityNumerator cityDenominator entries { district { code } numerator denominator position rank trend } } } }`;

async function comparison(period = PERIOD) {
  const { data, errors } = await graph.subgraph('child-services', COMPARISON, { variables: { period }, token: analyst });
  expect(errors).toBeUndefined();
  return (
    data?.childServices as {
      comparison: { cityNumerator: number; cityDenominator: number; entries: { district: { code: string }; numerator: number | null }[] };
    }
  ).comparison;
}

const report = (numerator: number, period = PERIOD) =>
  graph.subgraph(
    'child-services',
    'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
    { variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period, numerator, denominator: 100 }] }, token: angered },
  );

const cityNumeratorOf = async (indicator: string, period = PERIOD) => {
  const { data, errors } = await graph.subgraph(
    'child-services',
    `query ($indicator: String!, $period: Period!) { childServices { comparison(indicator: $indicator, period: $period) { cityNumerator } } }`,
    { variables: { indicator, period }, token: analyst },
  );
  expect(errors).toBeUndefined();
  return (data?.childServices as { comparison: { cityNumerator: number | null } }).comparison.cityNumerator;
};

describe('stored comparisons', () => {
  it('are stored for every period with figures, and a read returns the stored one', async () => {
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM comparison_snapshot WHERE indicator_code = 'CS-IA14'`);
    expect(count).toBeGreaterThan(0);
    // Changing the stored comparison alone (no figure) shows in the answer: the read looked it up.
    await db().query(
      `UPDATE comparison_snapshot SET comparison = jsonb_set(comparison, '{cityNumerator}', '123456') WHERE indicator_code = 'CS-IA14' AND period = $1`,
      [PERIOD],
    );
    expect((await comparison()).cityNumerator).toBe(123456);
  });

  it('are computed again, in the report’s transaction, when a report changes the figures', async () => {
    const result = await report(77);
    expect(result.errors).toBeUndefined();
    const after = await comparison();
    const [{ numerator }] = await db().query(
      `SELECT sum(numerator)::int AS numerator FROM observation WHERE indicator_code = 'CS-IA14' AND period = $1`,
      [PERIOD],
    );
    expect(after.cityNumerator).toBe(numerator);
    expect(after.entries.find((entry) => entry.district.code === 'angered')?.numerator).toBe(77);
  });

  it('are not used once figures change past the service (SQL by hand): the comparison is computed', async () => {
    await db().query(`UPDATE observation SET numerator = 66 WHERE indicator_code = 'CS-IA14' AND district = 'angered' AND period = $1`, [
      PERIOD,
    ]);
    expect((await comparison()).entries.find((entry) => entry.district.code === 'angered')?.numerator).toBe(66);
  });

  it('of indicators a report leaves alone are kept as stored (not computed again) and still used', async () => {
    // A period no test has changed by hand (that makes all of a period's stored comparisons stale).
    const QUIET = '2026-Q1';
    // A mark only the stored comparison carries: it shows in the answer only while that stored one is used.
    await db().query(
      `UPDATE comparison_snapshot SET comparison = jsonb_set(comparison, '{cityNumerator}', '424242') WHERE indicator_code = 'CS-INV4M' AND period = $1`,
      [QUIET],
    );
    expect(await cityNumeratorOf('CS-INV4M', QUIET)).toBe(424242);
    expect((await report(41, QUIET)).errors).toBeUndefined();
    expect(await cityNumeratorOf('CS-INV4M', QUIET)).toBe(424242);
    // The reported indicator's comparison was computed again from the new figures.
    expect((await comparison(QUIET)).entries.find((entry) => entry.district.code === 'angered')?.numerator).toBe(41);
  });

  it('of indicators a report leaves alone are not revived once figures changed past the service', async () => {
    await db().query(
      `UPDATE comparison_snapshot SET comparison = jsonb_set(comparison, '{cityNumerator}', '434343') WHERE indicator_code = 'CS-PLACE' AND period = $1`,
      ['2026-Q2'],
    );
    // Figures changed by hand: the stored comparison is stale from here on.
    await db().query(`UPDATE observation SET numerator = numerator + 1 WHERE indicator_code = 'CS-PLACE' AND period = $1`, ['2026-Q2']);
    const [{ numerator }] = await db().query<{ numerator: number }[]>(
      `SELECT sum(numerator)::int AS numerator FROM observation WHERE indicator_code = 'CS-PLACE' AND period = $1`,
      ['2026-Q2'],
    );
    expect(await cityNumeratorOf('CS-PLACE', '2026-Q2')).toBe(numerator);
    // A report of another indicator afterwards must not stamp the stale one as current.
    expect((await report(42, '2026-Q2')).errors).toBeUndefined();
    expect(await cityNumeratorOf('CS-PLACE', '2026-Q2')).toBe(numerator);
  });

  it('recompute the trends of the periods after a changed one', async () => {
    const trendOf = async (period: string) =>
      ((await comparison(period)).entries.find((entry) => entry.district.code === 'angered') as unknown as { trend: string }).trend;
    const stored = async () => {
      const rows = await db().query<{ comparison: { entries: { district: { code: string }; trend: string }[] } }[]>(
        `SELECT comparison FROM comparison_snapshot WHERE indicator_code = 'CS-IA14' AND period = '2026-Q4'`,
      );
      return rows[0]?.comparison.entries.find((entry) => entry.district.code === 'angered')?.trend;
    };
    await report(60, '2026-Q4');
    await report(10, '2026-Q1');
    await report(30, '2026-Q2');
    await report(50, '2026-Q3');
    // Q4 was stored before Q1–Q3 changed; each of their reports stored it again, with the trend it has now.
    expect(await stored()).toBe(await trendOf('2026-Q4'));
    expect(await trendOf('2026-Q4')).toBe('RISING');
  });
});

/** Concurrent writers (these change periods of 2024–2025 by hand, so they run after the tests above). */
describe('stored comparisons under concurrent writes', () => {
  const RACED = '2025-Q2';
  const sumOf = async (indicator: string, period: string) => {
    const [{ numerator }] = await db().query<{ numerator: number }[]>(
      `SELECT sum(numerator)::int AS numerator FROM observation WHERE indicator_code = $1 AND period = $2`,
      [indicator, period],
    );
    return numerator;
  };
  const reportOf = (indicator: string, period: string, numerator: number) =>
    graph.subgraph(
      'child-services',
      'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
      { variables: { input: [{ indicator, district: 'angered', period, numerator, denominator: 100 }] }, token: angered },
    );

  it('a change by SQL committed while a report of another indicator runs is not stamped as current', async () => {
    // The stored CS-PLACE comparison is current and used.
    const [{ stored }] = await db().query<{ stored: number }[]>(
      `SELECT comparison -> 'cityNumerator' AS stored FROM comparison_snapshot WHERE indicator_code = 'CS-PLACE' AND period = $1`,
      [RACED],
    );
    expect(stored).toBe(await sumOf('CS-PLACE', RACED));
    expect(await cityNumeratorOf('CS-PLACE', RACED)).toBe(await sumOf('CS-PLACE', RACED));

    // A hand-written change of CS-PLACE (its protection stays the same), not yet committed: it holds the period's figures_version row.
    const hand = db().createQueryRunner();
    await hand.connect();
    await hand.startTransaction();
    await hand.query(
      `UPDATE observation SET numerator = numerator + 1 WHERE indicator_code = 'CS-PLACE' AND district = 'angered' AND period = $1`,
      [RACED],
    );

    // A report of CS-IA14 for the same period starts while the hand change holds the period: it waits for it.
    const reported = report(37, RACED);
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
    expect(await cityNumeratorOf('CS-PLACE', RACED)).toBe(await sumOf('CS-PLACE', RACED));
  });

  it('concurrent reports of different indicators over overlapping windows both commit and leave current comparisons', async () => {
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([reportOf('CS-IA14', '2025-Q3', 50 + round), reportOf('CS-INV4M', '2025-Q4', 60 + round)]);
      for (const r of results) expect(r.errors).toBeUndefined();
    }
    for (const indicator of ['CS-IA14', 'CS-INV4M', 'CS-PLACE'])
      for (const period of ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'])
        expect([indicator, period, await cityNumeratorOf(indicator, period)]).toEqual([indicator, period, await sumOf(indicator, period)]);
  });

  it('concurrent reports of one indicator in two periods with overlapping windows both commit', async () => {
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([reportOf('CS-IA14', '2024-Q3', 50 + round), reportOf('CS-IA14', '2024-Q4', 60 + round)]);
      for (const r of results) expect(r.errors).toBeUndefined();
    }
  });
});

describe('comparison(multiplicity: BENJAMINI_HOCHBERG)', () => {
  type Entry = { district: { code: string }; pValue: number | null; qValue: number | null; adjustedPosition: string | null };
  const ENTRIES = `entries { district { code } pValue qValue adjustedPosition }`;

  it('adjusts over every district on every quarterly indicator of the area, and only when asked', async () => {
    const { data: catalogue } = await graph.subgraph('child-services', `{ childServices { indicators { code periodicity kind } } }`, {
      token: analyst,
    });
    const codes = (catalogue?.childServices as { indicators: { code: string; periodicity: string }[] }).indicators
      .filter((indicator) => indicator.periodicity === 'QUARTER')
      .map((indicator) => indicator.code);
    const read = async (code: string, multiplicity: string) => {
      const { data, errors } = await graph.subgraph(
        'child-services',
        `query ($code: String!, $period: Period!, $multiplicity: Multiplicity!) {
          childServices { comparison(indicator: $code, period: $period, multiplicity: $multiplicity) { multiplicity ${ENTRIES} } } }`,
        { variables: { code, period: PERIOD, multiplicity }, token: analyst },
      );
      expect(errors).toBeUndefined();
      return (data?.childServices as { comparison: { multiplicity: string; entries: Entry[] } }).comparison;
    };
    const plain = await Promise.all(codes.map((code) => read(code, 'NONE')));
    expect(plain.flatMap((c) => c.entries).every((entry) => entry.qValue === null && entry.adjustedPosition === null)).toBe(true);
    // Benjamini–Hochberg by hand over the two-sided p-values of the whole family.
    const family = plain.flatMap((c, i) =>
      c.entries
        .filter((entry) => entry.pValue !== null)
        .map((entry) => ({ code: codes[i], district: entry.district.code, p: 2 * entry.pValue! })),
    );
    const sorted = [...family].sort((a, b) => a.p - b.p);
    const expected = new Map<string, number>();
    for (let i = 0; i < sorted.length; i++) {
      const q = Math.min(1, ...sorted.slice(i).map((test, j) => (sorted.length * Math.min(1, test.p)) / (i + j + 1)));
      expected.set(`${sorted[i].code}|${sorted[i].district}`, q);
    }
    expect(family.length).toBeGreaterThan(20);
    const adjusted = await read('CS-IA14', 'BENJAMINI_HOCHBERG');
    expect(adjusted.multiplicity).toBe('BENJAMINI_HOCHBERG');
    for (const entry of adjusted.entries.filter((e) => e.pValue !== null)) {
      expect(entry.qValue).toBeCloseTo(expected.get(`CS-IA14|${entry.district.code}`) as number, 12);
      expect(entry.adjustedPosition).toEqual((entry.qValue as number) < 0.05 ? expect.stringMatching(/^(ABOVE|BELOW)_/) : 'INSIDE');
    }
  });
});
