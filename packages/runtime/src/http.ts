import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { type Config, type Logger, newRequestScope, withRequestScope, type RequestScope } from '@samsyn/core';
import type { CachedHttpAnswer } from '@samsyn/response-cache';
import type { CoalesceRequests } from './coalescing';
import type { ServiceMetrics } from './metrics';
import { recordRequest } from './request-metrics';
import { inServerSpan } from './telemetry';
import { jsonFault, MAX_VARIABLE_DEPTH, VARIABLES_TOO_DEEP } from './hardening';
import { encodedBodies } from './encoded-body';

export const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** What a context factory gets from one HTTP request. */
export interface IncomingRequest {
  headers: HeaderMap;
  requestId: string;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (request: IncomingRequest) => Promise<TContext>;
  /** `/ready` answers 200 only while this resolves true (or `{ ready: true }`); a report's other keys go into the body. */
  ready: () => Promise<boolean | Readiness>;
  logger: Logger;
  /** Served at `/metrics` and fed one observation per request. */
  metrics?: ServiceMetrics;
  /** The service's name on its spans. */
  service: string;
  host: string;
  port: number;
  /**
   * Answers requests other than GraphQL (pages, assets, preflight) before the GraphQL endpoint does;
   * resolves true when it has answered. It may also set headers for the GraphQL response and resolve false.
   */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Who may read `/metrics` (and a subgraph's `/cache-versions`): see {@link operationsGuard}; unset, anyone. */
  guardOperations?: OperationsGuard;
  /** Answers a GraphQL request from a response cache before Apollo Server sees it; undefined lets Apollo answer. */
  cachedAnswer?: (request: HTTPGraphQLRequest) => Promise<CachedHttpAnswer | undefined>;
  /** Runs identical concurrent reads once (see `requestCoalescing`); unset, every request runs on its own. */
  coalesce?: CoalesceRequests;
  /**
   * How a request the response cache did not answer runs elsewhere than this thread (the analytical lane, lane.ts), or
   * undefined when it runs here.
   */
  elsewhere?: (request: HTTPGraphQLRequest, scope: RequestScope) => (() => Promise<HTTPGraphQLResponse>) | undefined;
  /** Told of every answer this thread executed (not a cached one): the analytical lane weighs them. */
  answered?: (request: HTTPGraphQLRequest, response: HTTPGraphQLResponse) => void;
}

/** Whether a service can serve, and why not. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export interface RunningHttpService {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

class PayloadTooLarge extends Error {}
class NestedTooDeep extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers true when a request may read an operational endpoint, or answers it (401, 404) and resolves false. */
export type OperationsGuard = (req: IncomingMessage, res: ServerResponse) => boolean;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read the operational endpoints, `/metrics` and `/cache-versions` (what every table's version is, which tells
 * when drafts change): with METRICS_TOKEN set, only a bearer of it (401 otherwise); without it, anyone outside
 * production and nobody in production (404, as if they did not exist).
 */
export function operationsGuard(config: Pick<Config, 'nodeEnv' | 'metricsToken'>): OperationsGuard {
  const expected = config.metricsToken === undefined ? undefined : digest(`Bearer ${config.metricsToken}`);
  return (req, res) => {
    if (expected === undefined) {
      if (config.nodeEnv !== 'production') return true;
      sendJson(res, 404, { error: 'Not found.' });
      return false;
    }
    // Compared as digests of equal length, in constant time.
    if (timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) return true;
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, { error: 'This endpoint needs the METRICS_TOKEN as a bearer token.' });
    return false;
  };
}

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The media type of a Content-Type header in lower case (`APPLICATION/JSON; charset=utf-8` → `application/json`):
 * media types are case-insensitive (RFC 9110 §8.3.1), and what comes after Samsyn compares them in lower case.
 */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The variables and extensions of a request, nested too deep for any input (refused before anything walks them). */
function nestedTooDeep(body: unknown, url: URL): boolean {
  const parts: unknown[] = [];
  if (body !== null && typeof body === 'object') {
    const { variables, extensions } = body as { variables?: unknown; extensions?: unknown };
    parts.push(variables, extensions);
  }
  for (const name of ['variables', 'extensions']) {
    const given = url.searchParams.get(name);
    if (!given) continue;
    try {
      parts.push(JSON.parse(given));
    } catch {
      // Apollo Server answers a parameter that is not JSON itself.
    }
  }
  return parts.some((part) => jsonFault(part) === 'too-deep');
}

/** Turns a node request into the request Apollo Server executes; `undefined` body when it is not JSON. */
export async function toGraphQLRequest(req: IncomingMessage, url: URL): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const contentType = headers.get('content-type');
  const mediaType = mediaTypeOf(contentType);
  // `APPLICATION/JSON` is `application/json`: written in lower case for Apollo Server and the response caches.
  if (contentType !== undefined && !contentType.startsWith(mediaType)) {
    const parameters = contentType.indexOf(';');
    headers.set('content-type', parameters < 0 ? mediaType : mediaType + contentType.slice(parameters));
  }
  const raw = req.method === 'POST' ? await readBody(req) : '';
  const isJson = mediaType.includes('json');
  const body: unknown = raw && isJson ? JSON.parse(raw) : raw || undefined;
  if (nestedTooDeep(body, url)) throw new NestedTooDeep();
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.search,
    body,
  };
}

/** A response cache's answer to a request, or none: a cache that fails is logged, and the request answered without it. */
export async function cachedOrNone(
  cachedAnswer: ((request: HTTPGraphQLRequest) => Promise<CachedHttpAnswer | undefined>) | undefined,
  request: HTTPGraphQLRequest,
  logger: Logger,
): Promise<CachedHttpAnswer | undefined> {
  return cachedAnswer?.(request).catch((error: unknown) => {
    logger.warn({ err: error }, 'response cache failed: answering without it');
    return undefined;
  });
}

/** Executes one GraphQL request in its own request scope (request id, SQL count, operation, errors), socket or not. */
export function executeInScope<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (request: IncomingRequest) => Promise<TContext>,
  httpGraphQLRequest: HTTPGraphQLRequest,
  scope: RequestScope | string,
) {
  const requestScope = typeof scope === 'string' ? newRequestScope(scope) : scope;
  const { requestId } = requestScope;
  return withRequestScope(requestScope, async () => {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context({ headers: httpGraphQLRequest.headers, requestId }),
    });
    if (requestScope.keepAnswer && (response.status ?? 200) === 200 && response.body.kind === 'complete')
      requestScope.keepAnswer(response.body.string);
    return response;
  });
}

/**
 * The bytes of each complete answer, encoded once: a coalesced answer written to fifty sockets is one buffer, not fifty
 * (and an answer the analytical lane encoded is not encoded again).
 */
function bytesOf(body: { kind: 'complete'; string: string }): Buffer {
  let bytes = encodedBodies.get(body);
  if (!bytes) encodedBodies.set(body, (bytes = Buffer.from(body.string)));
  return bytes;
}

/**
 * The URL of a request, or undefined when its request target is none (`GET http://[ HTTP/1.1`): node's parser lets
 * such a line through, and `new URL` throws on it.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * Serves an Apollo Server on node's http module: `/graphql` (and `/`), `/health`, `/ready` and
 * `/metrics`, with a 1 MB body limit and a request id that is taken from `x-request-id` or made here.
 * Every GraphQL request gets a server span (continuing the caller's `traceparent`), one log line
 * and its count in the metrics.
 */
export async function serveHttp<TContext extends BaseContext>(options: HttpServiceOptions<TContext>): Promise<RunningHttpService> {
  const { apollo, logger } = options;
  let stopping = false;
  options.metrics?.watchReadiness(async () => {
    if (stopping) return false;
    const answer = await options.ready();
    return typeof answer === 'boolean' ? answer : answer.ready;
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req);
    if (!url) {
      return sendJson(res, 400, {
        errors: [{ message: 'The request target is not a valid URL path.', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const answer = stopping ? false : await options.ready().catch(() => false);
      const { ready, ...details } = typeof answer === 'boolean' ? { ready: answer } : answer;
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', ...details });
    }
    if (url.pathname === '/metrics' && options.metrics) {
      if (options.guardOperations && !options.guardOperations(req, res)) return;
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { 'content-type': contentType });
      return void res.end(body);
    }
    if (options.routes && (await options.routes(req, res, url))) return;
    if (url.pathname !== '/graphql' && url.pathname !== '/') {
      return sendJson(res, 404, { error: 'Not found. GraphQL is served at /graphql.' });
    }
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const scope = newRequestScope(requestId);
    const started = performance.now();

    await inServerSpan(options.service, { method: req.method ?? 'GET', path: url.pathname, headers: req.headers }, async () => {
      let httpGraphQLRequest: HTTPGraphQLRequest;
      try {
        httpGraphQLRequest = await toGraphQLRequest(req, url);
      } catch (error) {
        if (error instanceof NestedTooDeep) {
          scope.errorCodes.push('BAD_USER_INPUT');
          sendJson(res, 400, {
            errors: [{ message: VARIABLES_TOO_DEEP, extensions: { code: 'BAD_USER_INPUT', maxDepth: MAX_VARIABLE_DEPTH } }],
          });
        } else if (error instanceof PayloadTooLarge) {
          scope.errorCodes.push('PAYLOAD_TOO_LARGE');
          sendJson(res, 413, {
            errors: [{ message: `Request body is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
          });
        } else {
          scope.errorCodes.push('BAD_REQUEST');
          sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
        return { status: res.statusCode };
      }
      // The response cache first, for every request: an answer the analytical lane stored is written from here.
      const cached = await cachedOrNone(options.cachedAnswer, httpGraphQLRequest, logger);
      if (cached) {
        scope.operationName = cached.operationName;
        for (const [name, value] of Object.entries(cached.headers)) res.setHeader(name, value);
        res.setHeader(
          'content-length',
          cached.body.reduce((bytes, part) => bytes + Buffer.byteLength(part), 0),
        );
        res.statusCode = 200;
        for (const part of cached.body) res.write(part);
        res.end();
        return { status: 200 };
      }
      const elsewhere = options.elsewhere?.(httpGraphQLRequest, scope);
      const execute = elsewhere ?? (() => executeInScope(apollo, options.context, httpGraphQLRequest, scope));
      const response = await (options.coalesce ? options.coalesce(httpGraphQLRequest, execute) : execute());
      if (!elsewhere) options.answered?.(httpGraphQLRequest, response);
      for (const [name, value] of response.headers) {
        // A route may have set Vary (e.g. Origin for CORS); Apollo's own Vary adds to it.
        const vary = name === 'vary' ? res.getHeader('vary') : undefined;
        res.setHeader(name, vary ? `${String(vary)}, ${value}` : value);
      }
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(bytesOf(response.body));
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
      return { status: res.statusCode };
    });
    recordRequest(scope, res.statusCode, performance.now() - started, logger, options.metrics);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(force);
      await apollo.stop();
    },
  };
}
