import fs from 'node:fs';
import path from 'node:path';
import { loadChangesConfig } from '@samsyn/changes';
import { envName, loadConfig, SUBGRAPHS, type ServiceName } from '@samsyn/core';

const ROOT = path.resolve(__dirname, '..');
const SERVICES: ServiceName[] = ['gateway', ...SUBGRAPHS];
/** Where settings are read: the services, the packages and the development commands (tests only pass them on). */
const SOURCE_DIRS = ['packages', 'subgraphs', 'gateway', 'scripts', 'test/bench'];
const VARIABLE = '[A-Z][A-Z0-9_]*';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'test'].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every variable the code reads by a literal name: `env.X`, `env['X']`, `process.env.X` and `readX(env, 'X', …)`. */
function readBySources(): Set<string> {
  const patterns = [
    new RegExp(`\\benv\\.(${VARIABLE})`, 'g'),
    new RegExp(`\\benv\\[['"](${VARIABLE})['"]\\]`, 'g'),
    new RegExp(`\\(env, '(${VARIABLE})'`, 'g'),
  ];
  const names = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

/**
 * Every variable the settings loaders ask for, in every mode: `loadConfig` (names built at run time, such as
 * `CHILD_SERVICES_URL`, included) and the domain packages' own, which read the same environment (`loadChangesConfig`).
 */
function readByLoaders(): Set<string> {
  const names = new Set<string>();
  const modes: Record<string, string>[] = [
    {},
    { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-more-than-32-characters' },
    { NODE_ENV: 'test' },
  ];
  for (const service of SERVICES) {
    for (const mode of modes) {
      const env = new Proxy(mode, {
        get: (target, name) => {
          if (typeof name === 'string') names.add(name);
          return target[name as string];
        },
      });
      loadChangesConfig(env, loadConfig(service, env).nodeEnv);
    }
  }
  return names;
}

/**
 * The variables named in the first column of the configuration reference's table (docs/configuration.md). A row may name a pattern for
 * every subgraph, `<SUBGRAPH>_PORT`: it stands for that variable of each subgraph (`CHILD_SERVICES_PORT`, …),
 * so a new subgraph needs no new row.
 */
function documented(): Set<string> {
  const section = fs.readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
  const names = new Set<string>();
  for (const line of section.split('\n').filter((row) => row.startsWith('| `'))) {
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(new RegExp(`\`(${VARIABLE})\``, 'g'))) names.add(match[1]);
    for (const match of firstCell.matchAll(new RegExp(`\`<SUBGRAPH>(_${VARIABLE})\``, 'g'))) {
      for (const subgraph of SUBGRAPHS) names.add(`${envName(subgraph)}${match[1]}`);
    }
  }
  return names;
}

describe('the configuration reference (docs/configuration.md)', () => {
  const read = new Set([...readBySources(), ...readByLoaders()]);
  const inDocs = documented();

  it('documents every variable the code reads', () => {
    expect([...read].filter((name) => !inDocs.has(name)).sort()).toEqual([]);
  });

  it('documents no variable the code does not read', () => {
    expect([...inDocs].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
