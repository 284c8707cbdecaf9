import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dropSchemas } from '@samsyn/test-support';

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

  it('stops an area subgraph on a bad change-feed setting before it reaches for the database', () => {
    const { status, lines } = start('subgraphs/child-services/dist/src/index.js', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      PORT: '0',
      WEBHOOK_TIMEOUT_MS: 'soon',
    });
    expect(status).toBe(1);
    expect(lines).toEqual([
      'child-services: configuration: WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000, got "soon"',
    ]);
  });

  it('stops the gateway with one line when its port is taken by a bad value', () => {
    const { status, lines } = start('gateway/dist/index.js', { PORT: '99999' });
    expect(status).toBe(1);
    expect(lines).toEqual(['gateway: configuration: PORT must be a port number (0-65535), got "99999"']);
  });
});

describe('npm run migrate', () => {
  it('brings every subgraph schema up to date, and a second run finds nothing to do', async () => {
    const suffix = `_m${randomBytes(4).toString('hex')}`;
    const env = { DATABASE_URL: process.env.DATABASE_URL as string, SAMSYN_SCHEMA_SUFFIX: suffix, LOG_LEVEL: 'warn' };
    try {
      const first = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/migrate.js')], {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('organisation: Organisation1763800000000');
      expect(first.stdout).toContain(
        'disability: KnowledgeDocuments1763800001000, Adoption1763800002000, Equality1763800003000, Interventions1763800004000',
      );
      const second = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/migrate.js'), 'income-support'], {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });
      expect(second.stdout.trim()).toBe('income-support: up to date');
    } finally {
      await dropSchemas(
        env.DATABASE_URL,
        ['organisation', 'child_services', 'adult_services', 'disability', 'income_support'].map((schema) => `${schema}${suffix}`),
      );
    }
    // Five fresh schemas migrated by spawned processes: slow on a busy 2-core machine.
  }, 180_000);
});
