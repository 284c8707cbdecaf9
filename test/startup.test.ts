import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(ROOT, entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, lines: result.stderr.trim().split('\n') };
}

describe('starting a service with bad settings', () => {
  it('stops on a malformed variable with one line naming it', () => {
    const { status, lines } = start('subgraphs/organisation/dist/src/index.js', { DATABASE_URL: 'mysql://nowhere' });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringContaining('DATABASE_URL')]);
    expect(lines[0]).not.toContain('    at ');
  });

  it('stops with one clear line when the database cannot be reached', () => {
    const { status, lines } = start('subgraphs/child-services/dist/src/index.js', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      PORT: '0',
    });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/child-services: cannot reach the database at 127\.0\.0\.1:1 \(ECONNREFUSED\)/)]);
  });

  it('stops the gateway with one line when its port is taken by a bad value', () => {
    const { status, lines } = start('gateway/dist/index.js', { PORT: '99999' });
    expect(status).toBe(1);
    expect(lines).toEqual(['gateway: configuration: PORT must be a port number (0-65535), got "99999"']);
  });
});
