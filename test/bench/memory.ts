/**
 * Where a large answer's memory goes: the (f) dashboard at scale (1,000 districts, four areas), read alone and then by
 * many connections at once, with each process's peak resident memory above what it held before (Linux VmHWM, reset
 * before each step), and the size of each copy the gateway makes of it, measured here on the same texts.
 *
 *   BENCH_KEEP_DIR=/tmp/scale npm run bench:memory     keeps the database (the scale data takes minutes once)
 *   BENCH_CONCURRENT=50                                 dashboards at once in the second step
 *
 * Run it with `node --expose-gc` for the sizes of the copies as objects.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AREA_LIST, signToken, subgraphOf } from '@samsyn/core';
import { launchSystem, type RunningSystem } from '@samsyn/scripts';
import { benchEnv, DASHBOARD, generateScaleData, protectScaleFigures } from './scenarios';

const MiB = 2 ** 20;

function status(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1]) / 1024;
}

/** Each service's peak resident memory above its resident memory before, while `work` runs. */
async function peakDuring(system: RunningSystem, work: () => Promise<unknown>): Promise<Record<string, { before: number; peak: number }>> {
  const before: Record<string, number> = {};
  for (const [name, pid] of Object.entries(system.pids)) {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    before[name] = status(pid, 'VmRSS');
  }
  await work();
  return Object.fromEntries(Object.entries(system.pids).map(([name, pid]) => [name, { before: before[name], peak: status(pid, 'VmHWM') }]));
}

function printPeaks(label: string, peaks: Record<string, { before: number; peak: number }>): void {
  console.log(`${label}:`);
  for (const [name, { before, peak }] of Object.entries(peaks))
    console.log(
      `  ${name.padEnd(16)} peak ${peak.toFixed(0).padStart(5)} MiB (+${(peak - before).toFixed(0)} over ${before.toFixed(0)} before)`,
    );
}

/** The heap a step's result takes in this process (after a full collection before and after). */
function heapOf<T>(make: () => T): { value: T; mib: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const value = make();
  gc?.();
  const after = process.memoryUsage();
  // The heap alone: buffers of earlier answers leave `external` meanwhile, whenever their memory is freed.
  return { value, mib: (after.heapUsed - before.heapUsed) / MiB };
}

async function main(): Promise<void> {
  const kept = process.env.BENCH_KEEP_DIR;
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-memory-'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  const ready = path.join(dataDir, 'scale-ready');
  const scaled = fs.existsSync(ready);
  const keysFile = path.join(dataDir, 'bench-keys.json');
  const keys = fs.existsSync(keysFile)
    ? (JSON.parse(fs.readFileSync(keysFile, 'utf8')) as { jwt: string; webhook: string })
    : { jwt: randomBytes(32).toString('hex'), webhook: randomBytes(32).toString('hex') };
  fs.writeFileSync(keysFile, JSON.stringify(keys));
  const port = Number(process.env.BENCH_PORT ?? 14200);
  const system = await launchSystem({
    env: { ...benchEnv(dataDir, port), SEED_DEMO_DATA: scaled ? 'false' : 'true', JWT_SECRET: keys.jwt, WEBHOOK_SECRET_KEY: keys.webhook },
    embeddedDataDir: path.join(dataDir, 'pg'),
    embeddedPort: 54339 + (port - 14000),
    persistent: kept !== undefined,
    restart: false,
  });
  try {
    if (!scaled) {
      console.log('making the scale data (minutes, once per kept directory)');
      await generateScaleData(system.env.DATABASE_URL as string);
      await protectScaleFigures(system.env);
      if (kept) fs.writeFileSync(ready, '');
    }
    const analyst = await signToken(
      { secret: keys.jwt, issuer: 'samsyn', audience: 'samsyn-api' },
      { sub: 'bench-analyst', name: 'Bench', roles: ['analyst'] },
    );
    const post = async (url: string, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (text.includes('"errors"')) throw new Error(text.slice(0, 500));
      return text;
    };
    const dashboard = () => post(system.gatewayUrl, DASHBOARD);
    // Once, so that every process has loaded its code and warmed its caches; the peaks below are the requests'.
    await dashboard();
    let answer = '';
    printPeaks('one dashboard at scale, warm', await peakDuring(system, async () => (answer = await dashboard())));
    const concurrent = Number(process.env.BENCH_CONCURRENT ?? 50);
    printPeaks(
      `${concurrent} identical dashboards at once`,
      await peakDuring(system, () => Promise.all(Array.from({ length: concurrent }, dashboard))),
    );

    // The copies, measured on the same texts in this process: what one subgraph sends, and what the gateway makes of it all.
    const area = AREA_LIST[0];
    const districts = (JSON.parse(await post(system.gatewayUrl, '{ districts { code } }')) as { data: { districts: { code: string }[] } })
      .data.districts;
    const PROFILE = `adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
      indicators(period: "2026-Q3") { indicator { code } value position suppressed trend }`;
    const entities = await post(
      system.subgraphUrls[subgraphOf(area.area)],
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { ${area.rootField} { ${PROFILE} } } } }`,
      { r: districts.map(({ code }) => ({ __typename: 'District', code })) },
    );
    const subgraphParsed = heapOf(() => JSON.parse(entities) as unknown);
    const parsed = heapOf(() => JSON.parse(answer) as unknown);
    const serialised = heapOf(() => JSON.stringify(parsed.value));
    console.log('\nthe copies of one dashboard at scale (MiB):');
    console.log(
      `  one area's _entities answer: text ${(entities.length / MiB).toFixed(1)}, as objects ${subgraphParsed.mib.toFixed(1)} (four areas: × 4)`,
    );
    console.log(`  the merged answer as objects ${parsed.mib.toFixed(1)}, serialised ${(serialised.value.length / MiB).toFixed(1)}`);
  } finally {
    await system.stop();
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
