import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { SCHEMA_DIR } from './compose';

// Development tool only: @graphql-inspector/core is a dev dependency, so nothing in index.ts imports this file.

/** The API as last released: the contract clients have built on. */
export const RELEASED_API = path.join(SCHEMA_DIR, 'released', 'api.graphql');
export const CURRENT_API = path.join(SCHEMA_DIR, 'api.graphql');
export const CHANGELOG = path.resolve(SCHEMA_DIR, '..', 'CHANGELOG.md');

/** How to change the contract on purpose; shown with every breaking change a test finds. */
export const HOW_TO_RELEASE =
  'To break the contract on purpose: deprecate first (@deprecated(reason:)) where you can; otherwise run `npm run release-api` ' +
  '(copies schema/api.graphql to schema/released/api.graphql) and add a CHANGELOG.md entry that names the fingerprint it prints and lists these changes.';

export interface ContractChanges {
  /** Changes that can break a client built on the released API (a removed field, a narrowed type …). */
  breaking: string[];
  /** Changes that break no query but may change what a client sees (a new enum value, a changed default …). */
  dangerous: string[];
  safe: string[];
}

/** What changed from the released API to the current one, sorted by how much it matters to clients. */
export async function contractChanges(released: string, current: string): Promise<ContractChanges> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  const of = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level).map((change) => change.message);
  return { breaking: of(CriticalityLevel.Breaking), dangerous: of(CriticalityLevel.Dangerous), safe: of(CriticalityLevel.NonBreaking) };
}

/** A short hash of a released API, so that a CHANGELOG entry can name the release it describes. */
export function apiFingerprint(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex').slice(0, 12);
}

/** `npm run release-api`: makes the current API the released one and says what to write in the CHANGELOG. */
async function main(): Promise<void> {
  const current = fs.readFileSync(CURRENT_API, 'utf8');
  const previous = fs.existsSync(RELEASED_API) ? fs.readFileSync(RELEASED_API, 'utf8') : null;
  if (previous === current) {
    console.log(`schema/released/api.graphql is already the current API (fingerprint ${apiFingerprint(current)}).`);
    return;
  }
  fs.mkdirSync(path.dirname(RELEASED_API), { recursive: true });
  fs.writeFileSync(RELEASED_API, current);
  console.log(`wrote schema/released/api.graphql, fingerprint ${apiFingerprint(current)}\n`);
  if (previous) {
    const changes = await contractChanges(previous, current);
    for (const [label, list] of [
      ['Breaking', changes.breaking],
      ['Dangerous', changes.dangerous],
      ['Added or safe', changes.safe],
    ] as const) {
      if (list.length > 0) console.log(`${label}:\n${list.map((message) => `- ${message}`).join('\n')}\n`);
    }
  }
  console.log(`Now add an entry to CHANGELOG.md with the line:\nAPI fingerprint: \`${apiFingerprint(current)}\``);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
