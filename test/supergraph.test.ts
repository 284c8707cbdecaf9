import { startSupergraph, type TestSupergraph } from '@samsyn/test-support';

const AREA_FIELDS = ['childServices', 'adultServices', 'disability', 'incomeSupport'] as const;

describe('the supergraph', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph();
  });
  afterAll(() => graph.close());

  it('answers one query that crosses all five subgraphs', async () => {
    const { data, errors } = await graph.query(`{
      districts { code childServices { name } adultServices { name } disability { name } incomeSupport { name } }
      areas { area processLeaders { name } }
      childServices { name } adultServices { name } disability { name } incomeSupport { name }
    }`);
    expect(errors).toBeUndefined();
    const districts = data?.districts as Record<string, { name: string }>[];
    expect(districts).toHaveLength(10);
    expect(districts[0]).toMatchObject({
      code: 'angered',
      childServices: { name: 'Barn och unga' },
      adultServices: { name: 'Vuxen' },
      disability: { name: 'Funktionshinder' },
      incomeSupport: { name: 'Försörjningsstöd' },
    });
    expect(data?.incomeSupport).toEqual({ name: 'Försörjningsstöd' });
    expect(new Set(graph.calls.map((call) => call.subgraph)).size).toBe(5);
  });

  it('resolves all districts of an area in one _entities call and at most one SQL statement per area subgraph', async () => {
    graph.calls.length = 0;
    const before = graph.sqlCounts();
    const { errors } = await graph.query(`{ districts { code ${AREA_FIELDS.map((f) => `${f} { area name }`).join(' ')} } }`);
    expect(errors).toBeUndefined();
    const after = graph.sqlCounts();
    for (const subgraph of ['child-services', 'adult-services', 'disability', 'income-support'] as const) {
      const calls = graph.calls.filter((call) => call.subgraph === subgraph);
      expect(calls).toHaveLength(1);
      expect(calls[0].query).toContain('_entities');
      expect(after[subgraph] - before[subgraph]).toBeLessThanOrEqual(1);
    }
  });

  it('refuses an unknown field before calling any subgraph', async () => {
    graph.calls.length = 0;
    const { errors, status } = await graph.query('{ districts { code shoeSize } }');
    expect(status).toBe(400);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(graph.calls).toHaveLength(0);
  });

  it('loads the demo data once: loading it again changes nothing in any subgraph', async () => {
    const counts = async () => {
      const result: Record<string, unknown> = {};
      for (const [name, runtime] of Object.entries(graph.subgraphs)) {
        const tables: { table_name: string }[] = await runtime!.db.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'migrations' ORDER BY table_name`,
        );
        for (const { table_name } of tables) {
          const [{ n }] = await runtime!.db.query(`SELECT count(*) AS n FROM "${table_name}"`);
          result[`${name}.${table_name}`] = n;
        }
      }
      return result;
    };
    const before = await counts();
    expect(before['child-services.document']).toBe(9);
    expect(before['income-support.observation']).toBe(360);
    for (const runtime of Object.values(graph.subgraphs)) await runtime!.definition.seed!(runtime!.db, '2026-11-22');
    expect(await counts()).toEqual(before);
  });

  it('answers null for an unknown district code', async () => {
    const { data, errors } = await graph.query('{ district(code: "atlantis") { name childServices { name } } }');
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
    const { data, errors } = await graph.query('{ districts { code childServices { name } } disability { name } incomeSupport { name } }');
    expect(data?.districts).toHaveLength(10);
    expect(data?.incomeSupport).toEqual({ name: 'Försörjningsstöd' });
    expect(data?.disability ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'disability' } });
    expect(errors?.[0].message).toContain('disability');
  });
});
