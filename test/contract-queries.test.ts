import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** The schema contract as a client meets it, through the gateway. */
let graph: TestSupergraph;
beforeAll(async () => {
  graph = await startSupergraph();
});
afterAll(() => graph.close());

describe('a token-only field refused', () => {
  it('keeps the public documents beside it: only the comparison is null, with its own error', async () => {
    const { data, errors } = await graph.query<{
      childServices: { documents: { totalCount: number; edges: unknown[] }; comparison: unknown };
    }>(`#graphql
      query RoutinesAndComparison {
        childServices {
          documents(kind: ROUTINE) { totalCount edges { node { slug } } }
          comparison(indicator: "CS-IA14", period: "2026-Q3") { cityValue }
        }
      }`);
    const childServices = data!.childServices;
    expect(childServices.documents.totalCount).toBeGreaterThan(0);
    expect(childServices.documents.edges).toHaveLength(childServices.documents.totalCount);
    expect(childServices.comparison).toBeNull();
    expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['childServices', 'comparison'], 'UNAUTHENTICATED']]);
  });

  it("keeps a district and its profile's name when the profile's adoption is refused", async () => {
    const { data, errors } = await graph.query(`#graphql
      query DistrictProfile { district(code: "angered") { name childServices { name adoption { documentsInForce } } } }`);
    expect(data).toEqual({ district: { name: 'Angered', childServices: { name: 'Barn och unga', adoption: null } } });
    expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['district', 'childServices', 'adoption'], 'UNAUTHENTICATED'],
    ]);
  });
});

describe('the AreaNamespace interface', () => {
  it('lets one fragment read all four areas the same way', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    type Area = {
      __typename: string;
      area: string;
      documents: { totalCount: number; edges: { node: { area: string } }[] };
      indicators: unknown[];
      comparison: unknown;
    };
    const { data, errors } = await graph.query<Record<'childServices' | 'adultServices' | 'disability' | 'incomeSupport', Area>>(
      `#graphql
      fragment Area on AreaNamespace {
        __typename area name
        documents(first: 1) { totalCount edges { node { area } } }
        indicators { code periodicity }
        comparison(indicator: $indicator, period: $period) { period }
      }
      query AllAreas($indicator: String!, $period: Period!) {
        childServices { ...Area } adultServices { ...Area } disability { ...Area } incomeSupport { ...Area }
      }`,
      // The same indicator code exists in one area only: the others answer with a BAD_USER_INPUT on comparison alone.
      { token, variables: { indicator: 'CS-IA14', period: '2026-Q3' } },
    );
    const areas = data!;
    expect(Object.values(areas).map(({ __typename, area, documents }) => [__typename, area, documents.edges[0]?.node.area])).toEqual([
      ['ChildServices', 'CHILD_SERVICES', 'CHILD_SERVICES'],
      ['AdultServices', 'ADULT_SERVICES', 'ADULT_SERVICES'],
      ['Disability', 'DISABILITY', 'DISABILITY'],
      ['IncomeSupport', 'INCOME_SUPPORT', 'INCOME_SUPPORT'],
    ]);
    const without = Object.entries(areas).filter(([, area]) => area.indicators.length === 0 || area.documents.totalCount === 0);
    expect(without).toEqual([]);
    expect(areas.childServices.comparison).toEqual({ period: '2026-Q3' });
    expect(errors?.map((error) => [error.path?.[0], error.extensions?.code]).sort()).toEqual([
      ['adultServices', 'BAD_USER_INPUT'],
      ['disability', 'BAD_USER_INPUT'],
      ['incomeSupport', 'BAD_USER_INPUT'],
    ]);
  });
});

describe('Relay paging of documents', () => {
  type Page = {
    totalCount: number;
    edges: { cursor: string; node: { slug: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
  const page = async (args: string): Promise<Page> => {
    const { data, errors } = await graph.query<{ childServices: { documents: Page } }>(
      `#graphql
      query Page { childServices { documents(${args}) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
    );
    expect(errors).toBeUndefined();
    return data!.childServices.documents;
  };
  const slugs = (p: Page) => p.edges.map((edge) => edge.node.slug);

  it('pages forward with first/after and back with last/before over the same order', async () => {
    const all = await page('first: 100');
    expect(all.totalCount).toBeGreaterThanOrEqual(5);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const order = slugs(all);

    const first = await page('first: 2');
    expect(slugs(first)).toEqual(order.slice(0, 2));
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });

    const second = await page(`first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(slugs(second)).toEqual(order.slice(2, 4));
    expect(second.pageInfo).toMatchObject({ hasNextPage: order.length > 4, hasPreviousPage: true });

    const back = await page(`last: 2, before: "${second.pageInfo.startCursor}"`);
    expect(slugs(back)).toEqual(order.slice(0, 2));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const tail = await page('last: 3');
    expect(slugs(tail)).toEqual(order.slice(-3));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(tail.totalCount).toBe(all.totalCount);
  });

  it('gives an empty page past the end with the total still counted', async () => {
    const all = await page('first: 100');
    const past = await page(`first: 5, after: "${all.pageInfo.endCursor}"`);
    expect(past).toEqual({
      totalCount: all.totalCount,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('refuses first with last, sizes out of range and cursors it never gave out', async () => {
    for (const args of ['first: 2, last: 2', 'first: 0', 'last: 101', 'after: "bm9wZQ"', 'before: "x"']) {
      const result = await graph.query(`#graphql
        query BadPage { childServices { documents(${args}) { totalCount } } }`);
      expect([args, result]).toEqual([args, expect.objectContaining({ data: { childServices: null } })]);
      expect(result).toHaveErrorCode('BAD_USER_INPUT');
    }
  });
});

describe('types that say what they are', () => {
  it('gives districts Date validity and refuses a malformed Period with BAD_USER_INPUT before anything runs', async () => {
    const token = await tokenFor({ roles: ['analyst'] });
    const districts = await graph.query<{ districts: { validFrom: string; validTo: string | null }[] }>(`#graphql
      query Validity { districts(includeInactive: true) { code validFrom validTo } }`);
    const dates = districts.data!.districts.flatMap((d) => [d.validFrom, d.validTo]).filter((day) => day !== null);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day))).toEqual([]);

    const query = `#graphql
      query ComparisonPeriod($period: Period!) { childServices { comparison(indicator: "CS-IA14", period: $period) { period } } }`;
    for (const period of ['2026-Q5', '2026-13', '26', '2026-q3', '2026-Q3 ']) {
      const result = await graph.query(query, { token, variables: { period } });
      expect([period, result.errors?.[0].message]).toEqual([period, expect.stringContaining('is not a period')]);
      expect(result).toHaveErrorCode('BAD_USER_INPUT');
    }
    const written = await graph.query(
      `#graphql
      query WrittenPeriod { childServices { comparison(indicator: "CS-IA14", period: "2026-Q5") { period } } }`,
      { token },
    );
    expect(written.errors?.[0].message).toMatch(/"2026-Q5" is not a period/);
    expect(written).toHaveErrorCode('GRAPHQL_VALIDATION_FAILED');
  });
});
