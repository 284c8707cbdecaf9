import {
  compare,
  ComparisonEntry,
  Direction,
  Indicator,
  IndicatorKind,
  Periodicity,
  periodRange,
  periodsEndingWith,
  proportionLimits,
  trendOf,
  Trend,
  type ObservationRow,
} from '@samsyn/equality';
import { Area } from '@samsyn/knowledge';

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

const row = (district: string, numerator: number | null, denominator: number | null, value: number | null = null): ObservationRow => ({
  indicator_code: 'T-1',
  district,
  period: '2026-Q3',
  numerator,
  denominator,
  value,
});

const byDistrict = (entries: ComparisonEntry[]): Record<string, ComparisonEntry> => Object.fromEntries(entries.map((e) => [e.district.code, e]));

describe('funnel limits', () => {
  // Binomial(20, 0.5): CDF(2)=.0002, CDF(3)=.0013, CDF(5)=.0207, CDF(6)=.0577, CDF(13)=.9423, CDF(14)=.9793, CDF(16)=.9987, CDF(17)=.9998
  it('are exact binomial quantiles for a small denominator (n = 20, p = 0.5)', () => {
    expect(proportionLimits(0.5, 20)).toEqual({ lower998: 0.15, lower95: 0.3, upper95: 0.7, upper998: 0.85 });
  });

  // Binomial(10, 0.5): CDF(0)=.00098 < .001 ≤ CDF(1)=.0107; CDF(8)=.9893 < .999 ≤ CDF(9)=.9990
  it('put the 99.8 % limits where the tail first reaches 0.1 % (n = 10, p = 0.5)', () => {
    expect(proportionLimits(0.5, 10)).toEqual({ lower998: 0.1, lower95: 0.2, upper95: 0.8, upper998: 0.9 });
  });

  // n = 20 000: sd = sqrt(0.25 / 20 000) = 0.0035355; z = 1.959964 and 3.090232
  it('use the normal approximation above 10 000 cases', () => {
    const limits = proportionLimits(0.5, 20_000);
    expect(limits.upper95).toBeCloseTo(0.506930, 5);
    expect(limits.lower95).toBeCloseTo(0.493070, 5);
    expect(limits.upper998).toBeCloseTo(0.510926, 5);
  });
});

describe('a comparison worked by hand', () => {
  // City: (15 + 5 + 50 + 30) / (20 + 20 + 100 + 60) = 100 / 200 = 0.5
  const comparison = compare(indicator(), '2026-Q3', [row('a', 15, 20), row('b', 5, 20), row('c', 50, 100), row('d', 30, 60)]);
  const entries = byDistrict(comparison.entries);

  it('pools the city value over all districts', () => {
    expect(comparison).toMatchObject({ cityValue: 0.5, cityNumerator: 100, cityDenominator: 200 });
  });

  it('places each district against the limits for its own denominator', () => {
    expect(entries.a).toMatchObject({ value: 0.75, position: 'ABOVE_95', upper95: 0.7, difference: 0.25 });
    expect(entries.b).toMatchObject({ value: 0.25, position: 'BELOW_95', lower95: 0.3 });
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

  it('flags 99.8 % outliers in a large district (normal approximation)', () => {
    const large = compare(indicator(), '2026-Q3', [row('big', 10_300, 20_000), row('rest', 9_700, 20_000)]);
    expect(byDistrict(large.entries).big).toMatchObject({ value: 0.515, position: 'ABOVE_99_8' });
  });
});

describe('suppression', () => {
  // a: 40/50 (protected 10), b: 30/50 (20), c: 3/10 (3: hidden), d: 90/100 (10)
  const comparison = compare(indicator(), '2026-Q3', [row('a', 40, 50), row('b', 30, 50), row('c', 3, 10), row('d', 90, 100)]);
  const entries = byDistrict(comparison.entries);

  it('never shows a count under 5', () => {
    expect(entries.c).toMatchObject({ suppressed: true, suppressionReason: 'SMALL_COUNT', value: null, numerator: null, denominator: null, position: null, rank: null });
  });

  it('hides the next smallest too when only one is hidden, so it cannot be derived from the city totals', () => {
    // a and d both protect 10 counts; a has the smaller denominator.
    expect(entries.a).toMatchObject({ suppressed: true, suppressionReason: 'SECONDARY', value: null, numerator: null });
    expect(entries.b.suppressed).toBe(false);
    expect(entries.d.suppressed).toBe(false);
    expect(comparison).toMatchObject({ cityNumerator: 163, cityDenominator: 210 });
  });

  it('protects the count without the outcome as well (den − num under 5)', () => {
    const result = byDistrict(compare(indicator(), '2026-Q3', [row('x', 48, 50), row('y', 30, 50), row('z', 20, 50)]).entries);
    expect(result.x).toMatchObject({ suppressed: true, suppressionReason: 'SMALL_COUNT' });
  });

  it('needs no second suppression when two or more are hidden already', () => {
    const result = compare(indicator(), '2026-Q3', [row('a', 40, 50), row('b', 2, 10), row('c', 3, 10)]);
    expect(result.entries.filter((e) => e.suppressionReason === 'SECONDARY')).toHaveLength(0);
    expect(byDistrict(result.entries).a.suppressed).toBe(false);
  });
});

describe('rates and medians', () => {
  it('gives a rate per its base: 12 placed of 2 000 children is 6 per 1 000', () => {
    const rate = compare(indicator({ kind: IndicatorKind.RATE, ratePer: 1000, direction: Direction.NEITHER }), '2026-Q3', [row('a', 12, 2000), row('b', 28, 2000)]);
    expect(byDistrict(rate.entries).a).toMatchObject({ value: 6, rank: null });
    expect(rate.cityValue).toBe(10);
  });

  it('centres medians on the case-weighted median and flags only the extreme district', () => {
    // values 10, 11, 12, 30 (20 cases each): city 11.5; MAD 1.0, so sigma 1.4826
    const medians = compare(indicator({ kind: IndicatorKind.MEDIAN, direction: Direction.LOWER_IS_BETTER, unit: 'dagar' }), '2026-Q3', [
      row('a', null, 20, 10),
      row('b', null, 20, 11),
      row('c', null, 20, 12),
      row('d', null, 20, 30),
    ]);
    const entries = byDistrict(medians.entries);
    expect(medians.cityValue).toBe(11.5);
    expect(entries.a.upper95).toBeCloseTo(11.5 + 1.959964 * 1.4826, 4);
    expect(entries.d.position).toBe('ABOVE_99_8');
    expect([entries.a.position, entries.b.position, entries.c.position]).toEqual(['INSIDE', 'INSIDE', 'INSIDE']);
    expect(entries.a.rank).toBe(1);
  });

  it('hides a median based on fewer than 5 cases', () => {
    const medians = compare(indicator({ kind: IndicatorKind.MEDIAN }), '2026-Q3', [row('a', null, 4, 10), row('b', null, 20, 11), row('c', null, 30, 12)]);
    expect(byDistrict(medians.entries).a).toMatchObject({ suppressed: true, value: null });
  });
});

describe('trends and periods', () => {
  it('reads the direction of the last four periods and whether it is the better way', () => {
    expect(trendOf([0.5, 0.6, 0.7, 0.8], Direction.HIGHER_IS_BETTER)).toEqual({ trend: Trend.RISING, improving: true });
    expect(trendOf([20, 18, 15, 12], Direction.HIGHER_IS_BETTER)).toEqual({ trend: Trend.FALLING, improving: false });
    expect(trendOf([20, 18, 15, 12], Direction.LOWER_IS_BETTER)).toEqual({ trend: Trend.FALLING, improving: true });
    expect(trendOf([10, 10.1, 9.9, 10], Direction.LOWER_IS_BETTER)).toEqual({ trend: Trend.STABLE, improving: null });
    expect(trendOf([null, null, 0.5, 0.6], Direction.HIGHER_IS_BETTER)).toEqual({ trend: Trend.UNKNOWN, improving: null });
  });

  it('steps quarters and months across year ends', () => {
    expect(periodsEndingWith('2026-Q1', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2024', '2026')).toEqual(['2024', '2025', '2026']);
  });
});
