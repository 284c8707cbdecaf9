/**
 * The funnel's curves: control limits around the city value at every number of cases, as Spiegelhalter (2005)
 * draws them — exact binomial quantiles, interpolated between counts (Appendix A.1.1) so the curves are smooth,
 * and the normal approximation above 10 000 cases, as the API judges positions. The API gives limits at each
 * district's own size; the curves fill the sizes in between.
 */

export interface LimitCurvePoint {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

const EXACT_UP_TO = 10_000;
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** The interpolated binomial quantile, as a proportion, for each probability in `targets` (ascending). */
function interpolatedQuantiles(n: number, p: number, targets: number[]): number[] {
  if (p <= 0) return targets.map(() => 0);
  if (p >= 1) return targets.map(() => 1);
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let previous = 0;
  let cdf = 0;
  const result: number[] = [];
  for (let r = 0; r <= n && result.length < targets.length; r++) {
    if (r > 0) logPmf += Math.log((n - r + 1) / r) + logRatio;
    previous = cdf;
    cdf += Math.exp(logPmf);
    while (result.length < targets.length && cdf >= targets[result.length]) {
      const alpha = (cdf - targets[result.length]) / (cdf - previous);
      result.push(Math.max(0, r - alpha) / n);
    }
  }
  while (result.length < targets.length) result.push(1);
  return result;
}

/** Limits, as proportions, for `n` cases around the city proportion `p`. */
export function proportionLimitsAt(p: number, n: number): LimitCurvePoint {
  if (n > EXACT_UP_TO) {
    const sd = Math.sqrt((p * (1 - p)) / n);
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    return {
      n,
      lower95: clamp(p - Z95 * sd),
      upper95: clamp(p + Z95 * sd),
      lower998: clamp(p - Z998 * sd),
      upper998: clamp(p + Z998 * sd),
    };
  }
  const [lower998, lower95, upper95, upper998] = interpolatedQuantiles(n, p, [0.001, 0.025, 0.975, 0.999]);
  return { n, lower95, upper95, lower998, upper998 };
}

/**
 * The curves from `from` to `to` cases, `steps` sizes spaced evenly on a square-root scale (the funnel narrows
 * fastest for small sizes), in the indicator's unit (`scale` = 1 for proportions, ratePer for rates).
 */
export function funnelCurves(p: number, from: number, to: number, scale = 1, steps = 80): LimitCurvePoint[] {
  const a = Math.sqrt(Math.max(1, from));
  const b = Math.sqrt(Math.max(from + 1, to));
  const sizes = [...new Set(Array.from({ length: steps + 1 }, (_, i) => Math.round((a + ((b - a) * i) / steps) ** 2)))];
  return sizes.map((n) => {
    const limits = proportionLimitsAt(p, n);
    return {
      n,
      lower95: limits.lower95 * scale,
      upper95: limits.upper95 * scale,
      lower998: limits.lower998 * scale,
      upper998: limits.upper998 * scale,
    };
  });
}
