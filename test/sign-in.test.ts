import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { serveSupergraph, type HttpSupergraph } from '@samsyn/test-support';

/** The audience Samsyn's gateway is configured to take (JWT_AUDIENCE): the OIDC client id, as behind oauth2-proxy. */
const AUDIENCE = 'samsyn';

/** The provider's clients, each with the Samsyn claims its tokens carry (invented people and one district system). */
const CLIENTS = [
  { clientId: 'maja-lindqvist', claims: { name: 'Maja Lindqvist', roles: ['process-leader'], areas: ['CHILD_SERVICES'] } },
  { clientId: 'sara-holm', claims: { name: 'Sara Holm', roles: ['analyst'] } },
  { clientId: 'angered-system', claims: { name: 'Angereds verksamhetssystem', roles: ['district-system'], district: 'angered' } },
].map((client) => ({ ...client, secret: `${client.clientId}-secret-of-enough-length` }));

interface Provider {
  issuer: string;
  otherIssuer: string;
  worker: Worker;
}

/** A token from the provider at `issuer` (client credentials) for `resource`: Samsyn's (audience AUDIENCE) unless named. */
async function tokenFrom(issuer: string, clientId: string, resource = 'urn:samsyn:api'): Promise<string> {
  const client = CLIENTS.find((c) => c.clientId === clientId)!;
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: client.secret,
      scope: 'samsyn',
      resource,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!body.access_token) throw new Error(`the provider gave no token: ${body.error}: ${body.error_description}`);
  return body.access_token;
}

const keyIdOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;

describe('sign-in through an OpenID Connect provider (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE)', () => {
  let provider: Provider;
  let system: HttpSupergraph;

  beforeAll(async () => {
    const worker = new Worker(path.join(__dirname, 'support/oidc-provider.mjs'), { workerData: { audience: AUDIENCE, clients: CLIENTS } });
    const ready = await new Promise<{ issuer: string; otherIssuer: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    provider = { ...ready, worker };
    system = await serveSupergraph({
      only: [],
      gatewayEnv: { JWT_JWKS_URL: `${provider.issuer}/jwks`, JWT_ISSUER: provider.issuer, JWT_AUDIENCE: AUDIENCE },
    });
  });
  afterAll(async () => {
    await system?.close();
    await provider?.worker.terminate();
  });

  /** Who the gateway takes a token's bearer for (GET /auth/session, as the web app asks behind the proxy). */
  const session = async (token: string) =>
    (
      (await (await fetch(`${system.base('gateway')}/auth/session`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        principal: unknown;
      }
    ).principal;

  /** The gateway's answer to a GraphQL request carrying the token: its HTTP status and the error codes. */
  const ask = async (token: string) => {
    const response = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code) };
  };

  it("reads Samsyn's claims from the provider's tokens, verified through its JWKS", async () => {
    expect(await session(await tokenFrom(provider.issuer, 'maja-lindqvist'))).toEqual({
      name: 'Maja Lindqvist',
      roles: ['process-leader'],
      district: null,
      areas: ['CHILD_SERVICES'],
    });
    expect(await session(await tokenFrom(provider.issuer, 'angered-system'))).toEqual({
      name: 'Angereds verksamhetssystem',
      roles: ['district-system'],
      district: 'angered',
      areas: [],
    });
    expect(await ask(await tokenFrom(provider.issuer, 'sara-holm'))).toEqual({ status: 200, codes: [] });
  });

  it('refuses a token of another issuer, though signed with the same keys', async () => {
    const foreign = await tokenFrom(provider.otherIssuer, 'sara-holm');
    expect(await ask(foreign)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(await session(foreign)).toBeNull();
  });

  it('refuses a token for another audience', async () => {
    const elsewhere = await tokenFrom(provider.issuer, 'sara-holm', 'https://another-service.example/api');
    expect(await ask(elsewhere)).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
  });

  it('follows a key rotation without a restart: tokens signed with the new key are taken, those signed before still are', async () => {
    const before = await tokenFrom(provider.issuer, 'sara-holm');
    expect(await ask(before)).toEqual({ status: 200, codes: [] });
    const rotated = new Promise<{ kid: string }>((resolve) => provider.worker.once('message', resolve));
    provider.worker.postMessage({ rotate: true });
    const { kid } = await rotated;
    const after = await tokenFrom(provider.issuer, 'maja-lindqvist');
    expect(keyIdOf(after)).toBe(kid);
    expect(keyIdOf(after)).not.toBe(keyIdOf(before));
    // The gateway fetches the JWKS again for a key it does not know, at most every 30 s (jose's cooldown).
    let answer = await ask(after);
    for (const deadline = Date.now() + 90_000; answer.status !== 200 && Date.now() < deadline; answer = await ask(after)) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answer).toEqual({ status: 200, codes: [] });
    expect(await session(after)).toEqual(expect.objectContaining({ name: 'Maja Lindqvist', roles: ['process-leader'] }));
    expect(await ask(before)).toEqual({ status: 200, codes: [] });
  }, 120_000);
});
