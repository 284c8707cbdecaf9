import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, MessageChannel, parentPort, Worker, workerData, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { getOperationAST, OperationTypeNode, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import {
  analyticalConnections,
  newRequestScope,
  weighOperation,
  type Config,
  type Logger,
  type OperationWeight,
  type RequestScope,
} from '@samsyn/core';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { PARSE_OPTIONS } from './hardening';
import { completeBodyOf, encodedBodies } from './encoded-body';
import { executeInScope, type IncomingRequest } from './http';
import { serveStore, StoreOverPort } from './lane-store';

/*
 * The analytical lane. A 1,000-district dashboard takes a subgraph most of a second of JavaScript, and the gateway
 * a third of one to merge its 13 MB: on the thread that also answers document reads and acknowledgements, those
 * wait that long, and on two cores the CPU is shared with it too. So every service executes heavy analytical
 * operations (see `weighOperation`, and `takes` for which are heavy) in a worker thread of its own: its own event loop,
 * its own share of the database pool, and a lower CPU priority (a nice value, ANALYTICAL_WORKER_NICE), so the operating
 * system gives the CPU to operational work first. The main thread still reads the request, answers it from the
 * response cache when it can (one store for both threads: the worker's answers are stored where the main thread reads,
 * lane-store.ts), classes it, admits it (the gateway's bulkheads), coalesces identical ones and writes the answer; the
 * worker executes it and hands back the encoded answer, moved, not copied. Should the worker fail, its requests run on
 * the main thread, as without the lane.
 */

/** What marks a worker thread as a lane's, in its `workerData`. */
const LANE = 'samsynLane';

interface LaneData {
  [LANE]: 'analytical';
  nice: number;
  /** The main thread's response cache store (without Redis), reached over this port. */
  store?: MessagePort;
}

/** One request for the worker: what Apollo Server needs of it, and its id. */
interface LaneRequest {
  id: number;
  requestId: string;
  method: string;
  headers: [string, string][];
  search: string;
  body: unknown;
}

/** The worker's answer: the encoded body, and what the main thread's log line and metrics say of the request. */
interface LaneAnswer {
  id: number;
  status: number;
  headers: [string, string][];
  bytes: Uint8Array;
  operationName?: string;
  errorCodes: string[];
}

type FromWorker = LaneAnswer | { id: number; failed: string } | { ready: true } | { startFailed: string };
type ToWorker = LaneRequest | { close: true };

/** Whether this thread is the worker of an analytical lane (then the service's entry starts the lane, not a server). */
export function isLaneWorker(): boolean {
  return !isMainThread && (workerData as Partial<LaneData> | undefined)?.[LANE] === 'analytical';
}

/**
 * Starts a service's analytical lane as configured (none when ANALYTICAL_WORKER is off); `store`, the process's own
 * response cache store when it has no Redis, is the worker's too.
 */
export function startLane(config: Config, logger: Logger, store?: KeyValueCache<string>): AnalyticalLane | undefined {
  if (!laneConfig(config)) return undefined;
  const { nice, afterKb } = config.analyticalWorker;
  const lane = new AnalyticalLane({ entry: laneEntry(), nice, afterKb, logger, store });
  lane.start();
  return lane;
}

/** In a lane's worker: the main thread's response cache store, when the worker is to use it (no Redis). */
export function mainThreadStore(): KeyValueCache<string> | undefined {
  const port = isLaneWorker() ? (workerData as LaneData).store : undefined;
  return port && new StoreOverPort(port);
}

/** The script the process was started with: the lane's worker runs it too. */
export function laneEntry(): string {
  return require.main?.filename ?? process.argv[1];
}

/** The lane could not run a request (its worker failed or stopped): the caller runs it itself. */
export class LaneUnavailable extends Error {
  override name = 'LaneUnavailable';
}

/** An analytical operation the lane may take, with its weight (what the gateway's admission charges for it). */
export interface LaneWork extends OperationWeight {
  query: string;
  operationName?: string;
  operation: OperationDefinitionNode;
  /** What its time is remembered by: the operation, and the size of its variables' lists to a power of two. */
  key: string;
  /** Items in its variables' lists (an `_entities` fetch's representations: one per district of a dashboard). */
  items: number;
}

/**
 * Which analytical operations execute in the lane: every one the lane has not yet seen answer small, so that a
 * 1,000-district dashboard is never built on the main thread (a third of a second of the thread that answers district
 * systems, after every start and for every new shape of a dashboard), and one whose list variables hold more items
 * than this (a dashboard's `_entities` over a hundred districts and more) always. One whose answer was under half of
 * ANALYTICAL_WORKER_AFTER_KB (1 MB: what it costs to build, merge and write grows with it) comes back to the main
 * thread from then on, until an answer there is larger than the whole of it. Its size, not its time, decides: under
 * load every request takes longer, and a dashboard of the city's ten districts (130 kB, a few milliseconds) would cost
 * as much again for the hop to the worker and back, so after its first answer it stays on the main thread, with the
 * budgets, pool shares and coalescing as before. Until the worker is ready, the main thread answers what is not known
 * to be heavy.
 */
export const LANE_AFTER_ITEMS = 100;

/** Operations remembered as light, and as heavy, at most (the rest learn again). */
const MAX_REMEMBERED = 1_000;

/** Items in the lists of a request's variables (one level deep: `representations`, a list of ids). */
function itemsIn(variables: Record<string, unknown>): number {
  return Object.values(variables).reduce<number>((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
}

/**
 * The settings of a service's analytical lane (none when the lane is off): the main thread keeps its pool of
 * DB_POOL_SIZE, and the lane has a pool of its own of the analytical share (DB_ANALYTICAL_POOL_PERCENT of it, at least
 * one connection), so analytical work never holds a connection the operational work could use. Only the main thread
 * migrates and seeds.
 */
export function laneConfig(config: Config): Config | undefined {
  if (!config.analyticalWorker.enabled) return undefined;
  return {
    ...config,
    migrateOnStart: false,
    seedDemoData: false,
    database: { ...config.database, poolSize: analyticalConnections(config.database), analyticalPoolPercent: 100 },
  };
}

/** Parsed documents kept at most, by their text (a service sees a few dozen distinct operations). */
const MAX_DOCUMENTS = 500;

/** The main thread's side: classes requests, sends analytical ones to the worker and takes their answers. */
export class AnalyticalLane {
  private worker?: Worker;
  private ready?: Promise<void>;
  private readonly pending = new Map<number, { resolve: (answer: LaneAnswer) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private closing = false;
  private startedAt = 0;
  /** Whether the worker said it is ready (and has not stopped since). */
  private running = false;
  private readonly documents = new Map<string, DocumentNode | null>();
  /** Operations (`LaneWork.key`) whose last answer was under half of `afterKb` (not larger than it, here). */
  private readonly light = new Set<string>();
  /**
   * Operations whose answer on the main thread was larger than `afterKb`: while the worker is not running (starting, or
   * stopped), these still go to it, and wait for it or start it again; the rest are answered here meanwhile.
   */
  private readonly heavy = new Set<string>();

  constructor(
    private readonly options: {
      /** The service's entry script: the worker runs it too, and it starts the lane there (`isLaneWorker`). */
      entry: string;
      nice: number;
      logger: Logger;
      /** The worker's environment: by default this process's. */
      env?: Record<string, string | undefined>;
      /** ANALYTICAL_WORKER_AFTER_KB (default 1024). */
      afterKb?: number;
      /** The process's response cache store, served to the worker (see `mainThreadStore`). */
      store?: KeyValueCache<string>;
    },
  ) {}

  /** Starts the worker; requests sent before it is ready wait for it. */
  start(): void {
    this.startedAt = Date.now();
    const data: LaneData = { [LANE]: 'analytical', nice: this.options.nice };
    const channel = this.options.store && new MessageChannel();
    if (channel && this.options.store) {
      serveStore(channel.port1, this.options.store);
      data.store = channel.port2;
    }
    const worker = new Worker(this.options.entry, {
      workerData: data,
      transferList: channel ? [channel.port2] : [],
      env: this.options.env ?? process.env,
    });
    // A lane never keeps its process alive: the server does while it serves.
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if ('ready' in message) {
          if (this.worker === worker) this.running = true;
          return resolve();
        }
        if ('startFailed' in message) return reject(new LaneUnavailable(`the analytical lane did not start: ${message.startFailed}`));
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!waiting) return;
        if ('failed' in message) waiting.reject(new LaneUnavailable(message.failed));
        else waiting.resolve(message);
      });
      worker.once('error', (error) => this.options.logger.error({ err: error }, 'the analytical lane failed'));
      worker.once('exit', (code) => {
        channel?.port1.close();
        reject(new LaneUnavailable(`the analytical lane stopped (exit code ${code})`));
        if (this.worker === worker) {
          this.worker = undefined;
          this.running = false;
        }
        for (const [id, waiting] of this.pending) {
          this.pending.delete(id);
          waiting.reject(new LaneUnavailable(`the analytical lane stopped (exit code ${code})`));
        }
        if (!this.closing) this.options.logger.error({ code }, 'the analytical lane stopped: analytical requests run beside the rest');
      });
    });
    this.ready.catch((error: unknown) => this.options.logger.error({ err: error }, 'the analytical lane is not available'));
  }

  /**
   * The class and cost of a request when it is analytical work for the lane: a JSON POST of a query whose operation
   * reaches analytical types. Anything else (a GET, a persisted query's hash alone, a document that does not parse)
   * is left to the main thread, which admits and refuses it as before.
   */
  weigh(request: HTTPGraphQLRequest, schema: GraphQLSchema | undefined): LaneWork | undefined {
    if (!schema || request.method !== 'POST' || request.body === null || typeof request.body !== 'object') return undefined;
    const { query, operationName, variables } = request.body as { query?: unknown; operationName?: unknown; variables?: unknown };
    if (typeof query !== 'string') return undefined;
    const document = this.documentOf(query);
    if (!document) return undefined;
    const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
    // Only reads: a mutation is the writer's, in the main thread's transaction rules.
    if (!operation || operation.operation !== OperationTypeNode.QUERY) return undefined;
    const vars =
      variables !== null && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {};
    const weight = weighOperation(schema, document, operation, vars);
    if (weight.workClass !== 'analytical') return undefined;
    const name = typeof operationName === 'string' ? operationName : undefined;
    const items = itemsIn(vars);
    const key = `${name ?? ''}\u0000${Math.ceil(Math.log2(items + 1))}\u0000${query}`;
    return { ...weight, query, operationName: name, operation, key, items };
  }

  /** Resolves once the worker is ready (and rejects when it could not start). */
  whenReady(): Promise<void> {
    return this.ready ?? Promise.reject(new LaneUnavailable('the analytical lane was not started'));
  }

  /** Whether an analytical operation executes in the lane (see LANE_AFTER_ITEMS): while the lane runs. */
  takes(work: LaneWork): boolean {
    if (this.closing) return false;
    if (this.afterBytes === 0 || work.items > LANE_AFTER_ITEMS) return true;
    return this.running ? !this.light.has(work.key) : this.heavy.has(work.key);
  }

  private get afterBytes(): number {
    return (this.options.afterKb ?? 1024) * 1024;
  }

  /**
   * Remembers how large an operation's answer was, here or in the lane: one under half of `afterKb` is light (answered
   * here from then on), one larger than `afterKb` here is heavy (in the lane from then on).
   */
  observe(work: LaneWork, bytes: number, where: 'here' | 'lane'): void {
    if (bytes < this.afterBytes / 2) {
      if (this.light.size >= MAX_REMEMBERED) this.light.clear();
      this.light.add(work.key);
      this.heavy.delete(work.key);
    } else if (where === 'here' && bytes > this.afterBytes) {
      if (this.heavy.size >= MAX_REMEMBERED) this.heavy.clear();
      this.heavy.add(work.key);
      this.light.delete(work.key);
    }
  }

  /** Executes a request in the worker; rejects with LaneUnavailable when the worker cannot (then run it here). */
  async run(request: HTTPGraphQLRequest, scope: RequestScope): Promise<HTTPGraphQLResponse> {
    if (this.closing) throw new LaneUnavailable('the analytical lane is stopping');
    // A worker that stopped is started again, at most every five seconds; meanwhile its requests run here.
    if (!this.worker && Date.now() - this.startedAt > 5_000) this.start();
    const worker = this.worker;
    if (!worker || !this.ready) throw new LaneUnavailable('the analytical lane is not running');
    await this.ready;
    const id = this.nextId++;
    const answer = await new Promise<LaneAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: LaneRequest = {
        id,
        requestId: scope.requestId,
        method: request.method,
        headers: [...request.headers],
        search: request.search,
        body: request.body,
      };
      worker.postMessage(message);
    });
    scope.operationName = answer.operationName;
    scope.errorCodes.push(...answer.errorCodes);
    scope.workClass = 'analytical';
    const bytes = Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength);
    return { status: answer.status, headers: new HeaderMap(answer.headers), body: completeBodyOf(bytes) };
  }

  /** Lets the worker finish what it runs, then stops it. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ close: true } satisfies ToWorker);
    const force = setTimeout(() => void worker.terminate(), 10_000);
    await exited;
    clearTimeout(force);
  }

  private documentOf(query: string): DocumentNode | undefined {
    if (!this.documents.has(query)) {
      let document: DocumentNode | null;
      try {
        document = parse(query, PARSE_OPTIONS);
      } catch {
        document = null;
      }
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.clear();
      this.documents.set(query, document);
    }
    return this.documents.get(query) ?? undefined;
  }
}

/**
 * How a service executes a request the main thread did not find in the response cache (http.ts looks first): the
 * lane's worker executes so, and the main thread so when the lane cannot. (Apollo Server's cache plugin still looks
 * the operation up, in the store both threads share, and stores its answer there.)
 */
export function executeAsService<TContext extends BaseContext>(service: {
  apollo: ApolloServer<TContext>;
  createContext: (request: IncomingRequest) => Promise<TContext>;
}): (request: HTTPGraphQLRequest, scope: RequestScope) => Promise<HTTPGraphQLResponse> {
  return (request, scope) => executeInScope(service.apollo, (incoming) => service.createContext(incoming), request, scope);
}

/** The size of a complete answer in bytes (characters, for one made here); 0 for a stream. */
function sizeOf(response: HTTPGraphQLResponse): number {
  if (response.body.kind !== 'complete') return 0;
  return encodedBodies.get(response.body)?.byteLength ?? response.body.string.length;
}

/**
 * What `serveHttp` is given to send heavy analytical operations to the lane (`elsewhere`: `inLane` runs one there, and
 * here when the lane cannot) and to weigh the answers of those it leaves here (`answered`): one proved light takes the
 * usual way (response cache, coalescing, this thread) until an answer proves it heavy.
 */
export function laneRouting(
  lane: AnalyticalLane,
  schema: () => GraphQLSchema | undefined,
  inLane: (request: HTTPGraphQLRequest, scope: RequestScope, work: LaneWork) => Promise<HTTPGraphQLResponse>,
  here: (request: HTTPGraphQLRequest, scope: RequestScope) => Promise<HTTPGraphQLResponse>,
): {
  elsewhere: (request: HTTPGraphQLRequest, scope: RequestScope) => (() => Promise<HTTPGraphQLResponse>) | undefined;
  answered: (request: HTTPGraphQLRequest, response: HTTPGraphQLResponse) => void;
} {
  const leftHere = new WeakMap<HTTPGraphQLRequest, LaneWork>();
  return {
    elsewhere(request, scope) {
      const work = lane.weigh(request, schema());
      if (!work) return undefined;
      if (!lane.takes(work)) {
        leftHere.set(request, work);
        return undefined;
      }
      return async () => {
        try {
          const response = await inLane(request, scope, work);
          if ((response.status ?? 200) === 200) lane.observe(work, sizeOf(response), 'lane');
          return response;
        } catch (error) {
          if (!(error instanceof LaneUnavailable)) throw error;
          return here(request, scope);
        }
      };
    },
    answered(request, response) {
      const work = leftHere.get(request);
      if (work) lane.observe(work, sizeOf(response), 'here');
    },
  };
}

/** What a lane's worker does with a request: answers it as the service would, and is closed when the lane stops. */
export interface LaneHandler {
  answer(request: HTTPGraphQLRequest, scope: RequestScope): Promise<HTTPGraphQLResponse>;
  close(): Promise<void>;
}

/**
 * The worker's side: lowers this thread's CPU priority, builds the handler and answers the main thread's requests
 * until it says to stop. Started by the service's entry script when `isLaneWorker()`.
 */
export function runLaneWorker(build: () => Promise<LaneHandler>): void {
  const port = parentPort;
  if (!port) throw new Error('runLaneWorker runs in a lane worker only');
  lowerThisThreadsPriority((workerData as LaneData).nice);
  build().then(
    (handler) => {
      port.on('message', (message: ToWorker) => {
        if ('close' in message) {
          void handler.close().finally(() => port.close());
          return;
        }
        void answerOne(handler, message).then(
          ([answer, transfer]) => port.postMessage(answer, transfer),
          (error: unknown) => port.postMessage({ id: message.id, failed: error instanceof Error ? error.message : String(error) }),
        );
      });
      port.postMessage({ ready: true });
    },
    (error: unknown) => {
      port.postMessage({ startFailed: error instanceof Error ? error.message : String(error) });
      port.close();
    },
  );
}

async function answerOne(handler: LaneHandler, message: LaneRequest): Promise<[LaneAnswer, TransferListItem[]]> {
  const scope = newRequestScope(message.requestId);
  scope.workClass = 'analytical';
  const request: HTTPGraphQLRequest = {
    method: message.method,
    headers: new HeaderMap(message.headers),
    search: message.search,
    body: message.body,
  };
  const response = await handler.answer(request, scope);
  let bytes: Buffer;
  if (response.body.kind === 'complete') bytes = Buffer.from(response.body.string);
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of response.body.asyncIterator) chunks.push(Buffer.from(chunk));
    bytes = Buffer.concat(chunks);
  }
  // A large answer has a buffer of its own, moved to the main thread; a small one shares node's pool and is copied.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const answer: LaneAnswer = {
    id: message.id,
    status: response.status ?? 200,
    headers: [...response.headers],
    bytes: owned ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes),
    operationName: scope.operationName,
    errorCodes: scope.errorCodes,
  };
  return [answer, owned ? [bytes.buffer as ArrayBuffer] : []];
}

/** The pg pool's part a lane lowers the priority of: its clients' server processes. */
interface PoolOfClients {
  on(event: 'acquire', listener: (client: { processID?: number | null }) => void): unknown;
}

/**
 * Lowers the CPU priority of the PostgreSQL server processes that serve the lane's connections, where they run on this
 * host (DATABASE_URL on a loopback address or a socket, and the process is a `postgres` one this service may renice,
 * as it may the embedded server of `npm start`): the lane's SQL then takes the CPU after the operational SQL, as its
 * JavaScript does. A server elsewhere is left alone.
 */
export function lowerServerPriority(pool: PoolOfClients, databaseUrl: string | undefined, nice: number): void {
  if (nice <= 0 || !databaseUrl || !serverOnThisHost(databaseUrl)) return;
  const lowered = new WeakSet<object>();
  pool.on('acquire', (client) => {
    if (lowered.has(client) || !client.processID) return;
    lowered.add(client);
    try {
      if (fs.readFileSync(`/proc/${client.processID}/comm`, 'utf8').trim() === 'postgres') os.setPriority(client.processID, nice);
    } catch {
      // another host's process, or not ours to change
    }
  });
}

function serverOnThisHost(databaseUrl: string): boolean {
  try {
    const { hostname, searchParams } = new URL(databaseUrl);
    const host = searchParams.get('host') ?? hostname;
    return host === '' || host.startsWith('/') || ['localhost', '127.0.0.1', '[::1]', '::1'].includes(host);
  } catch {
    return false;
  }
}

/**
 * Lowers the CPU priority of the calling thread alone (Linux: a thread is a task with its own nice value). Elsewhere,
 * or where it is not allowed, the lane still has its own event loop.
 */
function lowerThisThreadsPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    const task = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(task) && task > 0) os.setPriority(task, nice);
  } catch {
    // not Linux, or no /proc
  }
}
