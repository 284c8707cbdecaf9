import { execFile } from 'node:child_process';
import path from 'node:path';
import { createPrincipalResolver, policy, signToken } from '@samsyn/core';
import { demoDistricts, runningDistricts, tokenClaims, UsageError, type TokenArguments } from '@samsyn/scripts';
import { freePort, serveSupergraph, TEST_JWT_SECRET, type HttpSupergraph } from '@samsyn/test-support';

const ROOT = path.resolve(__dirname, '..');
const auth = { secret: TEST_JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };

/** `npm run token` in its own process, asynchronously: the system it asks may run in this one. */
function runToken(args: string[], gatewayUrl: string): Promise<{ status: number | null; out: string; err: string }> {
  const env = { PATH: process.env.PATH ?? '', JWT_SECRET: TEST_JWT_SECRET, GATEWAY_URL: gatewayUrl };
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/dist/token.js'), ...args],
      { env, encoding: 'utf8', timeout: 30_000 },
      (_error, out, err) => resolve({ status: child.exitCode, out: out.trim(), err }),
    );
  });
}

describe('npm run token signs only tokens the API accepts', () => {
  let graph: HttpSupergraph;
  const verify = createPrincipalResolver(auth);
  beforeAll(async () => {
    graph = await serveSupergraph({ only: ['organisation'] });
  });
  afterAll(() => graph.close());

  const claims = (args: TokenArguments) => tokenClaims(args, () => runningDistricts(graph.gateway.url));

  it('refuses a district system without --district, and --district or --area on roles they do not apply to', async () => {
    await expect(claims({ role: ['district-system'] })).rejects.toThrow(
      'a district-system token must name its district: add --district CODE',
    );
    await expect(claims({ role: ['analyst'], district: 'angered' })).rejects.toThrow('--district only applies to --role district-system');
    await expect(claims({ role: ['analyst'], area: ['DISABILITY'] })).rejects.toThrow('--area only applies to --role process-leader');
    await expect(claims({ role: ['process-leader'] })).rejects.toThrow('a process-leader token needs the areas they lead');
  });

  it('checks the district against the running organisation subgraph and says so', async () => {
    await expect(claims({ role: ['district-system'], district: 'atlantis' })).rejects.toThrow(
      `unknown district "atlantis" in the organisation subgraph's districts (via ${graph.gateway.url}); known: angered, askim-frolunda-hogsbo`,
    );
    const angered = await claims({ role: ['district-system'], district: 'angered' });
    const principal = await verify(`Bearer ${await signToken(auth, angered)}`);
    expect(policy.requireDistrictSystemFor(principal, ['angered'])).toMatchObject({ district: 'angered', roles: ['district-system'] });
  });

  it('takes area and role names in any case, with - or _', async () => {
    for (const area of ['child_services', 'child-services', 'Child_Services', 'CHILD_SERVICES']) {
      expect((await claims({ role: ['Process_Leader'], area: [area] })).areas).toEqual(['CHILD_SERVICES']);
    }
    await expect(claims({ role: ['process-leader'], area: ['barn'] })).rejects.toThrow(
      'unknown area "barn"; the areas are CHILD_SERVICES, ADULT_SERVICES, DISABILITY, INCOME_SUPPORT',
    );
    await expect(claims({ role: ['superuser'] })).rejects.toBeInstanceOf(UsageError);
  });

  it('from the command line: a token the API takes, or one line saying why not and exit code 2', async () => {
    const leader = await runToken(['--role', 'process-leader', '--area', 'child_services', '--name', 'Anna Exempel'], graph.gateway.url);
    expect(leader.status).toBe(0);
    const principal = await verify(`Bearer ${leader.out}`);
    expect(policy.canReadUnpublished(principal, 'CHILD_SERVICES')).toBe(true);

    const noDistrict = await runToken(['--role', 'district-system'], graph.gateway.url);
    expect(noDistrict).toMatchObject({ status: 2, out: '' });
    expect(noDistrict.err.split('\n')[0]).toBe(
      'token: a district-system token must name its district: add --district CODE (e.g. --district angered)',
    );

    const offline = await runToken(['--role', 'district-system', '--district', 'atlantis'], `http://127.0.0.1:${await freePort()}/graphql`);
    expect(offline.status).toBe(2);
    expect(offline.err.split('\n')[0]).toContain('unknown district "atlantis" in the demo register (no running gateway answered)');
  });

  it('falls back to the demo register, which holds the districts npm start loads', () => {
    expect([...demoDistricts().codes]).toContain('angered');
  });
});
