import path from 'node:path';
import { describeStartupError, loadConfig } from '@samsyn/core';
import { launchSystem, type RunningSystem } from './launch';

async function main(): Promise<void> {
  let system: RunningSystem | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await system?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const embedded = !process.env.DATABASE_URL;
  try {
    if (embedded) console.log(`starting the embedded PostgreSQL (data in ${path.join(loadConfig('gateway', process.env).dataDir, 'pg')}) …`);
    system = await launchSystem({
      env: process.env,
      onUnexpectedExit: (name, code) => {
        console.error(`${name} stopped unexpectedly (exit code ${code}); stopping everything`);
        void stop(1);
      },
    });
  } catch (error) {
    console.error(`samsyn: ${describeStartupError(error)}`);
    return stop(1);
  }
  // The embedded server's URL is the local development one (fixed password, 127.0.0.1 only); a given DATABASE_URL may hold a real password.
  const database = embedded ? `\nDatabase (embedded PostgreSQL): ${system.env.DATABASE_URL}\n  e.g. psql ${system.env.DATABASE_URL}\n` : '';
  console.log(`
Samsyn is running: ${system.gatewayUrl}
${database}
Try:
  curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ districts { code name } areas { name processLeaders { name } } }"}'

A token for the parts that need one (see README):
  npm run token -- --role process-leader --area CHILD_SERVICES --name "Anna Exempel"

Ctrl-C stops everything.`);
}

void main();
