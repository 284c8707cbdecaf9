import { parseArgs } from 'node:util';
import { loadConfig, ROLES, signToken, type Role } from '@samsyn/core';
import { devSecret } from './launch';

const USAGE = `usage: npm run token -- --role ROLE [--area AREA]… [--district CODE] [--name "Full Name"] [--sub ID] [--expires 8h]
  roles: ${ROLES.join(', ')}
  e.g.   npm run token -- --role process-leader --area CHILD_SERVICES --name "Anna Exempel"
         npm run token -- --role district-system --district angered`;

/** Prints a development token signed with the running system's secret (JWT_SECRET or .data/jwt-secret). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      area: { type: 'string', multiple: true },
      district: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean' },
    },
  });
  const roles = (values.role ?? []) as Role[];
  if (values.help || roles.length === 0 || roles.some((role) => !ROLES.includes(role))) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig('gateway', process.env);
  const auth = { ...config.auth, secret: devSecret(config.dataDir, process.env) };
  const name = values.name ?? (values.district ? `Verksamhetssystem ${values.district}` : 'Utvecklare');
  const sub = values.sub ?? name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-');
  console.log(await signToken(auth, { sub, name, roles, district: values.district, areas: values.area ?? [] }, values.expires));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
