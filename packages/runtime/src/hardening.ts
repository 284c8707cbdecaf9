import { ApolloArmor } from '@escape.tech/graphql-armor';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  GraphQLError,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fragmentsOf, type Config } from '@samsyn/core';

/** Limits every operation must stay within, at the gateway and again at each subgraph. */
export const OPERATION_LIMITS = {
  /** The deepest dashboard query (district → area profile → lagging → document → current version) is 6 deep. */
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 30,
  maxTokens: 5000,
  /** graphql-armor's static cost: 2 per object field, 1 per scalar, times 1.5 per level of depth; reading every area at once costs about 15 000. */
  maxCost: 30_000,
  /**
   * An `_entities` request costs its representations times the fields selected for each (graphql-armor's
   * static cost never sees them): the scale dashboard's largest fetch is 1 000 districts × about 16 fields.
   */
  maxEntityCost: 100_000,
} as const;

/** Fields a selection asks for, through fragments, without `__typename` (answered without a resolver). */
function fieldsSelected(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): number {
  let count = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count += 1;
      count += fieldsSelected(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += fieldsSelected(selection.selectionSet, fragments, seen);
    } else if (!seen.has(selection.name.value)) {
      // Validation refuses fragment cycles later; counting each fragment once keeps this finite before it.
      seen.add(selection.name.value);
      count += fieldsSelected(fragments[selection.name.value]?.selectionSet, fragments, seen);
    }
  }
  return count;
}

function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...details, code: 'QUERY_TOO_COMPLEX', http: { status: 400, headers: new HeaderMap() } },
  });
}

/**
 * Refuses an `_entities` request with more representations than MAX_REPRESENTATIONS, or whose
 * representations times fields per entity exceed the entity cost, before any variable is coerced
 * or any reference resolver runs: one request must not be able to exhaust a subgraph's memory.
 */
export function representationLimit<TContext extends BaseContext>(maxRepresentations: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          const fragments = fragmentsOf(document);
          let representations = 0;
          let cost = 0;
          for (const field of rootFields(operation, fragments)) {
            const argument = field.arguments?.find((arg) => arg.name.value === 'representations');
            if (field.name.value !== '_entities' || !argument) continue;
            const value = argument.value;
            const given: unknown = value.kind === Kind.VARIABLE ? request.variables?.[value.name.value] : undefined;
            const count = value.kind === Kind.LIST ? value.values.length : Array.isArray(given) ? given.length : 1;
            representations += count;
            cost += count * Math.max(1, fieldsSelected(field.selectionSet, fragments));
          }
          if (representations > maxRepresentations) {
            throw tooComplex(
              `Too many representations: ${representations}; one request may resolve at most ${maxRepresentations} entities (MAX_REPRESENTATIONS).`,
              {
                representations,
                maxRepresentations,
              },
            );
          }
          if (cost > OPERATION_LIMITS.maxEntityCost) {
            throw tooComplex(
              `The entity fetch costs ${cost} (representations × fields per entity); the limit is ${OPERATION_LIMITS.maxEntityCost}.`,
              {
                cost,
                maxCost: OPERATION_LIMITS.maxEntityCost,
              },
            );
          }
        },
      };
    },
  };
}

/** Whether an operation asks for a root field of this name, directly or through fragments. */
export function selectsRootField(document: DocumentNode, operation: OperationDefinitionNode | undefined, name: string): boolean {
  return rootFields(operation, fragmentsOf(document)).some((field) => field.name.value === name);
}

/** The root fields of an operation, including those inside fragments. */
function rootFields(operation: OperationDefinitionNode | undefined, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const spread = new Set<string>();
  const pending = [...(operation?.selectionSet.selections ?? [])];
  while (pending.length > 0) {
    const selection = pending.shift()!;
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(...selection.selectionSet.selections);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      pending.push(...(fragments[selection.name.value]?.selectionSet.selections ?? []));
    }
  }
  return fields;
}

/**
 * Validation rules against depth, alias, directive and token bombs and over-costly operations
 * (graphql-armor), rejected before any resolver runs. Field suggestions are hidden in production.
 */
export function operationLimits<TContext extends BaseContext>(
  config: Config,
): {
  plugins: ApolloServerPlugin<TContext>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    // The token limit is the parser's own (`parseOptions`): armor's throws from a plugin hook, which answers HTTP 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: config.nodeEnv === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: [
      ...(plugins as ApolloServerPlugin<TContext>[]),
      refuseNulCharacters<TContext>(),
      refuseNullWhereRequired<TContext>(),
      representationLimit<TContext>(config.maxRepresentations),
    ],
    validationRules: [...validationRules, knownOperationTypes, typenameAliasOnlyForTypename],
  };
}

/**
 * Refuses an operation whose type the schema has no root for (`subscription { … }` here), as a validation error
 * (HTTP 400): graphql-js 16 validates it and only fails when executing, and the gateway's planner answered 500.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation))
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
    },
  };
}

/**
 * Refuses `__typename` as the alias of another field (`{ documents { __typename: totalCount } }`): the gateway
 * reads an object's `__typename` to know its type, so a number there answered INTERNAL_SERVER_ERROR and a string
 * ("Query") gave the object another type's name. Aliasing `__typename` itself stays allowed.
 */
export function typenameAliasOnlyForTypename(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.alias?.value === '__typename' && node.name.value !== '__typename')
        context.reportError(
          new GraphQLError(`__typename is the field that names an object's type; give ${node.name.value} another alias.`, { nodes: node }),
        );
    },
  };
}

/** graphql-js stops parsing past this many tokens with a syntax error: HTTP 400, GRAPHQL_PARSE_FAILED. */
export const PARSE_OPTIONS = { maxLexicalTokens: OPERATION_LIMITS.maxTokens } as const;

const NUL = '\u0000';

/**
 * How deep a client's variables (and extensions) may nest. The deepest input of the schema nests four levels
 * (a list of objects inside an input), so this is far beyond any real request and far below what a recursive
 * walk (a NUL check, a cache key, JSON.stringify) can take: 4,000 levels in 8 KB overflowed the stack.
 */
export const MAX_VARIABLE_DEPTH = 32;

/** What is wrong with a client's JSON value: nested too deep, or a NUL character in a string or key. */
export type JsonFault = 'too-deep' | 'nul';

/**
 * Walks a parsed JSON value without recursion (a deep value cannot overflow the stack) and names its first fault:
 * objects and arrays nested deeper than `maxDepth`, or, with `nul`, a NUL character in a string or a key.
 */
export function jsonFault(value: unknown, options: { maxDepth?: number; nul?: boolean } = {}): JsonFault | undefined {
  const maxDepth = options.maxDepth ?? MAX_VARIABLE_DEPTH;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (options.nul && current.includes(NUL)) return 'nul';
    } else if (current !== null && typeof current === 'object') {
      if (depth >= maxDepth) return 'too-deep';
      for (const [key, inner] of Object.entries(current)) {
        if (options.nul && key.includes(NUL)) return 'nul';
        pending.push([inner, depth + 1]);
      }
    }
  }
  return undefined;
}

/** What a client reads when its variables nest deeper than MAX_VARIABLE_DEPTH. */
export const VARIABLES_TOO_DEEP = `The variables nest deeper than ${MAX_VARIABLE_DEPTH} levels; no input of this API does.`;

/** The client error for variables nested deeper than MAX_VARIABLE_DEPTH (HTTP 400, BAD_USER_INPUT). */
function variablesTooDeep(): GraphQLError {
  return new GraphQLError(VARIABLES_TOO_DEEP, {
    extensions: { code: 'BAD_USER_INPUT', maxDepth: MAX_VARIABLE_DEPTH, http: { status: 400 } },
  });
}

// Apollo Server keeps parsed documents: a repeated operation is the same object, visited once.
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentHoldsNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  nulInDocument.set(document, found);
  return found;
}

/**
 * Refuses a NUL character in any string a client sends (variables or literals) with BAD_USER_INPUT:
 * PostgreSQL text cannot hold one, so it would otherwise fail deep inside a write. Variables nested deeper than
 * MAX_VARIABLE_DEPTH are refused here too (HTTP requests already at the door, see http.ts).
 */
export function refuseNulCharacters<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const fault = jsonFault(request.variables, { nul: true });
          if (fault === 'too-deep') throw variablesTooDeep();
          if (fault === 'nul' || documentHoldsNul(document)) {
            throw new GraphQLError('A string holds a NUL character (\\u0000), which no field takes.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Refuses a variable given as null where a value is required: `$v: Boolean = true` may be null by its type, but not
 * in `@include(if: $v)` or a non-null argument. graphql-js only finds that while executing (INTERNAL_SERVER_ERROR
 * in a subgraph, HTTP 500 from the gateway's planner); here it is BAD_USER_INPUT before anything runs.
 */
export function refuseNullWhereRequired<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const variables = request.variables ?? {};
          const nulls = new Set(Object.keys(variables).filter((name) => variables[name] === null));
          if (nulls.size === 0 || !operation) return;
          const typeInfo = new TypeInfo(schema);
          const refused = new Set<string>();
          const visitor = visitWithTypeInfo(typeInfo, {
            Variable(node) {
              if (nulls.has(node.name.value) && isNonNullType(typeInfo.getInputType())) refused.add(node.name.value);
            },
          });
          visit(operation, visitor);
          for (const fragment of Object.values(fragmentsOf(document))) visit(fragment, visitor);
          if (refused.size > 0) {
            const names = [...refused].map((name) => `$${name}`).join(', ');
            throw new GraphQLError(`${names} is null where a value is required.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
