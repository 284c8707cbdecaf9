import fs from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__samsynTestDatabase;
  if (!started) return;
  await started.database.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
