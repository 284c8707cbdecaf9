import path from 'node:path';
import { AREA_LIST } from '@samsyn/core';

/*
 * The demo's identity provider: a Keycloak realm, imported from a file on start (docker-compose.yml), with demo
 * people of every role and one district system. Its tokens carry Samsyn's claims (packages/core/src/auth/verify.ts):
 * `roles` from the client roles of `samsyn`, `areas` from the groups (one per area, named as the API names it),
 * `name` from the profile, and for the district system `district`. Every name here is invented.
 */

/** Where `npm run compose` writes the realm; docker-compose.yml mounts it into Keycloak. */
export const KEYCLOAK_REALM_FILE = path.resolve(__dirname, '../../deploy/keycloak/samsyn-realm.json');

/** How the browser reaches the provider and oauth2-proxy (published ports), and how the containers reach Keycloak. */
export const SIGN_IN = {
  realm: 'samsyn',
  clientId: 'samsyn',
  /** The issuer in every token: the address the browser signs in at (KC_HOSTNAME). */
  issuer: 'http://localhost:8080/realms/samsyn',
  /** The same realm from inside the compose network. */
  internal: 'http://keycloak:8080/realms/samsyn',
  proxy: 'http://localhost:4180',
  /** Demo only, like the passwords below: a real deployment registers its own client with the city's provider. */
  clientSecret: 'samsyn-demo-client-secret-not-for-production',
  districtClient: { clientId: 'district-angered', secret: 'angered-demo-client-secret-not-for-production', district: 'angered' },
} as const;

/** The images docker-compose.yml and the demo Kubernetes overlay run (the same in both). */
export const SIGN_IN_IMAGES = {
  keycloak: 'quay.io/keycloak/keycloak:26.3',
  oauth2Proxy: 'quay.io/oauth2-proxy/oauth2-proxy:v7.8.1',
} as const;

/** The demo people: two process leaders of the same area (so that one can publish what the other wrote), an analyst, an admin. */
export const DEMO_PEOPLE = [
  { username: 'maja', firstName: 'Maja', lastName: 'Lindqvist', role: 'process-leader', areas: ['CHILD_SERVICES'] },
  { username: 'johan', firstName: 'Johan', lastName: 'Ekberg', role: 'process-leader', areas: ['CHILD_SERVICES', 'ADULT_SERVICES'] },
  { username: 'sara', firstName: 'Sara', lastName: 'Holm', role: 'analyst', areas: [] },
  { username: 'leif', firstName: 'Leif', lastName: 'Nyström', role: 'admin', areas: [] },
] as const;

/** Every demo person's password (the realm is a demo: change it, or better, use the city's own provider). */
export const DEMO_PASSWORD = 'samsyn-demo';

const ROLES = ['process-leader', 'analyst', 'admin', 'district-system'];

/** A mapper that puts a claim into the ID token, the access token and userinfo. */
function mapper(name: string, protocolMapper: string, config: Record<string, string>) {
  return {
    name,
    protocol: 'openid-connect',
    protocolMapper,
    config: { 'id.token.claim': 'true', 'access.token.claim': 'true', 'userinfo.token.claim': 'true', ...config },
  };
}

/** The realm as Keycloak imports it (`start-dev --import-realm`). */
export function keycloakRealm(): string {
  const realm = {
    realm: SIGN_IN.realm,
    enabled: true,
    displayName: 'Samsyn (demo)',
    sslRequired: 'external',
    registrationAllowed: false,
    // Samsyn refuses tokens that live longer than JWT_MAX_LIFETIME (24 h); oauth2-proxy refreshes them (cookie_refresh).
    accessTokenLifespan: 900,
    roles: { client: { [SIGN_IN.clientId]: ROLES.map((name) => ({ name })) } },
    groups: AREA_LIST.map(({ area }) => ({ name: area })),
    clients: [
      {
        clientId: SIGN_IN.clientId,
        name: 'Samsyn',
        enabled: true,
        protocol: 'openid-connect',
        publicClient: false,
        secret: SIGN_IN.clientSecret,
        standardFlowEnabled: true,
        directAccessGrantsEnabled: false,
        redirectUris: [`${SIGN_IN.proxy}/oauth2/callback`],
        webOrigins: [SIGN_IN.proxy],
        attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': `${SIGN_IN.proxy}/*` },
        protocolMappers: [
          mapper('samsyn roles', 'oidc-usermodel-client-role-mapper', {
            'usermodel.clientRoleMapping.clientId': SIGN_IN.clientId,
            'claim.name': 'roles',
            multivalued: 'true',
            'jsonType.label': 'String',
          }),
          mapper('samsyn areas', 'oidc-group-membership-mapper', { 'claim.name': 'areas', 'full.path': 'false' }),
        ],
      },
      {
        // A district system signs in by itself (client credentials) and calls the gateway directly, not through the proxy.
        clientId: SIGN_IN.districtClient.clientId,
        name: 'Angereds verksamhetssystem',
        enabled: true,
        protocol: 'openid-connect',
        publicClient: false,
        secret: SIGN_IN.districtClient.secret,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: true,
        protocolMappers: [
          mapper('samsyn audience', 'oidc-audience-mapper', { 'included.client.audience': SIGN_IN.clientId, 'id.token.claim': 'false' }),
          mapper('samsyn roles', 'oidc-hardcoded-claim-mapper', {
            'claim.name': 'roles',
            'claim.value': JSON.stringify(['district-system']),
            'jsonType.label': 'JSON',
          }),
          mapper('samsyn district', 'oidc-hardcoded-claim-mapper', {
            'claim.name': 'district',
            'claim.value': SIGN_IN.districtClient.district,
            'jsonType.label': 'String',
          }),
        ],
      },
    ],
    users: DEMO_PEOPLE.map((person, index) => ({
      // Fixed ids: the token's `sub`, which four eyes and the audit log go by, stays the same across restarts.
      id: `00000000-0000-4000-8000-00000000000${index + 1}`,
      username: person.username,
      enabled: true,
      email: `${person.username}@stad.example`,
      emailVerified: true,
      firstName: person.firstName,
      lastName: person.lastName,
      credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
      clientRoles: { [SIGN_IN.clientId]: [person.role] },
      groups: person.areas.map((area) => `/${area}`),
    })),
  };
  return `${JSON.stringify(realm, null, 2)}\n`;
}
