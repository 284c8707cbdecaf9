import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { loadDashboardModule } from './dashboard-module';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface CurvePoint {
  cases: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}
interface FunnelLayoutModule {
  funnelLayout(input: {
    kind: string;
    cityValue: number | null;
    points: { code: string; name: string; value: number; denominator: number }[];
    curve: CurvePoint[];
  }): {
    plot: Box;
    points: { code: string; x: number; y: number; box: Box }[];
    labels: { code: string; box: Box; leader: unknown }[];
    curve: CurvePoint[];
    x: (cases: number) => number;
    y: (value: number) => number;
  } | null;
  overlaps(a: Box, b: Box): boolean;
  FUNNEL_SIZE: { width: number; height: number };
}
interface PeriodsModule {
  currentPeriod(periodicity: string, today?: Date): string;
  periodBefore(period: string, periodicity: string, back: number): string;
}

const AREAS = ['childServices', 'adultServices', 'disability', 'incomeSupport'] as const;
const OVERDISPERSIONS = ['MULTIPLICATIVE', 'ADDITIVE', 'NONE'] as const;

interface ComparisonData {
  cityValue: number | null;
  indicator: { kind: string };
  limitCurve: CurvePoint[];
  entries: { district: { code: string; name: string }; value: number | null; denominator: number | null; suppressed: boolean }[];
}

/**
 * The funnel's label placement (src/model/funnel-layout.ts) over every comparison the demo data offers the page: every
 * indicator × every period its picker lists, with the limits the page asks for by default.
 */
describe('the funnel plot’s labels', () => {
  const layout = loadDashboardModule<FunnelLayoutModule>('src/model/funnel-layout.ts');
  const periods = loadDashboardModule<PeriodsModule>('src/model/periods.ts');
  let graph: TestSupergraph;
  let token: string;

  beforeAll(async () => {
    graph = await startSupergraph();
    token = await tokenFor({ roles: ['analyst'] });
  });
  afterAll(async () => {
    await graph?.close();
  });

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await graph.query<T>(query, { token, variables });
    expect(errors).toBeUndefined();
    return data as T;
  }

  it('overlap no other label and no point, and keep the 99.8 % curves inside the plot, in every demo comparison', async () => {
    const catalogue = await api<
      { districts: { code: string }[] } & Record<(typeof AREAS)[number], { indicators: { code: string; periodicity: string }[] }>
    >(`{ districts { code } ${AREAS.map((area) => `${area} { indicators { code periodicity } }`).join(' ')} }`);
    const problems: string[] = [];
    let compared = 0;
    let withLeaders = 0;
    for (const area of AREAS) {
      for (const indicator of catalogue[area].indicators) {
        // The periods the page's picker offers: those the first district's series reports (model/catalogue.ts).
        const to = periods.currentPeriod(indicator.periodicity);
        const from = periods.periodBefore(to, indicator.periodicity, 15);
        const series = await api<Record<string, { series: { period: string; reported: boolean }[] }>>(
          `query ($i: String!, $d: String!, $from: Period!, $to: Period!) { ${area} { series(indicator: $i, district: $d, from: $from, to: $to) { period reported } } }`,
          { i: indicator.code, d: catalogue.districts[0].code, from, to },
        );
        const reported = series[area].series.filter((point) => point.reported).map((point) => point.period);
        // Each period with each of the limits the page's Justering för överspridning offers: one request per period,
        // the periods of an indicator at once.
        const fields = `cityValue indicator { kind } limitCurve { cases lower95 upper95 lower998 upper998 }
          entries { district { code name } value denominator suppressed }`;
        const answers = await Promise.all(
          reported.map((period) =>
            api<Record<string, Record<(typeof OVERDISPERSIONS)[number], ComparisonData>>>(
              `query ($i: String!, $p: Period!) { ${area} { ${OVERDISPERSIONS.map((o) => `${o}: comparison(indicator: $i, period: $p, overdispersion: ${o}) { ${fields} }`).join(' ')} } }`,
              { i: indicator.code, p: period },
            ).then((data) => OVERDISPERSIONS.map((overdispersion) => ({ period, overdispersion, comparison: data[area][overdispersion] }))),
          ),
        );
        for (const { period, overdispersion, comparison } of answers.flat()) {
          const laid = layout.funnelLayout({
            kind: comparison.indicator.kind,
            cityValue: comparison.cityValue,
            points: comparison.entries
              .filter((e) => !e.suppressed && e.value !== null && e.denominator !== null)
              .map((e) => ({ code: e.district.code, name: e.district.name, value: e.value!, denominator: e.denominator! })),
            curve: comparison.limitCurve,
          });
          compared++;
          if (!laid) continue;
          const where = `${indicator.code} ${period} ${overdispersion}`;
          const counted = comparison.indicator.kind === 'PROPORTION' || comparison.indicator.kind === 'RATE';
          laid.labels.forEach((label, i) => {
            if (label.leader) withLeaders++;
            for (const other of laid.labels.slice(i + 1))
              if (layout.overlaps(label.box, other.box)) problems.push(`${where}: label ${label.code} overlaps label ${other.code}`);
            const { x, y, w, h } = label.box;
            if (x < 0 || y < 0 || x + w > layout.FUNNEL_SIZE.width || y + h > layout.FUNNEL_SIZE.height)
              problems.push(`${where}: label ${label.code} outside the plot`);
            for (const point of laid.points)
              if (layout.overlaps(label.box, point.box)) problems.push(`${where}: label ${label.code} overlaps the point of ${point.code}`);
          });
          for (const c of laid.curve) {
            const top = laid.y(c.upper998);
            const bottom = laid.y(c.lower998);
            // The upper curve always; the lower one of counted limits (a spread band of days may reach below zero).
            if (top < laid.plot.y - 0.5 || (counted && bottom > laid.plot.y + laid.plot.h + 0.5))
              problems.push(`${where}: the 99.8 % curve leaves the plot at ${c.cases} cases`);
          }
        }
      }
    }
    console.log(`funnel labels: ${compared} comparisons laid out, ${withLeaders} labels with a leader line`);
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(300);
    expect(withLeaders).toBeGreaterThan(0);
  }, 300_000);
});
