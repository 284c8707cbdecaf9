// Before `npm run bench` and `npm run test:hive`: installs test/bench's own dependencies (Hive Gateway, autocannon:
// about 550 packages no other command needs) on first use or when its lock changed, then compiles the bench.
// Plain JavaScript: it runs before the bench is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bench = path.join(root, 'test', 'bench');
const installed = path.join(bench, 'node_modules', '.package-lock.json');
const lock = path.join(bench, 'package-lock.json');

function run(command, args) {
  const { status, signal } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? (signal ? 1 : 0));
}

if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  console.log("Installing the bench's own dependencies into test/bench/node_modules (first use) …");
  run('npm', ['install', '--prefix', bench, '--no-audit', '--no-fund', '--loglevel', 'error']);
}
run(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-b', bench]);
