import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  databaseAnswers,
  DEFAULT_DATABASE_LIMITS,
  inTransaction,
  openDatabase,
  quoteIdent,
  newRequestScope,
  SecondConnectionError,
  withRequestScope,
  type DatabaseLimits,
} from '@samsyn/core';

/** The rules every service's database access runs under, on a real PostgreSQL. */
const schema = `dbtest_${randomBytes(4).toString('hex')}`;
const opened: DataSource[] = [];

async function database(limits: Partial<DatabaseLimits> = {}): Promise<DataSource> {
  const db = createDataSource({
    url: process.env.DATABASE_URL as string,
    schema,
    entities: [],
    migrations: [],
    logger: pino({ level: 'silent' }),
    limits: { ...DEFAULT_DATABASE_LIMITS, ...limits },
  });
  await openDatabase(db, false);
  opened.push(db);
  return db;
}

afterAll(async () => {
  await opened[0]?.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await Promise.all(opened.filter((db) => db.isInitialized).map((db) => db.destroy()));
});

describe('transactions', () => {
  it('refuse a second pool connection taken inside a transaction, instead of waiting for one', async () => {
    const db = await database();
    await expect(inTransaction(db.manager, () => db.query<unknown[]>('SELECT 1'))).rejects.toThrow(SecondConnectionError);
    // The transaction's own manager is fine, and so is the pool outside any transaction.
    await expect(inTransaction(db.manager, (tx) => tx.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    await expect(db.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
  });

  it('compose: a service given the caller’s transaction writes in it, and a failure undoes both', async () => {
    const db = await database();
    await db.query(`CREATE TABLE IF NOT EXISTS composed (n int PRIMARY KEY)`);
    const writeTwo = (tx: DataSource['manager']) =>
      inTransaction(tx, async (inner) => {
        await inner.query(`INSERT INTO composed VALUES (2)`);
      });
    await expect(
      inTransaction(db.manager, async (tx) => {
        await tx.query(`INSERT INTO composed VALUES (1)`);
        await writeTwo(tx);
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('changes its mind');
    expect(await db.query(`SELECT n FROM composed`)).toEqual([]);
  });

  it('run again after a deadlock, a bounded number of times', async () => {
    const db = await database({ transactionAttempts: 3 });
    let attempts = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(
      inTransaction(db.manager, () => {
        attempts += 1;
        return attempts < 3 ? Promise.reject(deadlock) : Promise.resolve('done');
      }),
    ).resolves.toBe('done');
    attempts = 0;
    await expect(
      inTransaction(db.manager, () => {
        attempts += 1;
        return Promise.reject(deadlock);
      }),
    ).rejects.toThrow('deadlock detected');
    expect(attempts).toBe(3);
  });
});

describe('opening', () => {
  it('closes the pool when a migration fails, so a service that cannot start leaves no connection open', async () => {
    class FailingMigration1700000000000 {
      name = 'FailingMigration1700000000000';
      async up(): Promise<void> {
        throw new Error('this migration fails');
      }
      async down(): Promise<void> {}
    }
    const db = createDataSource({
      url: process.env.DATABASE_URL as string,
      schema,
      entities: [],
      migrations: [FailingMigration1700000000000],
      logger: pino({ level: 'silent' }),
    });
    await expect(openDatabase(db, true)).rejects.toThrow('this migration fails');
    expect(db.isInitialized).toBe(false);
  });
});

describe('time limits', () => {
  it('a statement longer than DB_STATEMENT_TIMEOUT_MS is cancelled by the server', async () => {
    const db = await database({ statementTimeoutMs: 200 });
    await expect(db.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ driverError: { code: '57014' } });
  });

  it('a session idle inside a transaction longer than DB_IDLE_IN_TRANSACTION_TIMEOUT_MS is ended', async () => {
    const db = await database({ idleInTransactionTimeoutMs: 200 });
    await expect(
      inTransaction(db.manager, async (tx) => {
        await tx.query('SELECT 1');
        await new Promise((resolve) => setTimeout(resolve, 600));
        await tx.query('SELECT 2');
      }),
    ).rejects.toThrow();
    // The pool recovers: the next statement gets a fresh connection.
    await expect(db.query('SELECT 3 AS three')).resolves.toEqual([{ three: 3 }]);
  });

  it('a request waiting for a connection from a full pool gives up after DB_CONNECTION_TIMEOUT_MS, and the readiness probe says no', async () => {
    const db = await database({ poolSize: 1, connectionTimeoutMs: 300 });
    let release!: () => void;
    const held = inTransaction(db.manager, (tx) => tx.query('SELECT 1').then(() => new Promise<void>((resolve) => (release = resolve))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(db.query('SELECT 1')).rejects.toThrow(/timeout/);
    expect(await databaseAnswers(db, 200)).toBe(false);
    release();
    await held;
    expect(await databaseAnswers(db, 1000)).toBe(true);
  });
});

describe('the analytical share of the pool', () => {
  /** Runs `work` in a request scope of the given class, as a subgraph request classed from its operation. */
  const inClass = <T>(workClass: 'operational' | 'analytical', work: () => Promise<T>) =>
    withRequestScope({ ...newRequestScope(`test-${workClass}`), workClass }, work);

  it('analytical work holds at most its share of the connections, and operational work gets the rest', async () => {
    const db = await database({ poolSize: 4, analyticalPoolPercent: 50, connectionTimeoutMs: 300 });
    const releases: (() => void)[] = [];
    const holding = [0, 1].map(() =>
      inClass('analytical', () =>
        inTransaction(db.manager, (tx) => tx.query('SELECT 1').then(() => new Promise<void>((resolve) => releases.push(resolve)))),
      ),
    );
    // Wait (no fixed sleep) until both analytical transactions hold their connection.
    while (releases.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // A third analytical statement finds the share taken, though the pool has two connections free.
    await expect(inClass('analytical', () => db.query('SELECT 1'))).rejects.toThrow(/no database connection for analytical work/);
    await expect(inClass('operational', () => db.query('SELECT 2 AS two'))).resolves.toEqual([{ two: 2 }]);
    releases.forEach((release) => release());
    await Promise.all(holding);
    // Given back with the connections: the share serves again.
    await expect(inClass('analytical', () => db.query('SELECT 3 AS three'))).resolves.toEqual([{ three: 3 }]);
  });
});
