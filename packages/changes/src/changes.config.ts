import { createHash } from 'node:crypto';
import { ConfigError, readWholeNumber, type Config, type Env, type NodeEnv } from '@samsyn/core';

/** The settings of the change feed and webhook deliveries (docs/configuration.md lists the variables). */
export interface ChangesConfig {
  /** Days events stay in the feed (longer while a webhook subscription still waits for them). */
  retentionDays: number;
  /**
   * AES-256 key the webhook secrets are encrypted with at rest (32 bytes, from WEBHOOK_SECRET_KEY). Unset in
   * production without the setting: then no webhook can be registered, and the rest of the service runs.
   */
  webhookSecretKey?: Buffer;
  /** How often the dispatcher looks for due deliveries. */
  pollIntervalMs: number;
  /** The longest one delivery may take, connection and answer included. */
  timeoutMs: number;
  /** Deliveries in flight at once in one process, each to another subscription. */
  concurrency: number;
  /** Deliveries in flight at once for the subscriptions of one owner (a district system, an admin), over all replicas. */
  concurrencyPerOwner: number;
  /** How long an event is retried before its subscription is marked failing. */
  retryHours: number;
  /** Hosts a webhook may point at although they resolve to private or loopback addresses (on-premises receivers). */
  allowedHosts: string[];
  /** Whether receivers must be public https endpoints (production). */
  strictTargets: boolean;
}

/** The key webhook secrets are encrypted with outside production, where none is configured: not a secret. */
const DEVELOPMENT_WEBHOOK_KEY = 'samsyn-development-webhook-secret-key';

function readWebhookKey(env: Env, production: boolean): Buffer | undefined {
  const raw = env.WEBHOOK_SECRET_KEY;
  if (!raw) return production ? undefined : createHash('sha256').update(DEVELOPMENT_WEBHOOK_KEY).digest();
  if (raw.length < 32) throw new ConfigError('WEBHOOK_SECRET_KEY must be at least 32 characters (e.g. openssl rand -base64 32)');
  // Any string of enough entropy: hashed to the 32 bytes AES-256 takes.
  return createHash('sha256').update(raw).digest();
}

/** Reads and validates the change feed's and webhooks' settings from the environment (a ConfigError names a bad one). */
export function loadChangesConfig(env: Env, nodeEnv: NodeEnv): ChangesConfig {
  const production = nodeEnv === 'production';
  return {
    retentionDays: readWholeNumber(env, 'CHANGE_RETENTION_DAYS', 90, 90, 3650, 'days'),
    webhookSecretKey: readWebhookKey(env, production),
    pollIntervalMs: readWholeNumber(env, 'WEBHOOK_POLL_INTERVAL_MS', 1000, 50, 60_000, 'milliseconds'),
    timeoutMs: readWholeNumber(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000, 'milliseconds'),
    concurrency: readWholeNumber(env, 'WEBHOOK_CONCURRENCY', 32, 1, 1000, 'deliveries'),
    concurrencyPerOwner: readWholeNumber(env, 'WEBHOOK_CONCURRENCY_PER_SYSTEM', 2, 1, 100, 'deliveries'),
    retryHours: readWholeNumber(env, 'WEBHOOK_RETRY_HOURS', 24, 1, 24 * 30, 'hours'),
    allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    strictTargets: production,
  };
}

/**
 * The settings of a running service, from the environment its configuration was read from. The changes module reads
 * them first when its background tasks are built at start-up, so a bad value stops the start; a resolver reads the
 * same snapshot again (a few lookups, no I/O) instead of keeping them anywhere.
 */
export function changesConfigOf(config: Config): ChangesConfig {
  return loadChangesConfig(config.env, config.nodeEnv);
}
