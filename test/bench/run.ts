import { benchWebhooks } from './webhooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AnswerQueue = require('autocannon/lib/pipelinedRequestsQueue') as {
  prototype: { peek(): { body: string } | undefined; addBody(data: Buffer): void };
};
import { SUBGRAPHS, type ServiceName } from '@samsyn/core';
import { launchSystem, type RunningSystem } from '@samsyn/scripts';
import { cpuPerRequest, postmasterOf, readCpu } from './cpu';
import { benchEnv, scenarios, type Scenario } from './scenarios';

/**
 * What of an answer the load generator keeps: its first 64 kB, where a GraphQL answer's `errors` are (Apollo Server writes
 * them first) and a refusal's code. autocannon decodes and joins every answer in full, on the one thread that times
 * every request: 13 MB per 1,000-district dashboard, hundreds of milliseconds added to the times of the district
 * systems' requests answered meanwhile (a client beside it measured the same routine reads at p99 87 ms, autocannon 690).
 */
const KEPT_ANSWER_CHARS = 64 * 1024;
AnswerQueue.prototype.addBody = function addBody(data: Buffer) {
  const pending = this.peek();
  if (pending && pending.body.length < KEPT_ANSWER_CHARS) pending.body += data.toString('utf8', 0, KEPT_ANSWER_CHARS - pending.body.length);
};

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The gateway's port; the subgraphs', Hive Gateway's and PostgreSQL's follow from it (another run beside on another). */
const PORT = Number(process.env.BENCH_PORT ?? 14000);
const HIVE_PORT = PORT + 10;

interface SentAt {
  sentAt?: number;
}

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request of each process, and of all services together (the load generator apart). */
  cpu: { perProcess: Record<string, number>; services: number };
  /** Latency per part of a mixed cycle (of its answers), and its requests refused by admission control. */
  parts?: { part: string; p50: number; p99: number; count: number; refused: number }[];
  /** Latency of the first read after a write, when the scenario has such reads. */
  cold?: { p50: number; max: number; runs: number };
}

/** Where the processes whose CPU is counted run. */
interface Processes {
  pids: () => Record<string, number>;
  postmaster?: number;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<{ errors?: unknown }> {
  return (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
}

async function measure(system: RunningSystem, scenario: Scenario, processes: Processes, viaHive = false): Promise<Measured> {
  const url = viaHive
    ? `http://127.0.0.1:${HIVE_PORT}/graphql`
    : scenario.target === 'gateway'
      ? system.gatewayUrl
      : system.subgraphUrls[scenario.target];
  const body = JSON.stringify({ query: scenario.query });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}),
  };
  if (!viaHive) await scenario.prepare?.();
  // One request first: a scenario that answers with errors is a broken benchmark, not a fast one.
  const probe = await post(url, headers, body);
  if (probe.errors) throw new Error(`${scenario.name}: ${JSON.stringify(probe.errors).slice(0, 500)}`);
  const connections = scenario.connections ?? CONNECTIONS;
  // A short warm-up first, so that the numbers are of warm code (JIT, caches, pools), not of start-up.
  // Heavy scenarios answer in seconds: give them time instead of counting them as errors.
  const timeout = 60;
  if (scenario.warmUp ?? !scenario.seconds)
    await autocannon({
      url,
      method: 'POST',
      headers,
      body,
      connections,
      duration: Math.min(3, SECONDS),
      timeout,
      requests: scenario.requests?.().map((part) => part.request),
    });
  // A GraphQL error comes with HTTP 200: read every answer, and keep the first few to show.
  let graphqlErrors = 0;
  const samples = new Set<string>();
  // Each part of a mixed cycle keeps its latencies: the time from building its request (right before it is sent,
  // the connection's previous answer just in) to its answer.
  const latencies = new Map<string, number[]>();
  // Requests the gateway refused (HTTP 503, OVERLOADED: admission control), counted apart from errors and latencies.
  const refusals = new Map<string, number>();
  let refused = 0;
  const requests = scenario.requests?.().map(({ part, request }): autocannon.Request => {
    const times = latencies.get(part) ?? [];
    latencies.set(part, times);
    refusals.set(part, 0);
    const setup = request.setupRequest as ((request: autocannon.Request, context: object) => autocannon.Request) | undefined;
    return {
      ...request,
      setupRequest: (built, context) => {
        (context as SentAt).sentAt = performance.now();
        return setup ? setup(built, context) : built;
      },
      onResponse: (status: number, answer: string, context: object) => {
        const { sentAt } = context as SentAt;
        if (status === 503 && answer.includes('"OVERLOADED"')) {
          refusals.set(part, (refusals.get(part) ?? 0) + 1);
          refused += 1;
          return;
        }
        if (sentAt !== undefined) times.push(performance.now() - sentAt);
        if (status === 200 && !answer.includes('"errors"')) return;
        graphqlErrors += status === 200 ? 1 : 0;
        if (samples.size < 3) samples.add(`${status} ${answer.slice(0, 300)}`);
      },
    };
  });
  // Requests the warm-up left running still use CPU: let them end before the count starts.
  await settle(processes);
  const before = readCpu(processes.pids(), processes.postmaster);
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body,
    connections,
    duration: scenario.seconds ?? SECONDS,
    timeout,
    requests,
  });
  // Every request sent is counted, the ones still running when the time was up included: wait for them too.
  await settle(processes);
  const cpu = cpuPerRequest(before, readCpu(processes.pids(), processes.postmaster), result.requests.sent);
  for (const sample of samples) console.error(`  ${scenario.name.slice(0, 3)} error: ${sample}`);
  // Cold: the first read after a write, one at a time, so that no other request warms what it reads.
  let cold: Measured['cold'];
  if (scenario.cold) {
    const times: number[] = [];
    for (let run = 0; run < scenario.cold.runs; run++) {
      await scenario.cold.write();
      const started = performance.now();
      const answer = await post(url, headers, body);
      times.push(performance.now() - started);
      if (answer.errors) throw new Error(`${scenario.name} (cold): ${JSON.stringify(answer.errors).slice(0, 500)}`);
    }
    times.sort((a, b) => a - b);
    cold = { p50: Math.round(times[Math.floor(times.length / 2)]), max: Math.round(times[times.length - 1]), runs: times.length };
  }
  return {
    name: viaHive ? `${scenario.name.slice(0, 3)} … through Hive Gateway` : scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts a refusal (503) as non-2xx: it is not an error here.
    errors: result.errors + result.timeouts + result.non2xx - refused + graphqlErrors,
    cpu,
    cold,
    parts:
      requests &&
      [...latencies].map(([part, times]) => ({ part, ...percentiles(times), count: times.length, refused: refusals.get(part) ?? 0 })),
  };
}

function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

/** Waits (at most 20 s) until the processes are idle: less than a tenth of a core over 300 ms. */
async function settle(processes: Processes): Promise<void> {
  const busy = () => Object.values(readCpu(processes.pids(), processes.postmaster)).reduce((sum, ms) => sum + (ms || 0), 0);
  for (let waited = 0; waited < 20_000; waited += 300) {
    const before = busy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (busy() - before < 30) return;
  }
}

/** Hive Gateway in a process of its own over the same subgraphs; undefined when it does not start (or BENCH_HIVE=0). */
async function startHive(system: RunningSystem): Promise<ChildProcess | undefined> {
  if (process.env.BENCH_HIVE === '0') return undefined;
  const child = spawn(process.execPath, [path.join(__dirname, 'hive.js'), String(HIVE_PORT), JSON.stringify(system.subgraphUrls)], {
    env: system.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('hive ready')) resolve(true);
    });
    child.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), 60_000);
  });
  if (!ready) {
    console.error('Hive Gateway did not start: its columns are left out');
    child.kill();
    return undefined;
  }
  return child;
}

function printRow(m: Measured): void {
  console.log(
    m.name.padEnd(72),
    (m.rps < 10 ? m.rps.toFixed(2) : m.rps.toFixed(0)).padStart(8),
    String(m.p50).padStart(8),
    String(m.p99).padStart(8),
    String(m.errors).padStart(7),
    m.cpu.services.toFixed(1).padStart(9),
  );
  const parts = Object.entries(m.cpu.perProcess).map(([name, ms]) => `${name} ${ms.toFixed(2)}`);
  console.log(`  CPU ms per request: ${parts.join(', ')}`);
  if (m.parts)
    console.log(
      `  latency per part (p50/p99 ms, answers): ${m.parts.map((p) => `${p.part} ${p.p50}/${p.p99} (${p.count}) refused ${p.refused}`).join(', ')}`,
    );
  if (m.cold) console.log(`  cold (first read after a write, ${m.cold.runs} runs): p50 ${m.cold.p50} ms, max ${m.cold.max} ms`);
}

/** Starts a process's peak-memory count afresh (Linux: writing 5 to clear_refs resets VmHWM). */
function resetPeakMemory(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then covers the whole run
  }
}

function printPeakMemory(system: RunningSystem, indent = '  '): void {
  for (const [name, pid] of Object.entries(system.pids) as [ServiceName, number][])
    console.log(`${indent}${name.padEnd(16)} ${peakMemoryMiB(pid) ?? '?'}`);
}

/** Peak resident memory of a process in MiB (Linux). */
function peakMemoryMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const kept = process.env.BENCH_KEEP_DIR;
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  // Seeding over kept scale data would protect every scale period again (minutes): the demo data is in from the first run.
  const seeded = fs.existsSync(path.join(dataDir, 'scale-ready'));
  // The keys the kept database's tokens and webhook secrets were made with stay with it.
  const keysFile = path.join(dataDir, 'bench-keys.json');
  const keys: { jwt: string; webhook: string } = fs.existsSync(keysFile)
    ? (JSON.parse(fs.readFileSync(keysFile, 'utf8')) as { jwt: string; webhook: string })
    : { jwt: randomBytes(32).toString('hex'), webhook: randomBytes(32).toString('hex') };
  if (kept) fs.writeFileSync(keysFile, JSON.stringify(keys));
  let hive: ChildProcess | undefined;
  const system = await launchSystem({
    // Measured as deployed, demo data loaded.
    env: {
      ...benchEnv(dataDir, PORT),
      SEED_DEMO_DATA: seeded ? 'false' : 'true',
      JWT_SECRET: keys.jwt,
      // (h): webhooks on, to a receiver on this machine over http.
      WEBHOOK_SECRET_KEY: keys.webhook,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    },
    embeddedDataDir: path.join(dataDir, 'pg'),
    embeddedPort: 54339 + (PORT - 14000),
    persistent: kept !== undefined,
    // A crash must show in the numbers, not be hidden by a restart.
    restart: false,
  });
  try {
    console.log(
      `samsyn bench: production mode, ${CONNECTIONS} connections, ${SECONDS} s per scenario, ${os.cpus().length} cores; services, PostgreSQL and load generator share them\n`,
    );
    console.log(
      `load average at start: ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      'scenario'.padEnd(72),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'errors'.padStart(7),
      'CPU ms/r'.padStart(9),
    );
    const results: Measured[] = [];
    const only = process.env.BENCH_ONLY;
    const postmaster = postmasterOf(path.join(dataDir, 'pg'));
    hive = await startHive(system);
    const samsynProcesses: Processes = { pids: () => system.pids, postmaster };
    const hiveProcesses: Processes = {
      pids: () => ({ hive: hive!.pid!, ...Object.fromEntries(SUBGRAPHS.map((name) => [name, system.pids[name]])) }),
      postmaster,
    };
    for (const scenario of await scenarios(system)) {
      if (only && !only.split(',').some((letter) => scenario.name.startsWith(`(${letter})`))) continue;
      if (scenario.memoryPerScenario) Object.values(system.pids).forEach(resetPeakMemory);
      const m = await measure(system, scenario, samsynProcesses);
      results.push(m);
      printRow(m);
      if (hive && scenario.hive) printRow(await measure(system, scenario, hiveProcesses, true));
      if (scenario.memoryPerScenario) {
        console.log(`  peak memory during ${scenario.name.slice(0, 3)} (MiB):`);
        printPeakMemory(system, '    ');
      }
    }
    if (!only || only.split(',').includes('h')) await benchWebhooks(system);
    const direct = results.find((r) => r.name.startsWith('(a)'));
    const viaGateway = results.find((r) => r.name.startsWith('(b)'));
    if (direct && viaGateway) console.log(`\ngateway/direct throughput ratio for (b)/(a): ${(viaGateway.rps / direct.rps).toFixed(2)}`);
    console.log('\npeak memory (RSS high-water mark, MiB; since the last per-scenario reset):');
    printPeakMemory(system);
    if (hive?.pid) console.log(`  ${'hive gateway'.padEnd(16)} ${peakMemoryMiB(hive.pid) ?? '?'}`);
  } finally {
    hive?.kill('SIGTERM');
    await system.stop();
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
