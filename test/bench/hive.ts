import { serveHiveGateway } from '../support/hive-gateway';

/**
 * Hive Gateway as a process of its own beside Samsyn's, for `npm run bench`: HIVE_PORT, and SUBGRAPH_URLS as
 * JSON by subgraph name. Prints `hive ready` once it listens; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const hive = await serveHiveGateway(JSON.parse(process.env.SUBGRAPH_URLS ?? '{}'), Number(process.env.HIVE_PORT ?? 0));
  console.log(`hive ready at ${hive.url}`);
  process.once('SIGTERM', () => void hive.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
