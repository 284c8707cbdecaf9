import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
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
    maxTokens: { n: OPERATION_LIMITS.maxTokens },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: config.nodeEnv === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as ApolloServerPlugin<TContext>[], validationRules };
}
