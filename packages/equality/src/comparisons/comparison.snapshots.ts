import { LoaderRegistry, type Db, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { indicatorsOfArea } from '../indicators/indicator.service';
import type { Indicator } from '../indicators/indicator.types';
import { periodicityOf, periodsEndingWith } from '../periods/period';
import { computedComparison, figuresInPeriod, TREND_WINDOW } from './comparison.loaders';
import { protectedFiguresInPeriods } from '../disclosure/disclosure.service';
import type { Comparison } from './comparison.types';

/** What a stored comparison was computed from: each window period's figures_version (0: none yet), and the indicator. */
interface ComputedFrom {
  versions: Record<string, number>;
  indicator: string;
}

/**
 * The version of the statistical methods a stored comparison was computed by: raised when they change, so that comparisons
 * stored by an older method are computed again when read (and stored again with the next write of their period).
 */
export const COMPARISON_METHOD = 2;

const fingerprint = (indicator: Indicator): string => JSON.stringify({ method: COMPARISON_METHOD, indicator });

/** Each period's figures_version as the caller's transaction sees it (0: no figures written yet), for every period asked. */
export async function figuresVersions(db: Db, periods: readonly string[]): Promise<Map<string, number>> {
  const rows: { period: string; version: number }[] = await db.query(`SELECT period, version FROM figures_version WHERE period = ANY($1)`, [
    periods,
  ]);
  return versionOfEach(periods, rows);
}

/** The version of each period asked, 0 for one without a row. */
function versionOfEach(periods: readonly string[], rows: readonly { period: string; version: number }[]): Map<string, number> {
  const found = new Map(rows.map((row) => [row.period, row.version]));
  return new Map(periods.map((period) => [period, found.get(period) ?? 0]));
}

/**
 * Locks the periods' figures_version rows (made at version 0 where missing) in period order until the caller's
 * transaction ends, and returns their versions: one statement. Writers of figures take it first, so they queue
 * per period in one order, and no other write to those periods can commit between this read and their commit.
 */
export async function lockFiguresVersions(em: Db, periods: readonly string[]): Promise<Map<string, number>> {
  const rows: { period: string; version: number }[] = await em.query(
    `INSERT INTO figures_version AS f (period, version) SELECT p, 0 FROM unnest($1::text[]) AS p ORDER BY p
     ON CONFLICT (period) DO UPDATE SET version = f.version RETURNING period, version`,
    [[...periods].sort()],
  );
  return versionOfEach(periods, rows);
}

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

/**
 * The stored comparisons of the given indicators and periods that are still true (their window's figures and
 * the indicator unchanged since): one statement; the others are absent from the map.
 */
export async function storedComparisons(
  db: Db,
  wanted: readonly { indicator: Indicator; period: string }[],
): Promise<Map<string, Comparison>> {
  const rows: {
    period: string;
    indicator_code: string;
    computed_from: ComputedFrom;
    comparison: Comparison;
    current: Record<string, number>;
  }[] = await db.query(
    `SELECT s.period, s.indicator_code, s.computed_from, s.comparison,
              (SELECT coalesce(jsonb_object_agg(f.period, f.version), '{}'::jsonb) FROM figures_version f
               WHERE f.period IN (SELECT jsonb_object_keys(s.computed_from -> 'versions'))) AS current
       FROM comparison_snapshot s
       JOIN unnest($1::text[], $2::text[]) AS k (period, code) ON (k.period, k.code) = (s.period, s.indicator_code)`,
    [wanted.map((key) => key.period), wanted.map((key) => key.indicator.code)],
  );
  const indicators = new Map(wanted.map((key) => [key.indicator.code, key.indicator]));
  const found = new Map<string, Comparison>();
  for (const row of rows) {
    const indicator = indicators.get(row.indicator_code) as Indicator;
    const unchanged =
      row.computed_from.indicator === fingerprint(indicator) &&
      Object.entries(row.computed_from.versions).every(([period, version]) => (row.current[period] ?? 0) === version);
    if (unchanged) found.set(snapshotKey(indicator.code, row.period), { ...row.comparison, indicator });
  }
  return found;
}

export const snapshotKey = (code: string, period: string): string => `${code}\u0000${period}`;
