import path from 'node:path';
import { buildSync } from 'esbuild';

/** The web app's package folder. */
export const DASHBOARD = path.resolve(__dirname, '../packages/dashboard');

/**
 * A module of the web app as the browser gets it (bundled by esbuild, JSON included), loaded into Node, so its pure
 * rules are tested without a browser. `source` is relative to packages/dashboard; `T` is its exports as the test uses them.
 */
export function loadDashboardModule<T>(source: string): T {
  const [output] = buildSync({
    entryPoints: [path.join(DASHBOARD, source)],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  }).outputFiles;
  const module = { exports: {} as T };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle esbuild just made of the dashboard's own source
  const evaluate = new Function('module', 'exports', output.text) as (module: unknown, exports: unknown) => void;
  evaluate(module, module.exports);
  return module.exports;
}
