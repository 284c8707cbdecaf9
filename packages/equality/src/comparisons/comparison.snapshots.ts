import { LoaderRegistry, type Db, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { indicatorsOfArea } from '../indicators/indicator.service';
import type { Indicator } from '../indicators/indicator.types';
import { periodicityOf, periodsEndingWith } from '../periods/period';
import { computedComparison, figuresInPeriod, TREND_WINDOW } from './comparison.loaders';
import { protectedFiguresInPeriods } from '../disclosure/protection.reader';
import { figuresVersions } from '../periods/figures-version';
import { fingerprint, type ComputedFrom } from './comparison.stored';

/**
 * What a write of figures changed, for recomputing only what it affects: the indicators whose figures (or, once
 * protected, whose protection) it changed, and each written period's figures_version as the transaction found it
 * before writing. The other indicators' figures and protection it left as they were.
 */
export interface AffectedIndicators {
  indicators: ReadonlySet<string>;
  versionsBefore: ReadonlyMap<string, number>;
}

/** What the caller of `storeComparisons` has read already in its transaction: the area's indicators, every protected period. */
export interface KnownToCaller {
  indicators: readonly Indicator[];
  periods: readonly string[];
}

/**
 * Computes and stores the comparisons (limits, positions, ranks, trends, disclosure) of an area's indicators
 * in every period whose comparison uses a changed one (the period itself and the trend window after it), in
 * the caller's transaction, after its figures and their protection are stored. The versions are read before
 * the figures, so a snapshot can only claim older figures than it saw, never newer (then it is not used).
 */
export async function storeComparisons(
  em: Db,
  area: Area,
  changed: readonly string[],
  only?: AffectedIndicators,
  known?: KnownToCaller,
): Promise<void> {
  const protectedPeriods = known
    ? known.periods
    : (await em.query<{ period: string }[]>(`SELECT period FROM disclosure_period`)).map((row) => row.period);
  const affected = [...protectedPeriods]
    .sort()
    .filter((period) => periodicityOf(period) && periodsEndingWith(period, TREND_WINDOW).some((p) => changed.includes(p)));
  if (affected.length === 0) return;
  const windows = [...new Set(affected.flatMap((period) => periodsEndingWith(period, TREND_WINDOW)))];
  const versions = await figuresVersions(em, windows);
  const all = known ? known.indicators : await indicatorsOfArea(em, area);
  const indicators = only ? all.filter((indicator) => only.indicators.has(indicator.code)) : all;
  if (only)
    await keepUnaffected(
      em,
      affected,
      versions,
      only,
      all.filter((indicator) => !only.indicators.has(indicator.code)),
    );
  const pairs = affected.flatMap((period) =>
    indicators.filter((indicator) => indicator.periodicity === periodicityOf(period)).map((indicator) => ({ indicator, period })),
  );
  // The same computation a read would make, on this transaction's figures and protection: of the indicators
  // computed only (at a thousand districts a period holds tens of thousands of figures), in one statement.
  const ctx = { db: em, loaders: new LoaderRegistry() } as unknown as SubgraphContext;
  if (only && indicators.length > 0) {
    const figures = await protectedFiguresInPeriods(
      em,
      windows,
      indicators.map((indicator) => indicator.code),
    );
    for (const [period, inPeriod] of figures) figuresInPeriod(ctx).prime(period, inPeriod);
  }
  const comparisons = await Promise.all(pairs.map(({ indicator, period }) => computedComparison(ctx, indicator, period)));
  const computedFrom = pairs.map(({ indicator, period }): ComputedFrom => ({
    versions: Object.fromEntries(periodsEndingWith(period, TREND_WINDOW).map((p) => [p, versions.get(p) ?? 0])),
    indicator: fingerprint(indicator),
  }));
  // In small batches: at a thousand districts one comparison is a few hundred kB of JSON.
  for (let start = 0; start < pairs.length; start += SNAPSHOTS_PER_STATEMENT) {
    const end = start + SNAPSHOTS_PER_STATEMENT;
    await em.query(
      // An upsert, not delete-then-insert: a concurrent write of an overlapping window may have stored the same
      // (period, indicator) meanwhile, invisible to a DELETE of this transaction. Rows in (period, indicator) order.
      `INSERT INTO comparison_snapshot (period, indicator_code, computed_from, comparison)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[])
       ON CONFLICT (period, indicator_code) DO UPDATE SET computed_from = excluded.computed_from, comparison = excluded.comparison`,
      [
        pairs.slice(start, end).map((pair) => pair.period),
        pairs.slice(start, end).map((pair) => pair.indicator.code),
        computedFrom.slice(start, end).map((from) => JSON.stringify(from)),
        comparisons.slice(start, end).map((comparison) => JSON.stringify({ ...comparison, indicator: null })),
      ],
    );
  }
}

const SNAPSHOTS_PER_STATEMENT = 10;

/**
 * The stored comparisons of indicators a write left alone (their figures and protection unchanged) stay true:
 * they are stamped with the window's versions after the write, in one statement, instead of being computed
 * again. Only one that was true before the write is stamped: its versions must be those the transaction found
 * before writing (the written periods) and those of now (the window's other periods). One already stale, or
 * stored meanwhile by a concurrent write, is left as it is, and then is computed when read.
 */
async function keepUnaffected(
  em: Db,
  affected: readonly string[],
  versions: ReadonlyMap<string, number>,
  only: AffectedIndicators,
  unaffected: readonly Indicator[],
): Promise<void> {
  if (unaffected.length === 0 || affected.length === 0) return;
  const stamps = affected.map((period) => {
    const window = periodsEndingWith(period, TREND_WINDOW);
    const now = Object.fromEntries(window.map((p) => [p, versions.get(p) ?? 0]));
    const before = Object.fromEntries(window.map((p) => [p, only.versionsBefore.get(p) ?? now[p]]));
    return { period, before, now };
  });
  await em.query(
    `UPDATE comparison_snapshot AS s SET computed_from = jsonb_set(s.computed_from, '{versions}', k.now)
     FROM unnest($1::text[], $2::jsonb[], $3::jsonb[]) AS k (period, before, now)
     WHERE s.period = k.period AND s.indicator_code = ANY($4) AND s.computed_from -> 'versions' = k.before`,
    [
      stamps.map((stamp) => stamp.period),
      stamps.map((stamp) => JSON.stringify(stamp.before)),
      stamps.map((stamp) => JSON.stringify(stamp.now)),
      unaffected.map((indicator) => indicator.code),
    ],
  );
}
