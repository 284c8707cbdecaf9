import {
  compare,
  type ComparisonEntry,
  CountDistribution,
  Direction,
  Indicator,
  IndicatorKind,
  Overdispersion,
  PeriodProtection,
  Periodicity,
  periodRange,
  periodsEndingWith,
  proportionLimits,
  protectPeriod,
  rateLimits,
  trendOf,
  Trend,
  type ObservationRow,
} from '@samsyn/equality';
import { demoObservations } from '@samsyn/equality/seed';
import { Area } from '@samsyn/area';
import { CHILD_SERVICES_INDICATORS } from '../../../subgraphs/child-services/src/indicators';

const indicator = (overrides: Partial<Indicator> = {}): Indicator =>
  Object.assign(new Indicator(), {
    code: 'T-1',
    area: Area.CHILD_SERVICES,
    name: 'Test',
    description: '',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: null,
    ...overrides,
  });

const row = (
  district: string,
  numerator: number | null,
  denominator: number | null,
  value: number | null = null,
  code = 'T-1',
): ObservationRow => ({
  indicator_code: code,
  district,
  period: '2026-Q3',
  numerator,
  denominator,
  value,
});

/** A comparison with the protection disclosure control would store for these figures. */
const compared = (ind: Indicator, rows: ObservationRow[], overdispersion = Overdispersion.NONE) =>
  compare(ind, rows[0]?.period ?? '2026-Q3', rows, new PeriodProtection(protectPeriod([ind], rows)), { overdispersion });

const byDistrict = (entries: ComparisonEntry[]): Record<string, ComparisonEntry> =>
  Object.fromEntries(entries.map((e) => [e.district.code, e]));

/**
 * An independent exact binomial for small n: probabilities from Pascal's triangle (not the ratio
 * recurrence the package uses), and the interpolation of Spiegelhalter (2005) Appendix A.1.1 written
 * out directly: r = smallest count with F(r) ≥ q, α = (F(r) − q) / (F(r) − F(r − 1)), limit (r − α)/n.
 */
function pascalLimit(n: number, p: number, q: number): number {
  let rowOf = [1];
  for (let i = 0; i < n; i++) rowOf = [1, ...rowOf.slice(1).map((c, j) => c + rowOf[j]), 1];
  const pmf = rowOf.map((c, k) => c * p ** k * (1 - p) ** (n - k));
  let F = 0;
  for (let r = 0; r <= n; r++) {
    const before = F;
    F += pmf[r];
    if (F >= q) return (r - (F - q) / (F - before)) / n;
  }
  return 1;
}

/**
 * The upper limit by the mirror image: P(Y ≥ y) = P(n − Y ≤ n − y) with n − Y ~ Binomial(n, 1 − p), so y lies above the
 * upper limit exactly when n − y lies below the lower limit of the mirrored distribution: 1 − that limit.
 */
const pascalUpperLimit = (n: number, p: number, q: number) => 1 - pascalLimit(n, 1 - p, 1 - q);

describe('funnel limits (Spiegelhalter 2005, Appendix A.1.1, the upper limit matching P(Y ≥ y))', () => {
  // Expected values from scipy.stats.binom (python3): for q in .001, .025, r = smallest with cdf(r) ≥ q,
  // limit = (r − (cdf(r) − q) / (cdf(r) − cdf(r − 1))) / n; the upper limits for .975, .999 are one count above that quantile
  // (E.g. upper 95 %: r = 14, cdf(14) = .97931, cdf(13) = .94234 → 13.8835 + 1 = 14.8835 / 20): at p = 0.5 the funnel is
  // symmetric about the centre, as P(Y ≥ y) and P(Y ≤ n − y) are equal.
  it('interpolate between whole counts, symmetric for p = 0.5 (n = 20)', () => {
    const limits = proportionLimits(0.5, 20);
    expect(limits.lower998).toBeCloseTo(0.1367357894736842, 12);
    expect(limits.lower95).toBeCloseTo(0.25582352941176467, 12);
    expect(limits.upper95).toBeCloseTo(0.7441764705882353, 12);
    expect(limits.upper998).toBeCloseTo(0.863264210526316, 12);
  });

  it('agree with an independent Pascal-triangle binomial for every size up to 60 and several proportions', () => {
    const disagreements: string[] = [];
    for (let n = 1; n <= 60; n++) {
      for (const p of [0.03, 0.2, 0.5, 0.81, 0.97]) {
        const limits = proportionLimits(p, n);
        const expected = {
          lower998: pascalLimit(n, p, 0.001),
          lower95: pascalLimit(n, p, 0.025),
          upper95: pascalUpperLimit(n, p, 0.975),
          upper998: pascalUpperLimit(n, p, 0.999),
        };
        for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
          const want = Math.min(1, Math.max(0, expected[key]));
          if (Math.abs(limits[key] - want) > 1e-9) disagreements.push(`n=${n} p=${p} ${key}: ${limits[key]} vs ${want}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  // scipy.stats.binom(20000, 0.5) and (10000 | 10001, 0.3), same interpolation as above.
  it('stay exact above 10 000 cases, with no jump between 10 000 and 10 001', () => {
    const big = proportionLimits(0.5, 20_000);
    expect(big.lower998).toBeCloseTo(0.48904976304196546, 10);
    expect(big.upper95).toBeCloseTo(0.506954493441368, 10);
    expect(big.upper998).toBeCloseTo(1 - 0.48904976304196546, 10);
    expect(proportionLimits(0.3, 10_000).upper998).toBeCloseTo(0.3142677822826628, 10);
    expect(proportionLimits(0.3, 10_001).upper998).toBeCloseTo(0.31426640053105614, 10);
  });

  // scipy.stats.poisson(3.2): interpolated quantiles −0.975 (clamped to 0), −0.387 (0), 6.70600 + 1, 9.60242 + 1 for a population of 1 000.
  it('use the exact Poisson distribution for rates', () => {
    const limits = rateLimits(0.0032, 1000);
    expect(limits.lower95).toBe(0);
    expect(limits.upper95 * 1000).toBeCloseTo(7.705995824128429, 9);
    expect(limits.upper998 * 1000).toBeCloseTo(10.60241621067917, 9);
    // P(Y ≥ 9) = P(Y > 8) = 0.0057141 and P(Y ≤ 0) = 0.0407622 (scipy poisson.sf(8, 3.2), cdf(0, 3.2)).
    const poisson = CountDistribution.poisson(3.2);
    expect(poisson.atLeast(9)).toBeCloseTo(0.005714138066420132, 12);
    expect(poisson.above(8)).toBeCloseTo(0.005714138066420132, 12);
    expect(poisson.cdf(0)).toBeCloseTo(0.04076220397836622, 12);
  });

  it('keep far tail probabilities precise (not 1 minus a sum near 1)', () => {
    // scipy.stats.binom(20000, 0.5).sf(10300) = 1.0687860691160625e-05.
    expect(CountDistribution.binomial(20_000, 0.5).above(10_300) / 1.0687860691160625e-5).toBeCloseTo(1, 8);
  });
});

describe('positions from the exact tail probability', () => {
  const childIndicator = (code: string) =>
    Object.assign(new Indicator(), { ...CHILD_SERVICES_INDICATORS.find((i) => i.code === code), area: Area.CHILD_SERVICES });
  const demoRows = (code: string, period: string): ObservationRow[] =>
    demoObservations(CHILD_SERVICES_INDICATORS.find((i) => i.code === code)!)
      .filter((r) => r.period === period)
      .map((r) => ({
        indicator_code: code,
        district: r.district,
        period,
        numerator: 'numerator' in r ? (r.numerator ?? null) : null,
        denominator: r.denominator,
        value: null,
      }));

  // Demo CS-IA14 2023-Q4: city 1028 / 1273; lundby 116 / 133. scipy.stats.binom(133, 1028/1273): cdf(115) = .96715,
  // cdf(116) = .98145, so the 95 % quantile interpolates to 115.5489 and the upper limit is 116.5489 / 133 = .876308;
  // P(Y ≥ 116) = binom.sf(115) = 0.032854 > 0.025: inside, where P(Y > 116) = 0.018546, which leaves out the
  // observed count, flagged it.
  it('judges a district above the city by P(Y ≥ y), the observed count included, and draws the limit to match', () => {
    const lundby = byDistrict(compared(childIndicator('CS-IA14'), demoRows('CS-IA14', '2023-Q4')).entries).lundby;
    expect(lundby).toMatchObject({ numerator: 116, denominator: 133, position: 'INSIDE' });
    expect(lundby.upper95).toBeCloseTo(0.8763076679453102, 9);
    expect(lundby.pValue).toBeCloseTo(0.03285379773433542, 9);
  });

  // Demo CS-PLACE 2026-Q3: city 1012 per 133 054 children; örgryte-härlanda 151 of 15 327, expected λ = 116.576157.
  // scipy.stats.poisson(λ): the 99.8 % quantile interpolates to 150.842, so the upper limit is 151.842; P(Y ≥ 151) =
  // poisson.sf(150) = 0.00126256 ≥ 0.001: above the 95 % limit, not the 99.8 % one.
  it('judges a large district exactly (Poisson), not by a normal approximation', () => {
    const orgryte = byDistrict(compared(childIndicator('CS-PLACE'), demoRows('CS-PLACE', '2026-Q3')).entries)['orgryte-harlanda'];
    expect(orgryte.upper998).toBeCloseTo((151.84220560860584 / 15327) * 1000, 9);
    expect(orgryte.pValue).toBeCloseTo(0.0012625644794593007, 10);
    expect(orgryte.position).toBe('ABOVE_95');
  });

  // Demo CS-INV4M 2026-Q3: city 413 / 522; västra-göteborg 42 / 47. scipy.stats.binom(47, 413/522): P(Y ≥ 42) = sf(41) = .053273,
  // inside the 95 % limits; P(Y > 42) = .020740 (the former pValue) put it above them.
  it('returns P(Y ≥ y) above the city value: västra-göteborg 42/47 in CS-INV4M 2026-Q3 lies inside', () => {
    const comparison = compared(childIndicator('CS-INV4M'), demoRows('CS-INV4M', '2026-Q3'));
    expect(comparison).toMatchObject({ cityNumerator: 413, cityDenominator: 522 });
    const vastra = byDistrict(comparison.entries)['vastra-goteborg'];
    expect(vastra).toMatchObject({ numerator: 42, denominator: 47, position: 'INSIDE' });
    expect(vastra.pValue).toBeCloseTo(0.0532733508363189, 12);
    expect(vastra.value).toBeLessThan(vastra.upper95 as number);
  });

  it('never lets a position and the limits disagree in the demo data', () => {
    const disagreements: string[] = [];
    for (const code of ['CS-IA14', 'CS-INV4M', 'CS-PLACE']) {
      for (const period of periodRange('2023-Q4', '2026-Q3')) {
        for (const e of compared(childIndicator(code), demoRows(code, period)).entries) {
          if (e.value === null) continue;
          const byLimits =
            e.value > e.upper998!
              ? 'ABOVE_99_8'
              : e.value > e.upper95!
                ? 'ABOVE_95'
                : e.value < e.lower998!
                  ? 'BELOW_99_8'
                  : e.value < e.lower95!
                    ? 'BELOW_95'
                    : 'INSIDE';
          if (byLimits !== String(e.position))
            disagreements.push(`${code} ${period} ${e.district.code}: ${e.position} vs limits ${byLimits}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('a comparison worked by hand', () => {
  // City: (15 + 5 + 50 + 30) / (20 + 20 + 100 + 60) = 100 / 200 = 0.5
  const comparison = compared(indicator(), [row('a', 15, 20), row('b', 5, 20), row('c', 50, 100), row('d', 30, 60)]);
  const entries = byDistrict(comparison.entries);

  it('pools the city value over all districts', () => {
    expect(comparison).toMatchObject({ cityValue: 0.5, cityNumerator: 100, cityDenominator: 200, citySuppressed: false });
  });

  // Binomial(20, .5): P(Y ≥ 15) = .020695 (< .025: above 95 %), P(Y ≤ 5) = .020695 (below 95 %): symmetric.
  it('places each district by its tail probability against its own denominator', () => {
    expect(entries.a).toMatchObject({ value: 0.75, position: 'ABOVE_95', difference: 0.25 });
    expect(entries.a.pValue).toBeCloseTo(0.020694732666015625, 12);
    expect(entries.b).toMatchObject({ value: 0.25, position: 'BELOW_95' });
    expect(entries.b.pValue).toBeCloseTo(0.020694732666015625, 12);
    expect(entries.c.position).toBe('INSIDE');
    expect(entries.d.position).toBe('INSIDE');
  });

  it('ranks the shown districts, best first, ties sharing a rank', () => {
    expect(comparison.entries.map((e) => [e.district.code, e.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 2],
      ['b', 4],
    ]);
  });

  // Each pair by a two-proportion z-test at 5 % / 3 (z > 2.394): only a (15/20) and b (5/20) differ, z = .5 / √(.25 × .1) = 3.16;
  // a against c: pooled 65/120, z = .25 / √(.2483 × .06) = 2.05, not significant. So a lies in 1–3, b in 2–4, c and d in 1–4.
  it('gives every rank an interval from the districts significantly better and worse', () => {
    expect(comparison.entries.map((e) => [e.district.code, e.rankLower, e.rankUpper])).toEqual([
      ['a', 1, 3],
      ['c', 1, 4],
      ['d', 1, 4],
      ['b', 2, 4],
    ]);
  });
});

describe('overdispersion (Spiegelhalter 2005, §4–5)', () => {
  // Ten districts of 100, city 500/1000 = .5, so z = (y/100 − .5) / .05 = −3, −2, −1, 0, 0, 0, 0, 1, 2, 3.
  // The 10th and 90th percentiles (numpy's interpolation) are −2.1 and 2.1: winsorised, Σw²/k = (2 × 4.41 + 2 × 4 + 2 × 1) / 10 = 1.882,
  // divided by 0.6219, its mean at k = 10 without overdispersion: φ̂ = 3.0262. Σz² = 28 against χ² on 9 df: p = .000954 (scipy chi2.sf).
  // τ² (DerSimonian–Laird from φ̂): w = 100/.25 = 400 each, (k − 1)(φ̂ − 1) / (Σw − Σw²/Σw) = 9 × 2.0262 / 3600.
  const counts = [35, 40, 45, 50, 50, 50, 50, 55, 60, 65];
  const rows = counts.map((y, i) => row(`d${i}`, y, 100));
  const phi = 1.882 / 0.6219;

  it('estimates φ and τ² from winsorised z-scores, tests them, and leaves the limits exact unless asked', () => {
    const plain = compared(indicator(), rows);
    expect(plain.dispersionFactor).toBeCloseTo(phi, 12);
    expect(plain.betweenDistrictVariance).toBeCloseTo((9 * (phi - 1)) / 3600, 12);
    expect(plain.overdispersionPValue).toBeCloseTo(0.0009538672166057459, 10);
    expect(plain).toMatchObject({ overdispersion: 'NONE', limitsWidened: false, limitBasis: 'CHANCE' });
    // P(Y ≥ 65) for Binomial(100, .5) = .00176: beyond 95 %, not 99.8 %.
    expect(byDistrict(plain.entries).d9.position).toBe('ABOVE_95');
  });

  it('widens the limits by √φ on request (multiplicative)', () => {
    const widened = compared(indicator(), rows, Overdispersion.MULTIPLICATIVE);
    const d9 = byDistrict(widened.entries).d9;
    const sd = Math.sqrt((phi * 0.25) / 100);
    expect(widened.limitsWidened).toBe(true);
    expect(d9.upper95).toBeCloseTo(0.5 + 1.959964 * sd, 5);
    // z = .15 / .0869800 = 1.72453: one-sided p = .0423058 (scipy norm.sf).
    expect(d9.pValue).toBeCloseTo(0.04230575670657947, 10);
    expect(d9.position).toBe('INSIDE');
  });

  it('adds τ² to each district’s variance on request (additive random effects)', () => {
    const widened = compared(indicator(), rows, Overdispersion.ADDITIVE);
    const d9 = byDistrict(widened.entries).d9;
    expect(d9.upper998).toBeCloseTo(0.5 + 3.090232 * Math.sqrt(0.0025 + (9 * (phi - 1)) / 3600), 5);
    expect(d9.position).toBe('INSIDE');
  });

  it('does not widen limits when districts differ no more than chance', () => {
    const calm = compared(
      indicator(),
      [row('a', 49, 100), row('b', 51, 100), row('c', 50, 100), row('d', 50, 100)],
      Overdispersion.MULTIPLICATIVE,
    );
    expect(calm.dispersionFactor).toBeLessThan(1);
    expect(calm.limitsWidened).toBe(false);
  });

  // z = −2.2, −1.8, 0, 0, 0, 0, 0, 0, 1.8, 2.2 (y = 39, 41, 50 …, 59, 61 of 100): winsorised at ∓1.84, φ̂ = 1.32512 / 0.6219
  // = 2.13 is above 1, but Σz² = 16.16 on 9 df is not significant (p = .0636, scipy chi2.sf): the limits stay exact however asked.
  it('widens only when overdispersion is significant, not whenever φ̂ is above 1', () => {
    const mild = [39, 41, 50, 50, 50, 50, 50, 50, 59, 61].map((y, i) => row(`d${i}`, y, 100));
    for (const method of [Overdispersion.MULTIPLICATIVE, Overdispersion.ADDITIVE]) {
      const comparison = compared(indicator(), mild, method);
      expect(comparison.dispersionFactor).toBeCloseTo(1.32512 / 0.6219, 10);
      expect(comparison.overdispersionPValue).toBeCloseTo(0.063614619431394, 10);
      expect(comparison.limitsWidened).toBe(false);
    }
  });
});

describe('disclosure control of one comparison', () => {
  it('hides a district with fewer than 5 cases with the outcome and the next two smallest with it', () => {
    const entries = byDistrict(compared(indicator(), [row('a', 40, 50), row('b', 30, 50), row('c', 3, 10), row('d', 90, 100)]).entries);
    expect(entries.c).toMatchObject({
      suppressed: true,
      suppressionReason: 'PROTECTED',
      value: null,
      numerator: null,
      denominator: null,
      position: null,
      pValue: null,
      rank: null,
    });
    // The same reason for the small count and the figures hidden with it: telling which is which would point at the small one.
    expect(entries.a).toMatchObject({ suppressed: true, suppressionReason: 'PROTECTED', value: null });
    expect([entries.b.suppressed, entries.d.suppressed]).toEqual([true, false]);
  });

  it('protects the cases without the outcome too: 10 of 12 tells about the other 2', () => {
    const rate = indicator({ kind: IndicatorKind.RATE, ratePer: 1000, direction: Direction.NEITHER });
    const entries = byDistrict(compared(rate, [row('x', 10, 12), row('y', 30, 5000), row('z', 20, 4000)]).entries);
    expect(entries.x.suppressionReason).toBe('PROTECTED');
    expect(entries.z.suppressionReason).toBe('PROTECTED');
  });

  it('hides more when the hidden districts hold fewer than 5 cases together', () => {
    const entries = byDistrict(compared(indicator(), [row('a', 2, 50), row('b', 1, 50), row('c', 30, 60), row('d', 40, 90)]).entries);
    // a, b and c would leave 2 + 1 with the outcome to whoever knows c's figure (c's own district system).
    expect([entries.a.suppressionReason, entries.b.suppressionReason, entries.c.suppressionReason, entries.d.suppressionReason]).toEqual([
      'PROTECTED',
      'PROTECTED',
      'PROTECTED',
      'PROTECTED',
    ]);
  });

  it('does not publish the city total when it would disclose: one district of 3 in 60, or two districts with 0', () => {
    const single = compared(indicator(), [row('a', 3, 60)]);
    expect(single).toMatchObject({ citySuppressed: true, cityValue: null, cityNumerator: null, cityDenominator: null });
    const zeros = compared(indicator(), [row('a', 0, 60), row('b', 0, 55)]);
    expect(zeros).toMatchObject({ citySuppressed: true, cityNumerator: null });
    expect(zeros.entries.map((e) => e.suppressionReason)).toEqual(['PROTECTED', 'PROTECTED']);
    const underFive = compared(indicator(), [row('a', 1, 50), row('b', 2, 50), row('c', 1, 40)]);
    expect(underFive.citySuppressed).toBe(true);
  });

  it('hides a median without its number of cases, and takes the city median from shown districts only', () => {
    const median = indicator({ kind: IndicatorKind.MEDIAN, direction: Direction.LOWER_IS_BETTER, unit: 'dagar' });
    // b (3 cases) and c (4 cases) are hidden, and a with them; over all districts the weighted median would be c's 40.
    const comparison = compared(median, [
      row('a', null, 20, 10),
      row('b', null, 3, 30),
      row('c', null, 4, 40),
      row('d', null, 25, 50),
      row('e', null, null, 35),
    ]);
    const entries = byDistrict(comparison.entries);
    expect(entries.e).toMatchObject({ suppressed: true, suppressionReason: 'PROTECTED' });
    expect([entries.a.suppressed, entries.b.suppressed, entries.c.suppressed]).toEqual([true, true, true]);
    // Shown: d (50, 25 cases) alone.
    expect(comparison.cityValue).toBe(50);
  });

  it('hides a figure whose protection was never computed', () => {
    const entries = compare(indicator(), '2026-Q3', [row('a', 40, 50)], new PeriodProtection([])).entries;
    expect(entries[0]).toMatchObject({ suppressed: true, suppressionReason: 'PENDING', value: null });
  });
});

describe('medians and means', () => {
  it('centres medians on the case-weighted median and places districts in a spread band, with no p-value and no rank', () => {
    // values 10, 11, 12, 30 (20 cases each): city 11.5; MAD 1.0, so sigma 1.4826; at k = 4 the band is ± 3.1823 and ± 18.074 sigma.
    const medians = compared(indicator({ kind: IndicatorKind.MEDIAN, direction: Direction.LOWER_IS_BETTER, unit: 'dagar' }), [
      row('a', null, 20, 10),
      row('b', null, 20, 11),
      row('c', null, 20, 12),
      row('d', null, 20, 30),
    ]);
    const entries = byDistrict(medians.entries);
    expect(medians.cityValue).toBe(11.5);
    expect(medians.limitBasis).toBe('SPREAD');
    expect(entries.a.upper95).toBeCloseTo(11.5 + 3.1823 * 1.4826, 4);
    expect(entries.a.upper998).toBeCloseTo(11.5 + 18.074 * 1.4826, 3);
    expect(entries.d.position).toBe('ABOVE_95');
    expect([entries.a.position, entries.b.position, entries.c.position]).toEqual(['INSIDE', 'INSIDE', 'INSIDE']);
    expect(medians.entries.map((e) => [e.pValue, e.rank, e.rankLower, e.rankUpper])).toEqual(Array(4).fill([null, null, null, null]));
    expect(medians.dispersionFactor).toBeNull();
    expect(medians.overdispersionPValue).toBeNull();
  });
});

/** mulberry32: a small seeded generator, so the simulation is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('trends', () => {
  // Cochran–Armitage by hand: y = 10, 15, 20, 25 of 100 each; p̄ = .175, x̄ = 1.5, Σn(x − x̄)² = 500,
  // T = Σx(y − 17.5) = 25, z = 25 / √(.175 × .825 × 500) = 2.94245, p = 2(1 − Φ(2.94245)) = 0.003256 (scipy.stats.norm.sf × 2).
  it('calls a rising proportion RISING when Cochran–Armitage finds it, with slope and p-value', () => {
    const points = [10, 15, 20, 25].map((count, x) => ({ x, value: count / 100, count, n: 100 }));
    const result = trendOf('PROPORTION', points, Direction.HIGHER_IS_BETTER);
    expect(result).toMatchObject({ trend: Trend.RISING, improving: true });
    expect(result.slope).toBeCloseTo(0.05, 12);
    expect(result.pValue).toBeCloseTo(0.003256, 5);
  });

  it('calls noise STABLE, and fewer than three shown periods UNKNOWN', () => {
    const points = [20, 22, 19, 21].map((count, x) => ({ x, value: count / 100, count, n: 100 }));
    expect(trendOf('PROPORTION', points, Direction.HIGHER_IS_BETTER).trend).toBe(Trend.STABLE);
    expect(trendOf('PROPORTION', points.slice(0, 2), Direction.HIGHER_IS_BETTER).trend).toBe(Trend.UNKNOWN);
  });

  // Weighted regression by hand: values 30, 28, 26, 24 with equal weights fall exactly (residuals 0): p = 0, FALLING.
  it('tests medians with a weighted regression and its standard error', () => {
    const falling = trendOf(
      'VALUE',
      [30, 28, 26, 24].map((value, x) => ({ x, value, n: 10 })),
      Direction.LOWER_IS_BETTER,
    );
    expect(falling).toMatchObject({ trend: Trend.FALLING, improving: true, slope: -2 });
    // 30, 28, 31, 27 (equal weights): scipy.stats.linregress gives slope −0.6, SE 0.905539, p = 0.575736 (t on 2 df).
    const noisy = trendOf(
      'VALUE',
      [30, 28, 31, 27].map((value, x) => ({ x, value, n: 10 })),
      Direction.LOWER_IS_BETTER,
    );
    expect(noisy.trend).toBe(Trend.STABLE);
    expect(noisy.slope).toBeCloseTo(-0.6, 12);
    expect(noisy.pValue).toBeCloseTo(0.5757359312880714, 6);
  });

  it('labels about 5 % of simulated stable districts rising or falling (seeded), for proportions, rates and medians', () => {
    const random = seeded(20261123);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const binomial = (n: number, p: number) => {
      let y = 0;
      for (let i = 0; i < n; i++) if (random() < p) y++;
      return y;
    };
    const poisson = (mean: number) => {
      let k = 0;
      for (let product = random(), limit = Math.exp(-mean); product > limit; product *= random()) k++;
      return k;
    };
    const districts = 4000;
    const rates = { proportion: 0, rate: 0, median: 0 };
    for (let d = 0; d < districts; d++) {
      const n = 80 + Math.floor(random() * 120);
      const proportion = [0, 1, 2, 3].map((x) => {
        const count = binomial(n, 0.3);
        return { x, value: count / n, count, n };
      });
      const rate = [0, 1, 2, 3].map((x) => {
        const count = poisson(n * 0.2);
        return { x, value: count / n, count, n };
      });
      // A stable median of 30 days, spread shrinking with the number of cases.
      const median = [0, 1, 2, 3].map((x) => ({ x, value: 30 + (40 / Math.sqrt(n)) * normal(), n }));
      if (trendOf('PROPORTION', proportion, Direction.NEITHER).trend !== Trend.STABLE) rates.proportion++;
      if (trendOf('RATE', rate, Direction.NEITHER).trend !== Trend.STABLE) rates.rate++;
      if (trendOf('VALUE', median, Direction.NEITHER).trend !== Trend.STABLE) rates.median++;
    }
    const falseLabels = { proportion: rates.proportion / districts, rate: rates.rate / districts, median: rates.median / districts };
    console.log(`false-trend rate in ${districts} simulated stable districts: ${JSON.stringify(falseLabels)}`);
    // At the 5 % level, 4 000 districts give a standard error of 0.0034: 3.5–6.5 % is the level within ±4.4 SE.
    for (const rate of Object.values(falseLabels)) {
      expect(rate).toBeGreaterThan(0.035);
      expect(rate).toBeLessThan(0.065);
    }
  });

  it('steps quarters and months across year ends', () => {
    expect(periodsEndingWith('2026-Q1', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2024', '2026')).toEqual(['2024', '2025', '2026']);
  });
});
