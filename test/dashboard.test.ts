import { inTransaction } from '@samsyn/core';
import { Area } from '@samsyn/area';
import { protectFigures } from '@samsyn/equality';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

const AREAS = ['childServices', 'adultServices', 'disability', 'incomeSupport'] as const;
const AREA_SUBGRAPHS = ['child-services', 'adult-services', 'disability', 'income-support'] as const;
const PROFILE = `adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
  indicators(period: "2026-Q3") { indicator { code name } value cityValue position suppressed trend }`;
/** The dashboard query of DESIGN.md: every district with all four area profiles. */
const DASHBOARD = `#graphql
  query Dashboard {
    districts { code name population ${AREAS.map((area) => `${area} { ${PROFILE} }`).join(' ')} }
  }`;
type Profile = {
  adoption: { documentsInForce: number; lagging: unknown[] };
  indicators: { indicator: { code: string }; position: string }[];
};
type Dashboard = { districts: ({ code: string } & Record<(typeof AREAS)[number], Profile>)[] };

describe('the equal-treatment dashboard', () => {
  let graph: TestSupergraph;
  let token: string;
  beforeAll(async () => {
    // The subgraphs' response cache off: what is counted here is what a read costs when it reads.
    graph = await startSupergraph({ subgraphEnv: { RESPONSE_CACHE: 'false' } });
    token = await tokenFor({ roles: ['analyst'] });
  });
  afterAll(() => graph.close());

  async function run(): Promise<{ districts: number; sql: Record<string, number>; entityCalls: Record<string, number> }> {
    const before = graph.sqlCounts();
    const { data, errors, calls } = await graph.query<Dashboard>(DASHBOARD, { token });
    expect(errors).toBeUndefined();
    const after = graph.sqlCounts();
    return {
      districts: data!.districts.length,
      sql: Object.fromEntries(AREA_SUBGRAPHS.map((name) => [name, after[name] - before[name]])),
      entityCalls: Object.fromEntries(
        AREA_SUBGRAPHS.map((name) => [name, calls.filter((c) => c.subgraph === name && c.query.includes('_entities')).length]),
      ),
    };
  }

  it('shows every district with adoption and indicators in all four areas', async () => {
    const result = await graph.query<Dashboard>(DASHBOARD, { token });
    expect(result.errors).toBeUndefined();
    expect(result).toCallSubgraphs(['organisation', ...AREA_SUBGRAPHS]);
    const districts = result.data!.districts;
    const angered = districts[0];
    expect(angered.code).toBe('angered');
    // Documents in force, as the area itself counts them.
    const inForce = await graph.query<{ childServices: { documents: { totalCount: number } } }>(`#graphql
      query InForce { childServices { documents { totalCount } } }`);
    expect(angered.childServices.adoption.documentsInForce).toBe(inForce.data!.childServices.documents.totalCount);
    expect(angered.childServices.indicators.map((i) => i.indicator.code)).toEqual(['CS-IA14', 'CS-INV4M', 'CS-PLACE']);
    expect(angered.childServices.indicators[0].position).toBe('BELOW_99_8');
    expect(angered.incomeSupport.indicators.map((i) => i.indicator.code)).toEqual(['IS-APPROVE', 'IS-DAYS', 'IS-LONG']);
    // The demo leaves some districts lagging on some documents, not all on all.
    const lagging = districts.flatMap((d) => AREAS.map((area) => d[area].adoption.lagging.length));
    const total = lagging.reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(districts.length * AREAS.length * 3);
  });

  it('costs a constant number of SQL statements per area subgraph, whatever the number of districts and indicators', async () => {
    const small = await run();

    // Ten more districts, and five more indicators with figures in child services.
    await graph.subgraphs.organisation!.db.query(
      `INSERT INTO district (code, name, valid_from) SELECT 'extra-' || n, 'Extra ' || n, '2011-01-01' FROM generate_series(1, 10) AS n`,
    );
    const child = graph.subgraphs['child-services']!.db;
    await child.query(
      `INSERT INTO indicator (code, area, name, description, kind, unit, direction, periodicity)
       SELECT 'CS-X' || n, 'CHILD_SERVICES', 'Extra ' || n, '', 'PROPORTION', 'andel', 'HIGHER_IS_BETTER', 'QUARTER' FROM generate_series(1, 5) AS n`,
    );
    await child.query(
      `INSERT INTO observation (indicator_code, district, period, numerator, denominator, reported_by)
       SELECT 'CS-X' || n, d, p, 40, 50, 'test' FROM generate_series(1, 5) AS n,
         unnest(ARRAY['angered', 'lundby', 'extra-1', 'extra-2']) AS d, unnest(ARRAY['2026-Q2', '2026-Q3']) AS p`,
    );
    // Protected and compared as an import stores figures (written by SQL alone they would be computed per read).
    await inTransaction(child.manager, (em) => protectFigures(em, Area.CHILD_SERVICES, ['2026-Q2', '2026-Q3'], []));
    const large = await run();
    expect(large.districts).toBe(small.districts + 10);
    expect(large.sql).toEqual(small.sql);
    for (const name of AREA_SUBGRAPHS) {
      expect(large.entityCalls[name]).toBe(1);
      expect(small.sql[name]).toBeLessThanOrEqual(5);
    }
  });
});
