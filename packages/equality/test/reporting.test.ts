import { swedishToday } from '@samsyn/core';
import { buildDocument, buildIndicator, startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** District systems report figures and acknowledge versions; dashboards read comparisons. */
let graph: TestSupergraph;
let angered: string;
let lundby: string;
let analyst: string;

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  for (const code of ['CS-IA14', 'CS-INV4M']) await buildIndicator(db(), { code, area: 'CHILD_SERVICES' });
  angered = await tokenFor({ sub: 'system-angered', roles: ['district-system'], district: 'angered' });
  lundby = await tokenFor({ sub: 'system-lundby', roles: ['district-system'], district: 'lundby' });
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());

const REPORT = `#graphql
  mutation ReportObservations($input: [ObservationInput!]!) {
    childServices { reportObservations(input: $input) { received inserted updated unchanged } }
  }`;
const report = (input: Record<string, unknown>[], token?: string) =>
  graph.subgraph<{ childServices: { reportObservations: Record<string, number> } }>('child-services', REPORT, {
    variables: { input },
    token,
  });
const db = () => graph.subgraphs['child-services']!.db;
const stored = (period: string) =>
  db().query<{ indicator_code: string; district: string; numerator: number; denominator: number }[]>(
    `SELECT indicator_code, district, numerator, denominator FROM observation WHERE period = $1 ORDER BY indicator_code`,
    [period],
  );
const count = async (table: 'observation' | 'audit_log') =>
  (await db().query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

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
    const before = await count('observation');
    const auditBefore = await count('audit_log');
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
    expect(result).toHaveErrorCode('BAD_USER_INPUT');
    const [error] = result.errors!;
    expect((error.extensions?.rows as { row: number }[]).map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);
    expect(error.message).toMatch(/row 2 \(CS-IA14, angered, 2027-Q3\): numerator 30 is above denominator 20/);
    expect(error.message).toMatch(/row 6 .*takes numerator and denominator, not a value/);
    expect(await count('observation')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('refuses a report with a month that does not exist before anything runs, naming the row', async () => {
    const before = await count('observation');
    const result = await report([figures[0], { ...figures[1], period: '2027-13' }], angered);
    expect(result).toHaveErrorCode('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/input\[1\]\.period.*"2027-13" is not a period/);
    expect(await count('observation')).toBe(before);
  });

  it('refuses a district system reporting for another district, and anyone else, storing nothing', async () => {
    const before = await stored('2027-Q1');
    const forOther = await report(
      [{ indicator: 'CS-IA14', district: 'lundby', period: '2027-Q1', numerator: 1, denominator: 10 }],
      angered,
    );
    expect(forOther).toHaveErrorCode('FORBIDDEN');
    const mixed = await report([figures[0], { ...figures[0], district: 'lundby' }], angered);
    expect(mixed).toHaveErrorCode('FORBIDDEN');
    expect(await report(figures, analyst)).toHaveErrorCode('FORBIDDEN');
    expect(await report(figures)).toHaveErrorCode('UNAUTHENTICATED');
    expect(await stored('2027-Q1')).toEqual(before);
  });
});

describe('disclosure protection follows the figures', () => {
  const COMPARE = `#graphql
    query Protected($period: Period!) {
      childServices {
        comparison(indicator: "CS-INV4M", period: $period) { cityNumerator entries { district { code } numerator suppressed suppressionReason } }
      }
    }`;
  type Published = {
    cityNumerator: number | null;
    entries: { district: { code: string }; numerator: number | null; suppressed: boolean; suppressionReason: string | null }[];
  };
  const compared = async (period: string) => {
    const result = await graph.subgraph<{ childServices: { comparison: Published } }>('child-services', COMPARE, {
      variables: { period },
      token: analyst,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.childServices.comparison;
  };
  const reasons = (published: Published) => Object.fromEntries(published.entries.map((e) => [e.district.code, e.suppressionReason]));

  it('is computed again in the report that changes a period, so a later small count hides a shown one with it', async () => {
    await report([{ indicator: 'CS-INV4M', district: 'angered', period: '2028-Q1', numerator: 30, denominator: 50 }], angered);
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q1', numerator: 40, denominator: 60 }], lundby);
    expect(reasons(await compared('2028-Q1'))).toEqual({ angered: null, lundby: null });
    const [{ n: storedCells }] = await db().query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM disclosure_cell WHERE period = '2028-Q1' AND indicator_code = 'CS-INV4M'`,
    );
    expect(storedCells).toBe(3);

    // Lundby corrects its figure to 2 of 60: lundby is hidden, and with two districts no third can be hidden with it,
    // so the city total is hidden instead (angered's system would subtract its own 30 from it).
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q1', numerator: 2, denominator: 60 }], lundby);
    const after = await compared('2028-Q1');
    expect(reasons(after)).toEqual({ angered: null, lundby: 'PROTECTED' });
    expect(after.cityNumerator).toBeNull();

    // Lundby reports 40 of 60 again: what the period hid stays hidden, or the two patterns together would tell.
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q1', numerator: 40, denominator: 60 }], lundby);
    const restored = await compared('2028-Q1');
    expect(reasons(restored)).toEqual({ angered: null, lundby: 'PROTECTED' });
    expect(restored.cityNumerator).toBeNull();
  });

  it('is computed afresh only when an admin republishes the period, and the act is audited', async () => {
    await report([{ indicator: 'CS-INV4M', district: 'angered', period: '2028-Q3', numerator: 30, denominator: 50 }], angered);
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q3', numerator: 2, denominator: 60 }], lundby);
    await report([{ indicator: 'CS-INV4M', district: 'lundby', period: '2028-Q3', numerator: 40, denominator: 60 }], lundby);
    expect(reasons(await compared('2028-Q3'))).toEqual({ angered: null, lundby: 'PROTECTED' });

    const REPUBLISH = `#graphql
      mutation Republish($period: Period!) { childServices { republishFigures(period: $period) { period hiddenBefore hiddenAfter } } }`;
    const republish = (token?: string) => graph.subgraph('child-services', REPUBLISH, { variables: { period: '2028-Q3' }, token });
    const audited = await count('audit_log');
    expect(await republish(lundby)).toHaveErrorCode('FORBIDDEN');
    expect(await republish(analyst)).toHaveErrorCode('FORBIDDEN');
    expect(await republish()).toHaveErrorCode('UNAUTHENTICATED');
    expect(reasons(await compared('2028-Q3'))).toEqual({ angered: null, lundby: 'PROTECTED' });

    const admin = await tokenFor({ sub: 'admin-eva', roles: ['admin'] });
    const { data, errors } = await republish(admin);
    expect(errors).toBeUndefined();
    // Lundby's figure and the city total were hidden; now nothing is.
    expect(data).toEqual({ childServices: { republishFigures: { period: '2028-Q3', hiddenBefore: 2, hiddenAfter: 0 } } });
    const after = await compared('2028-Q3');
    expect(reasons(after)).toEqual({ angered: null, lundby: null });
    expect(after.cityNumerator).toBe(70);
    const [entry] = await db().query<{ actor_id: string; action: string; entity_id: string; before: unknown; after: unknown }[]>(
      `SELECT actor_id, action, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(await count('audit_log')).toBe(audited + 1);
    expect(entry).toEqual({
      actor_id: 'admin-eva',
      action: 'republishFigures',
      entity_id: 'CHILD_SERVICES/2028-Q3',
      before: { hidden: 2 },
      after: { hidden: 0 },
    });
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

describe('comparisons', () => {
  const COMPARE = `#graphql
    query Comparison($indicator: String!, $period: Period!) {
      childServices { comparison(indicator: $indicator, period: $period) { cityValue entries { district { code } value position suppressed trend } } }
    }`;
  type Compared = {
    childServices: { comparison: { entries: { district: { code: string }; value: number; position: string; trend: string }[] } };
  };
  const DISTRICTS = [
    'angered',
    'askim',
    'centrum',
    'lundby',
    'majorna',
    'norra-hisingen',
    'orgryte',
    'vastra-goteborg',
    'vastra-hisingen',
    'ostra',
  ];
  const PERIODS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
  /** Angered's figures, period by period: half of 200, far below the others' 160 of 200. */
  const ANGERED = [100, 104, 98, 100];

  beforeAll(async () => {
    // Each district system reports its own four quarters of CS-IA14; the city lies near 0.8, angered near 0.5.
    for (const [d, district] of DISTRICTS.entries()) {
      const token = await tokenFor({ roles: ['district-system'], district });
      const input = PERIODS.map((period, p) => ({
        indicator: 'CS-IA14',
        district,
        period,
        numerator: district === 'angered' ? ANGERED[p] : 156 + ((d + p) % 3) * 4,
        denominator: 200,
      }));
      expect((await report(input, token)).errors).toBeUndefined();
    }
  });

  it('catch the outlier, place the others inside, give every district a trend, and need a signed-in caller', async () => {
    const anonymous = await graph.subgraph('child-services', COMPARE, { variables: { indicator: 'CS-IA14', period: '2026-Q3' } });
    expect(anonymous).toHaveErrorCode('UNAUTHENTICATED');
    const { data, errors } = await graph.subgraph<Compared>('child-services', COMPARE, {
      variables: { indicator: 'CS-IA14', period: '2026-Q3' },
      token: analyst,
    });
    expect(errors).toBeUndefined();
    const entries = data!.childServices.comparison.entries;
    expect(entries.map((e) => e.district.code).sort()).toEqual([...DISTRICTS].sort());
    expect(entries.filter((e) => e.position !== 'INSIDE').map((e) => [e.district.code, e.position])).toEqual([['angered', 'BELOW_99_8']]);
    expect(entries.filter((e) => e.trend === 'UNKNOWN')).toEqual([]);
  });

  it('refuse an unknown indicator and a period of the wrong kind', async () => {
    const unknown = await graph.subgraph('child-services', COMPARE, { variables: { indicator: 'XX', period: '2026-Q3' }, token: analyst });
    expect(unknown).toHaveErrorCode('BAD_USER_INPUT');
    const wrongKind = await graph.subgraph('child-services', COMPARE, {
      variables: { indicator: 'CS-IA14', period: '2026-09' },
      token: analyst,
    });
    expect(wrongKind).toHaveErrorCode('BAD_USER_INPUT');
  });

  it("give a district's series period by period", async () => {
    const { data, errors } = await graph.subgraph<{
      childServices: { series: { period: string; value: number; suppressed: boolean; reported: boolean }[] };
    }>(
      'child-services',
      `#graphql
      query Series { childServices { series(indicator: "CS-IA14", district: "angered", from: "2025-Q4", to: "2026-Q3") { period value suppressed reported } } }`,
      { token: analyst },
    );
    expect(errors).toBeUndefined();
    expect(data!.childServices.series).toEqual(
      PERIODS.map((period, p) => ({ period, value: ANGERED[p] / 200, suppressed: false, reported: true })),
    );
  });
});

describe('adoption', () => {
  const ACK = `#graphql
    mutation Acknowledge($versionId: ID!, $status: AdoptionStatus!, $district: String) {
      childServices { acknowledge(versionId: $versionId, status: $status, district: $district) { status lagging district { code } version { number } } }
    }`;
  const acknowledge = (variables: { versionId: string; status: string; district?: string }, token: string) =>
    graph.subgraph('child-services', ACK, { variables, token });

  let documents = 0;
  async function documentWithPastVersion(daysAgo: number): Promise<{ documentId: string; versionId: string }> {
    const validFrom = new Date(Date.parse(`${swedishToday()}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    return buildDocument(db(), { area: 'CHILD_SERVICES', slug: `adoptionstest-${++documents}`, title: 'Rutin att införa', validFrom });
  }

  /** The area hears from a district about adoption: it acknowledges another document. */
  async function heardFrom(district: string): Promise<void> {
    const { versionId } = await documentWithPastVersion(100);
    const token = await tokenFor({ roles: ['district-system'], district });
    expect((await acknowledge({ versionId, status: 'ACKNOWLEDGED' }, token)).errors).toBeUndefined();
  }

  it('lets a district system acknowledge for its own district only', async () => {
    const { versionId } = await documentWithPastVersion(5);
    const storedStatus = () =>
      db().query<{ status: string }[]>(`SELECT status FROM adoption WHERE version_id = $1 AND district = 'angered'`, [versionId]);
    const own = await acknowledge({ versionId, status: 'ACKNOWLEDGED' }, angered);
    expect(own.data).toEqual({
      childServices: { acknowledge: { status: 'ACKNOWLEDGED', lagging: false, district: { code: 'angered' }, version: { number: 1 } } },
    });
    expect(await acknowledge({ versionId, status: 'IMPLEMENTED', district: 'angered' }, lundby)).toHaveErrorCode('FORBIDDEN');
    expect(await storedStatus()).toEqual([{ status: 'ACKNOWLEDGED' }]);
    const implemented = await acknowledge({ versionId, status: 'IMPLEMENTED' }, angered);
    expect(implemented.data).toEqual({
      childServices: { acknowledge: { status: 'IMPLEMENTED', lagging: false, district: { code: 'angered' }, version: { number: 1 } } },
    });
    expect(await storedStatus()).toEqual([{ status: 'IMPLEMENTED' }]);
    expect(await acknowledge({ versionId, status: 'ACKNOWLEDGED' }, angered)).toHaveErrorCode('BAD_USER_INPUT');
    expect(await storedStatus()).toEqual([{ status: 'IMPLEMENTED' }]);
  });

  it('counts the days a district lags from the validFrom of the version in force', async () => {
    await heardFrom('centrum');
    const { documentId, versionId } = await documentWithPastVersion(30);
    expect((await acknowledge({ versionId, status: 'IMPLEMENTED' }, lundby)).errors).toBeUndefined();
    type Adoption = { district: { code: string }; lagging: boolean; daysLagging: number | null; status: string | null };
    const { data, errors } = await graph.subgraph<{ childServices: { document: { adoption: Adoption[] } } }>(
      'child-services',
      `#graphql
      query DocumentAdoption($id: ID) { childServices { document(id: $id) { adoption { district { code } lagging daysLagging status } } } }`,
      { variables: { id: documentId }, token: analyst },
    );
    expect(errors).toBeUndefined();
    const adoption = data!.childServices.document.adoption;
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
    await heardFrom('angered');
    const { documentId } = await documentWithPastVersion(12);
    const query = `#graphql
      query PublicAdoption($id: ID) { childServices { document(id: $id) { title adoption { district { code } status } } } }`;
    const anonymous = await graph.query(query, { variables: { id: documentId } });
    expect(anonymous.data).toEqual({ childServices: { document: { title: 'Rutin att införa', adoption: null } } });
    expect(anonymous.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['childServices', 'document', 'adoption'], 'UNAUTHENTICATED'],
    ]);
    const signedIn = await graph.query<{ childServices: { document: { adoption: unknown[] } } }>(query, {
      variables: { id: documentId },
      token: analyst,
    });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.childServices.document.adoption).toContainEqual({
      district: { code: 'angered' },
      status: null,
    });
  });
});
