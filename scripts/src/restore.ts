import { describeStartupError } from '@samsyn/runtime';
import { BackupError, restore } from './backup-file';

/** `npm run restore -- FILE`: into an empty data directory (SAMSYN_DATA_DIR) with the system stopped, or into DATABASE_URL. */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new BackupError('usage: npm run restore -- FILE');
  const started = Date.now();
  const summary = await restore(file, process.env);
  console.log(`restore: ${summary.rows} rows of ${summary.tables} tables from ${file} (${Date.now() - started} ms); npm start serves them`);
}

main().catch((error: unknown) => {
  console.error(`restore: ${error instanceof BackupError ? error.message : describeStartupError(error)}`);
  process.exit(1);
});
