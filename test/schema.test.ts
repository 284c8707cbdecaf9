import fs from 'node:fs';
import path from 'node:path';
import { composeSchemas, dockerCompose, DOCKER_COMPOSE_FILE, schemaFiles, SCHEMA_DIR } from '@samsyn/scripts';
import { SUBGRAPHS } from '@samsyn/core';

describe('schema/', () => {
  it('composes without errors and matches the committed files (run `npm run compose` after a schema change)', async () => {
    const files = schemaFiles(await composeSchemas());
    for (const [file, content] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8');
      expect({ file, content: committed }).toEqual({ file, content });
    }
  });

  it('holds one District, owned by organisation (keyed by id and code) and extended by each area by code', async () => {
    const { supergraph } = await composeSchemas();
    const district = /type District\s[^{]*\{/.exec(supergraph)?.[0] ?? '';
    expect(district).toContain('@join__type(graph: ORGANISATION, key: "id")');
    for (const graph of ['ORGANISATION', 'CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT']) {
      expect(district).toContain(`@join__type(graph: ${graph}, key: "code")`);
    }
  });
});

describe('docker-compose.yml', () => {
  it('is the one `npm run compose` writes from the list of subgraphs: a container per subgraph, each known to the gateway', () => {
    const committed = fs.readFileSync(DOCKER_COMPOSE_FILE, 'utf8');
    expect(committed).toBe(dockerCompose());
    for (const name of SUBGRAPHS) {
      expect(committed).toContain(`\n  ${name}:\n    <<: *service\n    command: ['node', 'subgraphs/${name}/dist/src/index.js']`);
      expect(committed).toContain(`_URL: http://${name}:4000/graphql`);
    }
  });
});
