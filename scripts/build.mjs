// `tsc -b` over every TypeScript project of the repository, from the root tsconfig.json: a solution file whose
// `references` are each workspace folder with a tsconfig.json (the workspaces of package.json, globs expanded) and
// the bench under test/. No hand-kept list of projects: this script writes the references from the folders that
// exist before it builds, so a new package or subgraph is built (and found by editors) because it is there.
// `node scripts/build.mjs --clean` removes the output. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// The root tsconfig.json's references follow the folders (written as Prettier lays them out); its compiler options,
// which every project extends, stay as they are.
const solutionFile = path.join(root, 'tsconfig.json');
const solutionText = readFileSync(solutionFile, 'utf8');
const references = projects.map((project) => `    { "path": "./${project}" }`).join(',\n');
const written = solutionText.replace(/"references": \[[^\]]*\]/, `"references": [\n${references}\n  ]`);
if (written !== solutionText) writeFileSync(solutionFile, written);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status, signal } = spawnSync(process.execPath, [tsc, '-b', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(status ?? (signal ? 1 : 0));
