import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const DASHBOARD = path.resolve(__dirname, '../packages/dashboard');

describe("the dashboard's typed operations", () => {
  it('are generated from the committed client schema (npm run compose regenerates them)', async () => {
    // --check exits non-zero and names the files when src/gql/ differs from what the schema and operations give.
    const run = promisify(execFile)(process.execPath, [path.join(DASHBOARD, 'codegen.mjs'), '--check'], { cwd: DASHBOARD });
    await expect(
      run.then(
        () => 'fresh',
        (error: unknown) => {
          const { stdout, stderr } = error as { stdout?: string; stderr?: string };
          return `${stdout ?? ''}${stderr ?? ''}`;
        },
      ),
    ).resolves.toBe('fresh');
  });
});
