import { swedishToday } from '@samsyn/core';
import { startSupergraph, tokenFor, type GraphQLResult, type TestSupergraph } from '@samsyn/test-support';

/** District systems report figures and acknowledge versions; dashboards read comparisons. */
let graph: TestSupergraph;
let angered: string;
let lundby: string;
let analyst: string;

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'] });
  angered = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
  lundby = await tokenFor({ sub: 'system-lundby', roles: ['district-system'], district: 'lundby' });
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());

const REPORT = `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received inserted updated unchanged } } }`;
const report = (input: Record<string, unknown>[], token?: string) =>
  graph.subgraph('child-services', REPORT, { variables: { input }, token });
const db = () => graph.subgraphs['child-services']!.db;
const stored = async (period: string) =>
  db().query(`SELECT indicator_code, district, numerator, denominator FROM observation WHERE period = $1 ORDER BY indicator_code`, [
    period,
  ]);
const errorOf = (result: GraphQLResult) => result.errors?.[0];

describe('reporting figures', () => {
  const figures = [
    { indicator: 'CS-IA14', district: 'angered', period: '2027-Q1', numerator: 80, denominator: 100 },
    { indicator: 'CS-INV4M', district: 'angered', period: '2027-Q1', numerator: 30, denominator: 40 },
  ];

  it('stores a report, and the same report again changes nothing', async () => {
    const first = await report(figures, angered);
    expect(first.data).toEqual({ childServices: { reportObservations: { received: 2, inserted: 2, updated: 0, unchanged: 0 } } });
    const again = await report(figures, angered);
    expect(again.data).toEqual({ childServices: { reportObservations: { received: 2, inserted: 0, updated: 0, unchanged: 2 } } });
    const corrected = await report([{ ...figures[0], numerator: 81 }], angered);
    expect(corrected.data).toEqual({ childServices: { reportObservations: { received: 1, inserted: 0, updated: 1, unchanged: 0 } } });
    expect(await stored('2027-Q1')).toEqual([
      { indicator_code: 'CS-IA14', district: 'angered', numerator: 81, denominator: 100 },
      { indicator_code: 'CS-INV4M', district: 'angered', numerator: 30, denominator: 40 },
    ]);
  });

  it('refuses a whole report with bad rows, naming each of them, and stores nothing', async () => {
    const before = await db().query(`SELECT count(*) AS n FROM observation`);
    const auditBefore = await db().query(`SELECT count(*) AS n FROM audit_log`);
    const result = await report(
      [
        { indicator: 'CS-IA14', district: 'angered', period: '2027-Q2', numerator: 10, denominator: 20 },
        { indicator: 'CS-IA14', district: 'angered', period: '2027-Q3', numerator: 30, denominator: 20 },
        { indicator: 'CS-NOPE', district: 'angered', period: '2027-Q2', numerator: 1, denominator: 2 },
        { indicator: 'CS-IA14', district: 'angered', period: '2027', numerator: 1, denominator: 2 },
        { indicator: 'CS-IA14', district: 'angered', period: '2027-Q4', numerator: -1, denominator: 2 },
        { indicator: 'CS-IA14', district: 'angered', period: '2028-Q1', value: 0.5 },
      ],
      angered,
    );
    expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((errorOf(result)?.extensions?.rows as { row: number }[]).map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);
    expect(errorOf(result)?.message).toMatch(/row 2 \(CS-IA14, angered, 2027-Q3\): numerator 30 is above denominator 20/);
    expect(errorOf(result)?.message).toMatch(/row 6 .*takes numerator and denominator, not a value/);
    expect(await db().query(`SELECT count(*) AS n FROM observation`)).toEqual(before);
    expect(await db().query(`SELECT count(*) AS n FROM audit_log`)).toEqual(auditBefore);
  });

  it('refuses a report with a month that does not exist before anything runs, naming the row', async () => {
    const before = await db().query(`SELECT count(*) AS n FROM observation`);
    const result = await report([figures[0], { ...figures[1], period: '2027-13' }], angered);
    expect(errorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(result)?.message).toMatch(/input\[1\]\.period.*"2027-13" is not a period/);
    expect(await db().query(`SELECT count(*) AS n FROM observation`)).toEqual(before);
  });

  it('refuses a district system reporting for another district, and anyone else, storing nothing', async () => {
    const before = await stored('2027-Q1');
    const forOther = await report(
      [{ indicator: 'CS-IA14', district: 'lundby', period: '2027-Q1', numerator: 1, denominator: 10 }],
      angered,
    );
    expect(errorOf(forOther)?.extensions?.code).toBe('FORBIDDEN');
    const mixed = await report([figures[0], { ...figures[0], district: 'lundby' }], angered);
    expect(errorOf(mixed)?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await report(figures, analyst))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await report(figures))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stored('2027-Q1')).toEqual(before);
  });
});

describe('disclosure protection follows the figures', () => {
  const COMPARE = `query ($period: Period!) { childServices { comparison(indicator: "CS-INV4M", period: $period) {
    cityNumerator entries { district { code } numerator suppressed suppressionReason } } } }`;
  type Published = {
    cityNumerator: number | null;
    entries: { district: { code: string }; numerator: number | null; suppressed: boolean; suppressionReason: string | null }[];
  };
  const compared = async (period: string) =>
    (
      (await graph.subgraph('child-services', COMPARE, { variables: { period }, token: analyst })).data?.childServices as {
        comparison: Published;
      }
    ).comparison;
  const reasons = (published: Published) => Object.fromEntries(published.entries.map((e) => [e.district.code, e.suppressionReason]));

  it('is computed again in the report that changes a period, so a later small count hides a shown one with it', async () => {
    await report([{ indicator: 'CS-INV4M', district: 'angered', period: '2028-Q1', numerator: 30, denominator: 50 }], angered);
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q1', numerator: 40, denominator: 60 }], lundby);
    expect(reasons(await compared('2028-Q1'))).toEqual({ angered: null, lundby: null });
    const [{ n: storedCells }] = await db().query(
      `SELECT count(*)::int AS n FROM disclosure_cell WHERE period = '2028-Q1' AND indicator_code = 'CS-INV4M'`,
    );
    expect(storedCells).toBe(3);

    // Lundby corrects its figure to 2 of 60: lundby is hidden, and angered with it, or the city total would give lundby away.
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q1', numerator: 2, denominator: 60 }], lundby);
    const after = await compared('2028-Q1');
    expect(reasons(after)).toEqual({ angered: 'SECONDARY', lundby: 'SMALL_COUNT' });
    expect(after.cityNumerator).toBe(32);
  });

  it('hides figures stored without reporting until their period is protected', async () => {
    await db().query(
      `INSERT INTO observation (indicator_code, district, period, numerator, denominator, reported_by) VALUES ('CS-INV4M', 'centrum', '2028-Q2', 40, 50, 'test'), ('CS-INV4M', 'angered', '2028-Q2', 35, 50, 'test')`,
    );
    const pending = await compared('2028-Q2');
    expect(pending.entries.map((e) => [e.district.code, e.suppressionReason, e.numerator])).toEqual([
      ['angered', 'PENDING', null],
      ['centrum', 'PENDING', null],
    ]);
    expect(pending.cityNumerator).toBeNull();
    await report([{ indicator: 'CS-INV4M', district: 'angered', period: '2028-Q2', numerator: 36, denominator: 50 }], angered);
    expect(reasons(await compared('2028-Q2'))).toEqual({ angered: null, centrum: null });
  });
});

describe('comparisons of the demo figures', () => {
  const COMPARE = `query ($indicator: String!, $period: Period!) { childServices { comparison(indicator: $indicator, period: $period) {
    cityValue entries { district { code } value position suppressed trend } } } }`;

  it('catch the outlier the demo data holds, and need a signed-in caller', async () => {
    const anonymous = await graph.subgraph('child-services', COMPARE, { variables: { indicator: 'CS-IA14', period: '2026-Q3' } });
    expect(errorOf(anonymous)?.extensions?.code).toBe('UNAUTHENTICATED');
    const { data, errors } = await graph.subgraph('child-services', COMPARE, {
      variables: { indicator: 'CS-IA14', period: '2026-Q3' },
      token: analyst,
    });
    expect(errors).toBeUndefined();
    const entries = (data?.childServices as { comparison: { entries: { district: { code: string }; position: string; trend: string }[] } })
      .comparison.entries;
    expect(entries).toHaveLength(10);
    expect(entries.find((e) => e.district.code === 'angered')?.position).toBe('BELOW_99_8');
    expect(entries.filter((e) => e.position !== 'INSIDE').length).toBeLessThanOrEqual(3);
    expect(entries.every((e) => e.trend !== 'UNKNOWN')).toBe(true);
  });

  it('refuse an unknown indicator and a period of the wrong kind', async () => {
    const unknown = await graph.subgraph('child-services', COMPARE, { variables: { indicator: 'XX', period: '2026-Q3' }, token: analyst });
    expect(errorOf(unknown)?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongKind = await graph.subgraph('child-services', COMPARE, {
      variables: { indicator: 'CS-IA14', period: '2026-09' },
      token: analyst,
    });
    expect(errorOf(wrongKind)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("give a district's series period by period", async () => {
    const { data } = await graph.subgraph(
      'child-services',
      `{ childServices { series(indicator: "CS-IA14", district: "angered", from: "2025-Q4", to: "2026-Q3") { period value suppressed reported } } }`,
      { token: analyst },
    );
    const series = (data?.childServices as { series: { period: string; value: number; reported: boolean }[] }).series;
    expect(series.map((p) => p.period)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(series.every((p) => p.reported && p.value > 0.4 && p.value < 0.8)).toBe(true);
  });
});

describe('adoption', () => {
  const ACK = `mutation ($versionId: ID!, $status: AdoptionStatus!, $district: String) {
    childServices { acknowledge(versionId: $versionId, status: $status, district: $district) { status lagging district { code } version { number } } } }`;

  async function documentWithPastVersion(daysAgo: number): Promise<{ documentId: string; versionId: string; validFrom: string }> {
    const validFrom = new Date(Date.parse(`${swedishToday()}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const [{ id: documentId }] = await db().query(
      `INSERT INTO document (area, kind, slug, created_by) VALUES ('CHILD_SERVICES', 'ROUTINE', $1, 'test') RETURNING id`,
      [`adoptionstest-${daysAgo}`],
    );
    const [{ id: versionId }] = await db().query(
      `INSERT INTO document_version (document_id, number, status, title, valid_from, published_at, created_by, updated_by)
       VALUES ($1, 1, 'PUBLISHED', 'Rutin att införa', $2, now(), 'test', 'test') RETURNING id`,
      [documentId, validFrom],
    );
    return { documentId, versionId, validFrom };
  }

  it('lets a district system acknowledge for its own district only', async () => {
    const { versionId } = await documentWithPastVersion(5);
    const own = await graph.subgraph('child-services', ACK, { variables: { versionId, status: 'ACKNOWLEDGED' }, token: angered });
    expect(own.data).toEqual({
      childServices: { acknowledge: { status: 'ACKNOWLEDGED', lagging: false, district: { code: 'angered' }, version: { number: 1 } } },
    });
    const other = await graph.subgraph('child-services', ACK, {
      variables: { versionId, status: 'IMPLEMENTED', district: 'angered' },
      token: lundby,
    });
    expect(errorOf(other)?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await db().query(`SELECT status FROM adoption WHERE version_id = $1 AND district = 'angered'`, [versionId]);
    expect(row.status).toBe('ACKNOWLEDGED');
    const back = await graph.subgraph('child-services', ACK, { variables: { versionId, status: 'IMPLEMENTED' }, token: angered });
    expect(back.errors).toBeUndefined();
    const regress = await graph.subgraph('child-services', ACK, { variables: { versionId, status: 'ACKNOWLEDGED' }, token: angered });
    expect(errorOf(regress)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts the days a district lags from the validFrom of the version in force', async () => {
    const { documentId, versionId } = await documentWithPastVersion(30);
    await graph.subgraph('child-services', ACK, { variables: { versionId, status: 'IMPLEMENTED' }, token: lundby });
    const { data } = await graph.subgraph(
      'child-services',
      `query ($id: ID) { childServices { document(id: $id) { adoption { district { code } lagging daysLagging status } } } }`,
      { variables: { id: documentId }, token: analyst },
    );
    const adoption = (
      data?.childServices as {
        document: { adoption: { district: { code: string }; lagging: boolean; daysLagging: number | null; status: string | null }[] };
      }
    ).document.adoption;
    expect(adoption.find((a) => a.district.code === 'lundby')).toEqual({
      district: { code: 'lundby' },
      lagging: false,
      daysLagging: null,
      status: 'IMPLEMENTED',
    });
    expect(adoption.find((a) => a.district.code === 'centrum')).toEqual({
      district: { code: 'centrum' },
      lagging: true,
      daysLagging: 30,
      status: null,
    });
  });

  it("shows a document's adoption only to a signed-in caller, and without a token still the public document", async () => {
    const { documentId } = await documentWithPastVersion(12);
    const query = `query ($id: ID) { childServices { document(id: $id) { title adoption { district { code } status } } } }`;
    const anonymous = await graph.query(query, { variables: { id: documentId } });
    expect(anonymous.data).toEqual({ childServices: { document: { title: 'Rutin att införa', adoption: null } } });
    expect(anonymous.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['childServices', 'document', 'adoption'], 'UNAUTHENTICATED'],
    ]);
    const signedIn = await graph.query(query, { variables: { id: documentId }, token: analyst });
    expect(signedIn.errors).toBeUndefined();
    expect((signedIn.data?.childServices as { document: { adoption: unknown[] } }).document.adoption).toContainEqual({
      district: { code: 'angered' },
      status: null,
    });
  });
});
