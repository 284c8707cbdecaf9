import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/** What every log line and SQL statement of one request can reach without passing it down. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /** The transaction the whole request runs in, when it has one (a mutation with an Idempotency-Key). */
  transaction?: { dataSource: DataSource; queryRunner: QueryRunner };
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with a fresh request scope. */
export function withRequestScope<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId, sqlStatements: 0 }, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
