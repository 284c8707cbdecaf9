import { ObservationService } from '@samsyn/equality';
import { Area } from '@samsyn/area';
import { readObservationCsv } from '@samsyn/scripts';
import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

const OPERATOR = { sub: 'import:test', name: 'Import', roles: ['admin' as const], areas: [] };
const KNOWN = new Set(['angered', 'lundby']);

describe('importing figures from a CSV file', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['income-support'], seed: true });
  });
  afterAll(() => graph.close());

  it('reads the long format: counts for proportions, a value and cases for medians', () => {
    const rows = readObservationCsv(
      'indicator,district,period,numerator,denominator,value\nIS-LONG,angered,2027-Q1,30,100,\nIS-DAYS,lundby,2027-Q1,,40,8.5\n',
    );
    expect(rows).toEqual([
      { indicator: 'IS-LONG', district: 'angered', period: '2027-Q1', numerator: 30, denominator: 100, value: undefined },
      { indicator: 'IS-DAYS', district: 'lundby', period: '2027-Q1', numerator: undefined, denominator: 40, value: 8.5 },
    ]);
  });

  it('stores through the same validation as a report, and counts inserted, updated and unchanged', async () => {
    const service = new ObservationService(graph.subgraphs['income-support']!.db.manager, []);
    const csv = 'indicator,district,period,numerator,denominator,value\nIS-LONG,angered,2027-Q1,30,100,\nIS-LONG,lundby,2027-Q1,25,90,\n';
    expect(await service.store(OPERATOR, Area.INCOME_SUPPORT, readObservationCsv(csv), KNOWN)).toMatchObject({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const changed = csv.replace('30,100', '31,100');
    expect(await service.store(OPERATOR, Area.INCOME_SUPPORT, readObservationCsv(changed), KNOWN)).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it('refuses the whole file for an unknown district or a count that is not a whole number, storing nothing', async () => {
    const service = new ObservationService(graph.subgraphs['income-support']!.db.manager, []);
    const csv =
      'indicator,district,period,numerator,denominator,value\nIS-LONG,angered,2027-Q2,30,100,\nIS-LONG,atlantis,2027-Q2,3,10,\nIS-LONG,lundby,2027-Q2,2.5,10,\n';
    await expect(service.store(OPERATOR, Area.INCOME_SUPPORT, readObservationCsv(csv), KNOWN)).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        rows: [expect.objectContaining({ row: 2, problems: ['unknown district atlantis'] }), expect.objectContaining({ row: 3 })],
      },
    });
    const stored = await graph.subgraphs['income-support']!.db.query(`SELECT count(*) AS n FROM observation WHERE period = '2027-Q2'`);
    expect(stored).toEqual([{ n: 0 }]);
  });
});
