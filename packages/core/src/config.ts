import { AREA_LIST, subgraphOf, type AreaSubgraphName } from './areas';
import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';

/**
 * The services Samsyn deploys besides the gateway, in order: organisation, then one subgraph per area of
 * AREA_LIST (areas.ts), named after it. Core holds the topology (names and ports) because every process needs
 * it before any subgraph is loaded: the gateway (where each subgraph is), `npm start` and `npm run migrate`
 * (what to start and migrate). A subgraph's package is `@samsyn/<name>` in `subgraphs/<name>`.
 */
export const SUBGRAPHS: readonly SubgraphName[] = ['organisation', ...AREA_LIST.map((entry) => subgraphOf(entry.area))];
export type SubgraphName = 'organisation' | AreaSubgraphName;
export type ServiceName = 'gateway' | SubgraphName;

/** Default ports: the gateway 4000, then the subgraphs in the order of SUBGRAPHS (organisation 4001, child-services 4002, …). */
export function defaultPort(service: ServiceName): number {
  return service === 'gateway' ? 4000 : 4001 + SUBGRAPHS.indexOf(service);
}

export type NodeEnv = 'development' | 'production' | 'test';

export interface AuthConfig {
  /** HS256 shared secret (development). */
  secret?: string;
  /** JWKS URL for RS256 keys (production). */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Longest lifetime (exp − iat, and exp − now) a token may claim, in seconds; longer ones are refused. Unset: the default. */
  maxLifetimeSeconds?: number;
}

/** How a subgraph uses its PostgreSQL pool: size and the limits that keep a stuck pool or server from hanging requests. */
export interface DatabaseLimits {
  /** Connections in the pool. */
  poolSize: number;
  /** Milliseconds a request waits for a pooled connection (or a new one) before it fails. */
  connectionTimeoutMs: number;
  /** PostgreSQL `statement_timeout`: the longest one statement may run. */
  statementTimeoutMs: number;
  /** PostgreSQL `lock_timeout`: the longest one statement waits for a lock (then 55P03, answered OVERLOADED `timedOut: lock`). */
  lockTimeoutMs: number;
  /** The percentage of the pool's connections analytical requests may hold at once (the rest stays for operational work). */
  analyticalPoolPercent: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a session idle inside a transaction longer than this is ended. */
  idleInTransactionTimeoutMs: number;
  /** Attempts of a transaction that PostgreSQL aborts as a deadlock or serialization failure (the first included). */
  transactionAttempts: number;
}

/** Defaults of {@link DatabaseLimits}; docs/configuration.md lists them. */
export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  poolSize: 10,
  connectionTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 10_000,
  analyticalPoolPercent: 50,
  idleInTransactionTimeoutMs: 10_000,
  transactionAttempts: 3,
};
/** JWT_MAX_LIFETIME when unset: a working day and then some; `npm run token` signs for 8 h by default. */
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * JWT secrets that have shipped in this repository or are common placeholders: in production they
 * are as good as no secret at all.
 */
export const KNOWN_DEFAULT_JWT_SECRETS: ReadonlySet<string> = new Set([
  'change-me-change-me-change-me-change-me',
  'changeme-changeme-changeme-changeme',
  'secret-secret-secret-secret-secret-secret',
  'your-256-bit-secret-your-256-bit-secret',
]);

export interface Config {
  service: ServiceName;
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Unset means: start or use the embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  logLevel: string;
  /** Appended to every PostgreSQL schema name; lets test runs share a server without touching each other. */
  schemaSuffix: string;
  migrateOnStart: boolean;
  seedDemoData: boolean;
  introspection: boolean;
  /** Where the gateway finds each subgraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Milliseconds the gateway waits for a subgraph before giving up. */
  subgraphTimeoutMs: number;
  /** Most `_entities` representations one request may carry (MAX_REPRESENTATIONS). */
  maxRepresentations: number;
  auth: AuthConfig;
  database: DatabaseLimits;
  /** The gateway's bulkheads: how much work of each class runs at once, and how long the rest may wait. */
  admission: AdmissionConfig;
  /** Where analytical operations execute: a worker thread of the service's own, at a lower CPU priority (see lane.ts). */
  analyticalWorker: AnalyticalWorkerConfig;
  /** How long a mutation's `Idempotency-Key` is remembered, in seconds. */
  idempotencyKeyTtlSeconds: number;
  /** The composed supergraph the gateway serves; unset means the committed `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /** Where spans go over OTLP/HTTP (the collector's base URL); unset means no tracing at all. */
  otlpEndpoint?: string;
  /** Origins (scheme://host[:port]) of dashboards hosted elsewhere that may call the gateway from a browser. */
  corsOrigins: string[];
  /** Redis shared by the replicas (response cache, persisted queries); unset means each process keeps its own. */
  redisUrl?: string;
  /** Whether the response caches are on (RESPONSE_CACHE): the subgraphs' and the gateway's, both exactly invalidated by writes. */
  responseCache: boolean;
  /** The most memory (MiB) the in-process response cache and persisted queries take, per process. */
  responseCacheMiB: number;
  /** The largest answer (MiB) a response cache keeps, in Redis or in memory. */
  responseCacheEntryMiB: number;
  /** The largest answer (bytes) the gateway builds for one request (MAX_RESPONSE_MB); a larger one is refused with RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** The HMAC-SHA256 key of entries in Redis (CACHE_MAC_KEY, or derived from JWT_SECRET): Redis never holds it. */
  cacheMacKey: Buffer;
  /**
   * The bearer token `/metrics` and `/cache-versions` require (METRICS_TOKEN); the gateway sends it to the subgraphs'
   * `/cache-versions`. Unset: both are open outside production and off (404) in production.
   */
  metricsToken?: string;
  /**
   * The environment these settings were read from, as it was at start. A domain package with settings of its own
   * reads them from it with a loader of its own, when the service starts (see `SubgraphDefinition.background`).
   */
  env: Readonly<Env>;
}

/** The gateway's admission control (gateway/src/admission.ts): a budget of estimated cost per work class. */
export interface AdmissionConfig {
  /** The summed cost (see `weighOperation`) of operational requests in flight at once. */
  operationalBudget: number;
  /** The summed cost of analytical requests in flight at once. */
  analyticalBudget: number;
  /** Requests of one class waiting at most; past it one is refused at once (HTTP 503, OVERLOADED). */
  queueLength: number;
  /** The longest a request waits for its class's budget before it is refused. */
  queueTimeoutMs: number;
}

/**
 * The analytical lane (packages/runtime/src/lane.ts): every service executes analytical operations in a worker thread
 * of its own, with its own event loop, its share of the database pool and a lower CPU priority, so that a
 * 1,000-district dashboard never holds the turn of a document read or an acknowledgement.
 */
export interface AnalyticalWorkerConfig {
  /** Whether the lane runs (ANALYTICAL_WORKER); off, analytical operations execute beside the rest, as before. */
  enabled: boolean;
  /** The worker thread's nice value (ANALYTICAL_WORKER_NICE, 0–19): the higher, the more the CPU goes to the rest first. */
  nice: number;
  /**
   * The largest answer (kB) an analytical operation may give on the main thread (ANALYTICAL_WORKER_AFTER_KB): one
   * executes in the lane until an answer of it is under half of this, and again once one here is larger; 0 sends every
   * one there.
   */
  afterKb: number;
}

/** Defaults of {@link AdmissionConfig}; docs/configuration.md says how they were chosen. */
export const DEFAULT_ADMISSION: AdmissionConfig = {
  operationalBudget: 100_000,
  analyticalBudget: 5_000,
  queueLength: 50,
  queueTimeoutMs: 1_000,
};

/** The key entries in Redis are signed with outside production, where none is configured: not a secret. */
const DEVELOPMENT_CACHE_MAC_KEY = 'samsyn-development-cache-mac-key';

/**
 * CACHE_MAC_KEY, else a key derived from JWT_SECRET (whoever has that can sign tokens already), else outside
 * production a fixed development key. Every replica sharing a Redis must have the same.
 */
function readCacheMacKey(env: Env, production: boolean, jwtSecret: string | undefined): Buffer {
  const raw = env.CACHE_MAC_KEY;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('CACHE_MAC_KEY must be at least 32 characters (e.g. openssl rand -base64 32)');
    return createHash('sha256').update(raw).digest();
  }
  if (jwtSecret) return createHmac('sha256', jwtSecret).update('samsyn shared cache MAC').digest();
  if (production && env.REDIS_URL)
    throw new ConfigError('CACHE_MAC_KEY must be set when NODE_ENV=production and REDIS_URL is set without JWT_SECRET');
  return createHash('sha256').update(DEVELOPMENT_CACHE_MAC_KEY).digest();
}

/** Whether a listening address is reachable only from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Raised for a missing or malformed setting; its message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The variables settings are read from: `process.env` in a service's `index.ts`, a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** The prefix of a service's own variables: `CHILD_SERVICES` for child-services (CHILD_SERVICES_PORT, _URL). */
export function envName(service: ServiceName): string {
  return service.toUpperCase().replace(/-/g, '_');
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return port;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** A whole number from `min` to `max`, or `fallback` when unset; anything else is a ConfigError naming the variable. */
export function readWholeNumber(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number of ${unit} from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** A size in MiB, fractions allowed (`0.5`). */
function readMegabytes(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a number of MiB from ${min} to ${max}, got "${raw}"`);
  return n;
}

function readDatabaseLimits(env: Env): DatabaseLimits {
  const d = DEFAULT_DATABASE_LIMITS;
  const day = 86_400_000;
  return {
    poolSize: readWholeNumber(env, 'DB_POOL_SIZE', d.poolSize, 1, 1000, 'connections'),
    connectionTimeoutMs: readWholeNumber(env, 'DB_CONNECTION_TIMEOUT_MS', d.connectionTimeoutMs, 1, day, 'milliseconds'),
    statementTimeoutMs: readWholeNumber(env, 'DB_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs, 1, day, 'milliseconds'),
    lockTimeoutMs: readWholeNumber(env, 'DB_LOCK_TIMEOUT_MS', d.lockTimeoutMs, 1, day, 'milliseconds'),
    analyticalPoolPercent: readWholeNumber(env, 'DB_ANALYTICAL_POOL_PERCENT', d.analyticalPoolPercent, 1, 100, 'percent'),
    idleInTransactionTimeoutMs: readWholeNumber(
      env,
      'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      d.idleInTransactionTimeoutMs,
      1,
      day,
      'milliseconds',
    ),
    transactionAttempts: readWholeNumber(env, 'DB_TRANSACTION_ATTEMPTS', d.transactionAttempts, 1, 20, 'attempts'),
  };
}

function readUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** A comma-separated list of origins such as `https://dashboard.example.se`; each must be an origin, not a URL with a path. */
function readOrigins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((item) => {
    const given = item.trim();
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new ConfigError(`${name}: "${given}" is not an origin like https://dashboard.example.se`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== given.replace(/\/$/, '')) {
      throw new ConfigError(`${name}: "${given}" is not an origin like https://dashboard.example.se (scheme, host and port only)`);
    }
    return url.origin;
  });
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration in seconds from "3600", "90m", "8h" or "1d". */
export function parseDurationSeconds(raw: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * DURATION_UNITS[match[2] || 's'];
  return seconds > 0 ? seconds : undefined;
}

function readDuration(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = parseDurationSeconds(raw);
  if (seconds === undefined) throw new ConfigError(`${name} must be a duration such as 3600, 90m, 8h or 1d, got "${raw}"`);
  return seconds;
}

/** Reads and validates the configuration of one service from the environment, once, at start. */
export function loadConfig(service: ServiceName, env: Env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((name) => [
      name,
      readUrl(env, `${envName(name)}_URL`, ['http:', 'https:']) ??
        `http://localhost:${readPort(env, `${envName(name)}_PORT`, defaultPort(name))}/graphql`,
    ]),
  ) as Record<SubgraphName, string>;

  const suffix = env.SAMSYN_SCHEMA_SUFFIX ?? '';
  if (!/^[a-z0-9_]*$/.test(suffix)) {
    throw new ConfigError('SAMSYN_SCHEMA_SUFFIX may hold only a-z, 0-9 and _');
  }
  const timeout = Number(env.SUBGRAPH_TIMEOUT_MS ?? 10_000);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new ConfigError('SUBGRAPH_TIMEOUT_MS must be a positive whole number of milliseconds');
  }

  const auth: AuthConfig = {
    secret: env.JWT_SECRET || undefined,
    jwksUrl: readUrl(env, 'JWT_JWKS_URL', ['http:', 'https:']),
    issuer: env.JWT_ISSUER || 'samsyn',
    audience: env.JWT_AUDIENCE || 'samsyn-api',
    maxLifetimeSeconds: readDuration(env, 'JWT_MAX_LIFETIME', DEFAULT_JWT_MAX_LIFETIME_SECONDS),
  };
  if (auth.secret !== undefined && auth.secret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  if (production && !auth.jwksUrl && !auth.secret) {
    throw new ConfigError('JWT_JWKS_URL (or JWT_SECRET) must be set when NODE_ENV=production');
  }
  // A published secret lets anyone sign tokens: refuse it where it matters, even beside a JWKS URL.
  if (production && auth.secret !== undefined && KNOWN_DEFAULT_JWT_SECRETS.has(auth.secret)) {
    throw new ConfigError(
      'JWT_SECRET is a published default; set a secret of your own (e.g. openssl rand -base64 48) when NODE_ENV=production',
    );
  }

  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 32) {
    throw new ConfigError('METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -base64 32)');
  }

  return {
    service,
    nodeEnv,
    // Subgraphs answer only the gateway, and outside production the gateway hands out development tokens: loopback
    // unless told otherwise (containers set HOST=0.0.0.0). Only a production gateway listens on every interface.
    host: env.HOST || (production && service === 'gateway' ? '0.0.0.0' : '127.0.0.1'),
    port: readPort(env, 'PORT', readPort(env, `${envName(service)}_PORT`, defaultPort(service))),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(env.SAMSYN_DATA_DIR || '.data'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    schemaSuffix: suffix,
    migrateOnStart: readBoolean(env, 'MIGRATE_ON_START', !production),
    seedDemoData: readBoolean(env, 'SEED_DEMO_DATA', !production),
    introspection: readBoolean(env, 'INTROSPECTION', !production),
    subgraphUrls,
    subgraphTimeoutMs: timeout,
    // The gateway's own plans carry at most the districts of one query (1 000 in the scale bench) per entity fetch.
    maxRepresentations: readWholeNumber(env, 'MAX_REPRESENTATIONS', 5_000, 1, 1_000_000, 'representations'),
    auth,
    database: readDatabaseLimits(env),
    admission: {
      operationalBudget: readWholeNumber(env, 'ADMISSION_OPERATIONAL_BUDGET', DEFAULT_ADMISSION.operationalBudget, 1, 1e9, 'cost units'),
      analyticalBudget: readWholeNumber(env, 'ADMISSION_ANALYTICAL_BUDGET', DEFAULT_ADMISSION.analyticalBudget, 1, 1e9, 'cost units'),
      queueLength: readWholeNumber(env, 'ADMISSION_QUEUE_LENGTH', DEFAULT_ADMISSION.queueLength, 0, 100_000, 'requests'),
      queueTimeoutMs: readWholeNumber(env, 'ADMISSION_QUEUE_TIMEOUT_MS', DEFAULT_ADMISSION.queueTimeoutMs, 1, 600_000, 'milliseconds'),
    },
    analyticalWorker: {
      enabled: readBoolean(env, 'ANALYTICAL_WORKER', true),
      nice: readWholeNumber(env, 'ANALYTICAL_WORKER_NICE', 10, 0, 19, 'nice levels'),
      afterKb: readWholeNumber(env, 'ANALYTICAL_WORKER_AFTER_KB', 1024, 0, 1_048_576, 'kB'),
    },
    idempotencyKeyTtlSeconds: readWholeNumber(env, 'IDEMPOTENCY_KEY_TTL_HOURS', 24, 1, 24 * 365, 'hours') * 3600,
    supergraphPath: env.SUPERGRAPH_PATH || undefined,
    otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
    corsOrigins: readOrigins(env, 'CORS_ORIGINS'),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    responseCache: readBoolean(env, 'RESPONSE_CACHE', true),
    responseCacheMiB: readWholeNumber(env, 'RESPONSE_CACHE_MB', 64, 1, 65_536, 'MiB'),
    responseCacheEntryMiB: readWholeNumber(env, 'RESPONSE_CACHE_ENTRY_MB', 32, 1, 512, 'MiB'),
    maxResponseBytes: Math.round(readMegabytes(env, 'MAX_RESPONSE_MB', 32, 0.001, 4096) * 2 ** 20),
    cacheMacKey: readCacheMacKey(env, production, auth.secret),
    metricsToken,
    env: Object.freeze({ ...env }),
  };
}
