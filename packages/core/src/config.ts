import path from 'node:path';

export const SUBGRAPHS = [
  'organisation',
  'child-services',
  'adult-services',
  'disability',
  'income-support',
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export type ServiceName = 'gateway' | SubgraphName;

const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 4000,
  organisation: 4001,
  'child-services': 4002,
  'adult-services': 4003,
  disability: 4004,
  'income-support': 4005,
};

export type NodeEnv = 'development' | 'production' | 'test';

export interface AuthConfig {
  /** HS256 shared secret (development). */
  secret?: string;
  /** JWKS URL for RS256 keys (production). */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

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
  auth: AuthConfig;
  /** The composed supergraph the gateway serves; unset means the committed `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /** Where spans go over OTLP/HTTP (the collector's base URL); unset means no tracing at all. */
  otlpEndpoint?: string;
}

/** Raised for a missing or malformed setting; its message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function envName(service: ServiceName): string {
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
        `http://localhost:${readPort(env, `${envName(name)}_PORT`, DEFAULT_PORTS[name])}/graphql`,
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
  };
  if (auth.secret !== undefined && auth.secret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  if (production && !auth.jwksUrl && !auth.secret) {
    throw new ConfigError('JWT_JWKS_URL (or JWT_SECRET) must be set when NODE_ENV=production');
  }

  return {
    service,
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: readPort(env, 'PORT', readPort(env, `${envName(service)}_PORT`, DEFAULT_PORTS[service])),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(env.SAMSYN_DATA_DIR || '.data'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    schemaSuffix: suffix,
    migrateOnStart: readBoolean(env, 'MIGRATE_ON_START', !production),
    seedDemoData: readBoolean(env, 'SEED_DEMO_DATA', !production),
    introspection: readBoolean(env, 'INTROSPECTION', !production),
    subgraphUrls,
    subgraphTimeoutMs: timeout,
    auth,
    supergraphPath: env.SUPERGRAPH_PATH || undefined,
    otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
  };
}
