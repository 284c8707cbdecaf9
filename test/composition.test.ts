import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { AREA_LIST, SUBGRAPHS } from '@samsyn/core';
import { SCHEMA_DIR } from '@samsyn/scripts';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

const printed = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

/** `@apollo/composition` is Elastic-2.0; the Guild's MIT composer is the route that keeps the build MIT. */
describe("the Guild's MIT composer", () => {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      url: `http://localhost/${name}`,
      typeDefs: parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8')),
    })),
  );
  let dir: string;
  let graph: TestSupergraph;

  afterAll(async () => {
    await graph?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('composes the subgraph SDLs without errors into the API of schema/api.graphql', () => {
    expect((result.errors ?? []).map((error) => error.message)).toEqual([]);
    expect(printed(result.publicSdl ?? '')).toEqual(printed(fs.readFileSync(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8')));
  });

  it('gives a supergraph the gateway serves: one query across every subgraph answers in full', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-guild-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(supergraphPath, result.supergraphSdl ?? '');
    graph = await startSupergraph({ gatewayEnv: { SUPERGRAPH_PATH: supergraphPath } });
    const token = await tokenFor({ roles: ['analyst'] });
    const query = `#graphql
      query AcrossAll {
        districts { code name ${AREA_LIST.map((entry) => `${entry.rootField} { name }`).join(' ')} }
        childServices { documents(kind: ROUTINE) { edges { node { slug title } } } }
        incomeSupport { nationalNorm(year: 2026, household: { adults: 1 }) { total } }
      }`;
    type Answer = { districts: { childServices: { name: string } }[]; incomeSupport: { nationalNorm: { total: number } } };
    const answer = await graph.query<Answer>(query, { token });
    expect(answer.errors).toBeUndefined();
    expect(answer).toCallSubgraphs(SUBGRAPHS);
    // One adult living alone: 3 940 + 1 280 kr (the national norm of 2026).
    expect(answer.data!.incomeSupport.nationalNorm.total).toBe(5220);
    expect(answer.data!.districts.length).toBeGreaterThan(0);
    expect(answer.data!.districts.filter((district) => district.childServices.name !== 'Barn och unga')).toEqual([]);
  });
});
