import { DataSource, type Logger as TypeOrmLogger, type MigrationInterface } from 'typeorm';
import pg from 'pg';
import type { Logger } from './logger';
import { currentRequestScope } from './request-scope';

// A SQL `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts (COUNT(*), SUM of ints) arrive as bigint strings; they fit a JS number in this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

type Constructor = new (...args: never[]) => unknown;

export interface DatabaseOptions {
  url: string;
  /** The PostgreSQL schema this subgraph owns. */
  schema: string;
  entities: Constructor[];
  migrations: (new () => MigrationInterface)[];
  logger: Logger;
  poolSize?: number;
  applicationName?: string;
}

/** Counts statements per data source and per request, and logs failures and slow statements. */
export class SqlLog implements TypeOrmLogger {
  statements = 0;

  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    this.statements += 1;
    const scope = currentRequestScope();
    if (scope) scope.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query, requestId: currentRequestScope()?.requestId }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query, requestId: currentRequestScope()?.requestId }, 'slow SQL statement');
  }

  logSchemaBuild(message: string): void {
    // What `typeorm migration:show` reports.
    this.logger.info({ schema: message }, 'schema');
  }

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'database');
    else this.logger.info({ message }, 'database');
  }
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A TypeORM data source bound to one PostgreSQL schema: its tables, its migrations table, its search_path. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
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
      max: options.poolSize ?? 10,
      // Unqualified names in migrations and raw SQL resolve to this subgraph's own schema.
      options: `-c search_path=${quoteIdent(options.schema)},public`,
    },
  });
}

/** Connects, creates the schema if it is missing and, when asked, runs pending migrations. */
export async function openDatabase(dataSource: DataSource, migrate: boolean): Promise<void> {
  await dataSource.initialize();
  const schema = (dataSource.options as { schema: string }).schema;
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  if (migrate) await dataSource.runMigrations();
}

/** The statements counted so far on a data source (for tests and benchmarks). */
export function sqlStatementCount(dataSource: DataSource): number {
  return (dataSource.logger as SqlLog).statements;
}

/**
 * The rows an UPDATE or DELETE … RETURNING gave back: TypeORM's `query` wraps those as
 * `[rows, affectedCount]`, unlike SELECT and INSERT.
 */
export async function updatedRows<T>(runner: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = (await runner.query(sql, parameters)) as [T[], number];
  return result[0];
}
