import { parseArgs } from 'node:util';
import { loadConfig, openDatabase, SUBGRAPHS, type SubgraphName } from '@samsyn/core';
import { describeStartupError, subgraphDataSource } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from './subgraphs';

/** Runs the pending migrations of every subgraph (or of those named) against DATABASE_URL, for deployments that do not migrate on start. */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const names = (positionals.length ? positionals : [...SUBGRAPHS]) as SubgraphName[];
  const unknown = names.filter((name) => !SUBGRAPHS.includes(name));
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')}; the subgraphs are ${SUBGRAPHS.join(', ')}`);
  for (const name of names) {
    const config = loadConfig(name, process.env);
    const db = subgraphDataSource(ALL_SUBGRAPHS[name], config);
    await openDatabase(db, false);
    try {
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(`${name}: ${applied.length ? applied.map((m) => m.name).join(', ') : 'up to date'}`);
    } finally {
      await db.destroy();
    }
  }
}

main().catch((error: unknown) => {
  console.error(`migrate: ${describeStartupError(error)}`);
  process.exit(1);
});
