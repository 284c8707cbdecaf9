import { describeStartupError } from '@samsyn/runtime';
import { backup, BackupError } from './backup-file';

/** `npm run backup -- FILE`: every subgraph's data from the running system's database (DATABASE_URL, or the embedded one). */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new BackupError('usage: npm run backup -- FILE');
  const started = Date.now();
  const summary = await backup(file, process.env);
  console.log(
    `backup: ${summary.rows} rows of ${summary.tables} tables in ${file} (${(summary.bytes / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(`backup: ${error instanceof BackupError ? error.message : describeStartupError(error)}`);
  process.exit(1);
});
