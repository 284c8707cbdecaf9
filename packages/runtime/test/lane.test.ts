import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer, HeaderMap, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { buildSchema } from 'graphql';
import { createLogger } from '@samsyn/core';
import { AnalyticalLane, LaneUnavailable } from '../src/lane';
import { serveHttp, type HttpServiceOptions, type RunningHttpService } from '../src/http';
import { MemoryStore } from '../src/shared-cache';

/**
 * The analytical lane: analytical operations execute in a worker thread of the service's own, at a lower CPU priority,
 * so the main thread answers district systems while a dashboard is built. The worker here (fixtures/lane-worker.js)
 * keeps its thread busy, never yielding, until the test releases it.
 */
const schema = buildSchema(`type Query { districts: [String!]! profile: AreaProfile } type AreaProfile { value: Float }
  type Mutation { acknowledge: Boolean }`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-lane-'));
const started = path.join(dir, 'started');
const release = path.join(dir, 'release');
const logger = createLogger('lane-test', 'silent');

let lane: AnalyticalLane;
let service: RunningHttpService;

const postTo = (url: string, query: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
    async (response) => ({ status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } }),
  );
const post = (query: string) => postTo(service.url, query);

/** A service whose analytical reads go to `through`, as one with a lane does (its other reads answered here). */
async function serveWith(through: AnalyticalLane, options: Partial<HttpServiceOptions<BaseContext>> = {}): Promise<RunningHttpService> {
  const apollo = new ApolloServer({ schema, rootValue: { districts: () => ['angered', 'centrum'] } });
  await apollo.start();
  return serveHttp({
    apollo,
    context: async () => ({}),
    ready: async () => true,
    elsewhere: (incoming, scope) => (through.weigh(incoming, schema) ? () => through.run(incoming, scope) : undefined),
    logger,
    service: 'lane-test',
    host: '127.0.0.1',
    port: 0,
    ...options,
  });
}

const request = (body: unknown, method = 'POST'): HTTPGraphQLRequest => ({
  method,
  headers: new HeaderMap([['content-type', 'application/json']]),
  search: '',
  body,
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeAll(async () => {
  const env = { ...process.env, LANE_TEST_STARTED: started, LANE_TEST_RELEASE: release };
  lane = new AnalyticalLane({ entry: path.join(__dirname, 'fixtures/lane-worker.js'), nice: 10, logger, env });
  lane.start();
  service = await serveWith(lane);
});

afterAll(async () => {
  await service.stop();
  await lane.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the analytical lane', () => {
  it('answers a district system while the worker is busy building an analytical answer, and then that answer', async () => {
    let analyticalAnswered = false;
    const analytical = post('{ profile { value } }').then((answer) => {
      analyticalAnswered = true;
      return answer;
    });
    await until(() => fs.existsSync(started) || analyticalAnswered);
    expect(analyticalAnswered).toBe(false);

    const operational = await post('{ districts }');
    expect(operational).toEqual({ status: 200, body: { data: { districts: ['angered', 'centrum'] } } });
    // Answered while the worker was still busy: the analytical request has not been released.
    expect(analyticalAnswered).toBe(false);
    expect(fs.existsSync(release)).toBe(false);

    fs.writeFileSync(release, '');
    expect(await analytical).toEqual({ status: 200, body: { data: { analytical: 'done' } } });
  });

  it('runs at a lower CPU priority than the thread that answers the rest', () => {
    if (!fs.existsSync('/proc/self/task')) return;
    // The 19th field after the command is a task's nice value.
    const niceOf = (task: string) => {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const tasks = fs.readdirSync('/proc/self/task');
    // (Run under `nice` at 10 or more, the test's own thread is already there: nothing lower to show.)
    if (niceOf(String(process.pid)) >= 10) return;
    expect(tasks.map(niceOf)).toContain(10);
  });

  it('takes only reads that reach analytical types, decided from the operation', () => {
    expect(lane.weigh(request({ query: '{ profile { value } }' }), schema)).toMatchObject({ workClass: 'analytical' });
    expect(
      lane.weigh(request({ query: 'query Named { profile { value } } query Other { districts }', operationName: 'Named' }), schema),
    ).toMatchObject({
      workClass: 'analytical',
      operationName: 'Named',
    });
    // The main thread keeps everything else, and admits or refuses it as before.
    expect(lane.weigh(request({ query: '{ districts }' }), schema)).toBeUndefined();
    expect(lane.weigh(request({ query: 'mutation { acknowledge }' }), schema)).toBeUndefined();
    expect(lane.weigh(request({ query: '{ profile { value }' }), schema)).toBeUndefined();
    expect(lane.weigh(request({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }), schema)).toBeUndefined();
    expect(lane.weigh(request(undefined, 'GET'), schema)).toBeUndefined();
  });

  it('sends an analytical operation to the worker until its answer proved small, and at once when it covers many districts', async () => {
    const work = lane.weigh(request({ query: '{ profile { value } }', variables: { ids: ['angered', 'centrum'] } }), schema)!;
    // Not seen yet: once the worker runs, even a 1,000-district dashboard's first answer is not built on the main thread.
    await until(() => lane.takes(work));
    lane.observe(work, 130 * 1024, 'lane');
    expect(lane.takes(work)).toBe(false);
    // Small answers here keep it here; one larger than ANALYTICAL_WORKER_AFTER_KB (the data grew) sends it back.
    lane.observe(work, 600 * 1024, 'here');
    expect(lane.takes(work)).toBe(false);
    lane.observe(work, 13 * 2 ** 20, 'here');
    expect(lane.takes(work)).toBe(true);
    const many = lane.weigh(
      request({ query: '{ profile { value } }', variables: { ids: Array.from({ length: 1000 }, (_, i) => `d${i}`) } }),
      schema,
    )!;
    lane.observe(many, 1024, 'lane');
    expect(lane.takes(many)).toBe(true);
  });

  it("shares the process's response cache with its worker: what the worker stored is answered without it", async () => {
    const memory = new MemoryStore(2 ** 20, 100, 2 ** 20);
    const sharing = new AnalyticalLane({ entry: path.join(__dirname, 'fixtures/lane-store-worker.js'), nice: 10, logger, store: memory });
    sharing.start();
    const server = await serveWith(sharing, {
      cachedAnswer: async (incoming) => {
        const stored = await memory.get(`answer ${(incoming.body as { query: string }).query}`);
        return stored === undefined
          ? undefined
          : { operationName: 'profile', headers: { 'content-type': 'application/json' }, body: [stored] };
      },
    });
    const ask = (query: string) => postTo(server.url, query);
    try {
      // The worker reads what this thread stored.
      await memory.set('note { profile { value } }', 'kept here');
      expect(await ask('{ profile { value } }')).toEqual({
        status: 200,
        body: { data: { analytical: 'built by the worker', held: 'kept here' } },
      });
      // And this thread answers what the worker stored, with the worker stopped.
      expect(await ask('query Other { profile { value } }')).toEqual({
        status: 200,
        body: { data: { analytical: 'built by the worker', held: null } },
      });
      await until(() => memory.stats().entries === 3);
      await sharing.close();
      expect(await ask('query Other { profile { value } }')).toEqual({
        status: 200,
        body: { data: { analytical: 'stored by the worker' } },
      });
    } finally {
      await server.stop();
      await sharing.close();
    }
  });

  it('refuses with LaneUnavailable when its worker fails, so that the service runs the request itself', async () => {
    const failing = new AnalyticalLane({ entry: path.join(__dirname, 'fixtures/lane-worker.js'), nice: 10, logger, env: {} });
    failing.start();
    try {
      const scope = { requestId: 'r', sqlStatements: 0, errorCodes: [] };
      await expect(failing.run(request({ query: '{ fail }' }), scope)).rejects.toBeInstanceOf(LaneUnavailable);
      // Until it is started again, the lane says so at once instead of waiting.
      await expect(failing.run(request({ query: '{ profile { value } }' }), scope)).rejects.toBeInstanceOf(LaneUnavailable);
    } finally {
      await failing.close();
    }
  });
});
