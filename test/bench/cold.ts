/**
 * One cold read at a time of the (f) dashboard at scale: a report, then the dashboard, with each process's CPU for
 * that read. `npm run bench` measures the same case among the others; this is for working on it alone.
 *
 *   BENCH_KEEP_DIR=/tmp/cold npm run bench:cold               keeps the database (the scale data takes minutes once)
 *   BENCH_RUNS=5                                              reads after a report (and as many warm ones)
 *   BENCH_SCALE=0                                             the demo data alone: (e)'s cold read
 *   BENCH_SIGNAL=SIGUSR2                                      sends that signal to every service after the first read and
 *                                                             after the cold reads, and skips the warm ones (for a profiler
 *                                                             loaded with NODE_OPTIONS=--require that writes on it)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '@samsyn/core';
import { launchSystem } from '@samsyn/scripts';
import { postmasterOf, readCpu } from './cpu';
import { benchEnv, DASHBOARD, generateScaleData, protectScaleFigures, reportOneFigure } from './scenarios';

async function main(): Promise<void> {
  const kept = process.env.BENCH_KEEP_DIR;
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-cold-'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  const ready = path.join(dataDir, 'scale-ready');
  const atScale = process.env.BENCH_SCALE !== '0';
  const scaled = fs.existsSync(ready);
  const secretFile = path.join(dataDir, 'secret');
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString('hex'));
  const secret = fs.readFileSync(secretFile, 'utf8');
  const system = await launchSystem({
    env: {
      ...benchEnv(dataDir, 14100),
      // Seeding over scale data re-protects every scale period: minutes. The demo data is in from the first run.
      SEED_DEMO_DATA: scaled ? 'false' : 'true',
      JWT_SECRET: secret,
    },
    embeddedDataDir: path.join(dataDir, 'pg'),
    embeddedPort: 54349,
    persistent: kept !== undefined,
    restart: false,
  });
  try {
    if (atScale && !scaled) {
      console.log('making the scale data (minutes, once per kept directory)');
      await generateScaleData(system.env.DATABASE_URL as string);
      await protectScaleFigures(system.env);
      if (kept) fs.writeFileSync(ready, '');
    }
    const auth = { secret, issuer: 'samsyn', audience: 'samsyn-api' };
    const analyst = await signToken(auth, { sub: 'bench-analyst', name: 'Bench', roles: ['analyst'] });
    const reporter = await signToken(auth, { sub: 'bench-angered', name: 'Bench', roles: ['district-system'], district: 'angered' });
    const post = async (token: string, query: string) => {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      if (text.includes('"errors"')) throw new Error(text.slice(0, 500));
      return text.length;
    };
    const report = () => reportOneFigure(system.gatewayUrl, reporter);
    const postmaster = postmasterOf(path.join(dataDir, 'pg'));
    const cpuOf: Record<string, Record<string, number>> = { cold: {}, warm: {} };
    const read = async (label: string) => {
      const before = readCpu(system.pids, postmaster);
      const started = performance.now();
      const bytes = await post(analyst, DASHBOARD);
      const ms = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = readCpu(system.pids, postmaster);
      const names = Object.keys(after).filter((name) => name !== 'load generator');
      const sums = cpuOf[label];
      if (sums) for (const name of names) sums[name] = (sums[name] ?? 0) + after[name] - before[name];
      const cpu = names.map((name) => `${name} ${Math.round(after[name] - before[name])}`).join(', ');
      if (!quiet)
        console.log(`${label.padEnd(5)} ${Math.round(ms).toString().padStart(6)} ms  ${(bytes / 1e6).toFixed(1)} MB  CPU ms: ${cpu}`);
      return ms;
    };
    // Many runs print only the summary: CPU is counted in 10 ms ticks, so small reads need many to average.
    const quiet = Number(process.env.BENCH_RUNS ?? 5) > 20;
    const signal = process.env.BENCH_SIGNAL as NodeJS.Signals | undefined;
    const signalAll = () => signal && Object.values(system.pids).forEach((pid) => process.kill(pid, signal));
    await read('first');
    signalAll();
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const cold: number[] = [];
    for (let run = 0; run < runs; run++) {
      await report();
      cold.push(await read('cold'));
      if (!signal) await read('warm');
    }
    signalAll();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    cold.sort((a, b) => a - b);
    console.log(`cold: p50 ${Math.round(cold[Math.floor(cold.length / 2)])} ms, max ${Math.round(cold[cold.length - 1])} ms`);
    // Each read's count includes 300 ms after it (work it left running): the warm reads show what idling costs.
    for (const [label, sums] of Object.entries(cpuOf)) {
      const perRead = Object.entries(sums).map(([name, ms]) => `${name} ${(ms / runs).toFixed(1)}`);
      if (perRead.length > 0) console.log(`${label} CPU ms per read: ${perRead.join(', ')}`);
    }
  } finally {
    await system.stop();
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
