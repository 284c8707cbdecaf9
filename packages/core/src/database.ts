import { currentBackgroundTask } from './background';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MigrationInterface, type QueryRunner } from 'typeorm';
import pg from 'pg';
import { DEFAULT_DATABASE_LIMITS, type DatabaseLimits } from './config';
import type { Logger } from './logger';
import { currentRequestScope } from './request-scope';
import { logDatabaseLoss } from './shutdown';
import { Bulkhead } from './admission';

// A SQL `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts (COUNT(*), SUM of ints) arrive as bigint strings; they fit a JS number in this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A class: TypeORM entities, type-graphql resolvers and types. */
export type Constructor = new (...args: never[]) => unknown;

export interface DatabaseOptions {
  url: string;
  /** The PostgreSQL schema this subgraph owns. */
  schema: string;
  entities: Constructor[];
  migrations: (new () => MigrationInterface)[];
  logger: Logger;
  limits?: DatabaseLimits;
  applicationName?: string;
}

/** Counts statements per data source and per request, and logs failures and slow statements. */
export class SqlLog implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly logger: Logger) {}

  private tableNames?: RegExp;

  /** From now on, notes in a request's `tablesRead` which of these tables each of its statements names. */
  noteReadsOf(tables: string[]): void {
    this.tableNames = tables.length > 0 ? new RegExp(`\\b(${tables.join('|')})\\b`, 'g') : undefined;
  }

  logQuery(query: string): void {
    // What the process does between requests (webhook polling, calendar rounds) is not counted with what callers cause.
    if (currentBackgroundTask()) return;
    this.statements += 1;
    const scope = currentRequestScope();
    if (!scope) return;
    scope.sqlStatements += 1;
    // Over-naming (a column called like a table) only invalidates more often; every table read is named.
    if (scope.tablesRead && this.tableNames) for (const [table] of query.matchAll(this.tableNames)) scope.tablesRead.add(table);
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query, requestId: currentRequestScope()?.requestId }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query, requestId: currentRequestScope()?.requestId }, 'slow SQL statement');
  }

  logSchemaBuild(message: string): void {
    // What `typeorm migration:show` reports, a line per migration: debug; openDatabase sums them up in one line.
    this.logger.debug({ schema: message }, 'schema');
  }

  logMigration(message: string): void {
    this.logger.debug({ migration: message }, 'migration');
  }

  /** The one line a start logs about migrations: how many ran now, and how many the schema has. */
  migrationsDone(schema: string, ran: string[], total: number): void {
    this.logger.info(
      { schema, ran, total },
      ran.length > 0 ? `migrations: ${ran.length} run, ${total} in all` : `migrations: up to date (${total})`,
    );
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logDatabaseLoss(this.logger, { message }, 'database');
    else this.logger.info({ message }, 'database');
  }
}

/**
 * A pg client with an 'error' listener from birth. pg-pool and TypeORM each listen only part of a
 * client's life; a server that ends its sessions (a restart, an administrator) can hit the gap, and an
 * 'error' event nobody hears ends the process. Here it is logged; the client is then unusable, and the
 * statement that tries it fails and gives it back.
 */
function clientThatListens(logger: Logger): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', (error: Error) => logDatabaseLoss(logger, { err: error }, 'database connection lost'));
    }
  };
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A TypeORM data source bound to one PostgreSQL schema: its tables, its migrations table, its search_path.
 * Waiting for a connection, each statement and each idle moment inside a transaction are time-limited,
 * so a stuck pool or server fails requests instead of hanging them; and the data-access rule is enforced
 * (see {@link inTransaction}).
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  const limits = options.limits ?? DEFAULT_DATABASE_LIMITS;
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new SqlLog(options.logger),
    maxQueryExecutionTime: 500,
    applicationName: options.applicationName,
    extra: {
      Client: clientThatListens(options.logger),
      max: limits.poolSize,
      // pg-pool applies this both to opening a connection and to waiting for a free one in a full pool.
      connectionTimeoutMillis: limits.connectionTimeoutMs,
      statement_timeout: limits.statementTimeoutMs,
      // A lock waited for past this fails as a lock wait (55P03), named so, before the statement timeout ends it.
      lock_timeout: limits.lockTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
      // Finds connections to a server that went away without closing them.
      keepAlive: true,
      // Unqualified names in migrations and raw SQL resolve to this subgraph's own schema.
      options: `-c search_path=${quoteIdent(options.schema)},public`,
    },
  });
  transactionAttempts.set(dataSource, limits.transactionAttempts);
  guardSecondConnection(
    dataSource,
    new Bulkhead({
      capacity: analyticalConnections(limits),
      maxQueue: Number.MAX_SAFE_INTEGER,
      queueTimeoutMs: limits.connectionTimeoutMs,
    }),
  );
  return dataSource;
}

/** The connections of the pool analytical requests may hold at once: their share, at least one, never all of a pool of two or more. */
export function analyticalConnections(limits: DatabaseLimits): number {
  const share = Math.floor((limits.poolSize * limits.analyticalPoolPercent) / 100);
  return Math.max(1, Math.min(share, limits.poolSize - 1));
}

/** What a caller hands a service: the data source's own manager, or the manager of a transaction it opened. */
export type Db = EntityManager;

/** Raised when code takes a second pool connection while its own transaction holds one (the pool-exhaustion freeze). */
export class SecondConnectionError extends Error {
  override name = 'SecondConnectionError';
}

/** The transaction the current async call chain runs in, per data source. */
const openTransaction = new AsyncLocalStorage<{ dataSource: DataSource; queryRunner: QueryRunner }>();

/**
 * Refuses a new pool connection for a data source from code that runs inside one of its transactions
 * (or inside a request's own transaction, see `RequestScope.transaction`). Such code waits for a
 * connection while holding one: enough of it at once exhausts the pool for good.
 */
function guardSecondConnection(dataSource: DataSource, analytical: Bulkhead): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const open = openTransaction.getStore() ?? currentRequestScope()?.transaction;
    if (open?.dataSource === dataSource && !open.queryRunner.isReleased) {
      throw new SecondConnectionError(
        'A second database connection was asked for inside a transaction; pass the transaction’s EntityManager down instead.',
      );
    }
    const runner = create(...args);
    // Every statement and transaction connects through here: a refused connection becomes DatabaseUnreachableError.
    const connect = runner.connect.bind(runner);
    const release = runner.release.bind(runner);
    // An analytical request's connections come from its share of the pool (DB_ANALYTICAL_POOL_PERCENT), so that
    // comparisons and profiles can never hold every connection the operational work needs.
    let permit: Promise<() => void> | undefined;
    runner.release = async () => {
      const given = permit;
      permit = undefined;
      try {
        return await release();
      } finally {
        if (given) (await given.catch(() => undefined))?.();
      }
    };
    const connectInShare = async (): Promise<unknown> => {
      if (currentRequestScope()?.workClass === 'analytical' && !permit && !runner.isReleased) {
        permit = analytical.acquire(1);
        try {
          await permit;
        } catch {
          permit = undefined;
          throw new Error(
            `no database connection for analytical work within ${analytical.options.queueTimeoutMs} ms (DB_CONNECTION_TIMEOUT_MS)`,
          );
        }
      }
      return connect();
    };
    runner.connect = () =>
      connectInShare().catch((error: unknown) => {
        if (!databaseUnreachable(error)) throw error;
        const given = (error as { code?: unknown }).code;
        throw new DatabaseUnreachableError(typeof given === 'string' ? given : 'no connection', error);
      });
    return runner;
  };
}

/** Socket errors of a connection to the database that could not be made or was lost. */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** SQLSTATEs of a server that cannot serve now: shutting down (57P01, 57P02), starting up (57P03), too many connections (53300). */
const SERVER_NOT_SERVING = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg and pg-pool say when a connection ends or none comes in time. */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether a statement failed because the database could not be reached (down, restarting, unreachable, no
 * connection in time), not because of what it asked: the subgraph is unavailable, as for a read, so a write is
 * SUBGRAPH_UNAVAILABLE too, never INTERNAL_SERVER_ERROR.
 */
export function databaseUnreachable(error: unknown): boolean {
  if (error instanceof DatabaseUnreachableError) return true;
  const failure = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const code = text(failure?.driverError?.code) || text(failure?.code);
  if (CONNECTION_FAILURES.has(code) || SERVER_NOT_SERVING.has(code) || code.startsWith('08')) return true;
  return LOST_CONNECTION.test(text(failure?.driverError?.message) || text(failure?.message));
}

/** A connection to the database that could not be made, as an error of this module (pg's own may not pass as an Error). */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';

  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    const said = cause instanceof Error || typeof (cause as { message?: unknown })?.message === 'string' ? (cause as Error).message : '';
    // The driver's own words stay in the message: a pool that gave no connection in time says "timeout exceeded".
    super(`The database did not answer (${code})${said ? `: ${said}` : '.'}`, { cause });
  }
}

const transactionAttempts = new WeakMap<DataSource, number>();

/** SQLSTATEs after which the same transaction, run again, can succeed. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Whether an error is PostgreSQL giving up a transaction that can simply be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  return RETRYABLE.has(
    String((error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code),
  );
}

// Transactions nested in one connection (savepoints) must not interleave: one at a time per connection.
const connectionQueue = new WeakMap<QueryRunner, Promise<unknown>>();

function oneAtATime<T>(queryRunner: QueryRunner, work: () => Promise<T>): Promise<T> {
  const previous = connectionQueue.get(queryRunner) ?? Promise.resolve();
  const next = previous.then(work, work);
  connectionQueue.set(
    queryRunner,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `work` in a transaction of `db`: a new one on a connection of its own when `db` is the data
 * source's manager, or a savepoint inside the caller's transaction when `db` already is one (so
 * services compose). `work` gets the transaction's manager and must use it, and only it, for every
 * statement: a second connection inside it is refused with {@link SecondConnectionError}. A deadlock or
 * serialization failure runs `work` again, up to the configured number of attempts: the one place
 * where those are retried.
 */
export async function inTransaction<T>(db: Db, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const dataSource = db.dataSource;
  const attempts = transactionAttempts.get(dataSource) ?? DEFAULT_DATABASE_LIMITS.transactionAttempts;
  const once = () =>
    db.transaction((tx) => openTransaction.run({ dataSource, queryRunner: tx.queryRunner as QueryRunner }, () => work(tx)));
  for (let attempt = 1; ; attempt++) {
    try {
      // Nested in `work` on the same connection: run at once. Beside other work on it (a request's transaction): queue.
      const nested = db.queryRunner !== undefined && openTransaction.getStore()?.queryRunner === db.queryRunner;
      return await (db.queryRunner && !nested ? oneAtATime(db.queryRunner, once) : once());
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
    }
  }
}

/** Connects, creates the schema if it is missing and, when asked, runs pending migrations. */
export async function openDatabase(dataSource: DataSource, migrate: boolean): Promise<void> {
  await dataSource.initialize();
  try {
    const schema = (dataSource.options as { schema: string }).schema;
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    if (migrate) {
      const ran = await dataSource.runMigrations();
      if (dataSource.logger instanceof SqlLog) {
        dataSource.logger.migrationsDone(
          schema,
          ran.map((migration) => migration.name),
          dataSource.migrations.length,
        );
      }
    }
  } catch (error) {
    // A failed migration must not leave the pool's connections open behind the error.
    await dataSource.destroy();
    throw error;
  }
}

/** The statements counted so far on a data source (for tests and benchmarks). */
export function sqlStatementCount(dataSource: DataSource): number {
  return (dataSource.logger as SqlLog).statements;
}

/**
 * The rows an UPDATE or DELETE … RETURNING gave back: TypeORM's `query` wraps those as
 * `[rows, affectedCount]`, unlike SELECT and INSERT.
 */
export async function updatedRows<T>(
  runner: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result = (await runner.query(sql, parameters)) as [T[], number];
  return result[0];
}

/**
 * Whether the database answers within `timeoutMs`: false, not a hang, when the pool has no free
 * connection in time or the server does not answer.
 */
export async function databaseAnswers(dataSource: DataSource, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
