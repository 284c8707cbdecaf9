import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createSubgraphRuntime, serveSubgraph, type RunningHttpService, type SubgraphRuntime } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { executeRequest, freePort, testConfig, tokenFor } from '@samsyn/test-support';

/**
 * A PostgreSQL server of the test's own, stopped and started again while district systems keep
 * writing through a subgraph's real pool: every write that was answered as done is still there
 * afterwards, and the subgraph recovers without a restart of its own.
 */

/** Starts the server process and resolves with its URL once it takes connections. */
function startServer(dataDir: string, port: number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'support/postgres-server.mjs'), dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve({ url: ready[1], process: child });
    });
    child.once('exit', (code) => reject(new Error(`the PostgreSQL server process stopped (exit code ${code}): ${output}`)));
  });
}

/** Stops the server (PostgreSQL's fast shutdown: open sessions are ended) and waits until it is gone. */
function stopServer(server: { process: ChildProcess }): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });
}

const REPORT = `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { inserted } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (a busy machine writes slowly), at most `limitMs`. */
async function until(condition: () => boolean, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition() && Date.now() < end) await sleep(50);
}

describe('the database stopped and started again under writes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-restart-'));
  let server: { url: string; process: ChildProcess } | undefined;
  let runtime: SubgraphRuntime | undefined;
  let http: RunningHttpService | undefined;

  afterAll(async () => {
    await http?.stop();
    await runtime?.close().catch(() => undefined);
    if (server) await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no write it answered as done, and takes writes again once the server is back', async () => {
    fs.chmodSync(dir, 0o755);
    const dataDir = path.join(dir, 'pg');
    const port = await freePort();
    server = await startServer(dataDir, port);
    runtime = await createSubgraphRuntime(
      ALL_SUBGRAPHS['child-services'],
      testConfig('child-services', `_r${randomBytes(3).toString('hex')}`, { DATABASE_URL: server.url, DB_CONNECTION_TIMEOUT_MS: '1000' }),
    );
    const subgraph = runtime;
    http = await serveSubgraph(runtime, 0, '127.0.0.1');
    const ready = async () => (await fetch(http!.url.replace(/\/graphql$/, '/ready'))).status;
    const token = await tokenFor({ sub: 'system-omstart', roles: ['district-system'], district: 'omstart' });

    // Each write is one figure for its own period, so that every answered write can be looked for.
    let next = 0;
    let phase: 'before' | 'down' | 'after' = 'before';
    const answered: { period: string; phase: string }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const n = next++;
        const period = `${2000 + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
        const startedIn = phase;
        const result = await executeRequest(
          subgraph.apollo,
          (incoming) => subgraph.createContext(incoming),
          {
            query: REPORT,
            variables: { input: [{ indicator: 'CS-IA14', district: 'omstart', period, numerator: n % 7, denominator: 100 }] },
          },
          { authorization: `Bearer ${token}` },
        ).catch(() => undefined);
        if (result && !result.errors) answered.push({ period, phase: startedIn });
        else await sleep(20);
      }
    };
    const writers = Array.from({ length: 8 }, writer);

    await until(() => answered.length >= 20, 60_000);
    phase = 'down';
    await stopServer(server);
    const readyWhileDown = await ready();
    await sleep(500);
    server = await startServer(dataDir, port);
    phase = 'after';
    await until(() => answered.filter((write) => write.phase === 'after').length >= 20, 60_000);
    writing = false;
    await Promise.all(writers);

    const stored: { period: string }[] = await subgraph.db.query(`SELECT period FROM observation WHERE district = 'omstart'`);
    const storedPeriods = new Set(stored.map((row) => row.period));
    console.log(
      `database restart: ${answered.length} writes answered as done (${answered.filter((w) => w.phase === 'after').length} after the restart), ${storedPeriods.size} stored`,
    );
    expect(answered.filter((write) => !storedPeriods.has(write.period))).toEqual([]);
    expect([readyWhileDown, await ready()]).toEqual([503, 200]);
    expect(answered.filter((write) => write.phase === 'before').length).toBeGreaterThan(0);
    expect(answered.filter((write) => write.phase === 'after').length).toBeGreaterThan(0);
  }, 180_000);
});

describe('the database down', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-down-'));
  let server: { url: string; process: ChildProcess } | undefined;
  let runtime: SubgraphRuntime | undefined;

  afterAll(async () => {
    await runtime?.close().catch(() => undefined);
    if (server) await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a write and a read answer SUBGRAPH_UNAVAILABLE naming the subgraph, never INTERNAL_SERVER_ERROR', async () => {
    fs.chmodSync(dir, 0o755);
    server = await startServer(path.join(dir, 'pg'), await freePort());
    runtime = await createSubgraphRuntime(
      ALL_SUBGRAPHS['child-services'],
      testConfig('child-services', `_d${randomBytes(3).toString('hex')}`, {
        DATABASE_URL: server.url,
        DB_CONNECTION_TIMEOUT_MS: '1000',
        // Production masks what it does not know as INTERNAL_SERVER_ERROR: the code must hold there.
        NODE_ENV: 'production',
        JWT_SECRET: 'samsyn-test-secret-that-is-long-enough-for-hs256',
      }),
    );
    const subgraph = runtime;
    const system = await tokenFor({ sub: 'system-nere', roles: ['district-system'], district: 'nere' });
    const leader = await tokenFor({ sub: 'anna', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    await stopServer(server);
    const request = (query: string, token: string, variables?: Record<string, unknown>) =>
      executeRequest(
        subgraph.apollo,
        (incoming) => subgraph.createContext(incoming),
        { query, variables },
        { authorization: `Bearer ${token}` },
      );
    const results = [
      await request(REPORT, system, {
        input: [{ indicator: 'CS-IA14', district: 'nere', period: '2026-Q1', numerator: 1, denominator: 100 }],
      }),
      await request(
        `mutation { childServices { createDraft(input: { kind: ROUTINE, slug: "nere", title: "Nere", summary: "s", body: "b" }) { id } } }`,
        leader,
      ),
      await request(`{ childServices { documents(first: 1) { totalCount } } }`, leader),
      // With an Idempotency-Key the request's transaction opens before any resolver: the same answer.
      await executeRequest(
        subgraph.apollo,
        (incoming) => subgraph.createContext(incoming),
        {
          query: `mutation { childServices { createDraft(input: { kind: ROUTINE, slug: "nere-nyckel", title: "Nere", summary: "s", body: "b" }) { id } } }`,
        },
        { authorization: `Bearer ${leader}`, 'idempotency-key': 'nere-1' },
      ),
    ];
    expect(results.map((result) => (result.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.serviceName]))).toEqual([
      [['SUBGRAPH_UNAVAILABLE', 'child-services']],
      [['SUBGRAPH_UNAVAILABLE', 'child-services']],
      [['SUBGRAPH_UNAVAILABLE', 'child-services']],
      [['SUBGRAPH_UNAVAILABLE', 'child-services']],
    ]);
  }, 60_000);
});
