import { inspect } from 'node:util';
import { type ServiceName, beginShutdown, ConfigError, envName, SUBGRAPHS } from '@samsyn/core';

/** One line that says why a service could not start, without a stack trace; `service` names its port variable. */
export function describeStartupError(error: unknown, service?: ServiceName): string {
  if (error instanceof ConfigError) return `configuration: ${error.message}`;
  const err = error as { code?: string; message?: string; address?: string; port?: number };
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === 'ETIMEDOUT') {
    const where = err.address ? ` at ${err.address}${err.port ? `:${err.port}` : ''}` : '';
    return `cannot reach the database${where} (${err.code}); check DATABASE_URL`;
  }
  if (err?.code === '28P01' || err?.code === '28000') return `the database refused the login (${err.message}); check DATABASE_URL`;
  if (err?.code === '3D000') return `${err.message}; check DATABASE_URL`;
  if (err?.code === 'EADDRINUSE') {
    return `port ${err.port ?? ''} is already in use; choose another with ${service ? `${envName(service)}_PORT` : 'PORT'}`;
  }
  // Some libraries reject with nothing at all: say so rather than print "undefined".
  return err?.message || (error === undefined ? 'failed without saying why' : inspect(error));
}

function knownService(name: string): ServiceName | undefined {
  return name === 'gateway' || (SUBGRAPHS as readonly string[]).includes(name) ? (name as ServiceName) : undefined;
}

/** Runs a service's start function; a failure prints one line and exits non-zero. */
export function runMain(service: string, start: () => Promise<{ close(): Promise<void> }>): void {
  start().then(
    (running) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        beginShutdown();
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`${service}: stopping after ${signal} failed: ${describeStartupError(error)}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      // Started by `npm start`: when the launcher is gone (even killed), its channel closes; stop with it.
      if (process.channel) process.once('disconnect', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      console.error(`${service}: ${describeStartupError(error, knownService(service))}`);
      process.exit(1);
    },
  );
}
