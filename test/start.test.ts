import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@samsyn/test-support';

const ROOT = path.resolve(__dirname, '..');
const SERVICES = ['GATEWAY', 'ORGANISATION', 'CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT'];
const ACROSS_ALL =
  '{ districts { code childServices { name } adultServices { name } disability { name } incomeSupport { name } } areas { name } }';

/** Process ids of every living process below `root` (Linux /proc), the launcher's services and PostgreSQL included. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const parent = pending.pop()!;
    for (const [pid, ppid] of parents) {
      if (ppid === parent) {
        found.push(pid);
        pending.push(pid);
      }
    }
  }
  return found;
}

/** Those of `pids` that still run (zombies count as gone: they hold nothing). */
function stillRunning(pids: number[]): string[] {
  return pids.flatMap((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
        ? []
        : [`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 100)}`];
    } catch {
      return [];
    }
  });
}

/** The process id of one service under the launcher, found by its entry file. */
function serviceProcess(root: number, entry: string): number | undefined {
  return descendants(root).find((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(entry);
    } catch {
      return false;
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One `npm start` as a user, Docker or systemd runs it: the npm process, with the launcher and all below it. */
class NpmStart {
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;

  /** `ownGroup`: npm leads a process group of its own, as a shell's foreground job does, so that Ctrl-C can be sent to all of it. */
  constructor(
    readonly env: Record<string, string>,
    ownGroup = false,
  ) {
    this.process = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.process.pid as number;
  }

  get gateway(): string {
    return `http://localhost:${this.env.GATEWAY_PORT}/graphql`;
  }

  async running(): Promise<void> {
    while (!this.output.includes('Samsyn is running')) {
      if (this.process.exitCode !== null) throw new Error(`npm start stopped: ${this.output}`);
      await sleep(100);
    }
  }

  /** Waits for npm to exit; fails after `ms`. */
  async exit(ms: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`npm start still runs after ${ms} ms:\n${this.output}`)), ms)),
    );
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  query(
    query: string,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    return fetch(this.gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
      (response) => response.json() as never,
    );
  }
}

/** The JSON log lines among `text` (the banner and the launcher's own lines are plain text). */
function logLines(text: string): { level: number; service: string; msg: string }[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as { level: number; service: string; msg: string }];
    } catch {
      return [];
    }
  });
}

/** Warnings and errors (pino level 40 and above) among `text`, as `service: message`. */
const warnings = (text: string): string[] =>
  logLines(text)
    .filter((line) => line.level >= 40)
    .map((line) => `${line.service}: ${line.msg}`);

/** `npm start` with its own data folder and free ports, so that it runs beside anything else on the machine. */
async function startEnv(dataDir: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    SAMSYN_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    SUBGRAPH_TIMEOUT_MS: '2000',
    ...extra,
  };
  for (const name of SERVICES) env[`${name}_PORT`] = String(await freePort());
  return env;
}

describe('npm start', () => {
  // One data folder for the whole file: the database is made and loaded once, later starts reuse it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-start-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  describe('while running', () => {
    let system: NpmStart;
    beforeAll(async () => {
      // At info, as an operator runs it: the first start migrates every schema.
      system = new NpmStart(await startEnv(dataDir, { LOG_LEVEL: 'info' }));
      await system.running();
    }, 300_000);
    afterAll(() => {
      if (system.process.exitCode === null) system.process.kill('SIGKILL');
    });

    it('answers a query across all five subgraphs and says how to get a token where the dashboard is and where the database is', async () => {
      expect(system.output).toContain(system.gateway);
      expect(system.output).toContain('npm run token');
      const dashboard = system.gateway.replace(/\/graphql$/, '/dashboard/');
      expect(system.output).toContain(`Dashboard:         ${dashboard}`);
      const page = await fetch(dashboard);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(system.output).toContain(
        `Database (embedded PostgreSQL): postgres://postgres:samsyn@127.0.0.1:${system.env.EMBEDDED_PG_PORT}/postgres`,
      );
      const body = await system.query(ACROSS_ALL);
      expect(body.errors).toBeUndefined();
      expect(body.data?.districts).toHaveLength(10);
    });

    it('keeps the banner readable: one line about migrations per subgraph, none per migration', () => {
      const banner = logLines(system.output.slice(0, system.output.indexOf('Samsyn is running')));
      const migrations = banner.filter((line) => line.msg.startsWith('migrations:'));
      expect(migrations.map((line) => line.service).sort()).toEqual(
        ['adult-services', 'child-services', 'disability', 'income-support', 'organisation'].sort(),
      );
      // A first start runs every migration: the line says how many.
      expect(migrations.map((line) => line.msg)).toEqual(Array(5).fill(expect.stringMatching(/^migrations: \d+ run, \d+ in all$/)));
      expect(banner.filter((line) => line.msg === 'schema' || line.msg === 'migration')).toEqual([]);
    });

    it('refuses a second start beside it with the cause, and the first keeps running', async () => {
      const second = new NpmStart(system.env);
      expect(await second.exit(60_000)).not.toBe(0);
      expect(second.output).toMatch(/samsyn: port \d+ is already in use \(EMBEDDED_PG_PORT\): is Samsyn already running\?/);
      expect(second.output).not.toContain('undefined');
      expect((await system.query('{ areas { name } }')).errors).toBeUndefined();
    }, 60_000);

    it('answers with partial data and SUBGRAPH_UNAVAILABLE while a subgraph is paused, and fully once it resumes', async () => {
      const disability = serviceProcess(system.pid, 'subgraphs/disability/')!;
      process.kill(disability, 'SIGSTOP');
      try {
        const body = await system.query('{ areas { name } disability { name } }');
        expect(body.data).toEqual({ areas: expect.any(Array), disability: null });
        expect(body.errors?.map((error) => error.extensions)).toEqual([
          expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'disability' }),
        ]);
      } finally {
        process.kill(disability, 'SIGCONT');
      }
      expect((await system.query('{ disability { name } }')).data).toEqual({ disability: { name: 'Funktionshinder' } });
    });

    it('starts a subgraph killed by SIGKILL again, and queries work again', async () => {
      const killed = serviceProcess(system.pid, 'subgraphs/child-services/')!;
      process.kill(killed, 'SIGKILL');
      let body = await system.query(ACROSS_ALL);
      for (const deadline = Date.now() + 150_000; body.errors && Date.now() < deadline;) {
        await sleep(200);
        body = await system.query(ACROSS_ALL);
      }
      expect(body.errors).toBeUndefined();
      expect(body.data?.districts).toHaveLength(10);
      expect(serviceProcess(system.pid, 'subgraphs/child-services/')).not.toBe(killed);
      expect(system.output).toContain('child-services stopped unexpectedly (killed by SIGKILL); restarting it');
    }, 180_000);

    it('stops everything, PostgreSQL included, on SIGTERM to the npm process alone', async () => {
      const pids = descendants(system.pid);
      expect(pids.length).toBeGreaterThanOrEqual(8); // launcher, five subgraphs, gateway, PostgreSQL
      // Only what stopping logs: the tests before this one pause and kill services, and a loaded machine may log a
      // slow statement while they run.
      const ran = system.output.length;
      system.process.kill('SIGTERM');
      // The launcher exits 0; npm may report the signal it was sent itself, as 143 (128 + SIGTERM).
      expect([0, 143]).toContain(await system.exit(10_000));
      expect(stillRunning(pids)).toEqual([]);
      expect(warnings(system.output.slice(ran))).toEqual([]);
      expect(system.output.trimEnd().split('\n').at(-1)).toBe('samsyn: stopped (exit code 0)');
    }, 20_000);
  });

  it('stops everything on SIGINT to the npm process alone', async () => {
    const system = new NpmStart(await startEnv(dataDir));
    try {
      await system.running();
      const pids = descendants(system.pid);
      system.process.kill('SIGINT');
      // The launcher exits 0; npm may report the interruption itself as 130 (128 + SIGINT), as shells do.
      expect([0, 130]).toContain(await system.exit(10_000));
      expect(stillRunning(pids)).toEqual([]);
    } finally {
      if (system.process.exitCode === null) system.process.kill('SIGKILL');
    }
  }, 300_000);

  it('on Ctrl-C to the whole process group, PostgreSQL included, logs the database going away at info and ends with a stopped line', async () => {
    const system = new NpmStart(await startEnv(dataDir, { LOG_LEVEL: 'info' }), true);
    try {
      await system.running();
      const pids = descendants(system.pid);
      const ran = system.output.length;
      // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group at once.
      process.kill(-system.pid, 'SIGINT');
      const code = await system.exit(10_000);
      // npm itself, interrupted, may end by the signal (no exit code) or report it as 130.
      expect([0, 130, null]).toContain(code);
      expect(stillRunning(pids)).toEqual([]);
      expect(warnings(system.output.slice(ran))).toEqual([]);
      expect(system.output).toContain('samsyn: stopped (exit code 0)');
    } finally {
      if (system.process.exitCode === null && system.process.signalCode === null) process.kill(-system.pid, 'SIGKILL');
    }
  }, 300_000);

  it('refuses a taken port before starting anything, naming its variable', async () => {
    const env = await startEnv(dataDir);
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(Number(env.DISABILITY_PORT), '127.0.0.1', resolve));
    try {
      const system = new NpmStart(env);
      const pids: number[] = [];
      const watching = setInterval(() => pids.push(...descendants(system.pid)), 50);
      const code = await system.exit(60_000).finally(() => clearInterval(watching));
      expect(code).toBe(1);
      expect(system.output).toContain(`samsyn: port ${env.DISABILITY_PORT} is already in use (DISABILITY_PORT)`);
      expect(stillRunning(pids)).toEqual([]);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('stops what it had started when a start fails half-way, and names the service', async () => {
    const system = new NpmStart(await startEnv(dataDir, { SUPERGRAPH_PATH: path.join(dataDir, 'no-such-supergraph.graphql') }));
    const pids = new Set<number>();
    const watching = setInterval(() => descendants(system.pid).forEach((pid) => pids.add(pid)), 100);
    const code = await system.exit(280_000).finally(() => clearInterval(watching));
    expect(code).toBe(1);
    expect(system.output).toContain('samsyn: gateway stopped while starting (exit code 1)');
    expect(system.output).toContain('no-such-supergraph.graphql');
    expect([...pids].length).toBeGreaterThanOrEqual(7); // the subgraphs and PostgreSQL had started
    expect(stillRunning([...pids])).toEqual([]);
  }, 300_000);

  it('gives up on a service that keeps crashing: everything stops, with a non-zero exit naming it', async () => {
    const system = new NpmStart(await startEnv(dataDir));
    try {
      await system.running();
      const pids = new Set(descendants(system.pid));
      let killed: number | undefined;
      while (system.process.exitCode === null) {
        const organisation = serviceProcess(system.pid, 'subgraphs/organisation/');
        if (organisation !== undefined && organisation !== killed) {
          pids.add(organisation);
          killed = organisation;
          try {
            process.kill(organisation, 'SIGKILL');
          } catch {
            // it went by itself meanwhile
          }
        }
        await sleep(50);
      }
      expect(await system.exited).not.toBe(0);
      expect(system.output).toMatch(/samsyn: organisation crashed 5 times within 60 s \(last: killed by SIGKILL\); stopping everything/);
      expect(system.output.trimEnd().split('\n').at(-1)).toBe('samsyn: stopped (exit code 1)');
      expect(stillRunning([...pids])).toEqual([]);
    } finally {
      if (system.process.exitCode === null) system.process.kill('SIGKILL');
    }
  }, 300_000);
});
