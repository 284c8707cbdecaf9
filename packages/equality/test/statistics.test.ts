import {
  benjaminiHochberg,
  compare,
  type Comparison,
  CountDistribution,
  Direction,
  dispersion,
  exactFunnel,
  FunnelPosition,
  Indicator,
  IndicatorKind,
  Overdispersion,
  PeriodProtection,
  Periodicity,
  position,
  protectPeriod,
  robustSpread,
  spreadBand,
  trendOf,
  Trend,
  weightedMedian,
  withFalseDiscoveryRate,
  withTrends,
  type ObservationRow,
} from '@samsyn/equality';
import { Area } from '@samsyn/area';

/**
 * Seeded simulations of what the methods claim, each run in the normal suite within seconds: every test here fails when
 * the method it names is broken (the former methods are kept beside them, as `before`, to show the difference).
 */

/** mulberry32: a small seeded generator, so every simulation is the same on every run. */
function seeded(seed: number) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Binomial draws by inverting the cumulative distribution (kept per n and p): one uniform per draw.
  const cumulative = new Map<string, Float64Array>();
  const binomial = (n: number, p: number) => {
    const key = `${n}|${p}`;
    let F = cumulative.get(key);
    if (!F) {
      F = new Float64Array(n + 1);
      let pmf = (1 - p) ** n;
      let sum = 0;
      for (let k = 0; k <= n; k++) {
        sum += pmf;
        F[k] = sum;
        pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
      }
      cumulative.set(key, F);
    }
    const u = random() * F[n];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (F[mid] >= u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  return { random, normal, binomial, between };
}

const indicator = (code: string, kind = IndicatorKind.PROPORTION): Indicator =>
  Object.assign(new Indicator(), {
    code,
    area: Area.CHILD_SERVICES,
    name: code,
    description: '',
    kind,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: null,
  });

const compared = (ind: Indicator, rows: ObservationRow[], overdispersion = Overdispersion.NONE, period = '2026-Q3'): Comparison =>
  compare(ind, period, rows, new PeriodProtection(protectPeriod([ind], rows)), { overdispersion });

const row = (code: string, district: string, numerator: number, denominator: number, period = '2026-Q3'): ObservationRow => ({
  indicator_code: code,
  district,
  period,
  numerator,
  denominator,
  value: null,
});

const percent = (x: number) => `${(100 * x).toFixed(2)} %`;

describe('pValue is the chance of a figure at least this far, and positions follow the drawn limits', () => {
  // 100 000 districts of 20–200 cases at true proportions .1, .3, .5 and .8, judged against the true value: an exact test by
  // P(Y ≥ y) flags at most 2.5 % above; P(Y > y), which leaves the observed count out of its own tail, flags more.
  it('flags at most 2.5 % of districts above the 95 % limit when the city value holds for all (seeded)', () => {
    const { between, binomial } = seeded(27_2);
    let above = 0;
    let aboveBefore = 0;
    let beyondDrawnLimit = 0;
    const districts = 100_000;
    const distributions = new Map<string, CountDistribution>();
    for (let d = 0; d < districts; d++) {
      const p = [0.1, 0.3, 0.5, 0.8][d % 4];
      const n = between(20, 200);
      const key = `${n}|${p}`;
      let distribution = distributions.get(key);
      if (!distribution) distributions.set(key, (distribution = CountDistribution.binomial(n, p)));
      const y = binomial(n, p);
      const { limits, standing } = exactFunnel(distribution, n, y);
      if (standing?.position === 'ABOVE_95' || standing?.position === 'ABOVE_99_8') above++;
      if (distribution.above(y) < 0.025) aboveBefore++;
      if (y / n > limits.upper95) beyondDrawnLimit++;
    }
    console.log(
      `above the 95 % limit with no true difference: ${percent(above / districts)} (P(Y > y) before: ${percent(aboveBefore / districts)})`,
    );
    expect(beyondDrawnLimit).toBe(above);
    expect(above / districts).toBeLessThan(0.025);
    expect(aboveBefore / districts).toBeGreaterThan(0.03);
  });
});

/** The estimator before: z-scores trimmed by floor(0.1k) per side (none below k = 10), φ = Σw²/k. */
function phiBefore(p: number, variance: number, districts: { count: number; n: number }[]): number {
  const z = districts.map((d) => (d.count / d.n - p) / Math.sqrt(variance / d.n));
  const sorted = [...z].sort((a, b) => a - b);
  const cut = Math.floor(0.1 * z.length);
  const winsorised = z.map((x) => Math.min(sorted[z.length - 1 - cut], Math.max(sorted[cut], x)));
  return winsorised.reduce((sum, x) => sum + x * x, 0) / z.length;
}

describe('the overdispersion factor φ̂ (Spiegelhalter 2005, §4–5)', () => {
  // k districts of 50–400 cases at one true proportion .3; the city value pooled over them, as a comparison does.
  const simulate = (k: number, periods: number, seed: number) => {
    const { between, binomial } = seeded(seed);
    let after = 0;
    let before = 0;
    let significant = 0;
    for (let t = 0; t < periods; t++) {
      const districts = Array.from({ length: k }, () => {
        const n = between(50, 400);
        return { count: binomial(n, 0.3), n };
      });
      const p = districts.reduce((s, d) => s + d.count, 0) / districts.reduce((s, d) => s + d.n, 0);
      const estimate = dispersion(p, p * (1 - p), districts);
      if (!estimate) throw new Error('no estimate');
      after += estimate.phi;
      before += phiBefore(p, p * (1 - p), districts);
      if (estimate.significant) significant++;
    }
    return { after: after / periods, before: before / periods, significant: significant / periods };
  };

  it.each([8, 9, 10])('averages 1 with no overdispersion at k = %i, and the test rejects about 5 % (seeded)', (k) => {
    const { after, before, significant } = simulate(k, 3000, 1000 + k);
    console.log(
      `k = ${k}: mean φ̂ with no overdispersion ${after.toFixed(3)} (before: ${before.toFixed(3)}); test rejects ${percent(significant)}`,
    );
    // Over 3 000 periods the mean's standard error is about 0.5/√3000 ≈ 0.01.
    expect(Math.abs(after - 1)).toBeLessThan(0.04);
    expect(significant).toBeGreaterThan(0.03);
    expect(significant).toBeLessThan(0.07);
  });

  it('estimates a true φ of 2 at k = 10 (each district’s variance doubled)', () => {
    const { between, normal } = seeded(202);
    let total = 0;
    const periods = 3000;
    for (let t = 0; t < periods; t++) {
      const districts = Array.from({ length: 10 }, () => {
        const n = between(50, 400);
        // Normal counts with variance 2 × n·p(1 − p).
        return { count: n * 0.3 + Math.sqrt(2 * n * 0.21) * normal(), n };
      });
      const p = districts.reduce((s, d) => s + d.count, 0) / districts.reduce((s, d) => s + d.n, 0);
      total += (dispersion(p, p * (1 - p), districts) as { phi: number }).phi;
    }
    expect(Math.abs(total / periods - 2)).toBeLessThan(0.1);
  });
});

describe('medians: a spread band, calibrated for the number of districts', () => {
  // Ten districts whose values are normal around one centre: the band holds 95 % and 99.8 % of them at any k.
  it.each([6, 10, 25])('puts 5 % outside the inner band and 0.2 % outside the outer one for k = %i normal values (seeded)', (k) => {
    const { normal } = seeded(300 + k);
    let inner = 0;
    let outer = 0;
    const periods = Math.round(100_000 / k);
    for (let t = 0; t < periods; t++) {
      const values = Array.from({ length: k }, () => 30 + 5 * normal());
      const band = spreadBand(weightedMedian(values.map((value) => ({ value, weight: 1 }))) as number, values);
      for (const value of values) {
        const where = position(value, band);
        if (where !== 'INSIDE') inner++;
        if (where === 'ABOVE_99_8' || where === 'BELOW_99_8') outer++;
      }
    }
    const entries = periods * k;
    console.log(`k = ${k} normal values: outside the inner band ${percent(inner / entries)}, the outer ${percent(outer / entries)}`);
    expect(Math.abs(inner / entries - 0.05)).toBeLessThan(0.004);
    expect(Math.abs(outer / entries - 0.002)).toBeLessThan(0.001);
  });

  // The check of the issue: ten districts with the same true median waiting time (exponential, median 30 days), each
  // reporting the median of its 20–150 cases; the city value the case-weighted median of the district medians.
  it('flags districts that share one true median close to the nominal share (before: ± 1.96 / 3.09 robust SDs), seeded', () => {
    const { between, random } = seeded(27_1);
    const periods = 1500;
    const counts = { before: { inner: 0, outer: 0, periods: 0 }, after: { inner: 0, outer: 0, periods: 0 } };
    for (let t = 0; t < periods; t++) {
      const districts = Array.from({ length: 10 }, () => {
        const n = between(20, 150);
        const days = Array.from({ length: n }, () => (-30 / Math.LN2) * Math.log(1 - random())).sort((a, b) => a - b);
        return { value: n % 2 ? days[(n - 1) / 2] : (days[n / 2 - 1] + days[n / 2]) / 2, weight: n };
      });
      const values = districts.map((d) => d.value);
      const city = weightedMedian(districts) as number;
      const sd = robustSpread(values);
      const bands = {
        before: {
          lower95: city - 1.959964 * sd,
          upper95: city + 1.959964 * sd,
          lower998: city - 3.090232 * sd,
          upper998: city + 3.090232 * sd,
        },
        after: spreadBand(city, values),
      };
      for (const method of ['before', 'after'] as const) {
        const positions = values.map((value) => position(value, bands[method]));
        counts[method].inner += positions.filter((where) => where !== 'INSIDE').length;
        counts[method].outer += positions.filter((where) => where === 'ABOVE_99_8' || where === 'BELOW_99_8').length;
        if (positions.some((where) => where !== 'INSIDE')) counts[method].periods++;
      }
    }
    const rates = (method: 'before' | 'after') => ({
      inner: counts[method].inner / (periods * 10),
      outer: counts[method].outer / (periods * 10),
      periods: counts[method].periods / periods,
    });
    const [before, after] = [rates('before'), rates('after')];
    console.log(
      `ten districts with one true median: outside the 95 % band ${percent(before.inner)} before, ${percent(after.inner)} after; ` +
        `outside 99.8 % ${percent(before.outer)} before, ${percent(after.outer)} after; periods flagging a district ${percent(before.periods)} before, ${percent(after.periods)} after`,
    );
    expect(before.inner).toBeGreaterThan(0.08);
    expect(before.outer).toBeGreaterThan(0.02);
    expect(after.inner).toBeLessThan(0.075);
    expect(after.outer).toBeLessThan(0.007);
  });
});

describe('multiple testing: Benjamini–Hochberg over a period’s comparisons', () => {
  // R: p.adjust(c(.01, .04, .03, .005, .5), "BH") = .025 .05 .05 .025 .5
  it('computes q-values as R’s p.adjust does', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    [0.025, 0.05, 0.05, 0.025, 0.5].forEach((want, i) => expect(q[i]).toBeCloseTo(want, 12));
  });

  // Ten indicators × ten districts with no true difference: about 5 unadjusted flags per period and almost every period has
  // one; adjusted by Benjamini–Hochberg (which under no true difference holds the chance of any flag at 5 %), few periods do.
  it('flags hardly any period when no district differs, where unadjusted positions flag almost every one (seeded)', () => {
    const { between, binomial } = seeded(2705);
    const periods = 200;
    let anyUnadjusted = 0;
    let anyAdjusted = 0;
    let unadjusted = 0;
    for (let t = 0; t < periods; t++) {
      const family = Array.from({ length: 10 }, (_, i) => {
        const code = `T-${i}`;
        const p = 0.2 + 0.06 * i;
        return compared(
          indicator(code),
          Array.from({ length: 10 }, (_, d) => {
            const n = between(60, 300);
            return row(code, `d${d}`, binomial(n, p), n);
          }),
        );
      });
      const adjusted = withFalseDiscoveryRate(family);
      const flagged = family.flatMap((c) => c.entries.filter((e) => e.position !== null && e.position !== FunnelPosition.INSIDE));
      unadjusted += flagged.length;
      if (flagged.length > 0) anyUnadjusted++;
      if (adjusted.some((c) => c.entries.some((e) => e.adjustedPosition !== null && e.adjustedPosition !== FunnelPosition.INSIDE)))
        anyAdjusted++;
      // The family's own comparisons are left as they were.
      expect(family.every((c) => c.entries.every((e) => e.qValue === null))).toBe(true);
    }
    console.log(
      `100 tests per period, no true difference: ${(unadjusted / periods).toFixed(2)} unadjusted flags per period; periods with a flag ` +
        `${percent(anyUnadjusted / periods)} unadjusted, ${percent(anyAdjusted / periods)} adjusted (BH)`,
    );
    expect(anyUnadjusted / periods).toBeGreaterThan(0.9);
    expect(anyAdjusted / periods).toBeLessThan(0.08);
  });

  it('still flags a district that truly differs, with its q-value', () => {
    const family = Array.from({ length: 5 }, (_, i) =>
      compared(
        indicator(`T-${i}`),
        Array.from({ length: 10 }, (_, d) => row(`T-${i}`, `d${d}`, i === 0 && d === 0 ? 150 : 100, 200)),
      ),
    );
    const adjusted = withFalseDiscoveryRate(family);
    const d0 = adjusted[0].entries.find((e) => e.district.code === 'd0');
    expect(d0?.adjustedPosition).toBe('ABOVE_99_8');
    expect(d0?.qValue).toBeLessThan(0.002);
    expect(adjusted[1].entries.every((e) => e.adjustedPosition === FunnelPosition.INSIDE)).toBe(true);
  });
});

describe('rank intervals', () => {
  // Ten districts with true proportions .20, .22, …, .38 and 50–300 cases: each district's 95 % interval holds its true rank
  // in at least 95 % of periods, and is narrower than all ten ranks on average.
  it('hold the true rank at least 95 % of the time (seeded), and always hold the published rank', () => {
    const { between, binomial } = seeded(2706);
    const periods = 600;
    let covered = 0;
    let total = 0;
    let width = 0;
    for (let t = 0; t < periods; t++) {
      const rows = Array.from({ length: 10 }, (_, d) => {
        const n = between(50, 300);
        return row('T-1', `d${d}`, binomial(n, 0.2 + 0.02 * d), n);
      });
      for (const entry of compared(indicator('T-1'), rows).entries) {
        if (entry.rank === null) continue;
        const trueRank = 10 - Number(entry.district.code.slice(1));
        total++;
        if ((entry.rankLower as number) <= trueRank && trueRank <= (entry.rankUpper as number)) covered++;
        width += (entry.rankUpper as number) - (entry.rankLower as number) + 1;
        expect(entry.rankLower).toBeLessThanOrEqual(entry.rank);
        expect(entry.rankUpper).toBeGreaterThanOrEqual(entry.rank);
      }
    }
    console.log(`rank intervals: hold the true rank in ${percent(covered / total)}, ${(width / total).toFixed(1)} ranks wide on average`);
    expect(covered / total).toBeGreaterThanOrEqual(0.95);
    expect(width / total).toBeLessThan(9);
  });
});

describe('trends under extra variation between quarters', () => {
  const simulate = (seed: number, swing: (x: number, n: number, normal: () => number) => number, allowance?: { phi: number }) => {
    const { between, binomial, normal } = seeded(seed);
    let labelled = 0;
    const districts = 4000;
    for (let d = 0; d < districts; d++) {
      const n = between(80, 200);
      const points = [0, 1, 2, 3].map((x) => {
        const p = Math.min(0.99, Math.max(0.01, 0.3 + swing(x, n, normal)));
        const count = binomial(n, p);
        return { x, value: count / n, count, n };
      });
      if (trendOf('PROPORTION', points, Direction.NEITHER, 1, allowance).trend !== Trend.STABLE) labelled++;
    }
    return labelled / districts;
  };
  // φ = 2: each quarter's proportion varies with the sampling variance again, on top of sampling.
  const overdispersed = (_x: number, n: number, normal: () => number) => Math.sqrt(0.21 / n) * normal();
  // Seasonality: +4, 0, −4, 0 percentage points over the four quarters.
  const seasonal = (x: number) => 0.04 * Math.round(Math.cos((Math.PI * x) / 2));

  it('label far more than 5 % of trendless districts rising or falling, and about 5 % with the same φ allowed for (seeded)', () => {
    const plain = simulate(2707, overdispersed);
    const allowed = simulate(2707, overdispersed, { phi: 2 });
    const season = simulate(2708, seasonal);
    console.log(
      `false trend labels: φ = 2 between quarters ${percent(plain)} (with φ = 2 allowed for: ${percent(allowed)}); seasonality ±4 points ${percent(season)}`,
    );
    expect(plain).toBeGreaterThan(0.12);
    expect(allowed).toBeGreaterThan(0.035);
    expect(allowed).toBeLessThan(0.065);
    expect(season).toBeGreaterThan(0.12);
  });

  // Ten districts that differ far beyond chance in every quarter, each with a gentle rise: compared with the multiplicative
  // allowance, the comparison widens its limits and the trends are tested with the same φ (larger p-values).
  it('are widened by the comparison’s own φ when its limits are', () => {
    const ind = indicator('T-1');
    const periods = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
    const rowsOf = (period: string, x: number) =>
      Array.from({ length: 10 }, (_, d) => row('T-1', `d${d}`, 40 + 12 * d + 3 * x, 200, period));
    const window = (method: Overdispersion) => periods.map((period, x) => compared(ind, rowsOf(period, x), method, period));
    const plain = window(Overdispersion.NONE);
    const widened = window(Overdispersion.MULTIPLICATIVE);
    const current = (comparisons: Comparison[]) => {
      const last = comparisons[comparisons.length - 1];
      return withTrends({ ...last, entries: last.entries.map((e) => ({ ...e })) }, comparisons.slice(0, -1).concat(last));
    };
    const [a, b] = [current(plain), current(widened)];
    expect(b.limitsWidened).toBe(true);
    const phi = b.dispersionFactor as number;
    for (const entry of a.entries) {
      const other = b.entries.find((e) => e.district.code === entry.district.code);
      expect(other?.trendPValue).toBeGreaterThan(entry.trendPValue as number);
      // The same slope, its z divided by √φ.
      expect(other?.trendSlope).toBeCloseTo(entry.trendSlope as number, 12);
    }
    expect(phi).toBeGreaterThan(1);
  });
});
