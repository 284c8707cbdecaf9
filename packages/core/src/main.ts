import type { ServiceName } from './config';
import { ConfigError } from './config';

/** One line that says why a service could not start, without a stack trace. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return `configuration: ${error.message}`;
  const err = error as { code?: string; message?: string; address?: string; port?: number };
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === 'ETIMEDOUT') {
    const where = err.address ? ` at ${err.address}${err.port ? `:${err.port}` : ''}` : '';
    return `cannot reach the database${where} (${err.code}); check DATABASE_URL`;
  }
  if (err?.code === '28P01' || err?.code === '28000') return `the database refused the login (${err.message}); check DATABASE_URL`;
  if (err?.code === '3D000') return `${err.message}; check DATABASE_URL`;
  if (err?.code === 'EADDRINUSE') return `port ${err.port ?? ''} is already in use; set PORT`;
  return err?.message ?? String(error);
}

/** Runs a service's start function; a failure prints one line and exits non-zero. */
export function runMain(service: ServiceName | string, start: () => Promise<{ close(): Promise<void> }>): void {
  start().then(
    (running) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
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
    },
    (error: unknown) => {
      console.error(`${service}: ${describeStartupError(error)}`);
      process.exit(1);
    },
  );
}
