import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isUnionType, Kind, parse, printType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { BadInputError, ErrorCodeEnum } from './errors';
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
  const subgraph = buildSubgraphSchema({
    // Every subgraph answers with these codes, so every one publishes the enum that documents them.
    typeDefs: parse(`${FEDERATION_LINK}\n${CACHE_CONTROL}\n${printSchemaWithDirectives(schema)}\n${printType(ErrorCodeEnum)}`),
    resolvers,
  });
  checkRepresentations(subgraph);
  return subgraph;
}

/**
 * Makes `_entities` refuse, with BAD_USER_INPUT and before any resolver runs, a representation that is not an object
 * naming one of the subgraph's entity types with every top-level field of its `@key` given. The gateway never sends
 * such a thing; anything else that reaches a subgraph's port would otherwise get INTERNAL_SERVER_ERROR from deep inside
 * `@apollo/subgraph` or a reference resolver.
 */
function checkRepresentations(schema: GraphQLSchema): void {
  const entities = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (!entities?.resolve || !isUnionType(union)) return;
  const keyFields = new Map(
    union.getTypes().map((type) => {
      const keys = (type.astNode?.directives ?? [])
        .filter((directive) => directive.name.value === 'key')
        .flatMap((directive) => directive.arguments?.filter((argument) => argument.name.value === 'fields') ?? [])
        .map((argument) => (argument.value.kind === Kind.STRING ? topLevelFields(argument.value.value) : []));
      return [type.name, keys] as const;
    }),
  );
  const resolve: GraphQLFieldResolver<unknown, unknown> = entities.resolve;
  entities.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
    representations.forEach((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const keys = typeof typename === 'string' ? keyFields.get(typename) : undefined;
      if (typeof typename !== 'string' || !keys)
        throw new BadInputError(`representations[${index}] names no entity type of this subgraph.`, { index });
      const given = representation as Record<string, unknown>;
      const complete = keys.some((fields) => fields.every((field) => given[field] !== undefined && given[field] !== null));
      if (!complete) throw new BadInputError(`representations[${index}] lacks the key fields of ${typename}.`, { index });
    });
    return resolve(source, args, context, info);
  };
}

/** The top-level field names of a `@key(fields:)` selection: "id", "code area", "id owner { id }" → id, owner. */
function topLevelFields(selection: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of selection.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
    if (token === '{') depth++;
    else if (token === '}') depth--;
    else if (depth === 0) names.push(token);
  }
  return names;
}

/** The SDL a subgraph publishes to composition (what `_service { sdl }` answers). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
