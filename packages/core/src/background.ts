import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { logDatabaseLoss } from './shutdown';

/**
 * Work a subgraph process does besides answering requests (delivering webhooks, recording what became due):
 * a tick repeated every `intervalMs`, never two at once, stopped before the pool closes.
 */
export interface BackgroundTask {
  name: string;
  intervalMs: number;
  /**
   * One round of work. Errors are logged and the next round runs as planned. `stopping` is aborted when the process
   * stops: a long round (a webhook backlog) ends early at it, so that a stop waits for no more than the work in hand.
   */
  tick(stopping: AbortSignal): Promise<void>;
  /**
   * Besides the timer: subscribes to what makes a round worth running at once (a commit's NOTIFY), calling `wake`
   * for it; returns how to unsubscribe. A wake during a round runs one more round after it.
   */
  wakeOn?(wake: () => void): Promise<() => Promise<void>>;
}

/** A gauge whose samples are read when Prometheus scrapes. */
export interface WatchedGauge {
  name: string;
  help: string;
  labelNames?: readonly string[];
  read(): Promise<{ labels?: Record<string, string>; value: number }[]>;
}

/** What background work may add to the process's `/metrics` (the runtime's `ServiceMetrics` is one). */
export interface BackgroundMetrics {
  /** Adds gauges read on each scrape; a failed read leaves a gauge without samples. */
  watchGauges(gauges: readonly WatchedGauge[]): void;
  /** A counter of the process's registry, created once per name. */
  counter(name: string, help: string, labelNames?: readonly string[]): { inc(value?: number): void };
}

/** What a subgraph's background tasks are made from. */
export interface BackgroundContext {
  db: DataSource;
  config: Config;
  logger: Logger;
  /** The process's `/metrics`: background work counts there and adds what it watches (absent in some tests). */
  metrics?: BackgroundMetrics;
}

/** Running background tasks: `tick(name)` runs one round now (tests, and after a write that wants it soon). */
export interface BackgroundRunner {
  tick(name: string): Promise<void>;
  stop(): Promise<void>;
}

const backgroundScope = new AsyncLocalStorage<string>();

/** The background task the current code runs for, if any (its statements are not a request's, see SqlLog). */
export function currentBackgroundTask(): string | undefined {
  return backgroundScope.getStore();
}

/** Starts each task on its own timer; a round that is still running when the next is due is not doubled. */
export function startBackground(tasks: BackgroundTask[], logger: Logger): BackgroundRunner {
  let stopped = false;
  const stopping = new AbortController();
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  /** Tasks woken while a round ran: they run once more when it ends. */
  const again = new Set<string>();
  const unsubscribes: Promise<(() => Promise<void>) | undefined>[] = [];

  const run = (task: BackgroundTask): Promise<void> => {
    const current = running.get(task.name);
    if (current) return current;
    const round = backgroundScope
      .run(task.name, () => task.tick(stopping.signal))
      .catch((error: unknown) => {
        if (!stopped) logDatabaseLoss(logger, { err: error, task: task.name }, 'background task failed; it runs again at its next round');
      })
      .finally(() => {
        running.delete(task.name);
        if (again.delete(task.name) && !stopped) void run(task);
      });
    running.set(task.name, round);
    return round;
  };

  const wake = (task: BackgroundTask) => () => {
    if (stopped) return;
    if (running.has(task.name)) again.add(task.name);
    else void run(task);
  };

  for (const task of tasks) {
    const timer = setInterval(() => {
      if (!stopped) void run(task);
    }, task.intervalMs);
    timer.unref();
    timers.push(timer);
    if (task.wakeOn) {
      // Without its wake-ups a task still runs on its timer: a failure to subscribe is worth a warning, no more.
      unsubscribes.push(
        task.wakeOn(wake(task)).catch((error: unknown) => {
          logger.warn({ err: error, task: task.name }, 'background task runs on its timer only: could not subscribe to wake-ups');
          return undefined;
        }),
      );
    }
  }

  return {
    async tick(name) {
      const task = tasks.find((candidate) => candidate.name === name);
      if (!task) throw new Error(`no background task ${name}`);
      // A round already under way may have missed what the caller just wrote: wait for it, then run one more.
      await running.get(name);
      await run(task);
    },
    async stop() {
      stopped = true;
      stopping.abort();
      for (const timer of timers) clearInterval(timer);
      await Promise.all(unsubscribes.map(async (subscribed) => (await subscribed)?.()));
      await Promise.all(running.values());
    },
  };
}
