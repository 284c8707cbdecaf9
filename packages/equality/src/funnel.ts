/**
 * Funnel-plot control limits for comparing districts with the city (Spiegelhalter, "Funnel plots for
 * comparing institutional performance", 2005): a district's figure is only remarkable when it lies
 * outside what chance gives a district of its size.
 */

export type Position = 'INSIDE' | 'ABOVE_95' | 'ABOVE_99_8' | 'BELOW_95' | 'BELOW_99_8';

export interface Limits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** Two-sided 95 % and 99.8 %: the tail probabilities on each side. */
const TAIL_95 = 0.025;
const TAIL_998 = 0.001;
/** Above this many cases the normal approximation replaces the exact binomial sums. */
const EXACT_UP_TO = 10_000;

/** Counts k at which the binomial CDF first reaches each probability in `targets` (ascending). */
function binomialQuantiles(n: number, p: number, targets: number[]): number[] {
  if (p <= 0) return targets.map(() => 0);
  if (p >= 1) return targets.map(() => n);
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let cdf = 0;
  const result: number[] = [];
  for (let k = 0; k <= n && result.length < targets.length; k++) {
    if (k > 0) logPmf += Math.log((n - k + 1) / k) + logRatio;
    cdf += Math.exp(logPmf);
    // A small tolerance keeps rounding in the sums from moving a limit by one count.
    while (result.length < targets.length && cdf >= targets[result.length] - 1e-12) result.push(k);
  }
  while (result.length < targets.length) result.push(n);
  return result;
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(q: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628274631];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (q < low) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  }
  if (q > 1 - low) return -normalQuantile(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r) / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
}

/**
 * Control limits, as proportions, for a district with `n` cases around the city proportion `p`:
 * exact binomial quantiles (what matters for small districts), or the normal approximation above
 * 10 000 cases.
 */
export function proportionLimits(p: number, n: number): Limits {
  if (n <= 0) return { lower95: 0, upper95: 1, lower998: 0, upper998: 1 };
  if (n > EXACT_UP_TO) {
    const sd = Math.sqrt((p * (1 - p)) / n);
    const z95 = normalQuantile(1 - TAIL_95);
    const z998 = normalQuantile(1 - TAIL_998);
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    return { lower95: clamp(p - z95 * sd), upper95: clamp(p + z95 * sd), lower998: clamp(p - z998 * sd), upper998: clamp(p + z998 * sd) };
  }
  const [lower998, lower95, upper95, upper998] = binomialQuantiles(n, p, [TAIL_998, TAIL_95, 1 - TAIL_95, 1 - TAIL_998]);
  return { lower95: lower95 / n, upper95: upper95 / n, lower998: lower998 / n, upper998: upper998 / n };
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
 * Limits for a median or mean value: districts report no spread within the district, so there is no
 * funnel; the limits are the city value ± 1.96 and ± 3.09 robust standard deviations of the district
 * values (1.4826 × the median absolute deviation), the same for every district.
 */
export function valueLimits(cityValue: number, districtValues: number[]): Limits {
  const sorted = [...districtValues].sort((a, b) => a - b);
  const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
  if (sorted.length === 0) return { lower95: cityValue, upper95: cityValue, lower998: cityValue, upper998: cityValue };
  const center = median(sorted);
  const mad = median(sorted.map((x) => Math.abs(x - center)).sort((a, b) => a - b));
  const sigma = 1.4826 * mad;
  const z95 = normalQuantile(1 - TAIL_95);
  const z998 = normalQuantile(1 - TAIL_998);
  return { lower95: cityValue - z95 * sigma, upper95: cityValue + z95 * sigma, lower998: cityValue - z998 * sigma, upper998: cityValue + z998 * sigma };
}
