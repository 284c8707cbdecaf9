import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SUBGRAPHS, type ServiceName } from '@samsyn/core';
import { launchSystem, type RunningSystem } from '@samsyn/scripts';
import { scenarios, type Scenario } from './scenarios';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(system: RunningSystem, scenario: Scenario): Promise<Measured> {
  const url = scenario.target === 'gateway' ? system.gatewayUrl : system.subgraphUrls[scenario.target];
  const body = JSON.stringify({ query: scenario.query });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}),
  };
  await scenario.prepare?.();
  // One request first: a scenario that answers with errors is a broken benchmark, not a fast one.
  const probe = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
  if (probe.errors) throw new Error(`${scenario.name}: ${JSON.stringify(probe.errors).slice(0, 500)}`);
  const connections = scenario.connections ?? CONNECTIONS;
  // A short warm-up first, so that the numbers are of warm code (JIT, caches, pools), not of start-up.
  // Heavy scenarios answer in seconds: give them time instead of counting them as errors.
  const timeout = 60;
  if (!scenario.seconds) await autocannon({ url, method: 'POST', headers, body, connections, duration: Math.min(3, SECONDS), timeout });
  // A GraphQL error comes with HTTP 200: read every answer, and keep the first few to show.
  let graphqlErrors = 0;
  const samples = new Set<string>();
  const requests = scenario.requests?.().map((request) => ({
    ...request,
    onResponse: (status: number, answer: string) => {
      if (status === 200 && !answer.includes('"errors"')) return;
      graphqlErrors += status === 200 ? 1 : 0;
      if (samples.size < 3) samples.add(`${status} ${answer.slice(0, 300)}`);
    },
  }));
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
  for (const sample of samples) console.error(`  ${scenario.name.slice(0, 3)} error: ${sample}`);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const ports: Record<string, string> = { GATEWAY_PORT: '14000' };
  SUBGRAPHS.forEach((name, i) => (ports[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(14001 + i)));
  const system = await launchSystem({
    // Measured as deployed: production mode (graphql-js skips its development checks), demo data loaded.
    env: {
      ...process.env,
      ...ports,
      SAMSYN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
      MIGRATE_ON_START: 'true',
      SEED_DEMO_DATA: 'true',
      SUBGRAPH_TIMEOUT_MS: '60000',
      JWT_SECRET: randomBytes(32).toString('hex'),
    },
    embeddedDataDir: path.join(dataDir, 'pg'),
    embeddedPort: 54339,
    persistent: false,
    // A crash must show in the numbers, not be hidden by a restart.
    restart: false,
  });
  try {
    console.log(
      `samsyn bench: production mode, ${CONNECTIONS} connections, ${SECONDS} s per scenario, ${os.cpus().length} cores; services, PostgreSQL and load generator share them\n`,
    );
    console.log('scenario'.padEnd(72), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(7));
    const results: Measured[] = [];
    const only = process.env.BENCH_ONLY;
    for (const scenario of await scenarios(system)) {
      if (only && !scenario.name.startsWith(`(${only})`)) continue;
      if (scenario.memoryPerScenario) Object.values(system.pids).forEach(resetPeakMemory);
      const m = await measure(system, scenario);
      results.push(m);
      console.log(
        m.name.padEnd(72),
        (m.rps < 10 ? m.rps.toFixed(2) : m.rps.toFixed(0)).padStart(8),
        String(m.p50).padStart(8),
        String(m.p99).padStart(8),
        String(m.errors).padStart(7),
      );
      if (scenario.memoryPerScenario) {
        console.log(`  peak memory during ${scenario.name.slice(0, 3)} (MiB):`);
        printPeakMemory(system, '    ');
      }
    }
    const direct = results.find((r) => r.name.startsWith('(a)'));
    const viaGateway = results.find((r) => r.name.startsWith('(b)'));
    if (direct && viaGateway) console.log(`\ngateway/direct throughput ratio for (b)/(a): ${(viaGateway.rps / direct.rps).toFixed(2)}`);
    console.log('\npeak memory (RSS high-water mark, MiB; since the last per-scenario reset):');
    printPeakMemory(system);
  } finally {
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
