import { AREA_LIST } from '@samsyn/core';
import { buildDistrict, buildProcessLeader, startSupergraph, type TestSupergraph } from '@samsyn/test-support';

/** The district register, arranged here: ten districts and two process leaders per area. */
let graph: TestSupergraph;

const DISTRICTS = [
  ['angered', 'Angered', 54000],
  ['askim-frolunda-hogsbo', 'Askim-Frölunda-Högsbo', 61000],
  ['centrum', 'Centrum', 60000],
  ['lundby', 'Lundby', 48000],
  ['majorna-linne', 'Majorna-Linné', 64000],
  ['norra-hisingen', 'Norra Hisingen', 39000],
  ['orgryte-harlanda', 'Örgryte-Härlanda', 57000],
  ['ostra-goteborg', 'Östra Göteborg', 50000],
  ['vastra-goteborg', 'Västra Göteborg', 51000],
  ['vastra-hisingen', 'Västra Hisingen', 63000],
] as const;
const AREAS = AREA_LIST.map((entry) => entry.area);

beforeAll(async () => {
  graph = await startSupergraph({ only: ['organisation'], seed: false });
  for (const [code, name, population] of DISTRICTS) await buildDistrict(db(), { code, name, population });
  for (const area of AREAS) {
    for (const n of [1, 2])
      await buildProcessLeader(db(), { name: `Ledare ${n} ${area}`, email: `${area}-${n}@stad.example`, areas: [area] });
  }
});
afterAll(() => graph.close());

const db = () => graph.subgraphs.organisation!.db;
const org = <TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  graph.subgraph<TData>('organisation', query, { variables });

type District = { code: string; name: string; population: number; active: boolean };

describe('districts', () => {
  it('lists the districts, all active, in name order, with their population', async () => {
    const { data, errors } = await org<{ districts: District[] }>(`#graphql
      query Districts { districts { code name population active } }`);
    expect(errors).toBeUndefined();
    expect(data!.districts).toEqual(
      [...DISTRICTS]
        .sort(([, a], [, b]) => a.localeCompare(b, 'sv'))
        .map(([code, name, population]) => ({ code, name, population, active: true })),
    );
  });

  it('finds a district by code and answers null for an unknown code', async () => {
    const { data, errors } = await org(`#graphql
      query Lookup { known: district(code: "lundby") { name } unknown: district(code: "atlantis") { name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ known: { name: 'Lundby' }, unknown: null });
  });

  it('lists process leaders per area, only those of the area', async () => {
    const { data, errors } = await org<{ areas: { area: string; processLeaders: { email: string; areas: string[] }[] }[] }>(`#graphql
      query ProcessLeaders { areas { area name processLeaders { name email areas } } }`);
    expect(errors).toBeUndefined();
    expect(data!.areas.map((a) => a.area)).toEqual([...AREAS]);
    for (const area of data!.areas) {
      expect(area.processLeaders.map((p) => p.email).sort()).toEqual([`${area.area}-1@stad.example`, `${area.area}-2@stad.example`]);
      expect(area.processLeaders.filter((p) => !p.areas.includes(area.area))).toEqual([]);
    }
  });
});

describe('the 2021 reorganisation', () => {
  beforeAll(async () => {
    // On 1 January 2021 the ten committees were replaced by four area committees.
    const merges: [string, string, string[]][] = [
      ['nordost', 'Nordost', ['angered', 'ostra-goteborg']],
      ['centrum-2021', 'Centrum (2021)', ['centrum', 'majorna-linne', 'orgryte-harlanda']],
      ['sydvast', 'Sydväst', ['askim-frolunda-hogsbo', 'vastra-goteborg']],
      ['hisingen', 'Hisingen', ['lundby', 'norra-hisingen', 'vastra-hisingen']],
    ];
    for (const [code, name, predecessors] of merges) {
      const { id } = await buildDistrict(db(), { code, name, validFrom: '2021-01-01' });
      await db().query(`UPDATE district SET valid_to = '2020-12-31', merged_into_id = $1 WHERE code = ANY($2)`, [id, predecessors]);
    }
  });

  it('lists only the four new districts today', async () => {
    const { data } = await org<{ districts: { code: string }[] }>(`#graphql
      query Today { districts { code active } }`);
    expect(data!.districts.map((d) => d.code).sort()).toEqual(['centrum-2021', 'hisingen', 'nordost', 'sydvast']);
  });

  it('keeps the history queryable: all fourteen on request, the ten on a day before the merge', async () => {
    const all = await org<{ districts: unknown[] }>(`#graphql
      query AllDistricts { districts(includeInactive: true) { code } }`);
    expect(all.data?.districts).toHaveLength(14);
    const before = await org<{ districts: { code: string }[] }>(
      `#graphql
      query DistrictsOn($on: Date) { districts(on: $on) { code } }`,
      { on: '2015-06-01' },
    );
    expect(before.data?.districts.map((d) => d.code).sort()).toEqual(DISTRICTS.map(([code]) => code).sort());
  });

  it('links a merged district to its successor and back', async () => {
    const { data } = await org(`#graphql
      query Merged { district(code: "angered") { active validTo mergedInto { code name active mergedFrom { code } } } }`);
    expect(data?.district).toEqual({
      active: false,
      validTo: '2020-12-31',
      mergedInto: { code: 'nordost', name: 'Nordost', active: true, mergedFrom: [{ code: 'angered' }, { code: 'ostra-goteborg' }] },
    });
  });
});
