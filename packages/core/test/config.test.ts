import { ConfigError, loadConfig } from '@samsyn/core';

describe('loadConfig', () => {
  it('gives every service its default port and the gateway every subgraph URL', () => {
    const config = loadConfig('gateway', {});
    expect(config.port).toBe(4000);
    expect(loadConfig('income-support', {}).port).toBe(4005);
    expect(config.subgraphUrls['child-services']).toBe('http://localhost:4002/graphql');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes subgraph URLs and ports from the environment', () => {
    const config = loadConfig('gateway', { DISABILITY_URL: 'http://disability:4000/graphql', PORT: '8080' });
    expect(config.subgraphUrls.disability).toBe('http://disability:4000/graphql');
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MIGRATE_ON_START: 'perhaps' }, 'MIGRATE_ON_START'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_JWKS_URL'],
    [{ SAMSYN_SCHEMA_SUFFIX: 'x; drop' }, 'SAMSYN_SCHEMA_SUFFIX'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_STATEMENT_TIMEOUT_MS: 'soon' }, 'DB_STATEMENT_TIMEOUT_MS'],
    [{ DB_CONNECTION_TIMEOUT_MS: '-1' }, 'DB_CONNECTION_TIMEOUT_MS'],
    [{ DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1.5' }, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'],
    [{ IDEMPOTENCY_KEY_TTL_HOURS: '0' }, 'IDEMPOTENCY_KEY_TTL_HOURS'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'change-me-change-me-change-me-change-me' }, 'JWT_SECRET is a published default'],
    [
      { NODE_ENV: 'production', JWT_JWKS_URL: 'https://login.example/jwks', JWT_SECRET: 'change-me-change-me-change-me-change-me' },
      'JWT_SECRET',
    ],
    [{ JWT_MAX_LIFETIME: 'forever' }, 'JWT_MAX_LIFETIME'],
    [{ MAX_REPRESENTATIONS: '0' }, 'MAX_REPRESENTATIONS'],
    [{ CACHE_MAC_KEY: 'short' }, 'CACHE_MAC_KEY'],
    [{ NODE_ENV: 'production', JWT_JWKS_URL: 'https://login.example/jwks', REDIS_URL: 'redis://redis:6379' }, 'CACHE_MAC_KEY'],
    [{ RESPONSE_CACHE_ENTRY_MB: '0' }, 'RESPONSE_CACHE_ENTRY_MB'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig('organisation', env)).toThrow(ConfigError);
    expect(() => loadConfig('organisation', env)).toThrow(variable);
  });

  it('signs shared cache entries with CACHE_MAC_KEY, else a key derived from JWT_SECRET, the same in every service', () => {
    const secret = 'a-secret-of-our-own-that-nobody-has-published';
    const derived = loadConfig('gateway', { JWT_SECRET: secret }).cacheMacKey;
    expect(loadConfig('organisation', { JWT_SECRET: secret }).cacheMacKey).toEqual(derived);
    expect(loadConfig('gateway', { JWT_SECRET: `${secret}-other` }).cacheMacKey).not.toEqual(derived);
    const own = loadConfig('gateway', { JWT_SECRET: secret, CACHE_MAC_KEY: 'k'.repeat(32) }).cacheMacKey;
    expect(own).not.toEqual(derived);
    expect(own).toHaveLength(32);
  });

  it('starts in production with a secret of its own', () => {
    expect(
      loadConfig('organisation', { NODE_ENV: 'production', JWT_SECRET: 'a-secret-of-our-own-that-nobody-has-published' }).auth.secret,
    ).toBeDefined();
  });

  it('listens on loopback, but for a production gateway on every interface, unless HOST says otherwise', () => {
    expect(loadConfig('disability', {}).host).toBe('127.0.0.1');
    expect(loadConfig('gateway', {}).host).toBe('127.0.0.1');
    expect(loadConfig('gateway', { NODE_ENV: 'production', JWT_SECRET: 'a-secret-of-our-own-that-nobody-has-published' }).host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig('disability', { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('reads the token lifetime limit and the representation limit', () => {
    const config = loadConfig('organisation', { JWT_MAX_LIFETIME: '8h', MAX_REPRESENTATIONS: '2000' });
    expect([config.auth.maxLifetimeSeconds, config.maxRepresentations]).toEqual([8 * 3600, 2000]);
    expect([loadConfig('organisation', {}).auth.maxLifetimeSeconds, loadConfig('organisation', {}).maxRepresentations]).toEqual([
      86_400, 5_000,
    ]);
  });

  it('turns migrations, demo data and introspection off in production by default', () => {
    const config = loadConfig('organisation', { NODE_ENV: 'production', JWT_JWKS_URL: 'https://login.example/jwks' });
    expect([config.migrateOnStart, config.seedDemoData, config.introspection]).toEqual([false, false, false]);
  });

  it('limits database waits by default and takes other limits from the environment', () => {
    expect(loadConfig('disability', {}).database).toEqual({
      poolSize: 10,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 15000,
      lockTimeoutMs: 10000,
      analyticalPoolPercent: 50,
      idleInTransactionTimeoutMs: 10000,
      transactionAttempts: 3,
    });
    const config = loadConfig('disability', { DB_POOL_SIZE: '4', DB_STATEMENT_TIMEOUT_MS: '2000', IDEMPOTENCY_KEY_TTL_HOURS: '48' });
    expect([config.database.poolSize, config.database.statementTimeoutMs, config.idempotencyKeyTtlSeconds]).toEqual([4, 2000, 48 * 3600]);
  });
});
