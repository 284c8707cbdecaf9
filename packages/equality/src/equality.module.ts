import type { AreaModule } from '@samsyn/area';
import type { FigureBreakdown } from './disclosure/disclosure.service';
// Field order in the schema follows the order resolver classes are declared: indicators before comparison and series.
import { IndicatorResolver } from './indicators/indicator.resolver';
import { ComparisonResolver, LimitCurveResolver, ProfileIndicatorsResolver } from './comparisons/comparison.resolver';
import { Equality1763800003000 } from './migrations/1763800003000-Equality';
import { disclosureProtection1763800006000 } from './migrations/1763800006000-DisclosureProtection';
import { ComparisonSnapshots1764000001000 } from './migrations/1764000001000-ComparisonSnapshots';
import { ComparisonMethod1765100000000 } from './migrations/1765100000000-ComparisonMethod';
import { PublishedFigures1765200000000 } from './migrations/1765200000000-PublishedFigures';
import { reportMutations } from './observations/observation.resolver';
import { disclosureMutations } from './disclosure/disclosure.resolver';

/**
 * Indicators, reported figures and fair comparison, mounted in an area subgraph with the breakdowns of
 * its figures that other modules of the area publish (its demo indicators come with `equalityDemo`).
 */
export function equalityModule(options: { breakdowns?: readonly FigureBreakdown[] } = {}): AreaModule {
  // The area's breakdowns go to every writer of its figures from here (no process-wide registry).
  const breakdowns = options.breakdowns ?? [];
  return {
    migrations: [
      Equality1763800003000,
      disclosureProtection1763800006000(breakdowns),
      ComparisonSnapshots1764000001000,
      ComparisonMethod1765100000000,
      PublishedFigures1765200000000,
    ],
    resolvers: (types) => [
      IndicatorResolver,
      ComparisonResolver,
      LimitCurveResolver,
      ...reportMutations(types, breakdowns),
      ...disclosureMutations(types, breakdowns),
      ProfileIndicatorsResolver,
    ],
  };
}
