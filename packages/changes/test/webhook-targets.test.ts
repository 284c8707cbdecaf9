import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPrivateAddress, loadChangesConfig, retryDelayMs, targetProblem, type ChangesConfig } from '@samsyn/changes';
import { send } from '../src/webhooks/webhook.sender';
import { guardedLookup } from '../src/webhooks/webhook.target';

/** Where a webhook may point, and how a delivery behaves towards a receiver that misbehaves. */
const production = (allowed = ''): ChangesConfig =>
  loadChangesConfig(
    {
      WEBHOOK_SECRET_KEY: 'a-webhook-key-of-more-than-32-characters-long',
      WEBHOOK_ALLOWED_HOSTS: allowed,
      WEBHOOK_TIMEOUT_MS: '500',
    },
    'production',
  );
const development = (): ChangesConfig => loadChangesConfig({ WEBHOOK_TIMEOUT_MS: '500' }, 'test');

describe('webhook targets in production', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.20.0.5/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://localhost/hook',
    'https://localhost./hook',
    'https://api.localhost./hook',
    'https://[::7f00:1]/hook',
    'https://[64:ff9b::a9fe:a9fe]/hook',
    'http://mottagare.example/hook',
    'https://user:password@mottagare.example/hook',
  ])('refuses %s', (url) => {
    expect(targetProblem(new URL(url), production())).not.toBeNull();
  });

  it('takes a public https receiver, and a private one only when its host is listed', () => {
    expect(targetProblem(new URL('https://mottagare.example/hook'), production())).toBeNull();
    expect(targetProblem(new URL('https://10.1.2.3/hook'), production('10.1.2.3'))).toBeNull();
    expect(targetProblem(new URL('http://mottagare.intern/hook'), production('mottagare.intern'))).toBeNull();
    expect(targetProblem(new URL('http://mottagare.intern/hook'), production('annan.intern'))).not.toBeNull();
  });

  it('does not connect to a name that resolves to a private address when the delivery looks it up (DNS rebinding)', async () => {
    // 'localhost' stands for any public-looking name whose DNS answer changed to 127.0.0.1 after registration.
    const lookUp = (config: ChangesConfig) =>
      new Promise<{ error: string | null; address: unknown }>((resolve) =>
        guardedLookup(config, 'localhost')('localhost', {}, (error, address) => resolve({ error: error?.message ?? null, address })),
      );
    expect((await lookUp(production())).error).toMatch(/resolves to a private or loopback address/);
    expect((await lookUp(production('localhost'))).error).toBeNull();
    expect((await lookUp(development())).address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it('tells private addresses from public ones', () => {
    expect(
      ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:10.0.0.1'].filter((address) => !isPrivateAddress(address)),
    ).toEqual([]);
    // IPv6 forms that embed or reach an IPv4 address, or no public network at all.
    expect(
      [
        '::7f00:1', // IPv4-compatible 127.0.0.1
        '::ffff:7f00:1', // IPv4-mapped, in hex
        '::ffff:0:7f00:1', // IPv4-translated
        '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
        '2002:7f00:1::1', // 6to4 of 127.0.0.1
        '2001::1', // Teredo
        '2001:db8::1', // documentation
        'fec0::1', // site-local
        '100::1', // discard
      ].filter((address) => !isPrivateAddress(address)),
    ).toEqual([]);
    expect(['93.184.216.34', '2606:4700::1111'].filter(isPrivateAddress)).toEqual([]);
  });
});

describe('a delivery', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/redirect') response.writeHead(307, { location: '/ok' }).end();
      else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end(), 2000);
      else if (request.url === '/large') response.writeHead(200).end('x'.repeat(200 * 1024));
      else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('follows no redirect: a 3xx is what the receiver answered, not success', async () => {
    expect(await send(`${base}/redirect`, {}, '{}', development())).toMatchObject({ status: 307 });
  });

  it('gives up on a receiver that does not answer within the time limit', async () => {
    const outcome = await send(`${base}/slow`, {}, '{}', development());
    expect(outcome.error).toMatch(/no answer within 500 ms/);
  });

  it('reads no more than 64 KiB of an answer, and its status still counts', async () => {
    const outcome = await send(`${base}/large`, {}, '{}', development());
    expect(outcome).toMatchObject({ status: 200 });
    expect(outcome.error).toBeUndefined();
  });

  it('retries later and later, with jitter, up to an hour', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, low))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, high))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, high)).toBe(60 * 60 * 1000);
    // Attempts for 24 hours: the sum of the shortest delays passes a day within a few dozen tries.
    let waited = 0;
    let tries = 0;
    while (waited < 24 * 60 * 60 * 1000) waited += retryDelayMs(++tries, low);
    expect(tries).toBeLessThan(60);
  });
});
