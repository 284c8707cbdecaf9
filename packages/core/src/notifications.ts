import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import { logDatabaseLoss } from './shutdown';

/** How long a lost LISTEN connection waits before it connects again (meanwhile the timers alone drive the work). */
const RECONNECT_MS = 5_000;

/**
 * Calls `onNotify` for every PostgreSQL NOTIFY on `channel` whose payload is `payload`, on a connection of its own
 * (not one of the pool's: it stays open, and is never inside a transaction). A lost connection is opened again
 * after a few seconds; notifications sent meanwhile are lost, so use this only to do sooner what a timer does anyway.
 * Returns how to stop listening.
 */
export async function listenForNotifications(
  db: DataSource,
  channel: string,
  payload: string,
  onNotify: () => void,
  logger: Logger,
): Promise<() => Promise<void>> {
  // TypeORM's PostgreSQL driver keeps its pg Pool as `master`; its options are the connection's.
  const options = (db.driver as unknown as { master: pg.Pool & { options: pg.ClientConfig } }).master.options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    // Named after what it waits for, so that an operator can tell it in pg_stat_activity.
    const candidate = new pg.Client({ ...options, application_name: `samsyn listen ${payload}`.slice(0, 63) });
    candidate.on('notification', (message) => {
      if (message.channel === channel && message.payload === payload) onNotify();
    });
    candidate.on('error', (error) => {
      if (!stopped) logDatabaseLoss(logger, { err: error, channel }, 'LISTEN connection lost; timers go on, and it connects again');
    });
    // Ended by the server (a restart, a terminated backend) or after an error: connect again unless stopping.
    candidate.on('end', () => {
      if (client === candidate) client = undefined;
      schedule();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await candidate.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await candidate.end();
      return;
    }
    client = candidate;
    // Whatever was committed while no one listened is due now.
    onNotify();
  };
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(schedule);
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect().catch((error: unknown) => {
    logger.warn({ err: error, channel }, 'LISTEN failed; timers go on, and it tries again');
    schedule();
  });
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
    client = undefined;
  };
}
