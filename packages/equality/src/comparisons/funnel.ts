import { jStat } from 'jstat';

/**
 * Funnel-plot control limits for comparing districts with the city (Spiegelhalter, "Funnel plots for
 * comparing institutional performance", Statistics in Medicine 24, 2005): a district's figure is only
 * remarkable when it lies outside what chance gives a district of its size.
 */

export type Position = 'INSIDE' | 'ABOVE_95' | 'ABOVE_99_8' | 'BELOW_95' | 'BELOW_99_8';

export interface Limits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** Two-sided 95 % and 99.8 %: the tail probabilities on each side. */
export const TAIL_95 = 0.025;
export const TAIL_998 = 0.001;

/** Probabilities this far below the mode's are left out of the sums: far below any double's precision of 1. */
const NEGLIGIBLE = 1e-40;

/**
 * The distribution of a district's count under the city's rate: binomial (proportions) or Poisson
 * (rates), summed exactly around its mode at any size. `cdf(k)` is P(Y ≤ k) and `above(k)` is P(Y > k),
 * each summed from its own tail so that small tail probabilities keep their precision.
 */
export class CountDistribution {
  private readonly first: number;
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;

  private constructor(first: number, relative: number[]) {
    // Sums of terms relative to the mode; dividing by the total normalises without any log-gamma.
    const total = relative.reduce((sum, x) => sum + x, 0);
    this.first = first;
    this.lower = new Float64Array(relative.length);
    let running = 0;
    for (let i = 0; i < relative.length; i++) this.lower[i] = running += relative[i] / total;
    this.upper = new Float64Array(relative.length);
    running = 0;
    for (let i = relative.length - 1; i >= 0; i--) {
      this.upper[i] = running;
      running += relative[i] / total;
    }
  }

  /** Binomial(n, p). */
  static binomial(n: number, p: number): CountDistribution {
    if (p <= 0 || n === 0) return new CountDistribution(0, [1]);
    if (p >= 1) return new CountDistribution(n, [1]);
    const mode = Math.min(n, Math.floor((n + 1) * p));
    const odds = p / (1 - p);
    return CountDistribution.around(mode, 0, n, (k) => ((n - k) / (k + 1)) * odds);
  }

  /** Poisson(mean). */
  static poisson(mean: number): CountDistribution {
    if (mean <= 0) return new CountDistribution(0, [1]);
    return CountDistribution.around(Math.floor(mean), 0, Number.POSITIVE_INFINITY, (k) => mean / (k + 1));
  }

  /** Walks out from the mode with the ratio pmf(k + 1) / pmf(k) until the terms no longer matter. */
  private static around(mode: number, min: number, max: number, ratio: (k: number) => number): CountDistribution {
    const below: number[] = [];
    for (let k = mode, x = 1; k > min; k--) {
      x /= ratio(k - 1);
      if (x < NEGLIGIBLE) break;
      below.push(x);
    }
    const above: number[] = [];
    for (let k = mode, x = 1; k < max; k++) {
      x *= ratio(k);
      if (x < NEGLIGIBLE) break;
      above.push(x);
    }
    return new CountDistribution(mode - below.length, [...below.reverse(), 1, ...above]);
  }

  /** P(Y ≤ k). */
  cdf(k: number): number {
    const i = Math.floor(k) - this.first;
    if (i < 0) return 0;
    return i >= this.lower.length ? 1 : this.lower[i];
  }

  /** P(Y > k), from the upper tail. */
  above(k: number): number {
    const i = Math.floor(k) - this.first;
    if (i < 0) return 1;
    return i >= this.upper.length ? 0 : this.upper[i];
  }

  /**
   * The interpolated quantile of Spiegelhalter (2005) Appendix A.1.1: r is the smallest count with
   * P(Y ≤ r) ≥ q, α = (P(Y ≤ r) − q) / (P(Y ≤ r) − P(Y ≤ r − 1)), and the limit is r − α. It is the
   * quantile of the distribution function drawn as straight lines between the counts, so a count
   * lies beyond the limit exactly when its P(Y ≤ y) lies beyond q.
   */
  quantile(q: number): number {
    let lo = 0;
    let hi = this.lower.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lower[mid] >= q) hi = mid;
      else lo = mid + 1;
    }
    const at = this.lower[lo];
    const before = lo > 0 ? this.lower[lo - 1] : 0;
    const alpha = at > before ? (at - q) / (at - before) : 0;
    return this.first + lo - alpha;
  }
}

/** A district's standing against the city: where it lies and how surprising that is. */
export interface Standing {
  position: Position;
  /**
   * The one-sided probability, with the city's value true for the district too, of a figure beyond
   * this one on its side: P(Y > y) above, P(Y ≤ y) below (the interpolated distribution the limits
   * use), or the normal tail for medians, means and overdispersion-adjusted limits.
   */
  pValue: number;
}

/** The position for one-sided tail probabilities above and below. */
function positionOf(upperTail: number, lowerTail: number): Position {
  if (upperTail < TAIL_998) return 'ABOVE_99_8';
  if (upperTail < TAIL_95) return 'ABOVE_95';
  if (lowerTail < TAIL_998) return 'BELOW_99_8';
  if (lowerTail < TAIL_95) return 'BELOW_95';
  return 'INSIDE';
}

/** Exact limits (as counts over n) and standing of an observed count under a count distribution. */
export function exactFunnel(distribution: CountDistribution, n: number, observed?: number): { limits: Limits; standing: Standing | null } {
  const clamp = (count: number) => Math.min(n, Math.max(0, count)) / n;
  const limits = {
    lower998: clamp(distribution.quantile(TAIL_998)),
    lower95: clamp(distribution.quantile(TAIL_95)),
    upper95: clamp(distribution.quantile(1 - TAIL_95)),
    upper998: clamp(distribution.quantile(1 - TAIL_998)),
  };
  if (observed === undefined) return { limits, standing: null };
  const upperTail = distribution.above(observed);
  const lowerTail = distribution.cdf(observed);
  return { limits, standing: { position: positionOf(upperTail, lowerTail), pValue: Math.min(upperTail, lowerTail) } };
}

/** Control limits, as proportions, for a district with `n` cases around the city proportion `p`: exact binomial, interpolated. */
export function proportionLimits(p: number, n: number): Limits {
  if (n <= 0) return { lower95: 0, upper95: 1, lower998: 0, upper998: 1 };
  return exactFunnel(CountDistribution.binomial(n, p), n).limits;
}

/** Control limits, as a rate per person, for a population `n` around the city rate `rate` per person: exact Poisson, interpolated. */
export function rateLimits(rate: number, n: number): Limits {
  if (n <= 0) return { lower95: 0, upper95: Number.POSITIVE_INFINITY, lower998: 0, upper998: Number.POSITIVE_INFINITY };
  const distribution = CountDistribution.poisson(rate * n);
  const per = (count: number) => Math.max(0, count) / n;
  return {
    lower998: per(distribution.quantile(TAIL_998)),
    lower95: per(distribution.quantile(TAIL_95)),
    upper95: per(distribution.quantile(1 - TAIL_95)),
    upper998: per(distribution.quantile(1 - TAIL_998)),
  };
}

/** The standard normal quantile. */
export function normalQuantile(q: number): number {
  return jStat.normal.inv(q, 0, 1);
}

/** Limits centre ± z·sd and the standing of a value, from the normal distribution. */
export function normalFunnel(center: number, sd: number, value?: number): { limits: Limits; standing: Standing | null } {
  const z95 = normalQuantile(1 - TAIL_95);
  const z998 = normalQuantile(1 - TAIL_998);
  const limits = { lower95: center - z95 * sd, upper95: center + z95 * sd, lower998: center - z998 * sd, upper998: center + z998 * sd };
  if (value === undefined) return { limits, standing: null };
  if (!(sd > 0)) {
    const standing =
      value === center
        ? { position: 'INSIDE' as const, pValue: 0.5 }
        : { position: value > center ? ('ABOVE_99_8' as const) : ('BELOW_99_8' as const), pValue: 0 };
    return { limits, standing };
  }
  const z = (value - center) / sd;
  const upperTail = 1 - jStat.normal.cdf(z, 0, 1);
  const lowerTail = jStat.normal.cdf(z, 0, 1);
  return { limits, standing: { position: positionOf(upperTail, lowerTail), pValue: Math.min(upperTail, lowerTail) } };
}

/** Where a value lies relative to its limits: outside only when strictly beyond a limit. */
export function position(value: number, limits: Limits): Position {
  if (value > limits.upper998) return 'ABOVE_99_8';
  if (value > limits.upper95) return 'ABOVE_95';
  if (value < limits.lower998) return 'BELOW_99_8';
  if (value < limits.lower95) return 'BELOW_95';
  return 'INSIDE';
}

/**
 * The robust spread of district values for medians and means: districts report no spread within the
 * district, so there is no funnel; 1.4826 × the median absolute deviation of the shown district values.
 */
export function robustSpread(districtValues: number[]): number {
  const sorted = [...districtValues].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
  const center = median(sorted);
  return 1.4826 * median(sorted.map((x) => Math.abs(x - center)).sort((a, b) => a - b));
}

/** Limits for a median or mean value: the city value ± 1.96 and ± 3.09 robust standard deviations of the district values. */
export function valueLimits(cityValue: number, districtValues: number[]): Limits {
  return normalFunnel(cityValue, robustSpread(districtValues)).limits;
}

/** How the limits allow for districts differing more than chance explains (Spiegelhalter 2005, §4–5). */
export type OverdispersionMethod = 'NONE' | 'MULTIPLICATIVE' | 'ADDITIVE';

export interface Dispersion {
  /** φ: the mean square of the winsorised z-scores; about 1 when chance explains the spread. */
  phi: number;
  /** τ²: the between-district variance of the additive random-effects model (DerSimonian–Laird), in the indicator's per-case units. */
  tau2: number;
  /** How many districts φ was estimated from. */
  districts: number;
}

/**
 * φ and τ² from district counts around the city proportion or rate `p` (Spiegelhalter 2005, §4–5):
 * z-scores (y/n − p) / √(V/n) with V = p(1 − p) for proportions and p for rates, winsorised at 10 % in
 * each tail (the most extreme tenth on each side set to the 10th and 90th percentile z), φ = Σz²/k,
 * τ² = max(0, (kφ − (k − 1)) / (Σw − Σw²/Σw)) with w = n/V.
 */
export function dispersion(p: number, variance: number, districts: { count: number; n: number }[]): Dispersion | null {
  const usable = districts.filter((d) => d.n > 0);
  const k = usable.length;
  if (k < 2 || !(variance > 0)) return null;
  const z = usable.map((d) => (d.count / d.n - p) / Math.sqrt(variance / d.n));
  const sorted = [...z].sort((a, b) => a - b);
  const cut = Math.floor(0.1 * k);
  const low = sorted[cut];
  const high = sorted[k - 1 - cut];
  const winsorised = z.map((x) => Math.min(high, Math.max(low, x)));
  const phi = winsorised.reduce((sum, x) => sum + x * x, 0) / k;
  const w = usable.map((d) => d.n / variance);
  const sumW = w.reduce((sum, x) => sum + x, 0);
  const sumW2 = w.reduce((sum, x) => sum + x * x, 0);
  const tau2 = Math.max(0, (k * phi - (k - 1)) / (sumW - sumW2 / sumW));
  return { phi, tau2, districts: k };
}
