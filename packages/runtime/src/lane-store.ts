import type { MessagePort } from 'node:worker_threads';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';

/*
 * One response cache for a process and its analytical lane (lane.ts). Without Redis the cache is the main thread's
 * memory; the lane's worker reads and writes that same store over a message port, so what the worker stored (a
 * dashboard's 3 MB `_entities` answer) the main thread answers next time from its own memory, without the hop to the
 * worker and back, and no answer is kept twice. (With Redis both threads use Redis, and share it already.)
 */

type StoreCall = { id: number; get: string } | { set: string; value: string; ttl?: number | null } | { delete: string };

interface StoreReply {
  id: number;
  value?: string;
}

/** Serves `store` to a lane's worker over `port` (the main thread's side), until the port closes. */
export function serveStore(port: MessagePort, store: KeyValueCache<string>): void {
  port.on('message', (call: StoreCall) => {
    if ('get' in call) {
      void store.get(call.get).then(
        (value) => port.postMessage({ id: call.id, value } satisfies StoreReply),
        () => port.postMessage({ id: call.id } satisfies StoreReply),
      );
    } else if ('set' in call) {
      void store.set(call.set, call.value, call.ttl === undefined ? undefined : { ttl: call.ttl }).catch(() => undefined);
    } else {
      void store.delete(call.delete).catch(() => undefined);
    }
  });
  // The lane never keeps its process alive.
  port.unref();
}

/**
 * The main thread's store as the worker sees it: a read waits for the main thread's answer, a write is sent and not
 * waited for (as a response cache writes). Once the port is closed (the process stopping), every read is a miss.
 */
export class StoreOverPort implements KeyValueCache<string> {
  private readonly waiting = new Map<number, (value: string | undefined) => void>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly port: MessagePort) {
    port.on('message', (reply: StoreReply) => {
      const resolve = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      resolve?.(reply.value);
    });
    port.once('close', () => {
      this.closed = true;
      for (const resolve of this.waiting.values()) resolve(undefined);
      this.waiting.clear();
    });
    port.unref();
  }

  get(key: string): Promise<string | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.port.postMessage({ id, get: key } satisfies StoreCall);
    });
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.closed) this.port.postMessage({ set: key, value, ttl: options?.ttl } satisfies StoreCall);
  }

  async delete(key: string): Promise<void> {
    if (!this.closed) this.port.postMessage({ delete: key } satisfies StoreCall);
  }
}
