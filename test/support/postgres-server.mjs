// A PostgreSQL server in a process of its own, for tests that stop and start the database:
// `node postgres-server.mjs DATA_DIR PORT` prints "ready" once it takes connections; SIGTERM stops it.
// (A test file cannot start one itself: jest runs it without ES-module dynamic imports.)
const { startEmbeddedPostgres } = await import('../../packages/runtime/dist/embedded-postgres.js');

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
process.stdout.write(`ready ${server.url}\n`);
process.once('SIGTERM', () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
