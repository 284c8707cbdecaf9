// Starts one throw-away embedded PostgreSQL for the whole run when DATABASE_URL is not set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const { startEmbeddedPostgres } = await import('../../packages/runtime/dist/embedded-postgres.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-test-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), persistent: false });
  globalThis.__samsynTestDatabase = { database, dataDir };
  process.env.DATABASE_URL = database.url;
}
