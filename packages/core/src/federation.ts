import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, printType, type GraphQLSchema } from 'graphql';
import { ErrorCodeEnum } from './errors';
import { buildSchemaSync, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

// Apollo Server's cache-control directive, so types can say they inherit their parent's cache hint.
const CACHE_CONTROL = `
"""Apollo cache hints: who may share a cached answer."""
enum CacheControlScope {
  """Any cache may keep the answer: it is the same for every caller."""
  PUBLIC
  """Only the caller's own cache may keep it."""
  PRIVATE
}
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION`;

// Resolver maps are plain objects of unknown shape: the federation glue is where `any` is honest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * Builds an Apollo Federation 2 subgraph schema from type-graphql classes:
 * type-graphql prints the SDL with its `@key`/`@shareable` directives, `@apollo/subgraph`
 * adds `_entities`/`_service`, and `referenceResolvers` answer `_entities` per entity type.
 */
export function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): GraphQLSchema {
  // Synchronous: callers may rely on every type thunk being evaluated within this call and nowhere else.
  const schema = buildSchemaSync({ validate: false, ...options, skipCheck: true });
  // Federation glue: type-graphql's resolver map and @apollo/subgraph's are typed apart; the objects are the same shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- see above
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    // Every subgraph answers with these codes, so every one publishes the enum that documents them.
    typeDefs: parse(`${FEDERATION_LINK}\n${CACHE_CONTROL}\n${printSchemaWithDirectives(schema)}\n${printType(ErrorCodeEnum)}`),
    resolvers,
  });
}

/** The SDL a subgraph publishes to composition (what `_service { sdl }` answers). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
