import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

let graph: TestSupergraph;

beforeAll(async () => {
  graph = await startSupergraph({ only: ['organisation'] });
});
afterAll(() => graph.close());

const org = (query: string, variables?: Record<string, unknown>) => graph.subgraph('organisation', query, { variables });

describe('districts', () => {
  it('lists the ten demo districts, all active, in name order', async () => {
    const { data } = await org('{ districts { code name population active } }');
    const districts = data?.districts as { code: string; active: boolean; population: number }[];
    expect(districts).toHaveLength(10);
    expect(districts.every((d) => d.active)).toBe(true);
    expect(districts[0]).toMatchObject({ code: 'angered', name: 'Angered', population: 54000 });
    expect(districts.reduce((sum, d) => sum + d.population, 0)).toBe(567000);
  });

  it('finds a district by code and answers null for an unknown code', async () => {
    const { data, errors } = await org('{ known: district(code: "lundby") { name } unknown: district(code: "atlantis") { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ known: { name: 'Lundby' }, unknown: null });
  });

  it('lists process leaders per area, two for each', async () => {
    const { data } = await org('{ areas { area name processLeaders { name email areas } } }');
    const areas = data?.areas as { area: string; processLeaders: { email: string; areas: string[] }[] }[];
    expect(areas.map((a) => a.area)).toEqual(['CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT']);
    for (const area of areas) {
      expect(area.processLeaders).toHaveLength(2);
      expect(area.processLeaders.every((p) => p.areas.includes(area.area) && p.email.endsWith('.example'))).toBe(true);
    }
  });

  it('loading the demo data again changes nothing', async () => {
    const runtime = graph.subgraphs.organisation!;
    const count = async () =>
      (await runtime.db.query('SELECT (SELECT count(*) FROM district) AS d, (SELECT count(*) FROM process_leader) AS p'))[0];
    const before = await count();
    await runtime.definition.seed!(runtime.db, '2026-11-22');
    expect(await count()).toEqual(before);
    expect(before).toEqual({ d: 10, p: 8 });
  });
});

describe('the 2021 reorganisation', () => {
  beforeAll(async () => {
    // On 1 January 2021 the ten committees were replaced by four area committees.
    const merges: Record<string, string[]> = {
      nordost: ['angered', 'ostra-goteborg'],
      'centrum-2021': ['centrum', 'majorna-linne', 'orgryte-harlanda'],
      sydvast: ['askim-frolunda-hogsbo', 'vastra-goteborg'],
      hisingen: ['lundby', 'norra-hisingen', 'vastra-hisingen'],
    };
    const names: Record<string, string> = {
      nordost: 'Nordost',
      'centrum-2021': 'Centrum (2021)',
      sydvast: 'Sydväst',
      hisingen: 'Hisingen',
    };
    const db = graph.subgraphs.organisation!.db;
    for (const [code, predecessors] of Object.entries(merges)) {
      const [{ id }] = await db.query(`INSERT INTO district (code, name, valid_from) VALUES ($1, $2, '2021-01-01') RETURNING id`, [
        code,
        names[code],
      ]);
      await db.query(`UPDATE district SET valid_to = '2020-12-31', merged_into_id = $1 WHERE code = ANY($2)`, [id, predecessors]);
    }
  });

  it('lists only the four new districts today', async () => {
    const { data } = await org('{ districts { code active } }');
    expect((data?.districts as { code: string }[]).map((d) => d.code).sort()).toEqual(['centrum-2021', 'hisingen', 'nordost', 'sydvast']);
  });

  it('keeps the history queryable: all fourteen on request, the ten on a day before the merge', async () => {
    const all = await org('{ districts(includeInactive: true) { code } }');
    expect(all.data?.districts).toHaveLength(14);
    const before = await org('query ($on: Date) { districts(on: $on) { code } }', { on: '2015-06-01' });
    expect(before.data?.districts).toHaveLength(10);
  });

  it('links a merged district to its successor and back', async () => {
    const { data } = await org('{ district(code: "angered") { active validTo mergedInto { code name active mergedFrom { code } } } }');
    expect(data?.district).toEqual({
      active: false,
      validTo: '2020-12-31',
      mergedInto: { code: 'nordost', name: 'Nordost', active: true, mergedFrom: [{ code: 'angered' }, { code: 'ostra-goteborg' }] },
    });
  });
});
