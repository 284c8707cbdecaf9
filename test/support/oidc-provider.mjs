// A real OpenID Connect provider (panva's oidc-provider, OpenID certified) for the sign-in tests, run in a worker
// thread of the test's process: jest cannot load oidc-provider, an ES module, itself. It issues RS256 JWT access
// tokens by the client credentials grant, carrying the Samsyn claims the test gives each client, and publishes its
// keys at /jwks. Messages: { rotate: true } signs with a new key from then on (the old one stays published);
// the answers are { ready, issuer, otherIssuer } and { rotated, kid }.
//
// workerData: { audience, clients: [{ clientId, secret, claims }] }; the resource `urn:samsyn:api` (the default) gets
// tokens for `audience`, any other resource a client names is the audience of its tokens. Besides the provider itself it runs a second
// one with the same keys under another issuer, whose tokens the gateway must refuse.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import Provider from 'oidc-provider';

const SAMSYN_RESOURCE = 'urn:samsyn:api';
const { audience, clients } = workerData;
const claimsOf = new Map(clients.map((client) => [client.clientId, client.claims]));

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function provider(issuer, keys) {
  return new Provider(issuer, {
    clients: clients.map(({ clientId, secret }) => ({
      client_id: clientId,
      client_secret: secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    jwks: { keys },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => SAMSYN_RESOURCE,
        useGrantedResource: () => true,
        // Any resource a client names becomes the token's audience: the test asks for a foreign one too.
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'samsyn',
          audience: resource === SAMSYN_RESOURCE ? audience : resource,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx, token) => claimsOf.get(token.clientId),
  });
}

/** An HTTP server on a free port whose handler can be swapped (a rotation keeps the issuer and its port). */
async function listen() {
  let handler = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, serve: (next) => (handler = next) };
}

const keys = [newKey()];
const main = await listen();
main.serve(provider(main.url, keys).callback());
const other = await listen();
other.serve(provider(other.url, keys).callback());

parentPort.on('message', (message) => {
  if (!message.rotate) return;
  // The new key signs from now on; the old one stays in the JWKS, so tokens signed before still verify.
  keys.unshift(newKey());
  main.serve(provider(main.url, keys).callback());
  parentPort.postMessage({ rotated: true, kid: keys[0].kid });
});
parentPort.postMessage({ ready: true, issuer: main.url, otherIssuer: other.url });
