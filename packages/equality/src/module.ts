import type { AreaModule } from '@samsyn/area';
import { seedEquality, type DemoIndicator } from './demo';
import { Equality1763800003000 } from './migrations/1763800003000-Equality';
import { DisclosureProtection1763800006000 } from './migrations/1763800006000-DisclosureProtection';
import { registerBreakdown, type FigureBreakdown } from './protection';
import { EqualityResolver, ProfileIndicatorsResolver, reportMutations } from './resolvers';

/**
 * Indicators, reported figures and fair comparison, mounted in an area subgraph with its demo
 * indicators and the breakdowns of its figures that other modules of the area publish.
 */
export function equalityModule(demoIndicators: DemoIndicator[], options: { breakdowns?: FigureBreakdown[] } = {}): AreaModule {
  for (const breakdown of options.breakdowns ?? []) registerBreakdown(breakdown);
  return {
    migrations: [Equality1763800003000, DisclosureProtection1763800006000],
    resolvers: (types) => [EqualityResolver, ...reportMutations(types), ProfileIndicatorsResolver],
    seed: (db, area) => seedEquality(db, area, demoIndicators),
  };
}
