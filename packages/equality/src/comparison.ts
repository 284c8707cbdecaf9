import { position, proportionLimits, valueLimits, type Limits } from './funnel';
import { Comparison, ComparisonEntry, Direction, FunnelPosition, Indicator, IndicatorKind, SuppressionReason, Trend } from './types';

/** One stored figure. */
export interface ObservationRow {
  indicator_code: string;
  district: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** Counts under this are never shown. */
export const MIN_SHOWN_COUNT = 5;

const isCounted = (indicator: Indicator) => indicator.kind === IndicatorKind.PROPORTION || indicator.kind === IndicatorKind.RATE;

/** The count a small-number rule protects: the smaller of cases with and without the outcome, or the number of cases. */
function protectedCount(indicator: Indicator, row: ObservationRow): number | null {
  if (indicator.kind === IndicatorKind.PROPORTION) return Math.min(row.numerator ?? 0, (row.denominator ?? 0) - (row.numerator ?? 0));
  if (indicator.kind === IndicatorKind.RATE) return row.numerator;
  return row.denominator;
}

function displayValue(indicator: Indicator, row: ObservationRow): number | null {
  if (!isCounted(indicator)) return row.value;
  if (!row.denominator) return null;
  const proportion = (row.numerator as number) / row.denominator;
  return indicator.kind === IndicatorKind.RATE ? proportion * (indicator.ratePer ?? 1) : proportion;
}

function scale(limits: Limits, factor: number): Limits {
  return { lower95: limits.lower95 * factor, upper95: limits.upper95 * factor, lower998: limits.lower998 * factor, upper998: limits.upper998 * factor };
}

function weightedMean(points: { value: number; weight: number }[]): number | null {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  return total > 0 ? points.reduce((sum, p) => sum + p.value * p.weight, 0) / total : null;
}

/** The case-weighted median of district values: the city's median, as near as district medians allow. */
export function weightedMedian(points: { value: number; weight: number }[]): number | null {
  const sorted = points.filter((p) => p.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i].weight;
    if (cumulative > total / 2) return sorted[i].value;
    if (cumulative === total / 2) return (sorted[i].value + sorted[i + 1].value) / 2;
  }
  return sorted[sorted.length - 1].value;
}

/** Competition ranking (1, 1, 3) of shown values, best first by the indicator's direction. */
function rank(entries: ComparisonEntry[], direction: Direction): void {
  if (direction === Direction.NEITHER) return;
  const shown = entries.filter((entry) => entry.value !== null);
  const better = (a: number, b: number) => (direction === Direction.HIGHER_IS_BETTER ? b - a : a - b);
  shown.sort((a, b) => better(a.value as number, b.value as number));
  shown.forEach((entry, i) => {
    entry.rank = i > 0 && shown[i - 1].value === entry.value ? shown[i - 1].rank : i + 1;
  });
}

/**
 * Compares districts on one indicator and period: city value, each district's value, funnel position,
 * rank and difference, with small counts suppressed, and a second one when only one is (so that it
 * cannot be worked out from the city totals). Trends are left UNKNOWN; see `withTrends`.
 */
export function compare(indicator: Indicator, period: string, rows: ObservationRow[]): Comparison {
  const counted = isCounted(indicator);
  const cityNumerator = counted ? rows.reduce((sum, row) => sum + (row.numerator ?? 0), 0) : null;
  const cityDenominator = rows.some((row) => row.denominator !== null) ? rows.reduce((sum, row) => sum + (row.denominator ?? 0), 0) : null;
  let cityValue: number | null = null;
  if (counted && cityDenominator) {
    cityValue = ((cityNumerator as number) / cityDenominator) * (indicator.kind === IndicatorKind.RATE ? (indicator.ratePer ?? 1) : 1);
  } else if (!counted && rows.length > 0) {
    const weighted = rows.map((row) => ({ value: row.value as number, weight: row.denominator ?? 1 }));
    cityValue = indicator.kind === IndicatorKind.MEDIAN ? weightedMedian(weighted) : weightedMean(weighted);
  }

  const small = new Set(rows.filter((row) => (protectedCount(indicator, row) ?? MIN_SHOWN_COUNT) < MIN_SHOWN_COUNT).map((row) => row.district));
  const secondary = new Set<string>();
  if (small.size === 1) {
    const next = rows
      .filter((row) => !small.has(row.district))
      .sort((a, b) => (protectedCount(indicator, a) ?? 0) - (protectedCount(indicator, b) ?? 0) || (a.denominator ?? 0) - (b.denominator ?? 0) || a.district.localeCompare(b.district))[0];
    if (next) secondary.add(next.district);
  }

  const shownValues = rows.filter((row) => !small.has(row.district) && !secondary.has(row.district)).map((row) => row.value as number);
  // Districts of the same size share their limits; worked out once per denominator.
  const limitsByDenominator = new Map<number, Limits>();
  const countLimits = (n: number): Limits => {
    let limits = limitsByDenominator.get(n);
    if (!limits) {
      limits = scale(proportionLimits((cityNumerator as number) / (cityDenominator as number), n), indicator.kind === IndicatorKind.RATE ? (indicator.ratePer ?? 1) : 1);
      limitsByDenominator.set(n, limits);
    }
    return limits;
  };
  // Medians and means share one set of limits; proportions and rates have their own per denominator.
  const sharedLimits = !counted && cityValue !== null ? valueLimits(cityValue, shownValues) : null;
  const entries = rows.map((row): ComparisonEntry => {
    const reason = small.has(row.district) ? SuppressionReason.SMALL_COUNT : secondary.has(row.district) ? SuppressionReason.SECONDARY : null;
    const value = reason ? null : displayValue(indicator, row);
    const limits = value === null || cityValue === null ? null : (sharedLimits ?? countLimits(row.denominator as number));
    // Plain objects: type-graphql reads fields, and a comparison of a thousand districts makes many of them.
    return {
      district: { code: row.district },
      suppressed: reason !== null,
      suppressionReason: reason,
      value: limits ? value : null,
      numerator: limits ? row.numerator : null,
      denominator: limits ? row.denominator : null,
      position: limits ? (position(value as number, limits) as FunnelPosition) : null,
      rank: null,
      difference: limits ? (value as number) - (cityValue as number) : null,
      lower95: limits?.lower95 ?? null,
      upper95: limits?.upper95 ?? null,
      lower998: limits?.lower998 ?? null,
      upper998: limits?.upper998 ?? null,
      trend: Trend.UNKNOWN,
      improving: null,
    };
  });
  rank(entries, indicator.direction);
  entries.sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (b.value ?? 0) - (a.value ?? 0) ||
      a.district.code.localeCompare(b.district.code),
  );
  return Object.assign(new Comparison(), { indicator, period, cityValue, cityNumerator, cityDenominator, entries });
}

/** The trend of shown values, oldest first (nulls where hidden or missing). */
export function trendOf(values: (number | null)[], direction: Direction): { trend: Trend; improving: boolean | null } {
  const points = values.map((value, x) => ({ x, value })).filter((point): point is { x: number; value: number } => point.value !== null);
  if (points.length < 3) return { trend: Trend.UNKNOWN, improving: null };
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.value, 0) / points.length;
  const slope = points.reduce((sum, p) => sum + (p.x - meanX) * (p.value - meanY), 0) / points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const change = slope * (values.length - 1);
  if (Math.abs(change) < 0.05 * Math.abs(meanY) || change === 0) return { trend: Trend.STABLE, improving: null };
  const trend = change > 0 ? Trend.RISING : Trend.FALLING;
  if (direction === Direction.NEITHER) return { trend, improving: null };
  return { trend, improving: (trend === Trend.RISING) === (direction === Direction.HIGHER_IS_BETTER) };
}

/** Fills in each district's trend from the comparisons of the periods before (oldest first, ending with `current`). */
export function withTrends(current: Comparison, window: Comparison[]): Comparison {
  const shown = new Map<string, (number | null)[]>();
  window.forEach((comparison, i) => {
    for (const entry of comparison.entries) {
      const values = shown.get(entry.district.code) ?? Array<number | null>(window.length).fill(null);
      values[i] = entry.suppressed ? null : entry.value;
      shown.set(entry.district.code, values);
    }
  });
  for (const entry of current.entries) {
    if (entry.suppressed) continue;
    Object.assign(entry, trendOf(shown.get(entry.district.code) ?? [], current.indicator.direction));
  }
  return current;
}
