import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createPrincipalResolver, policy, signToken, type Principal } from '@samsyn/core';

const CLAIMS = { name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] };

describe('tokens from an identity provider (RS256 keys from a JWKS URL)', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (key: KeyLike, kid = 'key-1') =>
    new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('anna')
      .setIssuer('samsyn')
      .setAudience('samsyn-api')
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token signed with a published key', async () => {
    const resolve = createPrincipalResolver({ jwksUrl, issuer: 'samsyn', audience: 'samsyn-api' });
    expect(await resolve(`Bearer ${await sign(privateKey)}`)).toEqual({
      sub: 'anna',
      name: 'Anna Exempel',
      roles: ['process-leader'],
      areas: ['CHILD_SERVICES'],
      district: undefined,
    });
  });

  it('refuses a key it does not publish, and HS256 tokens even with a known secret', async () => {
    const resolve = createPrincipalResolver({ jwksUrl, issuer: 'samsyn', audience: 'samsyn-api', secret: 'x'.repeat(40) });
    const other = (await generateKeyPair('RS256')).privateKey;
    await expect(resolve(`Bearer ${await sign(other)}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const hs = await signToken(
      { secret: 'x'.repeat(40), issuer: 'samsyn', audience: 'samsyn-api' },
      { sub: 'anna', name: 'A', roles: ['admin'] },
    );
    await expect(resolve(`Bearer ${hs}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('the access policy', () => {
  const leader: Principal = { sub: 'anna', name: 'Anna', roles: ['process-leader'], areas: ['CHILD_SERVICES'] };
  const system: Principal = { sub: 'sys', name: 'System', roles: ['district-system'], district: 'angered', areas: [] };

  it('lets process leaders edit only their own areas, and admins every area', () => {
    expect(policy.requireAreaEditor(leader, 'CHILD_SERVICES')).toBe(leader);
    expect(() => policy.requireAreaEditor(leader, 'DISABILITY')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => policy.requireAreaEditor(null, 'DISABILITY')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(policy.canReadUnpublished({ ...leader, roles: ['admin'], areas: [] }, 'DISABILITY')).toBe(true);
  });

  it('lets a district system speak for its own district only', () => {
    expect(policy.requireDistrictSystemFor(system, ['angered', 'angered'])).toBe(system);
    expect(() => policy.requireDistrictSystemFor(system, ['angered', 'lundby'])).toThrow(/not for lundby/);
    expect(() => policy.requireDistrictSystemFor(leader, ['angered'])).toThrow(/Only a district system/);
  });

  it('keeps the four-eyes rule: no one who wrote, changed or submitted a version publishes it', () => {
    expect(() => policy.requireSecondPair(leader, { submittedBy: 'anna', editors: [] })).toThrow(/You submitted/);
    expect(() => policy.requireSecondPair(leader, { submittedBy: 'jonas', editors: ['jonas', 'anna'] })).toThrow(/wrote or changed/);
    expect(() => policy.requireSecondPair(leader, { submittedBy: 'jonas', editors: ['jonas'] })).not.toThrow();
  });
});

describe('signing development tokens', () => {
  const auth = { secret: 'x'.repeat(40), issuer: 'samsyn', audience: 'samsyn-api', maxLifetimeSeconds: 8 * 3600 };
  const claims = { sub: 'anna', name: 'Anna', roles: ['analyst' as const] };

  it('signs within the maximum lifetime, and the token is accepted', async () => {
    const token = await signToken(auth, claims, '8h');
    expect(await createPrincipalResolver(auth)(`Bearer ${token}`)).toMatchObject({ sub: 'anna' });
  });

  it('refuses to sign a token that would live longer than JWT_MAX_LIFETIME', async () => {
    await expect(signToken(auth, claims, '9h')).rejects.toThrow(/JWT_MAX_LIFETIME/);
  });

  it('refuses a token that lives longer than the verifier allows, though another service would sign it', async () => {
    const token = await signToken({ ...auth, maxLifetimeSeconds: 86_400 }, claims, '20h');
    await expect(createPrincipalResolver(auth)(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('JWT_MAX_LIFETIME'),
    });
  });
});
