import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import pino from 'pino';
import { ConfigError, loadConfig } from '@samsyn/core';
import type { RunningHttpService } from '@samsyn/runtime';
import { createGateway, serveGateway } from '@samsyn/gateway';
import { testConfig } from '@samsyn/test-support';

const DASHBOARD_ORIGIN = 'https://likabehandling.example.se';

/** A gateway over HTTP with no subgraph behind it: pages, assets, sign-in and CORS need none. */
async function gatewayWith(env: Record<string, string>): Promise<{ base: string; stop(): Promise<void> }> {
  const config = testConfig('gateway', '_web', { HOST: '127.0.0.1', ...env });
  const service: RunningHttpService = await serveGateway(await createGateway(config), config, 0);
  return { base: new URL(service.url).origin, stop: () => service.stop() };
}

describe('the gateway in development', () => {
  let gateway: { base: string; stop(): Promise<void> };
  beforeAll(async () => {
    gateway = await gatewayWith({ CORS_ORIGINS: `${DASHBOARD_ORIGIN}, http://localhost:5173` });
  });
  afterAll(() => gateway.stop());

  it('sends a browser from / to the dashboard, served with a policy that allows only its own origin', async () => {
    const root = await fetch(`${gateway.base}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/dashboard/');
    const page = await fetch(`${gateway.base}/dashboard/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html.match(/(?:src|href)="[^"]+"/g)).toEqual(['href="data:,"', 'href="/assets/app.css"', 'src="/assets/app.js"']);
  });

  it('serves assets compressed and revalidated, and nothing outside the built folder', async () => {
    const app = await fetch(`${gateway.base}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(app.headers.get('content-encoding')).toBe('gzip');
    const again = await fetch(`${gateway.base}/assets/app.js`, { headers: { 'if-none-match': app.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    for (const probe of ['/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/.tsbuildinfo', '/assets/nothing.js']) {
      expect([probe, (await fetch(`${gateway.base}${probe}`)).status]).toEqual([probe, 404]);
    }
  });

  it('shows GraphiQL from its own assets to a browser at /graphql, and still answers GraphQL there', async () => {
    const page = await fetch(`${gateway.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/assets/graphiql/graphiql.js');
    expect(html.match(/https?:\/\//g)).toBeNull();
    const worker = await fetch(`${gateway.base}/assets/graphiql/graphql.worker.js`);
    expect(worker.status).toBe(200);
    const query = await fetch(`${gateway.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('signs a development token for a role, which the gateway then accepts', async () => {
    const session = await (await fetch(`${gateway.base}/auth/session`)).json();
    expect(session).toEqual({ principal: null, devSignIn: { roles: ['district-system', 'process-leader', 'analyst', 'admin'] } });
    const signed = await fetch(`${gateway.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'analyst' }),
    });
    expect(signed.status).toBe(200);
    const { token } = (await signed.json()) as { token: string };
    const me = (await (await fetch(`${gateway.base}/auth/session`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      principal: unknown;
    };
    expect(me.principal).toEqual({ name: 'Analytiker (utveckling)', roles: ['analyst'], district: null, areas: [] });

    const badRole = await fetch(`${gateway.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'root' }),
    });
    expect(badRole.status).toBe(400);
    const noDistrict = await fetch(`${gateway.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'district-system' }),
    });
    expect(noDistrict.status).toBe(400);
    // A form post from another site is no JSON request, so it gets no token.
    const form = await fetch(`${gateway.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"role":"admin"}',
    });
    expect(form.status).toBe(405);
  });

  it('signs no development token for a request addressed to another name (DNS rebinding), only to localhost', async () => {
    const { port } = new URL(gateway.base);
    const post = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, path: '/auth/dev-token', method: 'POST', headers: { host, 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ role: 'admin', name: 'x' }));
      });
    expect(await post(`evil.example:${port}`)).toBe(403);
    expect(await post(`localhost:${port}`)).toBe(200);
    expect(await post(`127.0.0.1:${port}`)).toBe(200);
    expect(await post(`[::1]:${port}`)).toBe(200);
  });

  it('signs a development token in the name asked for, so two process leaders are two people', async () => {
    const sign = (body: Record<string, unknown>) =>
      fetch(`${gateway.base}/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const claims = async (body: Record<string, unknown>) => {
      const { token } = (await (await sign(body)).json()) as { token: string };
      const me = (await (await fetch(`${gateway.base}/auth/session`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        principal: { name: string; roles: string[] };
      };
      return { ...me.principal, sub: (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub };
    };
    expect(await claims({ role: 'process-leader', name: '  Åsa   Öberg ' })).toMatchObject({
      name: 'Åsa Öberg',
      roles: ['process-leader'],
      sub: 'dev-process-leader-asa-oberg',
    });
    expect(await claims({ role: 'process-leader', name: 'Bo Ek' })).toMatchObject({ name: 'Bo Ek', sub: 'dev-process-leader-bo-ek' });
    expect(await claims({ role: 'process-leader', name: '' })).toMatchObject({
      name: 'Processledare (utveckling)',
      sub: 'dev-process-leader',
    });
    expect((await sign({ role: 'analyst', name: 'x'.repeat(81) })).status).toBe(400);
    expect((await sign({ role: 'analyst', name: '<script>' })).status).toBe(400);
  });

  it('answers the preflight of an allowed dashboard origin and marks its responses readable', async () => {
    const preflight = await fetch(`${gateway.base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: DASHBOARD_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const post = await fetch(`${gateway.base}/graphql`, {
      method: 'POST',
      headers: { origin: DASHBOARD_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(post.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it('refuses the preflight of any other origin and gives its responses no CORS header', async () => {
    const preflight = await fetch(`${gateway.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${gateway.base}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the gateway in production', () => {
  let gateway: { base: string; stop(): Promise<void> };
  beforeAll(async () => {
    gateway = await gatewayWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-that-nobody-has-published-anywhere',
      INTROSPECTION: 'false',
    });
  });
  afterAll(() => gateway.stop());

  it('shows a browser at /graphql a page saying where the API and its schema are, not a CSRF error', async () => {
    const page = await fetch(`${gateway.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('schema/api.graphql');
    expect(html).not.toContain('graphiql.js');
  });

  it('has no development sign-in', async () => {
    const signed = await fetch(`${gateway.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(signed.status).toBe(404);
    expect(await (await fetch(`${gateway.base}/auth/session`)).json()).toEqual({ principal: null, devSignIn: null });
  });

  it('allows no other origin unless CORS_ORIGINS names it', async () => {
    const preflight = await fetch(`${gateway.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
  });
});

describe('CORS_ORIGINS', () => {
  it('is empty by default and takes origins only', () => {
    expect(loadConfig('gateway', {}).corsOrigins).toEqual([]);
    expect(loadConfig('gateway', { CORS_ORIGINS: 'https://a.example.se, http://localhost:5173/' }).corsOrigins).toEqual([
      'https://a.example.se',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig('gateway', { CORS_ORIGINS: 'https://a.example.se/dashboard' })).toThrow(ConfigError);
    expect(() => loadConfig('gateway', { CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('where the gateway listens', () => {
  it('on loopback outside production, every interface in production; HOST sets it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-that-nobody-has-published-anywhere' };
    expect([
      loadConfig('gateway', {}).host,
      loadConfig('gateway', { NODE_ENV: 'test' }).host,
      loadConfig('child-services', {}).host,
      loadConfig('gateway', production).host,
      loadConfig('child-services', production).host,
      loadConfig('gateway', { HOST: '0.0.0.0' }).host,
      loadConfig('gateway', { ...production, HOST: '10.0.0.5' }).host,
    ]).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '0.0.0.0', '127.0.0.1', '0.0.0.0', '10.0.0.5']);
  });

  it('in development without HOST, answers on 127.0.0.1 and not on the machine’s network address', async () => {
    const config = testConfig('gateway', '_web', { NODE_ENV: 'development' });
    const service = await serveGateway(await createGateway(config), config, 0);
    try {
      expect(new URL(service.url).hostname).toBe('127.0.0.1');
      expect(await accepts('127.0.0.1', service.port)).toBe(true);
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal);
      // A machine with no network address has nothing to check there.
      if (external) expect(await accepts(external.address, service.port)).toBe(false);
    } finally {
      await service.stop();
    }
  });

  it('warns when the development sign-in is reachable from the network, and only then', async () => {
    const warnings = async (env: Record<string, string>) => {
      const lines: { level: number; msg: string }[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
      const config = testConfig('gateway', '_web', env);
      const service = await serveGateway(await createGateway(config, { logger }), config, 0);
      await service.stop();
      return lines.filter((line) => line.msg.includes('/auth/dev-token')).length;
    };
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-that-nobody-has-published-anywhere' };
    expect([
      await warnings({ NODE_ENV: 'development', HOST: '0.0.0.0' }),
      await warnings({ NODE_ENV: 'development' }),
      await warnings({ ...production, HOST: '0.0.0.0' }),
    ]).toEqual([1, 0, 0]);
  });
});
