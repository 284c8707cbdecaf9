import { groupByKeys, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/knowledge';
import { compare, withTrends, type ObservationRow } from './comparison';
import { indicatorsOfArea } from './indicators';
import { ObservationService } from './observations';
import { periodsEndingWith } from './periods';
import type { Comparison, ComparisonEntry, Indicator } from './types';

/** How many periods a trend looks back over, the current one included. */
export const TREND_WINDOW = 4;

export function indicatorsOf(ctx: SubgraphContext) {
  return ctx.loaders.get<Area, Indicator[]>('indicatorsOfArea', (areas) => Promise.all(areas.map((area) => indicatorsOfArea(ctx.db, area))));
}

/** All figures of a period, whatever the indicator or district: one statement for all periods a request needs. */
export function observationsInPeriod(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ObservationRow[]>('observationsInPeriod', async (periods) =>
    groupByKeys(periods, await new ObservationService(ctx.db).inPeriods(periods), (row) => row.period),
  );
}

const byIndicator = new WeakMap<ObservationRow[], Map<string, ObservationRow[]>>();

/** A period's figures of one indicator (the period's rows are grouped by indicator once). */
function rowsOf(inPeriod: ObservationRow[], code: string): ObservationRow[] {
  let groups = byIndicator.get(inPeriod);
  if (!groups) {
    groups = new Map();
    for (const row of inPeriod) {
      const group = groups.get(row.indicator_code);
      if (group) group.push(row);
      else groups.set(row.indicator_code, [row]);
    }
    byIndicator.set(inPeriod, groups);
  }
  return groups.get(code) ?? [];
}

/** Comparisons without trends, memoised per request by indicator and period. */
function plainComparison(ctx: SubgraphContext, indicator: Indicator) {
  return ctx.loaders.get<string, Comparison>(`plainComparison:${indicator.code}`, async (periods) => {
    const rows = await observationsInPeriod(ctx).loadMany(periods);
    return periods.map((period, i) => {
      const inPeriod = rows[i];
      if (inPeriod instanceof Error) throw inPeriod;
      return compare(indicator, period, rowsOf(inPeriod, indicator.code));
    });
  });
}

/** The comparison of one indicator in one period, with each district's trend over the periods before; once per request. */
export async function comparisonOf(ctx: SubgraphContext, indicator: Indicator, period: string): Promise<Comparison> {
  return ctx.loaders
    .get<string, Comparison>(`comparison:${indicator.code}`, (periods) =>
      Promise.all(
        periods.map(async (wanted) => {
          const window = (await plainComparison(ctx, indicator).loadMany(periodsEndingWith(wanted, TREND_WINDOW))) as (Comparison | Error)[];
          const failed = window.find((c): c is Error => c instanceof Error);
          if (failed) throw failed;
          const comparisons = window as Comparison[];
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
