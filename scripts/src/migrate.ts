import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig, openDatabase, SUBGRAPHS, swedishToday, type SubgraphName } from '@samsyn/core';
import { describeStartupError, subgraphDataSource } from '@samsyn/runtime';
import { ALL_SUBGRAPHS } from './subgraphs';

/** How often `--wait` looks again. */
const WAIT_POLL_MS = 2000;

/**
 * Runs the pending migrations of every subgraph (or of those named) against DATABASE_URL, for deployments that do not
 * migrate on start, and loads the demo data after them when SEED_DEMO_DATA=true is set explicitly (the Kubernetes
 * demo's Job; outside production the setting defaults to true for the services, which load the demo data themselves). With
 * `--wait` it migrates nothing: it returns once no migration of the named subgraphs is pending (a subgraph's init
 * container, waiting for the migration Job).
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { wait: { type: 'boolean', default: false } } });
  const names = (positionals.length ? positionals : [...SUBGRAPHS]) as SubgraphName[];
  const unknown = names.filter((name) => !SUBGRAPHS.includes(name));
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')}; the subgraphs are ${SUBGRAPHS.join(', ')}`);
  for (const name of names) {
    const config = loadConfig(name, process.env);
    const definition = ALL_SUBGRAPHS[name];
    const db = subgraphDataSource(definition, config);
    await openDatabase(db, false);
    try {
      if (values.wait) {
        for (let said = false; await db.showMigrations(); said = true) {
          if (!said) console.log(`${name}: waiting for its migrations (the migration Job)`);
          await sleep(WAIT_POLL_MS);
        }
        console.log(`${name}: up to date`);
        continue;
      }
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(`${name}: ${applied.length ? applied.map((m) => m.name).join(', ') : 'up to date'}`);
      if (process.env.SEED_DEMO_DATA === 'true' && config.seedDemoData && definition.seed) {
        await definition.seed(db, swedishToday());
        console.log(`${name}: demo data loaded`);
      }
    } finally {
      await db.destroy();
    }
  }
}

main().catch((error: unknown) => {
  console.error(`migrate: ${describeStartupError(error)}`);
  process.exit(1);
});
