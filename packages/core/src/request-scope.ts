import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/** What every log line, SQL statement and metric of one request can reach without passing it down. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
  /** The operation's name once the document is parsed and valid: `(anonymous)` for an unnamed one. */
  operationName?: string;
  /** `extensions.code` of every error the response carries. */
  errorCodes: string[];
  /** Tables the request's SQL named, while the response cache wants to know (see response-cache.ts). */
  tablesRead?: Set<string>;
  /**
   * Called with the text of the request's answer once Apollo Server has written it (status 200, not
   * incremental): a response cache keeps that text instead of writing the answer a second time.
   */
  keepAnswer?: (body: string) => void;
  /** The transaction the whole request runs in, when it has one (a mutation with an Idempotency-Key). */
  transaction?: { dataSource: DataSource; queryRunner: QueryRunner };
  /** The operation's bulkhead (admission.ts), once known: an analytical one takes its SQL from its share of the pool. */
  workClass?: 'operational' | 'analytical';
}

const storage = new AsyncLocalStorage<RequestScope>();

/** A fresh scope for one request. */
export function newRequestScope(requestId: string): RequestScope {
  return { requestId, sqlStatements: 0, errorCodes: [] };
}

/** Runs `work` within a request scope (a fresh one for a request id). */
export function withRequestScope<T>(scope: RequestScope | string, work: () => T): T {
  return storage.run(typeof scope === 'string' ? newRequestScope(scope) : scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
