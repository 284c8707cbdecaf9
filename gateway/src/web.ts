import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AREA_LIST, isLoopbackHost, ROLES, signToken, type Config, type PrincipalResolver, type Role } from '@samsyn/core';
import { mediaTypeOf } from '@samsyn/runtime';
import { StaticAssets } from './assets';

/** The built dashboard and GraphiQL (`packages/dashboard/dist`, written by `npm run build`). */
export const DEFAULT_DASHBOARD_DIR = path.resolve(__dirname, '../../packages/dashboard/dist');

/** What a browser on an allowed origin may send to the gateway. */
const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
  'access-control-max-age': '600',
};

/** The dashboard may only talk to its own origin; styles are set through the DOM, never inline markup. */
const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Roles the development sign-in offers, as `npm run token` makes them. */
const DEV_AREAS = AREA_LIST.map((entry) => entry.area);

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}

function html(res: ServerResponse, status: number, body: string): true {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  res.end(body);
  return true;
}

function wantsHtml(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

async function readJson(req: IncomingMessage, limit = 4096): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > limit) throw new Error('too large');
  }
  return JSON.parse(raw);
}

/** "Anna Öberg" → "anna-oberg": a development token's subject from its person's name. */
function nameSlug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'person'
  );
}

const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samsyn GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql"></div>
<script src="/assets/graphiql/setup.js"></script>
<script src="/assets/graphiql/graphiql.js"></script>
<script src="/assets/graphiql/start.js"></script>
</body>
</html>
`;

const API_INFO_PAGE = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Samsyn GraphQL API</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5; padding: 0 1rem">
<h1>Samsyn GraphQL API</h1>
<p>Det här är Samsyns GraphQL-API. Skicka frågor med <code>POST</code> till <code>/graphql</code> på den här servern med
<code>Content-Type: application/json</code>, med en bearer-token i <code>Authorization</code> för allt utom publicerade dokument.</p>
<p>Schemat finns i filen <code>schema/api.graphql</code> i Samsyns källkod (den senast släppta versionen i
<code>schema/released/api.graphql</code>). Introspektion och GraphiQL är avstängda i produktion.</p>
<p>Instrumentpanelen för likabehandling finns på <a href="/dashboard/">/dashboard/</a>.</p>
<hr>
<p lang="en">This is Samsyn's GraphQL API: <code>POST /graphql</code> on this server with a JSON body. Its schema is the file
<code>schema/api.graphql</code> in Samsyn's source. Introspection and GraphiQL are off in production.</p>
</body>
</html>
`;

/** The host name of a Host header, without its port (`[::1]:4000` → `[::1]`, `localhost:4000` → `localhost`). */
function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

/** Whether `/auth/dev-token` hands out tokens: outside production, with a shared secret to sign them. */
export function devSignInEnabled(config: Config): boolean {
  return config.nodeEnv !== 'production' && config.auth.secret !== undefined;
}

export interface WebRoutesOptions {
  principals: PrincipalResolver;
  dashboardDir?: string;
}

/**
 * What the gateway serves besides GraphQL: the dashboard (`/dashboard/`, assets under `/assets/`), GraphiQL for
 * browsers at `/graphql` while introspection is on, the sign-in endpoints, and CORS for the allowed origins.
 */
export function webRoutes(config: Config, options: WebRoutesOptions) {
  const assets = new StaticAssets(options.dashboardDir ?? DEFAULT_DASHBOARD_DIR);
  const allowed = new Set(config.corsOrigins);
  const devSignIn = devSignInEnabled(config);

  async function session(req: IncomingMessage, res: ServerResponse): Promise<true> {
    let principal = null;
    try {
      principal = await options.principals(req.headers.authorization);
    } catch {
      // An expired or foreign token: the page asks the person to sign in again.
    }
    return json(res, 200, {
      principal: principal && {
        name: principal.name,
        roles: principal.roles,
        district: principal.district ?? null,
        areas: principal.areas,
      },
      devSignIn: devSignIn ? { roles: ROLES } : null,
    });
  }

  async function devToken(req: IncomingMessage, res: ServerResponse): Promise<true> {
    // Refused outside development as if it did not exist: production tokens come from the identity provider.
    if (!devSignIn) return json(res, 404, { error: 'Not found.' });
    // A page elsewhere that points its own name at this machine (DNS rebinding) arrives with that name as Host: a
    // gateway on loopback signs tokens only for requests addressed to a loopback name.
    if (isLoopbackHost(config.host) && !isLoopbackHost(hostnameOf(req.headers.host))) {
      return json(res, 403, { error: 'Development tokens are signed for requests to localhost only.' });
    }
    if (req.method !== 'POST' || mediaTypeOf(req.headers['content-type']) !== 'application/json') {
      return json(res, 405, { error: 'POST a JSON body {"role": …, "name": …}.' });
    }
    let body: { role?: unknown; district?: unknown; name?: unknown };
    try {
      body = (await readJson(req)) as typeof body;
    } catch {
      return json(res, 400, { error: 'The body is not JSON.' });
    }
    const role = body?.role as Role;
    if (!ROLES.includes(role)) return json(res, 400, { error: `role must be one of ${ROLES.join(', ')}` });
    const district = typeof body.district === 'string' && /^[a-z0-9-]{1,40}$/.test(body.district) ? body.district : undefined;
    if (role === 'district-system' && !district) return json(res, 400, { error: 'a district system needs a district code' });
    // A person's name, so two process leaders in two browser windows are two people (four eyes): it names the token
    // and, made into a slug, its subject.
    const name = typeof body.name === 'string' ? body.name.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
    if (name.length > 80 || /[\p{Cc}\p{Cf}<>]/u.test(name)) {
      return json(res, 400, { error: 'name must be at most 80 characters, without control characters or < >' });
    }
    const names: Record<Role, string> = {
      analyst: 'Analytiker (utveckling)',
      'process-leader': 'Processledare (utveckling)',
      'district-system': `Verksamhetssystem ${district}`,
      admin: 'Administratör (utveckling)',
    };
    const token = await signToken(
      config.auth,
      {
        sub: `dev-${role}${district ? `-${district}` : ''}${name ? `-${nameSlug(name)}` : ''}`,
        name: name || names[role],
        roles: [role],
        district: role === 'district-system' ? district : undefined,
        areas: role === 'process-leader' ? DEV_AREAS : [],
      },
      '8h',
    );
    return json(res, 200, { token });
  }

  return async function routes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return true;
      }
    } else if (origin && req.method === 'OPTIONS') {
      return json(res, 403, { error: `Origin ${origin} is not allowed; see CORS_ORIGINS.` });
    }

    const { pathname } = url;
    if (pathname === '/' && wantsHtml(req)) {
      res.writeHead(302, { location: '/dashboard/' }).end();
      return true;
    }
    if (pathname === '/dashboard') {
      res.writeHead(301, { location: '/dashboard/' }).end();
      return true;
    }
    if (pathname === '/dashboard/' && (req.method === 'GET' || req.method === 'HEAD')) {
      if (assets.send(req, res, 'index.html', { 'content-security-policy': DASHBOARD_CSP, 'referrer-policy': 'no-referrer' })) return true;
      return html(
        res,
        503,
        '<!doctype html><html lang="sv"><title>Samsyn</title><p>Instrumentpanelen är inte byggd: kör <code>npm run build</code>.</p></html>',
      );
    }
    if (pathname.startsWith('/assets/') && (req.method === 'GET' || req.method === 'HEAD')) {
      if (assets.send(req, res, pathname.slice('/assets/'.length))) return true;
      return json(res, 404, { error: 'Not found.' });
    }
    if (pathname === '/auth/session' && req.method === 'GET') return session(req, res);
    if (pathname === '/auth/dev-token') return devToken(req, res);
    if (pathname === '/graphql' && wantsHtml(req)) {
      return html(res, 200, config.introspection ? GRAPHIQL_PAGE : API_INFO_PAGE);
    }
    return false;
  };
}
