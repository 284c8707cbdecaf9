import {
  compare,
  Direction,
  funnelModelOf,
  Indicator,
  IndicatorKind,
  limitCurve,
  Overdispersion,
  PeriodProtection,
  Periodicity,
  protectPeriod,
  type Comparison,
  type ObservationRow,
} from '@samsyn/equality';
import { Area } from '@samsyn/area';

const indicator = (kind: IndicatorKind, ratePer: number | null = null): Indicator =>
  Object.assign(new Indicator(), {
    code: 'T-1',
    area: Area.CHILD_SERVICES,
    name: 'Test',
    description: '',
    kind,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer,
    koladaKpi: null,
    ruleDocument: null,
  });

const row = (district: string, numerator: number | null, denominator: number, value: number | null = null): ObservationRow => ({
  indicator_code: 'T-1',
  district,
  period: '2026-Q3',
  numerator,
  denominator,
  value,
});

// Ten districts that differ far more than chance explains, so both adjustments widen the limits.
const COUNTS: [string, number, number][] = [
  ['a', 20, 120],
  ['b', 75, 140],
  ['c', 30, 200],
  ['d', 160, 260],
  ['e', 60, 300],
  ['f', 250, 380],
  ['g', 90, 420],
  ['h', 350, 520],
  ['i', 200, 700],
  ['j', 600, 900],
];

const compared = (ind: Indicator, rows: ObservationRow[], overdispersion: Overdispersion): Comparison =>
  compare(ind, '2026-Q3', rows, new PeriodProtection(protectPeriod([ind], rows)), { overdispersion });

/** Each shown district's limits beside the curve's at its own size, where they differ. */
function disagreements(comparison: Comparison) {
  const model = funnelModelOf(comparison);
  if (!model) throw new Error('the comparison has no limits');
  return comparison.entries
    .filter((entry) => entry.denominator !== null)
    .map((entry) => ({ district: entry.district.code, entry, curve: model.limitsAt(entry.denominator as number) }))
    .filter(({ entry, curve }) =>
      (['lower95', 'upper95', 'lower998', 'upper998'] as const).some((key) => Math.abs((entry[key] as number) - curve[key]) > 1e-12),
    );
}

describe('the funnel curve is drawn by the method the districts are judged by', () => {
  const proportions = COUNTS.map(([district, numerator, denominator]) => row(district, numerator, denominator));
  const rates = COUNTS.map(([district, numerator, denominator]) => row(district, numerator, denominator * 40));
  const medians = COUNTS.map(([district, numerator, denominator]) => row(district, null, denominator, numerator / 10));

  it.each([Overdispersion.NONE, Overdispersion.MULTIPLICATIVE, Overdispersion.ADDITIVE])(
    'a proportion, %s: the curve at each district size is that district’s limits',
    (method) => {
      const comparison = compared(indicator(IndicatorKind.PROPORTION), proportions, method);
      expect(comparison.limitsWidened).toBe(method !== Overdispersion.NONE);
      expect(disagreements(comparison)).toEqual([]);
    },
  );

  it.each([Overdispersion.NONE, Overdispersion.MULTIPLICATIVE, Overdispersion.ADDITIVE])(
    'a rate per 1 000, %s: the curve at each district size is that district’s limits',
    (method) => {
      const comparison = compared(indicator(IndicatorKind.RATE, 1000), rates, method);
      expect(disagreements(comparison)).toEqual([]);
    },
  );

  it('a median: the curve is the flat limits every district shares', () => {
    const comparison = compared(indicator(IndicatorKind.MEDIAN), medians, Overdispersion.NONE);
    expect(disagreements(comparison)).toEqual([]);
    const curve = limitCurve(funnelModelOf(comparison)!, 10, 1000, 5);
    expect(new Set(curve.map((point) => point.upper95)).size).toBe(1);
  });

  it('widened limits are wider than exact ones at the same size, and the curve narrows as sizes grow', () => {
    const exact = limitCurve(funnelModelOf(compared(indicator(IndicatorKind.PROPORTION), proportions, Overdispersion.NONE))!, 40, 4000, 12);
    const widened = limitCurve(
      funnelModelOf(compared(indicator(IndicatorKind.PROPORTION), proportions, Overdispersion.MULTIPLICATIVE))!,
      40,
      4000,
      12,
    );
    expect(exact.map((point) => point.cases)).toEqual(widened.map((point) => point.cases));
    expect(exact.map((point) => point.cases)[0]).toBe(40);
    expect(exact.map((point) => point.cases).at(-1)).toBe(4000);
    expect(widened.filter((point, i) => !(point.upper998 - point.lower998 > exact[i].upper998 - exact[i].lower998))).toEqual([]);
    expect(exact.filter((point, i) => i > 0 && !(point.upper95 - point.lower95 < exact[i - 1].upper95 - exact[i - 1].lower95))).toEqual([]);
  });

  it('a comparison whose city total is hidden has no curve', () => {
    const tiny = [row('a', 1, 3), row('b', 2, 3)];
    const comparison = compared(indicator(IndicatorKind.PROPORTION), tiny, Overdispersion.NONE);
    expect(comparison.citySuppressed).toBe(true);
    expect(funnelModelOf(comparison)).toBeNull();
  });
});
