import fs from 'node:fs';
import path from 'node:path';
import {
  composeSchemas,
  dockerCompose,
  DOCKER_COMPOSE_FILE,
  KEYCLOAK_REALM_FILE,
  keycloakRealm,
  schemaFiles,
  SCHEMA_DIR,
} from '@samsyn/scripts';
import { AREA_LIST, ROLES, SUBGRAPHS } from '@samsyn/core';

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

describe('sign-in in docker-compose.yml', () => {
  interface Realm {
    realm: string;
    groups: { name: string }[];
    roles: { client: Record<string, { name: string }[]> };
    clients: { clientId: string; secret: string; protocolMappers: { config: Record<string, string> }[] }[];
    users: { username: string; clientRoles: Record<string, string[]>; groups: string[] }[];
  }

  it("mounts the realm `npm run compose` writes, whose people of every role get Samsyn's claims, and verifies its tokens", () => {
    expect(fs.readFileSync(KEYCLOAK_REALM_FILE, 'utf8')).toBe(keycloakRealm());
    const realm = JSON.parse(keycloakRealm()) as Realm;
    const [samsyn, district] = realm.clients;
    // Two process leaders of one area (four eyes), an analyst and an admin.
    expect(
      realm.users
        .map((user) => user.clientRoles[samsyn.clientId])
        .flat()
        .sort(),
    ).toEqual(['admin', 'analyst', 'process-leader', 'process-leader']);
    expect(realm.users.filter((user) => user.groups.includes('/CHILD_SERVICES'))).toHaveLength(2);
    expect(realm.roles.client[samsyn.clientId].map((role) => role.name).sort()).toEqual([...ROLES].sort());
    expect(realm.groups.map((group) => group.name)).toEqual(AREA_LIST.map((area) => area.area));
    // The claims Samsyn reads (packages/core/src/auth/verify.ts).
    expect(samsyn.protocolMappers.map((mapper) => mapper.config['claim.name'])).toEqual(['roles', 'areas']);
    expect(district.protocolMappers.map((mapper) => mapper.config['claim.name'] ?? mapper.config['included.client.audience'])).toEqual([
      samsyn.clientId,
      'roles',
      'district',
    ]);

    const compose = dockerCompose();
    expect(compose).toContain(`./deploy/keycloak/samsyn-realm.json:/opt/keycloak/data/import/samsyn-realm.json:ro`);
    const issuer = `${/KC_HOSTNAME: (\S+)/.exec(compose)?.[1]}/realms/${realm.realm}`;
    expect(compose).toContain(`    JWT_ISSUER: ${issuer}\n    JWT_AUDIENCE: ${samsyn.clientId}\n`);
    expect(compose).toContain(`    JWT_JWKS_URL: http://keycloak:8080/realms/${realm.realm}/protocol/openid-connect/certs\n`);
    expect(compose).toContain(`      OAUTH2_PROXY_OIDC_ISSUER_URL: ${issuer}\n`);
    expect(compose).toContain(`      OAUTH2_PROXY_CLIENT_ID: ${samsyn.clientId}\n      OAUTH2_PROXY_CLIENT_SECRET: ${samsyn.secret}\n`);
    expect(compose).toContain(`      OAUTH2_PROXY_UPSTREAMS: http://gateway:4000/\n`);
    expect(compose).not.toContain('JWT_SECRET');
  });
});
