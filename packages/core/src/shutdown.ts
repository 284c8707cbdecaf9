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
