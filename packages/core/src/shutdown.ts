import type { Logger } from './logger';

/*
 * Whether this process is stopping. Under `npm start` a Ctrl-C reaches PostgreSQL and the services at once, so a
 * stopping service often sees its database end its sessions: expected then, worth an info line, not a warning.
 */
let stopping = false;

/** Marks the process as stopping (runMain does, on SIGTERM, SIGINT or when its launcher goes). */
export function beginShutdown(): void {
  stopping = true;
}

/** The level for "the database went away": `info` while the process is stopping, else `warn`. */
export function databaseLossLevel(): 'info' | 'warn' {
  return stopping ? 'info' : 'warn';
}

/**
 * How long "the database went away" waits to be logged while the process is not stopping yet: a Ctrl-C reaches
 * PostgreSQL and the services at once, and PostgreSQL may end the sessions a moment before this process has handled
 * its own signal. Past the wait the level is decided; a process that stops meanwhile logs it at info or not at all.
 */
const LOSS_SETTLE_MS = 500;

/** Logs a lost database connection or statement: at info while stopping, else (after LOSS_SETTLE_MS) at warn. */
export function logDatabaseLoss(logger: Logger, fields: Record<string, unknown>, message: string): void {
  if (stopping) {
    logger.info(fields, message);
    return;
  }
  setTimeout(() => logger[databaseLossLevel()](fields, message), LOSS_SETTLE_MS).unref();
}
