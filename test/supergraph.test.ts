import { AREA_LIST, SUBGRAPHS, subgraphOf } from '@samsyn/core';
import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

const AREA_SUBGRAPHS = AREA_LIST.map((entry) => subgraphOf(entry.area));
/** `childServices { name } adultServices { name } …`: every area's namespace, with `fields`. */
const everyArea = (fields: string) => AREA_LIST.map((entry) => `${entry.rootField} { ${fields} }`).join(' ');

describe('the supergraph', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph();
  });
  afterAll(() => graph.close());

  it('answers one query that crosses every subgraph', async () => {
    const result = await graph.query<Record<string, unknown> & { districts: Record<string, unknown>[] }>(`#graphql
      query AcrossAll {
        districts { code ${everyArea('name')} }
        areas { area processLeaders { name } }
        ${everyArea('name')}
      }`);
    const { data, errors } = result;
    expect(errors).toBeUndefined();
    const districts = data!.districts;
    expect(districts.length).toBeGreaterThan(0);
    const names = Object.fromEntries(AREA_LIST.map((entry) => [entry.rootField, { name: entry.name }]));
    expect(districts[0]).toMatchObject({ code: 'angered', ...names });
    expect(data).toMatchObject(names);
    expect(result).toCallSubgraphs(SUBGRAPHS);
  });

  it('resolves all districts of an area in one _entities call and at most one SQL statement per area subgraph', async () => {
    const before = graph.sqlCounts();
    const result = await graph.query(`#graphql
      query AreaProfiles {
        districts { code ${everyArea('area name')} }
      }`);
    expect(result.errors).toBeUndefined();
    expect(result).toCallSubgraphs(SUBGRAPHS);
    const after = graph.sqlCounts();
    for (const subgraph of AREA_SUBGRAPHS) {
      const calls = result.calls.filter((call) => call.subgraph === subgraph);
      expect(calls).toHaveLength(1);
      expect(calls[0].query).toContain('_entities');
      expect(after[subgraph] - before[subgraph]).toBeLessThanOrEqual(1);
    }
  });

  it('refuses an unknown field before calling any subgraph', async () => {
    const result = await graph.query(`#graphql
      query ShoeSize { districts { code shoeSize } }`);
    expect(result.status).toBe(400);
    expect(result).toHaveErrorCode('GRAPHQL_VALIDATION_FAILED');
    expect(result).toCallSubgraphs([]);
  });

  // The one demo smoke test: the demo data fills every subgraph, and loading it again changes nothing.
  it('loads the demo data once: documents, figures and the register in every subgraph, and loading it again changes nothing', async () => {
    const counts = async () => {
      const result: Record<string, number> = {};
      for (const [name, runtime] of Object.entries(graph.subgraphs)) {
        const tables = await runtime.db.query<{ table_name: string }[]>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'migrations' ORDER BY table_name`,
        );
        for (const { table_name } of tables) {
          const [{ n }] = await runtime.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table_name}"`);
          result[`${name}.${table_name}`] = n;
        }
      }
      return result;
    };
    const before = await counts();
    const filled = ['organisation.district', 'organisation.process_leader'].concat(
      AREA_SUBGRAPHS.flatMap((name) => [`${name}.document`, `${name}.document_version`, `${name}.indicator`, `${name}.observation`]),
    );
    expect(filled.filter((table) => !before[table])).toEqual([]);
    for (const runtime of Object.values(graph.subgraphs)) await runtime.definition.seed!(runtime.db, '2026-11-22');
    expect(await counts()).toEqual(before);
  });

  it('answers null for an unknown district code', async () => {
    const { data, errors } = await graph.query(`#graphql
      query UnknownDistrict { district(code: "atlantis") { name childServices { name } } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ district: null });
  });
});

describe('the supergraph with a subgraph down', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['organisation', 'child-services', 'adult-services', 'income-support'] });
  });
  afterAll(() => graph.close());

  it("returns the other subgraphs' data and an error naming the one that is down", async () => {
    const { data, errors } = await graph.query<{ districts: unknown[]; disability: unknown; incomeSupport: unknown }>(`#graphql
      query OneDown { districts { code childServices { name } } disability { name } incomeSupport { name } }`);
    expect(data?.districts.length).toBeGreaterThan(0);
    expect(data?.incomeSupport).toEqual({ name: 'Försörjningsstöd' });
    expect(data?.disability ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'disability' } });
    expect(errors?.[0].message).toContain('disability');
  });
});
