import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { loadConfig, printSubgraphSdl, SUBGRAPHS, type SubgraphName } from '@samsyn/core';
import { dockerCompose } from './docker-compose';
import { writeKubernetes } from './kubernetes';
import { KEYCLOAK_REALM_FILE, keycloakRealm } from './sign-in';
import { ALL_SUBGRAPHS } from './subgraphs';

export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');
export const DOCKER_COMPOSE_FILE = path.resolve(__dirname, '../../docker-compose.yml');

export interface ComposedSchemas {
  subgraphs: Record<SubgraphName, string>;
  supergraph: string;
  /** The API as clients see it: the supergraph without federation's `join__`/`link__` internals. */
  api: string;
  /** Composition's hints ("CODE: message"): things that compose but may not be what was meant. */
  hints: string[];
}

/** Prints each subgraph's SDL and composes the supergraph; composition errors are thrown, listed. */
export async function composeSchemas(): Promise<ComposedSchemas> {
  // The committed supergraph names the default local URLs; the gateway's configuration overrides them.
  const urls = loadConfig('gateway', {}).subgraphUrls;
  const subgraphs = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    subgraphs[name] = `${printSubgraphSdl(ALL_SUBGRAPHS[name].buildSchema()).trim()}\n`;
  }
  const result = composeServices(SUBGRAPHS.map((name) => ({ name, url: urls[name], typeDefs: parse(subgraphs[name]) })));
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  const hints = result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`);
  return { subgraphs, supergraph: `${result.supergraphSdl.trim()}\n`, api: `${api.trim()}\n`, hints };
}

/** The files `npm run compose` writes, by file name. */
export function schemaFiles(schemas: ComposedSchemas): Record<string, string> {
  return {
    ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name}.graphql`, schemas.subgraphs[name]])),
    'supergraph.graphql': schemas.supergraph,
    'api.graphql': schemas.api,
  };
}

function write(target: string, content: string): void {
  const changed = !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content;
  fs.writeFileSync(target, content);
  console.log(`${changed ? 'wrote    ' : 'unchanged'} ${path.relative(path.dirname(SCHEMA_DIR), target)}`);
}

async function main(): Promise<void> {
  const schemas = await composeSchemas();
  for (const hint of schemas.hints) console.log(`hint: ${hint}`);
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [file, content] of Object.entries(schemaFiles(schemas))) write(path.join(SCHEMA_DIR, file), content);
  write(DOCKER_COMPOSE_FILE, dockerCompose());
  writeKubernetes((target, changed) =>
    console.log(`${changed ? 'wrote    ' : 'unchanged'} ${path.relative(path.dirname(SCHEMA_DIR), target)}`),
  );
  fs.mkdirSync(path.dirname(KEYCLOAK_REALM_FILE), { recursive: true });
  write(KEYCLOAK_REALM_FILE, keycloakRealm());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
