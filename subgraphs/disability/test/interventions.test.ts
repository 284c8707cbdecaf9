import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

describe('the disability catalogue', () => {
  let graph: TestSupergraph;
  let analyst: string;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['disability'] });
    analyst = await tokenFor({ roles: ['analyst'] });
  });
  afterAll(() => graph.close());

  it('lists the ten LSS interventions in the order of LSS 9 §, then the SoL interventions', async () => {
    const { data, errors } = await graph.subgraph<{
      disability: { lss: { position: number; provision: string; name: string }[]; all: { code: string; law: string }[] };
    }>(
      'disability',
      `#graphql
      query Catalogue { disability { lss: interventions(law: LSS) { position provision name } all: interventions { code law } } }`,
    );
    expect(errors).toBeUndefined();
    const { lss, all } = data!.disability;
    expect(lss.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lss.map((i) => i.name)).toEqual([
      'Rådgivning och annat personligt stöd',
      'Personlig assistans',
      'Ledsagarservice',
      'Kontaktperson',
      'Avlösarservice i hemmet',
      'Korttidsvistelse utanför det egna hemmet',
      'Korttidstillsyn för skolungdom över 12 år',
      'Boende i familjehem eller bostad med särskild service för barn eller ungdomar',
      'Bostad med särskild service för vuxna',
      'Daglig verksamhet',
    ]);
    expect(lss[2].provision).toBe('LSS 9 § 3');
    expect(all.slice(0, 10).filter((i) => i.law !== 'LSS')).toEqual([]);
    expect(all.slice(10).filter((i) => i.law !== 'SOL')).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
  });

  it('links each intervention to the guideline that sets its level, as in force', async () => {
    const { data, errors } = await graph.subgraph<{ disability: { interventions: { code: string }[] } }>(
      'disability',
      `#graphql
      query Levels { disability { interventions(law: LSS) { code guideline { slug current { number } } level { unit normal } } } }`,
    );
    expect(errors).toBeUndefined();
    const byCode = Object.fromEntries(data!.disability.interventions.map((i) => [i.code, i]));
    // The version in review raises companion service to 25 hours; the one in force says 20.
    expect(byCode['LSS-3']).toEqual({
      code: 'LSS-3',
      guideline: { slug: 'riktlinje-lss', current: { number: 1 } },
      level: { unit: 'timmar per månad', normal: 20 },
    });
    expect(byCode['LSS-2']).toMatchObject({ guideline: { slug: 'riktlinje-personlig-assistans' }, level: null });
  });

  it('breaks decisions not carried out within three months down by intervention, adding up to DI-NOTEX3M', async () => {
    type Breakdown = {
      disability: {
        decisionsNotCarriedOut: {
          intervention: { code: string };
          decisions: number | null;
          notCarriedOut: number | null;
          suppressed: boolean;
        }[];
        comparison: {
          entries: { district: { code: string }; numerator: number | null; denominator: number | null; suppressed: boolean }[];
        };
      };
    };
    const { data, errors } = await graph.subgraph<Breakdown>(
      'disability',
      `#graphql
      query Breakdown {
        disability {
          decisionsNotCarriedOut(period: "2026-Q3", district: "centrum") { intervention { code } decisions notCarriedOut suppressed }
          comparison(indicator: "DI-NOTEX3M", period: "2026-Q3") { entries { district { code } numerator denominator suppressed } }
        }
      }`,
      { token: analyst },
    );
    expect(errors).toBeUndefined();
    const db = graph.subgraphs.disability!.db;
    const [sums] = await db.query<{ d: number; n: number }[]>(
      `SELECT sum(decisions)::int AS d, sum(not_carried_out)::int AS n FROM decision_not_carried_out WHERE district = 'centrum' AND period = '2026-Q3'`,
    );
    // The indicator the comparison publishes is the sum of the breakdown.
    const centrum = data!.disability.comparison.entries.find((entry) => entry.district.code === 'centrum');
    expect(centrum).toEqual({ district: { code: 'centrum' }, numerator: sums.n, denominator: sums.d, suppressed: false });
    const breakdown = data!.disability.decisionsNotCarriedOut;
    expect(breakdown.length).toBeGreaterThan(3);
    expect(breakdown.filter((row) => row.suppressed !== (row.decisions === null))).toEqual([]);
  });

  it('takes a district system’s quarterly report for its own district and keeps the indicator in step', async () => {
    const centrum = await tokenFor({ roles: ['district-system'], district: 'centrum' });
    const REPORT = `#graphql
      mutation ReportDecisions($input: [DecisionsInput!]!) { disability { reportDecisionsNotCarriedOut(input: $input) { inserted updated } } }`;
    const input = [
      { district: 'centrum', period: '2026-Q4', intervention: 'LSS-3', decisions: 20, notCarriedOut: 6 },
      { district: 'centrum', period: '2026-Q4', intervention: 'LSS-9', decisions: 10, notCarriedOut: 2 },
    ];
    expect((await graph.subgraph('disability', REPORT, { variables: { input }, token: centrum })).data).toEqual({
      disability: { reportDecisionsNotCarriedOut: { inserted: 2, updated: 0 } },
    });
    const indicator = await graph.subgraphs.disability!.db.query<{ numerator: number; denominator: number }[]>(
      `SELECT numerator, denominator FROM observation WHERE indicator_code = 'DI-NOTEX3M' AND district = 'centrum' AND period = '2026-Q4'`,
    );
    expect(indicator).toEqual([{ numerator: 8, denominator: 30 }]);

    const bad = await graph.subgraph('disability', REPORT, { variables: { input: [{ ...input[0], notCarriedOut: 30 }] }, token: centrum });
    expect(bad).toHaveErrorCode('BAD_USER_INPUT');
    const other = await graph.subgraph('disability', REPORT, {
      variables: { input: [{ ...input[0], district: 'lundby' }] },
      token: centrum,
    });
    expect(other).toHaveErrorCode('FORBIDDEN');
  });
});
