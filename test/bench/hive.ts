import { serveHiveGateway } from './hive-gateway';

/**
 * Hive Gateway as a process of its own beside Samsyn's, for `npm run bench`: `node hive.js <port> <subgraph URLs
 * as JSON by name>`. Prints `hive ready` once it listens; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const hive = await serveHiveGateway(JSON.parse(process.argv[3] ?? '{}'), Number(process.argv[2] ?? 0));
  console.log(`hive ready at ${hive.url}`);
  process.once('SIGTERM', () => void hive.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
