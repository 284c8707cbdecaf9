import { groupRows, type SubgraphContext } from '@samsyn/core';
import { protectedFiguresInPeriods, type ProtectedFigures } from '../disclosure/protection.reader';
import type { Indicator } from '../indicators/indicator.types';
import type { ObservationRow } from '../observations/observation.row';
import { periodsEndingWith } from '../periods/period';
import { compare, withTrends } from './comparison.calculator';
import { snapshotKey, storedComparisons } from './comparison.stored';
import { Overdispersion, type Comparison, type ComparisonEntry } from './comparison.types';

/** How many periods a trend looks back over, the current one included. */
export const TREND_WINDOW = 4;

/** All figures of a period with their disclosure protection, whatever the indicator or district: one statement for all periods a request needs. */
export function figuresInPeriod(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ProtectedFigures>('figuresInPeriod', async (periods) => {
    const found = await protectedFiguresInPeriods(ctx.db, periods);
    return periods.map((period) => found.get(period) as ProtectedFigures);
  });
}

const byIndicator = new WeakMap<ObservationRow[], Map<string, ObservationRow[]>>();

/** A period's figures of one indicator (the period's rows are grouped by indicator once). */
function rowsOf(inPeriod: ObservationRow[], code: string): ObservationRow[] {
  let groups = byIndicator.get(inPeriod);
  if (!groups) byIndicator.set(inPeriod, (groups = groupRows(inPeriod, (row) => row.indicator_code)));
  return groups.get(code) ?? [];
}

const unwrap = <T>(values: (T | Error)[]): T[] => {
  const failed = values.find((value): value is Error => value instanceof Error);
  if (failed) throw failed;
  return values as T[];
};

/** Comparisons without trends, memoised per request by indicator, period and overdispersion method. */
function plainComparison(ctx: SubgraphContext, indicator: Indicator, overdispersion: Overdispersion) {
  return ctx.loaders.get<string, Comparison>(`plainComparison:${indicator.code}:${overdispersion}`, async (periods) => {
    const figures = unwrap(await figuresInPeriod(ctx).loadMany(periods));
    return periods.map((period, i) =>
      compare(indicator, period, rowsOf(figures[i].rows, indicator.code), figures[i].protection, { overdispersion }),
    );
  });
}

/**
 * The comparison of one indicator in one period, with each district's trend over the periods before: the one
 * stored when its figures changed (one statement for all a request needs), or, for widened limits and for
 * figures written past the service, computed now; once per request.
 */
export async function comparisonOf(
  ctx: SubgraphContext,
  indicator: Indicator,
  period: string,
  overdispersion = Overdispersion.NONE,
): Promise<Comparison> {
  if (overdispersion === Overdispersion.NONE) {
    const stored = await ctx.loaders
      .get<{ indicator: Indicator; period: string }, Comparison | null>(
        'storedComparison',
        async (wanted) => {
          const found = await storedComparisons(ctx.db, wanted);
          return wanted.map((key) => found.get(snapshotKey(key.indicator.code, key.period)) ?? null);
        },
        { cacheKeyFn: (key) => snapshotKey(key.indicator.code, key.period) },
      )
      .load({ indicator, period });
    if (stored) return stored;
  }
  return computedComparison(ctx, indicator, period, overdispersion);
}

/** The comparison computed from the figures and their stored protection (what `storeComparisons` stores). */
export async function computedComparison(
  ctx: SubgraphContext,
  indicator: Indicator,
  period: string,
  overdispersion = Overdispersion.NONE,
): Promise<Comparison> {
  return ctx.loaders
    .get<string, Comparison>(`comparison:${indicator.code}:${overdispersion}`, (periods) =>
      Promise.all(
        periods.map(async (wanted) => {
          const comparisons = unwrap(
            await plainComparison(ctx, indicator, overdispersion).loadMany(periodsEndingWith(wanted, TREND_WINDOW)),
          );
          // The plain comparison may serve as an earlier period of another window: trends go on a copy.
          const current = comparisons[comparisons.length - 1];
          const copy: Comparison = { ...current, entries: current.entries.map((entry) => ({ ...entry })) };
          return withTrends(copy, [...comparisons.slice(0, -1), copy]);
        }),
      ),
    )
    .load(period);
}

const entryIndex = new WeakMap<Comparison, Map<string, ComparisonEntry>>();

/** A district's entry in a comparison, by code (indexed once per comparison). */
export function entryOf(comparison: Comparison, district: string): ComparisonEntry | undefined {
  let index = entryIndex.get(comparison);
  if (!index) {
    index = new Map(comparison.entries.map((entry) => [entry.district.code, entry]));
    entryIndex.set(comparison, index);
  }
  return index.get(district);
}
