import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationRule } from 'graphql';
import type { Config } from './config';

/** Limits every operation must stay within, at the gateway and again at each subgraph. */
export const OPERATION_LIMITS = {
  /** The deepest dashboard query (district → area profile → lagging → document → current version) is 6 deep. */
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 30,
  maxTokens: 5000,
  /** graphql-armor's static cost: 2 per object field, 1 per scalar, times 1.5 per level of depth; reading every area at once costs about 15 000. */
  maxCost: 30_000,
} as const;

/**
 * Validation rules against depth, alias, directive and token bombs and over-costly operations
 * (graphql-armor), rejected before any resolver runs. Field suggestions are hidden in production.
 */
export function operationLimits<TContext extends BaseContext>(config: Config): {
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
  return { plugins: [...(plugins as ApolloServerPlugin<TContext>[]), refuseNulCharacters<TContext>()], validationRules };
}

/** graphql-js stops parsing past this many tokens with a syntax error: HTTP 400, GRAPHQL_PARSE_FAILED. */
export const PARSE_OPTIONS = { maxLexicalTokens: OPERATION_LIMITS.maxTokens } as const;

const NUL = '\u0000';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes(NUL) || holdsNul(inner));
  return false;
}

function documentHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

/**
 * Refuses a NUL character in any string a client sends (variables or literals) with BAD_USER_INPUT:
 * PostgreSQL text cannot hold one, so it would otherwise fail deep inside a write.
 */
export function refuseNulCharacters<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (holdsNul(request.variables) || documentHoldsNul(document)) {
            throw new GraphQLError('A string holds a NUL character (\\u0000), which no field takes.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
