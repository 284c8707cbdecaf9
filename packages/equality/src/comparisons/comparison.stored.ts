import type { Db } from '@samsyn/core';
import type { Indicator } from '../indicators/indicator.types';
import type { Comparison } from './comparison.types';

/** What a stored comparison was computed from: each window period's figures_version (0: none yet), and the indicator. */
export interface ComputedFrom {
  versions: Record<string, number>;
  indicator: string;
}

/**
 * The version of the statistical methods a stored comparison was computed by: raised when they change, so that comparisons
 * stored by an older method are computed again when read (and stored again with the next write of their period).
 */
export const COMPARISON_METHOD = 2;

export const fingerprint = (indicator: Indicator): string => JSON.stringify({ method: COMPARISON_METHOD, indicator });

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
