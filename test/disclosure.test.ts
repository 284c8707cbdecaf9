import solver from 'javascript-lp-solver';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/**
 * The attacker's view: with an analyst token, collect every figure an area publishes for a period
 * (comparison entries and city totals of each indicator, each district's series and profile, the
 * disability breakdown by intervention city-wide and per district), write down the relations the
 * documentation promises (districts add up to the city; interventions add up to a district's
 * DI-NOTEX3M figure and, across districts, to the city's per intervention), and solve them as a linear
 * programme in non-negative integers for the smallest and largest value of every hidden count. A count
 * is disclosed when its range is a single value or stays under 5.
 */

const AREAS = [
  { field: 'childServices', subgraph: 'child-services' },
  { field: 'adultServices', subgraph: 'adult-services' },
  { field: 'disability', subgraph: 'disability' },
  { field: 'incomeSupport', subgraph: 'income-support' },
] as const;
type AreaField = (typeof AREAS)[number]['field'];

interface Entry {
  district: { code: string };
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}
interface PublishedComparison {
  cityNumerator: number | null;
  cityDenominator: number | null;
  cityValue: number | null;
  entries: Entry[];
}
interface BreakdownRow {
  intervention: { code: string };
  decisions: number | null;
  notCarriedOut: number | null;
  suppressed: boolean;
}

/** One linear relation: Σ coefficient × variable = rhs, over hidden counts only (shown counts are moved to rhs). */
interface Relation {
  terms: Map<string, number>;
  rhs: number;
}

/** What an attacker can write down about one area and period. */
class AttackerTable {
  /** @param rename how a count is named in this table (a state's own names when several states are merged). */
  constructor(private readonly rename: (name: string) => string = (name) => name) {}

  /** Shown values of counts, from any published figure. */
  readonly known = new Map<string, number>();
  /** Counts seen hidden somewhere. */
  readonly hidden = new Set<string>();
  /** Sums as the documentation states them: total = Σ parts. */
  readonly sums: { total: string; parts: string[] }[] = [];
  /** Places where one published figure shows what another hides. */
  readonly contradictions: string[] = [];

  show(published: string, value: number | null | undefined): void {
    const name = this.rename(published);
    if (value === null || value === undefined) {
      this.hidden.add(name);
      return;
    }
    const before = this.known.get(name);
    if (before !== undefined && before !== value) this.contradictions.push(`${name}: ${before} and ${value}`);
    this.known.set(name, value);
  }

  /**
   * Counts of one figure: with and without the outcome, or the cases of a median. A figure left out but not
   * `suppressed` (a comparison without a city total has no limits to judge a district by, so it shows no district's
   * counts) is not hidden by disclosure control: nothing protects it, and it is no disclosure when sums give it.
   */
  figure(name: string, counted: boolean, numerator: number | null, denominator: number | null, suppressed = true): void {
    if (!suppressed && (counted ? numerator === null || denominator === null : denominator === null)) return;
    if (counted) {
      this.show(`${name}|with`, numerator);
      this.show(`${name}|without`, numerator === null || denominator === null ? null : denominator - numerator);
    } else {
      this.show(`${name}|cases`, denominator);
    }
  }

  /** A documented sum: total = Σ parts. */
  sum(total: string, parts: string[]): void {
    this.sums.push({ total: this.rename(total), parts: parts.map(this.rename) });
  }

  /** Counts the attacker knows without reading them: its own district's figures. */
  reveal(figures: ReadonlyMap<string, number>): void {
    for (const [name, value] of figures) this.known.set(this.rename(name), value);
  }

  /** A copy that also knows the given counts. */
  knowing(figures: ReadonlyMap<string, number>): AttackerTable {
    const copy = AttackerTable.merge([this]);
    copy.reveal(figures);
    return copy;
  }

  /** What an attacker knows from several tables (several reads): every count shown in any, every sum of each. */
  static merge(tables: AttackerTable[]): AttackerTable {
    const merged = new AttackerTable();
    for (const table of tables) {
      for (const name of table.hidden) merged.hidden.add(name);
      for (const [name, value] of table.known) merged.show(name, value);
      merged.sums.push(...table.sums);
      merged.contradictions.push(...table.contradictions);
    }
    return merged;
  }

  relations(): Relation[] {
    return this.sums.map(({ total, parts }) => {
      const terms = new Map<string, number>();
      let rhs = 0;
      const add = (name: string, coefficient: number) => {
        const value = this.known.get(name);
        if (value !== undefined) rhs -= coefficient * value;
        else terms.set(name, (terms.get(name) ?? 0) + coefficient);
      };
      add(total, -1);
      for (const part of parts) add(part, 1);
      return { terms, rhs };
    });
  }

  /**
   * The smallest and largest value every hidden count can take, relation by connected group; with `focus`, only
   * of the counts in a group with one of those names (the others are as an attacker without the focus knows them).
   */
  ranges(focus?: ReadonlySet<string>): Map<string, [number, number]> {
    const relations = this.relations();
    const unknown = [...this.hidden].filter((name) => !this.known.has(name));
    const groupOf = new Map(unknown.map((name) => [name, name]));
    const find = (name: string): string => {
      let root = name;
      while (groupOf.get(root) !== root) root = groupOf.get(root) as string;
      return root;
    };
    for (const relation of relations) {
      const names = [...relation.terms.keys()];
      for (const name of names.slice(1)) groupOf.set(find(name), find(names[0]));
    }
    const ranges = new Map<string, [number, number]>();
    const focused = focus && new Set([...focus].filter((name) => groupOf.has(name)).map(find));
    for (const name of unknown) {
      const group = find(name);
      if (focused && !focused.has(group)) continue;
      const own = relations.filter((relation) => relation.terms.size > 0 && find([...relation.terms.keys()][0]) === group);
      const constraints: Record<string, { equal: number }> = {};
      const variables: Record<string, Record<string, number>> = {};
      const ints: Record<string, number> = {};
      own.forEach((relation, i) => {
        constraints[`r${i}`] = { equal: relation.rhs };
        for (const [variable, coefficient] of relation.terms) {
          variables[variable] = { ...(variables[variable] ?? {}), [`r${i}`]: coefficient };
          ints[variable] = 1;
        }
      });
      variables[name] = { ...(variables[name] ?? {}), objective: 1 };
      ints[name] = 1;
      const solve = (opType: 'min' | 'max') => solver.Solve({ optimize: 'objective', opType, constraints, variables, ints });
      const low = solve('min');
      const high = solve('max');
      if (!low.feasible || !high.feasible)
        throw new Error(`the published relations around ${name} have no solution: the attacker's model is wrong`);
      ranges.set(name, [Math.round(low.result), high.bounded === false ? Number.POSITIVE_INFINITY : Math.round(high.result)]);
    }
    return ranges;
  }
}

let graph: TestSupergraph;
let analyst: string;

beforeAll(async () => {
  graph = await startSupergraph();
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());

async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await graph.query<T>(query, { token: analyst, variables });
  expect(errors).toBeUndefined();
  return data!;
}

type SeriesPoint = { period: string; numerator: number | null; denominator: number | null; suppressed: boolean };
/** Series over the whole range, asked once per indicator and district. */
const seriesCache = new Map<string, Promise<SeriesPoint[]>>();

/** Everything one area publishes about one period, as the attacker's table. */
async function collect(
  area: AreaField,
  period: string,
  from: string,
  to: string,
  table = new AttackerTable(),
): Promise<{ table: AttackerTable; comparisons: Map<string, PublishedComparison & { kind: string }> }> {
  const { [area]: ns } = await ask<Record<string, { indicators: { code: string; kind: string; periodicity: string }[] }>>(
    `#graphql
    query Indicators { ${area} { indicators { code kind periodicity } } }`,
  );
  const indicators = ns.indicators.filter((indicator) => indicator.periodicity === 'QUARTER');
  const comparisons = new Map<string, PublishedComparison & { kind: string }>();
  for (const indicator of indicators) {
    const counted = indicator.kind === 'PROPORTION' || indicator.kind === 'RATE';
    const data = await ask<Record<string, { comparison: PublishedComparison }>>(
      `#graphql
      query Comparison($code: String!, $period: Period!) { ${area} { comparison(indicator: $code, period: $period) {
         cityNumerator cityDenominator cityValue entries { district { code } numerator denominator value suppressed } } } }`,
      { code: indicator.code, period },
    );
    const comparison = data[area].comparison;
    // An indicator nobody reported for in the period publishes nothing.
    if (comparison.entries.length === 0) continue;
    comparisons.set(indicator.code, { ...comparison, kind: indicator.kind });
    const districts = comparison.entries.map((entry) => entry.district.code);
    table.figure(`${indicator.code}|city`, counted, comparison.cityNumerator, comparison.cityDenominator);
    for (const entry of comparison.entries)
      table.figure(`${indicator.code}|${entry.district.code}`, counted, entry.numerator, entry.denominator, entry.suppressed);
    for (const count of counted ? ['with', 'without'] : ['cases']) {
      table.sum(
        `${indicator.code}|city|${count}`,
        districts.map((district) => `${indicator.code}|${district}|${count}`),
      );
    }
    // Each district's series over the whole range, and its profile: the same figures must show the same, or hide.
    for (const district of districts) {
      const key = `${area}|${indicator.code}|${district}|${from}|${to}`;
      if (!seriesCache.has(key)) {
        const asked = ask<Record<string, { series: SeriesPoint[] }>>(
          `query ($code: String!, $district: String!, $from: Period!, $to: Period!) { ${area} { series(indicator: $code, district: $district, from: $from, to: $to) { period numerator denominator suppressed } } }`,
          { code: indicator.code, district, from, to },
        );
        seriesCache.set(
          key,
          asked.then((data) => data[area].series),
        );
      }
      const point = (await seriesCache.get(key))?.find((p) => p.period === period);
      if (point) table.figure(`${indicator.code}|${district}`, counted, point.numerator, point.denominator, point.suppressed);
    }
  }
  const profiles = await ask<{
    districts: ({ code: string } & Record<
      string,
      {
        indicators: {
          indicator: { code: string; kind: string };
          numerator: number | null;
          denominator: number | null;
          suppressed: boolean;
        }[];
      } | null
    >)[];
  }>(
    `query ($period: Period!) { districts { code ${area} { indicators(period: $period) { indicator { code kind } numerator denominator suppressed } } } }`,
    { period },
  );
  for (const district of profiles.districts) {
    for (const value of district[area]?.indicators ?? []) {
      // A profile lists every indicator; only districts that reported are in the table.
      if (!comparisons.get(value.indicator.code)?.entries.some((entry) => entry.district.code === district.code)) continue;
      table.figure(
        `${value.indicator.code}|${district.code}`,
        value.indicator.kind === 'PROPORTION' || value.indicator.kind === 'RATE',
        value.numerator,
        value.denominator,
        value.suppressed,
      );
    }
  }
  if (area === 'disability')
    await collectBreakdown(table, period, comparisons.get('DI-NOTEX3M')?.entries.map((entry) => entry.district.code) ?? []);
  return { table, comparisons };
}

/** The breakdown by intervention, city-wide and per district, with its two documented sums. */
async function collectBreakdown(table: AttackerTable, period: string, districts: string[]): Promise<void> {
  const QUERY = `query ($period: Period!, $district: String) { disability { decisionsNotCarriedOut(period: $period, district: $district) { intervention { code } decisions notCarriedOut suppressed } } }`;
  const read = async (district: string | null) =>
    (await ask<{ disability: { decisionsNotCarriedOut: BreakdownRow[] } }>(QUERY, { period, district })).disability.decisionsNotCarriedOut;
  const columns = new Map<string, string[]>();
  for (const row of await read(null)) {
    table.figure(`DI-NOTEX3M|city|${row.intervention.code}`, true, row.notCarriedOut, row.decisions);
    columns.set(row.intervention.code, []);
  }
  for (const district of districts) {
    const rows = await read(district);
    if (rows.length === 0) continue;
    for (const row of rows) {
      table.figure(`DI-NOTEX3M|${district}|${row.intervention.code}`, true, row.notCarriedOut, row.decisions);
      columns.get(row.intervention.code)?.push(district);
    }
    for (const count of ['with', 'without']) {
      table.sum(
        `DI-NOTEX3M|${district}|${count}`,
        rows.map((row) => `DI-NOTEX3M|${district}|${row.intervention.code}|${count}`),
      );
    }
  }
  for (const [code, inColumn] of columns) {
    for (const count of ['with', 'without']) {
      table.sum(
        `DI-NOTEX3M|city|${code}|${count}`,
        inColumn.map((district) => `DI-NOTEX3M|${district}|${code}|${count}`),
      );
    }
  }
}

/** A hidden count is disclosed when what is published leaves it fewer than this many values wide (largest minus smallest), or under 5. */
const MIN_RANGE = 5;

/** Hidden counts the attacker can pin, narrow to a range under 5, or knows to be under 5 (with `focus`, only those near it; see ranges). */
function disclosed(
  label: string,
  table: AttackerTable,
  focus?: ReadonlySet<string>,
  reporter?: string,
): { disclosures: string[]; hidden: number } {
  const ranges = table.ranges(focus);
  const disclosures = [...ranges]
    // With `reporter`: a city total the period showed before, hidden since the reporter changed its own figure (so that no one
    // else can difference it), is the old total plus the reporter's own change to the reporter; that is no one's figure, and
    // a disclosure only when it is small. Every district's count still counts when narrowed at all.
    .filter(([name, [low, high]]) =>
      reporter && districtOf(name.replace(/^[a-z]+:/, '')) === 'city' ? high < 5 : high - low < MIN_RANGE || high < 5,
    )
    .map(([name, [low, high]]) => `${label} ${name}: ${low === high ? `pinned at ${low}` : `between ${low} and ${high}`}`);
  return { disclosures: [...table.contradictions.map((c) => `${label} shown differently: ${c}`), ...disclosures], hidden: ranges.size };
}

/** The second part of a count's name: a district code, or "city". */
const districtOf = (name: string) => name.split('|')[1];

/**
 * Every count of one district in a period as the attacker's table names them, read from the area's database: what a
 * district system knows of its own district without asking.
 */
async function ownFigures(area: AreaField, period: string, district: string): Promise<Map<string, number>> {
  const { subgraph } = AREAS.find((each) => each.field === area)!;
  const db = graph.subgraphs[subgraph]!.db;
  const figures = new Map<string, number>();
  const rows = await db.query<{ code: string; kind: string; numerator: number | null; denominator: number | null }[]>(
    `SELECT o.indicator_code AS code, i.kind, o.numerator, o.denominator FROM observation o JOIN indicator i ON i.code = o.indicator_code
     WHERE o.period = $1 AND o.district = $2`,
    [period, district],
  );
  for (const row of rows) {
    if (row.kind === 'PROPORTION' || row.kind === 'RATE') {
      figures.set(`${row.code}|${district}|with`, row.numerator as number);
      figures.set(`${row.code}|${district}|without`, (row.denominator as number) - (row.numerator as number));
    } else if (row.denominator !== null) figures.set(`${row.code}|${district}|cases`, row.denominator);
  }
  if (area === 'disability') {
    const cells = await db.query<{ code: string; decisions: number; not_carried_out: number }[]>(
      `SELECT intervention_code AS code, decisions, not_carried_out FROM decision_not_carried_out WHERE period = $1 AND district = $2`,
      [period, district],
    );
    for (const cell of cells) {
      figures.set(`DI-NOTEX3M|${district}|${cell.code}|with`, cell.not_carried_out);
      figures.set(`DI-NOTEX3M|${district}|${cell.code}|without`, cell.decisions - cell.not_carried_out);
    }
  }
  return figures;
}

/**
 * What one district's system learns beyond the outsider: the table knowing its own figures, solved again only in the
 * relations its hidden counts take part in (the rest it knows no better than the outsider).
 */
function insiderDisclosures(label: string, table: AttackerTable, district: string, own: Map<string, number>): string[] {
  const hiddenOwn = [...own.keys()].filter((name) => table.hidden.has(name) && !table.known.has(name));
  if (hiddenOwn.length === 0) return [];
  const near = new Set(
    table.sums
      .filter(({ total, parts }) => [total, ...parts].some((name) => hiddenOwn.includes(name)))
      .flatMap(({ total, parts }) => [total, ...parts])
      .filter((name) => districtOf(name) !== district),
  );
  return disclosed(`${label} knowing ${district}`, table.knowing(own), near).disclosures;
}

/** A city median or mean must be computed from shown districts only, so it tells nothing of a hidden one. */
function medianLeaks(label: string, comparisons: Map<string, PublishedComparison & { kind: string }>): string[] {
  return [...comparisons]
    .filter(([, c]) => (c.kind === 'MEDIAN' || c.kind === 'MEAN') && c.cityValue !== null)
    .flatMap(([code, c]) => {
      const shown = c.entries.filter((e) => !e.suppressed).map((e) => e.value as number);
      const possible = new Set([...shown, ...shown.flatMap((a) => shown.map((b) => (a + b) / 2))]);
      return c.kind === 'MEDIAN' && !possible.has(c.cityValue as number)
        ? [`${label} ${code}: city median ${c.cityValue} is no shown district's value`]
        : [];
    });
}

const DEMO_PERIODS = [
  '2023-Q4',
  '2024-Q1',
  '2024-Q2',
  '2024-Q3',
  '2024-Q4',
  '2025-Q1',
  '2025-Q2',
  '2025-Q3',
  '2025-Q4',
  '2026-Q1',
  '2026-Q2',
  '2026-Q3',
];

describe('an attacker with every published figure of a period', () => {
  it('can pin no hidden count in the demo data, nor narrow one below a range of 5, even knowing any one district', async () => {
    const found: string[] = [];
    const byInsiders: string[] = [];
    let hidden = 0;
    for (const { field } of AREAS) {
      for (const period of DEMO_PERIODS) {
        const { table, comparisons } = await collect(field, period, DEMO_PERIODS[0], DEMO_PERIODS[DEMO_PERIODS.length - 1]);
        const label = `${field} ${period}`;
        const result = disclosed(label, table);
        hidden += result.hidden;
        found.push(...result.disclosures, ...medianLeaks(label, comparisons));
        const districts = new Set([...comparisons.values()].flatMap((c) => c.entries.map((entry) => entry.district.code)));
        for (const district of districts)
          byInsiders.push(...insiderDisclosures(label, table, district, await ownFigures(field, period, district)));
      }
    }
    // Every count one insider or another narrows, once.
    const insiderCounts = new Set(byInsiders.map((line) => line.split(' ').slice(0, 2).join(' ') + ' ' + line.split(' ')[4]));
    console.log(
      `demo data: ${hidden} hidden counts over 4 areas × ${DEMO_PERIODS.length} quarters, each solved for its range; ` +
        `${found.length} disclosed to an outsider, ${insiderCounts.size} more to one district or another (${byInsiders.length} district-count pairs)`,
    );
    if (found.length + byInsiders.length > 0) console.log([...found, ...byInsiders].join('\n'));
    expect(hidden).toBeGreaterThan(100);
    expect(found).toEqual([]);
    expect(byInsiders).toEqual([]);
  }, 1_200_000);

  describe('facing adversarial reports', () => {
    const REPORT = (area: AreaField) =>
      `#graphql
      mutation Report($input: [ObservationInput!]!) { ${area} { reportObservations(input: $input) { received } } }`;
    async function report(
      area: AreaField,
      rows: { indicator: string; district: string; period: string; numerator?: number; denominator?: number; value?: number }[],
    ) {
      for (const district of new Set(rows.map((row) => row.district))) {
        const token = await tokenFor({ roles: ['district-system'], district });
        const { errors } = await graph.query(REPORT(area), {
          token,
          variables: { input: rows.filter((row) => row.district === district) },
        });
        expect(errors).toBeUndefined();
      }
    }
    async function attack(
      area: AreaField,
      period: string,
    ): Promise<{ disclosures: string[]; comparisons: Map<string, PublishedComparison & { kind: string }> }> {
      const { table, comparisons } = await collect(area, period, period, period);
      return {
        disclosures: [...disclosed(`${area} ${period}`, table).disclosures, ...medianLeaks(`${area} ${period}`, comparisons)],
        comparisons,
      };
    }

    it('learns nothing of a neighbour by reporting a false figure, reading, and reporting the true one again', async () => {
      // Every district of CS-INV4M in turn, with a false small count (its figure hidden) and a false smallest figure that
      // is not small (the first candidate to hide with a small one): each play reads the period before, between and after.
      const PERIOD = '2026-Q3';
      const CODE = 'CS-INV4M';
      const db = graph.subgraphs['child-services']!.db;
      const figures = await db.query<{ district: string; numerator: number; denominator: number }[]>(
        `SELECT district, numerator, denominator FROM observation WHERE indicator_code = $1 AND period = $2 ORDER BY district`,
        [CODE, PERIOD],
      );
      expect(figures.length).toBeGreaterThan(5);
      const read = async (tag: string, district: string) => {
        seriesCache.clear();
        const table = new AttackerTable((name) => (districtOf(name) === 'city' || districtOf(name) === district ? `${tag}:${name}` : name));
        await collect('childServices', PERIOD, PERIOD, PERIOD, table);
        table.reveal(await ownFigures('childServices', PERIOD, district));
        return table;
      };
      const found: string[] = [];
      let plays = 0;
      for (const { district, numerator, denominator } of figures) {
        for (const lie of [
          { numerator: 4, denominator: Math.max(denominator - 17, 44) },
          { numerator: 5, denominator: 10 },
        ]) {
          const before = await read('before', district);
          await report('childServices', [{ indicator: CODE, district, period: PERIOD, ...lie }]);
          const between = await read('between', district);
          await report('childServices', [{ indicator: CODE, district, period: PERIOD, numerator, denominator }]);
          const after = await read('after', district);
          const label = `${district} reporting ${lie.numerator}/${lie.denominator} for ${numerator}/${denominator}`;
          found.push(...disclosed(label, AttackerTable.merge([before, between, after]), undefined, district).disclosures);
          plays += 1;
        }
      }
      console.log(`re-report attack: ${plays} plays on ${CODE} ${PERIOD}; ${found.length} hidden counts disclosed`);
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
    }, 1_200_000);

    it('learns nothing of a neighbour by reporting a false breakdown by intervention and the true one again', async () => {
      // Every district of DI-NOTEX3M in 2026-Q3 in turn reports every intervention with none not carried out (its
      // DI-NOTEX3M figure becomes 0: hidden), reads, and reports its breakdown as it was.
      const PERIOD = '2026-Q3';
      const DECISIONS = `#graphql
        mutation ReportDecisions($input: [DecisionsInput!]!) { disability { reportDecisionsNotCarriedOut(input: $input) { received } } }`;
      const db = graph.subgraphs.disability!.db;
      const cells = await db.query<{ district: string; intervention: string; decisions: number; notCarriedOut: number }[]>(
        `SELECT district, intervention_code AS intervention, decisions, not_carried_out AS "notCarriedOut"
         FROM decision_not_carried_out WHERE period = $1 ORDER BY district, intervention_code`,
        [PERIOD],
      );
      const districts = [...new Set(cells.map((cell) => cell.district))];
      expect(districts.length).toBeGreaterThan(5);
      const read = async (tag: string, district: string) => {
        seriesCache.clear();
        const table = new AttackerTable((name) => (districtOf(name) === 'city' || districtOf(name) === district ? `${tag}:${name}` : name));
        await collect('disability', PERIOD, PERIOD, PERIOD, table);
        table.reveal(await ownFigures('disability', PERIOD, district));
        return table;
      };
      const send = async (district: string, rows: typeof cells) => {
        const token = await tokenFor({ roles: ['district-system'], district });
        const { errors } = await graph.query(DECISIONS, {
          token,
          variables: { input: rows.map((row) => ({ ...row, period: PERIOD })) },
        });
        expect(errors).toBeUndefined();
      };
      const found: string[] = [];
      for (const district of districts) {
        const own = cells.filter((cell) => cell.district === district);
        const before = await read('before', district);
        await send(
          district,
          own.map((cell) => ({ ...cell, notCarriedOut: 0 })),
        );
        const between = await read('between', district);
        await send(district, own);
        const after = await read('after', district);
        found.push(
          ...disclosed(`${district} reporting none not carried out`, AttackerTable.merge([before, between, after]), undefined, district)
            .disclosures,
        );
      }
      console.log(
        `re-report attack on the breakdown: ${districts.length} plays on DI-NOTEX3M ${PERIOD}; ${found.length} hidden counts disclosed`,
      );
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
    }, 1_200_000);

    it('learns nothing by keeping every published state of a period across a late report and corrections', async () => {
      // An attacker who reads the period after every report and keeps what it read: differences of the city total between
      // two states are what changed in between. The reporting district's figures and the city total are named per state;
      // every other district's figures are the same in all states (and the attacker may know them: insiders in turn).
      const read = async (tag: string, period: string, reporter: string) => {
        seriesCache.clear();
        const table = new AttackerTable((name) => (districtOf(name) === 'city' || districtOf(name) === reporter ? `${tag}:${name}` : name));
        const { comparisons } = await collect('childServices', period, period, period, table);
        return { table, comparisons };
      };
      const attackStates = async (label: string, period: string, reporter: string, tables: AttackerTable[]) => {
        const merged = AttackerTable.merge(tables);
        const found = [...disclosed(label, merged).disclosures];
        for (const district of ['angered', 'lundby', 'centrum', 'majorna-linne', 'askim-frolunda-hogsbo', 'norra-hisingen'])
          if (district !== reporter)
            found.push(...insiderDisclosures(label, merged, district, await ownFigures('childServices', period, district)));
        return found;
      };
      const FIRST = [
        { district: 'angered', numerator: 40, denominator: 61 },
        { district: 'lundby', numerator: 28, denominator: 40 },
        { district: 'centrum', numerator: 35, denominator: 50 },
        { district: 'majorna-linne', numerator: 30, denominator: 52 },
        { district: 'askim-frolunda-hogsbo', numerator: 45, denominator: 70 },
        { district: 'norra-hisingen', numerator: 33, denominator: 48 },
      ];

      // 1. Six districts report CS-INV4M; västra-hisingen reports late, a small figure (hidden); then corrects it.
      const LATE = '2032-Q1';
      await report(
        'childServices',
        FIRST.map((row) => ({ indicator: 'CS-INV4M', period: LATE, ...row })),
      );
      const first = await read('first', LATE, 'vastra-hisingen');
      expect(first.comparisons.get('CS-INV4M')?.cityNumerator).toBe(211);
      await report('childServices', [{ indicator: 'CS-INV4M', district: 'vastra-hisingen', period: LATE, numerator: 2, denominator: 45 }]);
      const late = await read('late', LATE, 'vastra-hisingen');
      await report('childServices', [{ indicator: 'CS-INV4M', district: 'vastra-hisingen', period: LATE, numerator: 4, denominator: 47 }]);
      const corrected = await read('corrected', LATE, 'vastra-hisingen');
      const entryOf = (state: typeof late) => state.comparisons.get('CS-INV4M')?.entries.find((e) => e.district.code === 'vastra-hisingen');
      expect(entryOf(late)).toMatchObject({ suppressed: true, numerator: null });
      expect(entryOf(corrected)).toMatchObject({ suppressed: true, numerator: null });
      const found = await attackStates(`late report in ${LATE}`, LATE, 'vastra-hisingen', [first.table, late.table, corrected.table]);
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);

      // 2. Seven districts report CS-IA14 at once, one of them small (hidden, with two more to protect it, the city total
      // shown); then the small one is corrected: the city total would change by exactly the correction.
      const FIXED = '2032-Q2';
      await report('childServices', [
        ...FIRST.map((row) => ({ indicator: 'CS-IA14', period: FIXED, ...row })),
        { indicator: 'CS-IA14', district: 'vastra-hisingen', period: FIXED, numerator: 2, denominator: 45 },
      ]);
      // Reported district by district, the period's city total is hidden from the late small one on; an admin republishes
      // the period once its figures are final, which shows the city total again (the small one and two more hidden). The
      // states read before the republication are left out: subtracting across it is what republishing gives away
      // (docs/statistics.md).
      const admin = await tokenFor({ roles: ['admin'] });
      const republished = await graph.query(
        `mutation ($period: Period!) { childServices { republishFigures(period: $period) { hiddenAfter } } }`,
        { token: admin, variables: { period: FIXED } },
      );
      expect(republished.errors).toBeUndefined();
      const before = await read('before', FIXED, 'vastra-hisingen');
      expect(before.comparisons.get('CS-IA14')?.cityNumerator).toBe(213);
      await report('childServices', [{ indicator: 'CS-IA14', district: 'vastra-hisingen', period: FIXED, numerator: 4, denominator: 45 }]);
      const after = await read('after', FIXED, 'vastra-hisingen');
      // The city total the period published stays hidden from the correction on (until an admin republishes the period).
      expect(after.comparisons.get('CS-IA14')).toMatchObject({ cityNumerator: null, cityDenominator: null, cityValue: null });
      found.push(...(await attackStates(`correction in ${FIXED}`, FIXED, 'vastra-hisingen', [before.table, after.table])));

      console.log(`differencing over time: ${found.length} hidden counts disclosed`);
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
    }, 300_000);

    it('learns nothing when a single district reports 3 of 60', async () => {
      await report('childServices', [{ indicator: 'CS-IA14', district: 'lundby', period: '2031-Q1', numerator: 3, denominator: 60 }]);
      const { disclosures, comparisons } = await attack('childServices', '2031-Q1');
      expect(comparisons.get('CS-IA14')).toMatchObject({ cityNumerator: null, cityDenominator: null, cityValue: null });
      expect(disclosures).toEqual([]);
    });

    it('learns nothing when two districts report 0 of 60 and 0 of 55', async () => {
      await report('childServices', [
        { indicator: 'CS-IA14', district: 'angered', period: '2031-Q2', numerator: 0, denominator: 60 },
        { indicator: 'CS-IA14', district: 'lundby', period: '2031-Q2', numerator: 0, denominator: 55 },
      ]);
      expect((await attack('childServices', '2031-Q2')).disclosures).toEqual([]);
    });

    it('learns nothing when the city count is under 5', async () => {
      await report('childServices', [
        { indicator: 'CS-INV4M', district: 'angered', period: '2031-Q3', numerator: 1, denominator: 50 },
        { indicator: 'CS-INV4M', district: 'lundby', period: '2031-Q3', numerator: 2, denominator: 50 },
        { indicator: 'CS-INV4M', district: 'centrum', period: '2031-Q3', numerator: 1, denominator: 40 },
      ]);
      const { disclosures, comparisons } = await attack('childServices', '2031-Q3');
      expect(comparisons.get('CS-INV4M')?.cityNumerator).toBeNull();
      expect(disclosures).toEqual([]);
    });

    it('learns nothing from a rate of 10 in 12 (the complement 2), beside larger districts', async () => {
      await report('childServices', [
        { indicator: 'CS-PLACE', district: 'angered', period: '2031-Q4', numerator: 10, denominator: 12 },
        { indicator: 'CS-PLACE', district: 'lundby', period: '2031-Q4', numerator: 30, denominator: 5000 },
        { indicator: 'CS-PLACE', district: 'centrum', period: '2031-Q4', numerator: 20, denominator: 4000 },
        { indicator: 'CS-PLACE', district: 'askim-frolunda-hogsbo', period: '2031-Q4', numerator: 50, denominator: 6000 },
      ]);
      const { disclosures, comparisons } = await attack('childServices', '2031-Q4');
      expect(comparisons.get('CS-PLACE')?.entries.find((e) => e.district.code === 'angered')).toMatchObject({
        suppressed: true,
        numerator: null,
      });
      expect(disclosures).toEqual([]);
    });

    it('learns nothing from medians of 3 and 4 cases or a median without a case count', async () => {
      await report('adultServices', [
        { indicator: 'AS-WAIT', district: 'angered', period: '2031-Q1', value: 10, denominator: 20 },
        { indicator: 'AS-WAIT', district: 'lundby', period: '2031-Q1', value: 30, denominator: 3 },
        { indicator: 'AS-WAIT', district: 'centrum', period: '2031-Q1', value: 40, denominator: 4 },
        { indicator: 'AS-WAIT', district: 'majorna-linne', period: '2031-Q1', value: 50, denominator: 25 },
        { indicator: 'AS-WAIT', district: 'askim-frolunda-hogsbo', period: '2031-Q1', value: 35 },
      ]);
      const { disclosures, comparisons } = await attack('adultServices', '2031-Q1');
      const wait = comparisons.get('AS-WAIT');
      expect(
        wait?.entries
          .filter((e) => e.suppressed)
          .map((e) => e.district.code)
          .sort(),
      ).toEqual(['askim-frolunda-hogsbo', 'centrum', 'lundby']);
      expect(disclosures).toEqual([]);
    });

    it('learns nothing from a breakdown by intervention whose one intervention carries the whole numerator', async () => {
      const DECISIONS = `#graphql
        mutation ReportDecisions($input: [DecisionsInput!]!) { disability { reportDecisionsNotCarriedOut(input: $input) { received } } }`;
      const cells: Record<string, [string, number, number][]> = {
        angered: [
          ['LSS-3', 12, 7],
          ['LSS-9', 20, 0],
          ['LSS-10', 14, 0],
        ],
        lundby: [
          ['LSS-3', 6, 2],
          ['LSS-9', 15, 0],
        ],
        centrum: [
          ['LSS-3', 10, 6],
          ['LSS-9', 30, 0],
          ['LSS-10', 9, 0],
        ],
        'majorna-linne': [
          ['LSS-3', 25, 9],
          ['LSS-9', 18, 6],
        ],
      };
      for (const [district, rows] of Object.entries(cells)) {
        const token = await tokenFor({ roles: ['district-system'], district });
        const input = rows.map(([intervention, decisions, notCarriedOut]) => ({
          district,
          period: '2031-Q1',
          intervention,
          decisions,
          notCarriedOut,
        }));
        expect((await graph.query(DECISIONS, { token, variables: { input } })).errors).toBeUndefined();
      }
      const { disclosures, comparisons } = await attack('disability', '2031-Q1');
      expect(comparisons.get('DI-NOTEX3M')?.entries).toHaveLength(4);
      expect(disclosures).toEqual([]);
    });
  });
});
