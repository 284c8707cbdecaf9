import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a PostgreSQL server still runs on the data folder. */
function postgresRunsOn(dataDir: string): boolean {
  return fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .some((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        return false;
      }
    });
}

/** `npm start` as a user runs it: embedded PostgreSQL, demo data, five subgraphs and the gateway; Ctrl-C stops all. */
describe('npm start', () => {
  it('starts everything, answers a query across all five subgraphs, and leaves nothing running after Ctrl-C', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-start-'));
    fs.chmodSync(dataDir, 0o755);
    const names = ['GATEWAY', 'ORGANISATION', 'CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT'];
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', SAMSYN_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    for (const name of names) env[`${name}_PORT`] = String(await freePort());
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      while (!output.includes('Samsyn is running')) {
        if (child.exitCode !== null) throw new Error(`npm start stopped: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain(`http://localhost:${env.GATEWAY_PORT}/graphql`);
      expect(output).toContain('npm run token');
      expect(output).toContain(`Database (embedded PostgreSQL): postgres://postgres:samsyn@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`);
      const response = await fetch(`http://localhost:${env.GATEWAY_PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ districts { code childServices { name } adultServices { name } disability { name } incomeSupport { name } } areas { name } }' }),
      });
      const body = (await response.json()) as { data: { districts: unknown[] }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data.districts).toHaveLength(10);
      expect(postgresRunsOn(dataDir)).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(postgresRunsOn(dataDir)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
