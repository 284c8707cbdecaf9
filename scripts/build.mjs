// `tsc -b` over every TypeScript project of the repository: each workspace folder with a tsconfig.json (the
// workspaces of package.json, globs expanded) and the bench under test/. No hand-kept list of projects: a new
// package or subgraph folder is built because it exists. `node scripts/build.mjs --clean` removes the output.
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const folders = workspaces.flatMap((pattern) => {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  return readdirSync(path.join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`)
    .sort();
});
const projects = [...folders, 'test'].filter((folder) => existsSync(path.join(root, folder, 'tsconfig.json')));

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status, signal } = spawnSync(process.execPath, [tsc, '-b', ...projects, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(status ?? (signal ? 1 : 0));
