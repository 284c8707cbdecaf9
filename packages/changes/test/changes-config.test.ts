import { ConfigError } from '@samsyn/core';
import { loadChangesConfig } from '@samsyn/changes';

/** The change feed's and webhooks' own settings, read by the changes module at start-up. */
describe('loadChangesConfig', () => {
  it('has the documented defaults', () => {
    expect(loadChangesConfig({}, 'development')).toEqual({
      retentionDays: 90,
      webhookSecretKey: expect.any(Buffer),
      pollIntervalMs: 1000,
      timeoutMs: 10_000,
      concurrency: 32,
      concurrencyPerOwner: 2,
      retryHours: 24,
      allowedHosts: [],
      strictTargets: false,
    });
  });

  it('encrypts webhook secrets with a development key outside production, and with none in production unless given one', () => {
    const development = loadChangesConfig({}, 'development').webhookSecretKey;
    expect(loadChangesConfig({}, 'test').webhookSecretKey).toEqual(development);
    expect(loadChangesConfig({}, 'production').webhookSecretKey).toBeUndefined();
    const own = loadChangesConfig({ WEBHOOK_SECRET_KEY: 'k'.repeat(32) }, 'production');
    expect(own.webhookSecretKey).toHaveLength(32);
    expect(own.webhookSecretKey).not.toEqual(development);
    expect(own.strictTargets).toBe(true);
  });

  it('takes allowed hosts as a comma-separated list', () => {
    expect(loadChangesConfig({ WEBHOOK_ALLOWED_HOSTS: ' Hooks.Example.se, ,10.0.0.5 ' }, 'production').allowedHosts).toEqual([
      'hooks.example.se',
      '10.0.0.5',
    ]);
  });

  it.each([
    [{ WEBHOOK_SECRET_KEY: 'short' }, 'WEBHOOK_SECRET_KEY must be at least 32 characters (e.g. openssl rand -base64 32)'],
    [{ CHANGE_RETENTION_DAYS: '30' }, 'CHANGE_RETENTION_DAYS must be a whole number of days from 90 to 3650, got "30"'],
    [
      { WEBHOOK_POLL_INTERVAL_MS: 'often' },
      'WEBHOOK_POLL_INTERVAL_MS must be a whole number of milliseconds from 50 to 60000, got "often"',
    ],
    [{ WEBHOOK_TIMEOUT_MS: '10' }, 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000, got "10"'],
    [{ WEBHOOK_CONCURRENCY: '0' }, 'WEBHOOK_CONCURRENCY must be a whole number of deliveries from 1 to 1000, got "0"'],
    [
      { WEBHOOK_CONCURRENCY_PER_SYSTEM: '2.5' },
      'WEBHOOK_CONCURRENCY_PER_SYSTEM must be a whole number of deliveries from 1 to 100, got "2.5"',
    ],
    [{ WEBHOOK_RETRY_HOURS: '0' }, 'WEBHOOK_RETRY_HOURS must be a whole number of hours from 1 to 720, got "0"'],
  ])('refuses %j with a ConfigError saying what is wrong', (env, message) => {
    expect(() => loadChangesConfig(env, 'development')).toThrow(ConfigError);
    expect(() => loadChangesConfig(env, 'development')).toThrow(message);
  });
});
