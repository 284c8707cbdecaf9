import { parseArgs } from 'node:util';
import { loadConfig, ROLES, signToken, type Role } from '@samsyn/core';
import { Area } from '@samsyn/area';
import { parseArea, parseRole, UsageError } from './arguments';
import { demoDistricts, gatewayUrlFrom, RegisterUnavailable, runningDistricts, type DistrictRegister } from './register';
import { devSecret } from './launch';

const USAGE = `usage: npm run token -- --role ROLE [--area AREA]… [--district CODE] [--name "Full Name"] [--sub ID] [--expires 8h]
  roles: ${ROLES.join(', ')}
  areas: ${Object.values(Area).join(', ')} (any case, - or _)
  e.g.   npm run token -- --role process-leader --area CHILD_SERVICES --name "Anna Exempel"
         npm run token -- --role district-system --district angered
  District codes are checked against the running system (GATEWAY_URL, default the local gateway),
  or against the demo register when no gateway answers.`;

export interface TokenArguments {
  role?: string[];
  area?: string[];
  district?: string;
  name?: string;
  sub?: string;
}

export interface TokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  district?: string;
  areas: string[];
}

/**
 * The claims of a token the API will accept, or an error naming what it would refuse: a district
 * system needs a known district, a process leader at least one area, and neither option fits other roles.
 */
export async function tokenClaims(args: TokenArguments, districts: () => Promise<DistrictRegister>): Promise<TokenClaims> {
  const roles = [...new Set((args.role ?? []).map(parseRole))];
  if (roles.length === 0) throw new UsageError('name at least one --role');
  const areas = [...new Set((args.area ?? []).map(parseArea))];
  const districtSystem = roles.includes('district-system');
  if (districtSystem && !args.district) {
    throw new UsageError('a district-system token must name its district: add --district CODE (e.g. --district angered)');
  }
  if (!districtSystem && args.district) throw new UsageError('--district only applies to --role district-system');
  if (roles.includes('process-leader') && areas.length === 0) {
    throw new UsageError(`a process-leader token needs the areas they lead: add --area (${Object.values(Area).join(', ')})`);
  }
  if (!roles.includes('process-leader') && areas.length > 0) throw new UsageError('--area only applies to --role process-leader');
  if (args.district) {
    const register = await districts();
    if (!register.codes.has(args.district)) {
      throw new UsageError(`unknown district "${args.district}" in ${register.source}; known: ${[...register.codes].sort().join(', ')}`);
    }
  }
  const name = args.name ?? (args.district ? `Verksamhetssystem ${args.district}` : 'Utvecklare');
  const sub =
    args.sub ??
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-');
  return { sub, name, roles, district: args.district, areas };
}

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
  if (values.help || !values.role) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig('gateway', process.env);
  const gatewayUrl = gatewayUrlFrom(process.env, config.port);
  let claims: TokenClaims;
  try {
    claims = await tokenClaims(values, () =>
      runningDistricts(gatewayUrl).catch((error: unknown) => {
        if (error instanceof RegisterUnavailable) return demoDistricts();
        throw error;
      }),
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`token: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const auth = { ...config.auth, secret: devSecret(config.dataDir, process.env) };
  console.log(await signToken(auth, claims, values.expires));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
