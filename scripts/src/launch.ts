import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadChangesConfig } from '@samsyn/changes';
import { envName, loadConfig, SUBGRAPHS, type ServiceName } from '@samsyn/core';
import { embeddedPort, startEmbeddedPostgres, type EmbeddedDatabase } from '@samsyn/runtime';

const ROOT = path.resolve(__dirname, '../..');
const SERVICES: ServiceName[] = [...SUBGRAPHS, 'gateway'];
/** Where each service's start script is built to. */
const entryOf = (name: ServiceName): string => (name === 'gateway' ? 'gateway/dist/index.js' : `subgraphs/${name}/dist/src/index.js`);
/** How long the whole start may take: a first start migrates and loads five schemas, on a busy machine slowly. */
const START_TIMEOUT_MS = 180_000;
/** How long a service may take to stop after SIGTERM before it is killed: the whole stop stays within 10 s. */
const STOP_GRACE_MS = 7_000;

/** When a crashed service is started again, and when the launcher gives up. */
export interface RestartPolicy {
  /** The crash that makes this many within `windowMs` stops everything. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the first restart; doubled for each further crash in the window. */
  backoffMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, backoffMs: 500 };

/** A start that could not complete; its message names the cause and the setting to change. */
export class LaunchError extends Error {
  override name = 'LaunchError';
}

/** The development secret for HS256 tokens: JWT_SECRET, or one made once and kept under the data folder. */
export function devSecret(dataDir: string, env: Record<string, string | undefined>): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** How a process ended, in words: "exit code 1" or "killed by SIGKILL" (a signal leaves no exit code). */
function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Every port the system will listen on, with the variable that sets it; refuses a taken one before anything starts. */
async function checkPorts(env: Record<string, string | undefined>, withEmbeddedDatabase: boolean): Promise<void> {
  const wanted = SERVICES.map((name) => {
    const config = loadConfig(name, env);
    return { port: config.port, host: config.host, variable: `${envName(name)}_PORT` };
  });
  if (withEmbeddedDatabase) wanted.unshift({ port: embeddedPort(env), host: '127.0.0.1', variable: 'EMBEDDED_PG_PORT' });
  for (const { port, host, variable } of wanted) {
    if (port !== 0 && !(await portIsFree(port, host))) {
      throw new LaunchError(
        `port ${port} is already in use (${variable}): is Samsyn already running? Stop it, or choose another port with ${variable}.`,
      );
    }
  }
}

/** One service process, started again after a crash. */
interface Supervised {
  name: ServiceName;
  child: ChildProcess;
  /** Resolves when the current process has exited. */
  exited: Promise<void>;
  crashes: number[];
  restartTimer?: NodeJS.Timeout;
}

export interface RunningSystem {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The current process id of each service (a restarted service has a new one). */
  readonly pids: Record<ServiceName, number>;
  env: Record<string, string | undefined>;
  /** Stops every service, then the embedded database; safe to call more than once. */
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, service: Supervised, cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let ended: string | undefined;
  void service.exited.then(() => (ended = howItEnded(service.child.exitCode, service.child.signalCode)));
  while (Date.now() < deadline) {
    if (ended) throw new LaunchError(`${service.name} stopped while starting (${ended}); its own line above says why`);
    if (cancelled()) throw new LaunchError('stopped while starting');
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new LaunchError(`${service.name} was not ready within ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * Starts the whole system as separate processes, as in production: the database (embedded
 * unless DATABASE_URL is set), the five subgraphs (migrating and loading demo data), then the gateway.
 * A start that fails stops whatever it had started. Once running, a service that stops on its own
 * is started again after a growing pause (`restart`); when it keeps crashing, or with `restart: false`,
 * everything stops and `onFatal` says which service and how it ended.
 */
export async function launchSystem(options: {
  env: Record<string, string | undefined>;
  embeddedDataDir?: string;
  embeddedPort?: number;
  persistent?: boolean;
  restart?: RestartPolicy | false;
  /** Progress lines (restarts); default: stderr. */
  log?: (line: string) => void;
  /** Called once the system has stopped because a service could not be kept running. */
  onFatal?: (reason: string) => void;
  /** Aborting stops the system, also while it is still starting (the start then rejects). */
  signal?: AbortSignal;
}): Promise<RunningSystem> {
  const log = options.log ?? ((line: string) => console.error(line));
  const policy = options.restart === undefined ? DEFAULT_RESTART_POLICY : options.restart;
  const env: Record<string, string | undefined> = { ...options.env };
  // Each service reads PORT before its own <NAME>_PORT: passed to all six, it would give them one port.
  if (env.PORT) env.GATEWAY_PORT ??= env.PORT;
  delete env.PORT;
  if (options.embeddedPort !== undefined) env.EMBEDDED_PG_PORT = String(options.embeddedPort);
  const config = loadConfig('gateway', env);
  // The change feed's settings, which each area subgraph reads itself: a bad one stops `npm start` here, before anything runs.
  loadChangesConfig(env, config.nodeEnv);
  const services: Supervised[] = [];
  let database: EmbeddedDatabase | undefined;
  let stopping: Promise<void> | undefined;
  let started = false;

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const service of services) clearTimeout(service.restartTimer);
      await Promise.all(
        [...services].reverse().map(async (service) => {
          if (service.child.exitCode !== null || service.child.signalCode !== null) return;
          service.child.kill('SIGTERM');
          // A paused (SIGSTOP) or stuck service does not get to hold the others up.
          const kill = setTimeout(() => service.child.kill('SIGKILL'), STOP_GRACE_MS);
          await service.exited;
          clearTimeout(kill);
        }),
      );
      await database
        ?.stop()
        .catch((error: unknown) =>
          log(`samsyn: stopping the embedded PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`),
        );
    })();
    return stopping;
  };

  const giveUp = (reason: string) => {
    if (stopping) return;
    log(`samsyn: ${reason}; stopping everything`);
    void stop().then(() => options.onFatal?.(reason));
  };

  const spawnService = (name: ServiceName, crashes: number[] = []): Supervised => {
    const child = spawn(process.execPath, [path.join(ROOT, entryOf(name))], {
      env,
      // The IPC channel closes when the launcher dies in any way, and the service then stops itself.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const service: Supervised = { name, child, crashes, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
    child.once('exit', (code, signal) => {
      // Ctrl-C reaches the services and the launcher at once: let the launcher's own stop claim the exit first.
      setTimeout(() => {
        if (stopping || !started) return;
        onCrash(service, howItEnded(code, signal));
      }, 100);
    });
    return service;
  };

  const onCrash = (service: Supervised, ended: string) => {
    if (policy === false) return giveUp(`${service.name} stopped unexpectedly (${ended})`);
    const now = Date.now();
    service.crashes = [...service.crashes.filter((at) => now - at < policy.windowMs), now];
    const count = service.crashes.length;
    if (count >= policy.maxCrashes) {
      return giveUp(`${service.name} crashed ${count} times within ${policy.windowMs / 1000} s (last: ${ended})`);
    }
    const delay = Math.min(policy.backoffMs * 2 ** (count - 1), 30_000);
    log(
      `samsyn: ${service.name} stopped unexpectedly (${ended}); restarting it in ${delay} ms (crash ${count} of ${policy.maxCrashes} allowed within ${policy.windowMs / 1000} s)`,
    );
    service.restartTimer = setTimeout(() => {
      if (stopping) return;
      const restarted = spawnService(service.name, service.crashes);
      services[services.indexOf(service)] = restarted;
      log(`samsyn: ${service.name} restarted (pid ${restarted.child.pid})`);
    }, delay);
  };

  const aborted = () => {
    if (options.signal?.aborted) throw new LaunchError('stopped while starting');
  };
  options.signal?.addEventListener('abort', () => void stop(), { once: true });

  try {
    aborted();
    await checkPorts(env, !config.databaseUrl);
    if (!config.databaseUrl) {
      database = await startEmbeddedPostgres({
        dataDir: options.embeddedDataDir ?? path.join(config.dataDir, 'pg'),
        port: options.embeddedPort ?? embeddedPort(env),
        persistent: options.persistent ?? true,
      });
      env.DATABASE_URL = database.url;
    }
    aborted();
    env.JWT_SECRET = devSecret(config.dataDir, env);
    // A larger young generation: GraphQL responses allocate many short-lived objects (about 25 % faster
    // on large dashboards, measured with npm run bench).
    env.NODE_OPTIONS = [env.NODE_OPTIONS, '--max-semi-space-size=32'].filter(Boolean).join(' ');

    for (const name of SERVICES) services.push(spawnService(name));
    const gatewayUrl = `http://localhost:${config.port}/graphql`;
    // All at once: the first service that fails ends the start, whichever it is.
    await Promise.all(
      services.map((service) => {
        const url =
          service.name === 'gateway'
            ? gatewayUrl.replace(/\/graphql$/, '/health')
            : config.subgraphUrls[service.name].replace(/\/graphql$/, '/ready');
        return waitUntilReady(url, service, () => stopping !== undefined);
      }),
    );
    aborted();
    started = true;
    return {
      gatewayUrl,
      subgraphUrls: config.subgraphUrls,
      get pids() {
        return Object.fromEntries(services.map((service) => [service.name, service.child.pid])) as Record<ServiceName, number>;
      },
      env,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
