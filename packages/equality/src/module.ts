import type { AreaModule } from '@samsyn/knowledge';
import { seedEquality, type DemoIndicator } from './demo';
import { Equality1763800003000 } from './migrations/1763800003000-Equality';
import { EqualityResolver, ProfileIndicatorsResolver, reportMutations } from './resolvers';

/** Indicators, reported figures and fair comparison, mounted in an area subgraph with its demo indicators. */
export function equalityModule(demoIndicators: DemoIndicator[]): AreaModule {
  return {
    migrations: [Equality1763800003000],
    resolvers: (types) => [EqualityResolver, ...reportMutations(types), ProfileIndicatorsResolver],
    seed: (db, area) => seedEquality(db, area, demoIndicators),
  };
}
