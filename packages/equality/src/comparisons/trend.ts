import { jStat } from 'jstat';
import { Direction } from '../indicators/indicator.types';
import { Trend } from './comparison.types';

/** A trend is only called RISING or FALLING when a test this strict (two-sided) finds it. */
export const TREND_LEVEL = 0.05;

/** One period of a district's series: its place in the window and what was shown. */
export interface TrendPoint {
  /** 0 for the oldest period of the window, 1 for the next, … */
  x: number;
  /** Shown value in the indicator's unit. */
  value: number;
  /** Numerator, for proportions and rates. */
  count?: number | null;
  /** Denominator (cases or population); the weight of the point. */
  n?: number | null;
}

export interface TrendResult {
  trend: Trend;
  improving: boolean | null;
  /** Change per period in the indicator's unit (weighted least squares). */
  slope: number | null;
  /** Two-sided p-value of the test for a trend. */
  pValue: number | null;
}

/**
 * Extra variation to allow for in the tests of proportions and rates, as the comparison's limits allow for it: the per-case
 * variance times φ (multiplicative), or τ² added to each period's variance (additive). Without it the tests assume sampling
 * noise alone, and extra variation between periods (or seasonality) makes them call too many districts rising or falling.
 */
export interface TrendAllowance {
  phi?: number;
  tau2?: number;
}

const UNKNOWN: TrendResult = { trend: Trend.UNKNOWN, improving: null, slope: null, pValue: null };
const twoSidedNormal = (z: number) => 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));

/**
 * The n-weighted least-squares slope of count/n over the scores x, tested as z = slope / √(V / Σn(x − x̄)²)
 * where V is the per-case variance at the pooled proportion or rate (x̄ weighted by n). With an allowance, the
 * slope's variance is that of the same estimator when each period's value has variance φV/n, or V/n + τ²:
 * (φ·V·Σn(x − x̄)² + τ²·Σn²(x − x̄)²) / (Σn(x − x̄)²)².
 */
function countTrend(
  points: { x: number; count: number; n: number }[],
  variance: (pooled: number) => number,
  allowance: TrendAllowance = {},
): { slope: number; z: number; pValue: number } | null {
  const N = points.reduce((s, p) => s + p.n, 0);
  if (N === 0) return null;
  const pooled = points.reduce((s, p) => s + p.count, 0) / N;
  const xBar = points.reduce((s, p) => s + p.n * p.x, 0) / N;
  const sxx = points.reduce((s, p) => s + p.n * (p.x - xBar) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - xBar) * (p.count - p.n * pooled), 0) / sxx;
  const v = variance(pooled);
  const tau2 = allowance.tau2 ?? 0;
  const extra = tau2 > 0 ? tau2 * points.reduce((s, p) => s + (p.n * (p.x - xBar)) ** 2, 0) : 0;
  const slopeVariance = ((allowance.phi ?? 1) * v * sxx + extra) / (sxx * sxx);
  if (!(slopeVariance > 0)) return { slope, z: 0, pValue: 1 };
  const z = slope / Math.sqrt(slopeVariance);
  return { slope, z, pValue: twoSidedNormal(z) };
}

/**
 * Cochran–Armitage test for trend in proportions (counts of n), scores 0, 1, 2, …: z = Σx(y − n·p̄) /
 * √(p̄(1 − p̄)·Σn(x − x̄)²). The slope is the n-weighted least-squares slope of y/n.
 */
export function cochranArmitage(
  points: { x: number; count: number; n: number }[],
  allowance?: TrendAllowance,
): { slope: number; z: number; pValue: number } | null {
  return countTrend(points, (p) => p * (1 - p), allowance);
}

/**
 * Trend in a rate: the least-squares slope of count/n weighted by n, with the standard error the
 * Poisson variance (pooled rate / n) gives it (the Poisson analogue of Cochran–Armitage).
 */
export function poissonTrend(
  points: { x: number; count: number; n: number }[],
  allowance?: TrendAllowance,
): { slope: number; z: number; pValue: number } | null {
  return countTrend(points, (rate) => rate, allowance);
}

/**
 * Trend in medians or means: weighted least squares (weights = cases, or 1 when unknown) with the
 * residual variance estimated from the points, tested with Student's t on k − 2 degrees of freedom.
 */
export function weightedRegression(points: { x: number; value: number; w: number }[]): { slope: number; t: number; pValue: number } | null {
  const k = points.length;
  const W = points.reduce((s, p) => s + p.w, 0);
  if (k < 3 || W === 0) return null;
  const xBar = points.reduce((s, p) => s + p.w * p.x, 0) / W;
  const yBar = points.reduce((s, p) => s + p.w * p.value, 0) / W;
  const sxx = points.reduce((s, p) => s + p.w * (p.x - xBar) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + p.w * (p.x - xBar) * (p.value - yBar), 0) / sxx;
  const rss = points.reduce((s, p) => s + p.w * (p.value - yBar - slope * (p.x - xBar)) ** 2, 0);
  const se = Math.sqrt(rss / (k - 2) / sxx);
  if (se === 0) return { slope, t: slope === 0 ? 0 : Math.sign(slope) * Infinity, pValue: slope === 0 ? 1 : 0 };
  const t = slope / se;
  return { slope, t, pValue: 2 * (1 - jStat.studentt.cdf(Math.abs(t), k - 2)) };
}

export type TrendKind = 'PROPORTION' | 'RATE' | 'VALUE';

/**
 * The trend of a district's shown figures over the window: RISING or FALLING only when the test for
 * its kind rejects "no trend" at the 5 % level, STABLE (no established change) otherwise, UNKNOWN with fewer
 * than three shown periods. `scale` turns a per-case slope into the indicator's unit (1 000 for "per 1 000").
 * `allowance` widens the tests of proportions and rates for overdispersion; medians and means estimate their
 * variance from the points already, so it does not apply to them.
 */
export function trendOf(kind: TrendKind, points: TrendPoint[], direction: Direction, scale = 1, allowance?: TrendAllowance): TrendResult {
  if (points.length < 3) return UNKNOWN;
  let test: { slope: number; pValue: number } | null;
  if (kind === 'VALUE') {
    test = weightedRegression(points.map((p) => ({ x: p.x, value: p.value, w: p.n && p.n > 0 ? p.n : 1 })));
  } else {
    const counted = points
      .filter((p) => p.count !== null && p.count !== undefined && p.n)
      .map((p) => ({ x: p.x, count: p.count as number, n: p.n as number }));
    if (counted.length < 3) return UNKNOWN;
    test = kind === 'PROPORTION' ? cochranArmitage(counted, allowance) : poissonTrend(counted, allowance);
    if (test) test = { slope: test.slope * scale, pValue: test.pValue };
  }
  if (!test) return UNKNOWN;
  const significant = test.pValue < TREND_LEVEL && test.slope !== 0;
  const trend = !significant ? Trend.STABLE : test.slope > 0 ? Trend.RISING : Trend.FALLING;
  const improving =
    trend === Trend.STABLE || direction === Direction.NEITHER
      ? null
      : (trend === Trend.RISING) === (direction === Direction.HIGHER_IS_BETTER);
  return { trend, improving, slope: test.slope, pValue: test.pValue };
}
