import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken, SUBGRAPHS, type ServiceName } from '@samsyn/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@samsyn/test-support';

/**
 * The analytical lane as deployed: every service started as `npm start` starts it executes analytical operations
 * (a dashboard's profiles and comparisons) in a thread of its own at a lower CPU priority, and answers them as before.
 * packages/runtime/test/lane.test.ts shows the main thread answering while that thread is busy.
 */
const SECRET = 'a-development-secret-of-more-than-32-characters';
const AREA_SERVICES: ServiceName[] = ['gateway', ...SUBGRAPHS.filter((name) => name !== 'organisation')];
const DASHBOARD = `{ districts { code
  childServices { adoption { documentsInForce acknowledged } indicators(period: "2026-Q3") { indicator { code } value position suppressed } }
  adultServices { indicators(period: "2026-Q3") { indicator { code } value } }
  disability { indicators(period: "2026-Q3") { indicator { code } value } }
  incomeSupport { indicators(period: "2026-Q3") { indicator { code } value } } } }`;

interface Task {
  nice: number;
  /** CPU time so far, in clock ticks. */
  ticks: number;
}

/** The threads of a process with their nice value and CPU time (Linux /proc). */
function tasksOf(pid: number): Task[] {
  return fs.readdirSync(`/proc/${pid}/task`).flatMap((task) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ nice: Number(fields[16]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return [];
    }
  });
}

const laneTicks = (pid: number) =>
  tasksOf(pid)
    .filter((task) => task.nice === 10)
    .reduce((sum, task) => sum + task.ticks, 0);

const ROOT = path.resolve(__dirname, '..');
const ENTRIES: Record<ServiceName, string> = {
  gateway: 'gateway/dist/index.js',
  ...(Object.fromEntries(SUBGRAPHS.map((name) => [name, `subgraphs/${name}/dist/src/index.js`])) as Record<
    (typeof SUBGRAPHS)[number],
    string
  >),
};

/** The process id of a service the launcher started, by its entry script (Linux /proc). */
function pidOf(launcher: number, service: ServiceName): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === launcher && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(ENTRIES[service])) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no ${service} process below ${launcher}`);
}

let launcher: ChildProcess;
let gatewayUrl: string;
let pids: Record<string, number>;
let dataDir: string;
let analyst: string;

async function query(text: string, token = analyst): Promise<{ status: number; body: { data?: unknown; errors?: unknown } }> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown } };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-lane-'));
  // The embedded server runs as its own user (as root: postgres), which must reach its folder.
  fs.chmodSync(dataDir, 0o755);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SAMSYN_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: SECRET,
    SEED_DEMO_DATA: 'true',
    // Answers computed afresh each time, so that each one is work for the lanes; and every analytical operation in the
    // lanes (by default only those whose answer was over 1 MB on the main thread, or that cover over a hundred
    // districts: the demo's dashboard is 130 kB).
    RESPONSE_CACHE: 'false',
    ANALYTICAL_WORKER_AFTER_KB: '0',
    GATEWAY_PORT: String(await freePort()),
  };
  env.EMBEDDED_PG_PORT = String(await freePort());
  for (const name of SUBGRAPHS) env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(await freePort());
  gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
  // As `npm start` runs it (its launcher, built by `npm test`).
  launcher = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    launcher.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('gateway ready')) resolve();
    });
    launcher.once('exit', (code) => reject(new Error(`npm start ended (${code}): ${output}`)));
  });
  pids = Object.fromEntries(AREA_SERVICES.map((name) => [name, pidOf(launcher.pid!, name)]));
  analyst = await signToken(
    { secret: SECRET, issuer: 'samsyn', audience: 'samsyn-api' },
    { sub: 'lane-test', name: 'Analytiker', roles: ['analyst'] },
  );
}, 120_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the analytical lane of a started system', () => {
  it("answers an analyst's dashboard from the lane of the gateway and of every area subgraph", async () => {
    // (A lane still starting has no lowered thread yet: its CPU time counts from zero.)
    const before = Object.fromEntries(AREA_SERVICES.map((name) => [name, laneTicks(pids[name])]));

    let answer: Awaited<ReturnType<typeof query>> | undefined;
    for (let round = 0; round < 10; round++) answer = await query(DASHBOARD);
    expect(answer!.status).toBe(200);
    expect(answer!.body.errors).toBeUndefined();
    const { districts } = answer!.body.data as {
      districts: {
        code: string;
        childServices: { indicators: { indicator: { code: string } }[] };
        incomeSupport: { indicators: unknown[] };
      }[];
    };
    expect(districts.length).toBeGreaterThanOrEqual(10);
    expect(
      districts.find((district) => district.code === 'angered')!.childServices.indicators.map((value) => value.indicator.code),
    ).toContain('CS-IA14');

    // The work was done on the lanes' threads, a lower-priority one in the gateway and in every area subgraph: their CPU
    // time grew.
    for (const name of AREA_SERVICES)
      expect({ name, lane: tasksOf(pids[name]).some((task) => task.nice === 10) }).toEqual({ name, lane: true });
    const grown = AREA_SERVICES.filter((name) => laneTicks(pids[name]) > before[name]);
    expect(grown).toEqual(AREA_SERVICES);
  });

  it('keeps operational reads and writes on the main thread, answering as before', async () => {
    const answer = await query('{ childServices { documents(kind: ROUTINE, first: 5) { edges { node { slug current { number } } } } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});
