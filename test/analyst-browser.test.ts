/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { AXE_SOURCE, launchChromium, OUTPUT } from './browser';

// A real browser on 2 shared cores: each step may wait for the page longer than the suite's default.
jest.setTimeout(180_000);

const AREA_FIELDS = {
  CHILD_SERVICES: 'childServices',
  ADULT_SERVICES: 'adultServices',
  DISABILITY: 'disability',
  INCOME_SUPPORT: 'incomeSupport',
} as const;
type AreaField = (typeof AREA_FIELDS)[keyof typeof AREA_FIELDS];

interface Indicator {
  code: string;
  name: string;
  area: keyof typeof AREA_FIELDS;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEITHER';
  description: string;
  kind: string;
  unit: string;
}
interface PositionComparison {
  limitBasis: 'CHANCE' | 'SPREAD';
  limitsWidened: boolean;
  dispersionFactor: number | null;
  indicator: Indicator;
  entries: {
    district: { code: string; name: string };
    value: number | null;
    suppressed: boolean;
    position: string | null;
    trend: string;
    improving: boolean | null;
  }[];
}
interface ProfileValue {
  indicator: { code: string };
  value: number | null;
  cityValue: number | null;
  suppressed: boolean;
}

/** What a position must read as, by the indicator's direction: the words this issue asks for. */
function expectedWords(position: string, direction: Indicator['direction'], basis: 'CHANCE' | 'SPREAD'): string {
  if (position === 'INSIDE') return basis === 'SPREAD' ? 'Inom spridningsbandet' : 'Inom gränserna';
  const above = position.startsWith('ABOVE');
  if (direction === 'HIGHER_IS_BETTER') return above ? 'Bättre än staden' : 'Sämre än staden';
  if (direction === 'LOWER_IS_BETTER') return above ? 'Sämre än staden' : 'Bättre än staden';
  return above ? 'Högre än staden' : 'Lägre än staden';
}

/** A figure as the page must write it: proportions in per cent, others in their unit, one decimal, decimal comma. */
function figure(value: number | null, item: { kind: string; unit: string }): string {
  if (value === null) return '–';
  const oneDecimal = (x: number) => x.toFixed(1).replace('.', ',').replace('-', '−');
  return item.kind === 'PROPORTION' ? `${oneDecimal(value * 100)} %` : `${oneDecimal(value)} ${item.unit}`;
}

/** How a period reads on the page ("2026 kvartal 3"). */
function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  return quarter ? `${quarter[1]} kvartal ${quarter[2]}` : period;
}

interface Figures {
  district: string;
  city: string;
  position: string;
}

/** The analyst's questions in a real Chromium: better or worse, which period, two periods at once, by keyboard. */
describe('the dashboard answers an analyst', () => {
  let graph: TestSupergraph;
  let server: RunningHttpService;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let analystToken: string;
  let indicators: Indicator[];
  /** What the page fetched: printed for the first load of Översikt, for the record (no assertion on it). */
  const transferred = { bytes: 0, operations: 0 };
  /** The periods with figures, newest first. */
  let periods: string[];

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    graph = await startSupergraph();
    server = await serveGateway(graph.gateway, testConfig('gateway', graph.suffix, { HOST: '127.0.0.1' }), 0);
    origin = new URL(server.url).origin;
    analystToken = await tokenFor({ roles: ['analyst'] });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'sv-SE' });
    // The dashboard needs nothing but its gateway.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(`${origin}/`) || url.startsWith('data:') ? route.continue() : route.abort();
    });
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (!sizes) return;
      transferred.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      if (new URL(request.url()).pathname === '/graphql') transferred.operations++;
    });
    page = await context.newPage();
    page.setDefaultTimeout(90_000);

    const catalogue = await api<Record<AreaField, { indicators: Indicator[] }>>(
      `{ ${Object.values(AREA_FIELDS)
        .map((field) => `${field} { indicators { code name area direction description kind unit } }`)
        .join(' ')} }`,
    );
    indicators = Object.values(AREA_FIELDS).flatMap((field) => catalogue[field].indicators);
    const series = await api<{ childServices: { series: { period: string; reported: boolean }[] } }>(
      `{ childServices { series(indicator: "CS-IA14", district: "angered", from: "2023-Q1", to: "2026-Q4") { period reported } } }`,
    );
    periods = series.childServices.series
      .filter((point) => point.reported)
      .map((point) => point.period)
      .reverse();
    expect(periods.length).toBeGreaterThanOrEqual(4);

    // Signed in as a person does: the sign-in page, the analyst's role, the button.
    await page.goto(`${origin}/dashboard/#/logga-in`);
    await page.getByLabel(/Analytiker/).check();
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Inloggad: Analytiker (utveckling)').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await graph.query<T>(query, { token: analystToken, variables });
    expect(errors).toBeUndefined();
    return data as T;
  }

  const indicator = (code: string) => indicators.find((item) => item.code === code) as Indicator;

  /** The comparison the pages judge positions by: widened where overdispersion is significant, as the funnel by default. */
  async function positions(code: string, period: string): Promise<PositionComparison> {
    const field = AREA_FIELDS[indicator(code).area];
    const data = await api<Record<AreaField, { comparison: PositionComparison }>>(
      `query ($indicator: String!, $period: Period!) { ${field} { comparison(indicator: $indicator, period: $period, overdispersion: MULTIPLICATIVE, multiplicity: BENJAMINI_HOCHBERG) {
        limitBasis limitsWidened dispersionFactor indicator { code name area direction description kind unit }
        entries { district { code name } value suppressed position trend improving } } } }`,
      { indicator: code, period },
    );
    return data[field].comparison;
  }

  /** A district's figures in a period, per indicator, as the API gives them to its profile. */
  async function profile(district: string, period: string): Promise<Map<string, ProfileValue>> {
    const data = await api<{ district: Record<AreaField, { indicators: ProfileValue[] }> }>(
      `query ($code: String!, $period: Period!) { district(code: $code) { ${Object.values(AREA_FIELDS)
        .map((field) => `${field} { indicators(period: $period) { indicator { code } value cityValue suppressed } }`)
        .join(' ')} } }`,
      { code: district, period },
    );
    return new Map(
      Object.values(AREA_FIELDS).flatMap((field) => data.district[field].indicators.map((item) => [item.indicator.code, item] as const)),
    );
  }

  async function accessibilityViolations(): Promise<{ id: string; nodes: string[] }[]> {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      (
        window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(OUTPUT, `analyst-${name}.png`), fullPage: true });
  }

  /** Waits until the page shows `text` in `selector` and no reload is under way (its "Hämtar …" status is gone). */
  async function settled(selector: string, text: string): Promise<void> {
    await page.waitForFunction(
      ([selector, text]) =>
        !document.querySelector('.status') &&
        [...document.querySelectorAll(selector)].some((element) => (element.textContent ?? '').includes(text)),
      [selector, text] as const,
    );
  }

  /** The row of an indicator in a table, found by the indicator's name as a reader finds it. */
  const rowOf = (table: Locator, name: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  /**
   * A district page's indicator table as the reader sees it: per indicator, for each period shown, the district's
   * figure, the city's and the position's words.
   */
  async function districtTable(): Promise<Map<string, { periods: Figures[]; trend: string }>> {
    const rows = await page.locator('.indicator-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('th a')?.textContent ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) =>
          (td.querySelector('.verdict-words')?.textContent ?? td.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      })),
    );
    return new Map(
      rows.map(({ name, cells }) => {
        const perPeriod: Figures[] = [];
        // Each period has three cells (district, city, position); trend and sparkline follow.
        for (let i = 0; i + 3 <= cells.length - 2; i += 3)
          perPeriod.push({ district: cells[i], city: cells[i + 1], position: cells[i + 2] });
        return [name, { periods: perPeriod, trend: cells[cells.length - 2] }] as const;
      }),
    );
  }

  /** What the district table must show for one period: the API's figures, and its positions in words by direction. */
  async function expectedDistrictFigures(district: string, period: string): Promise<Map<string, Figures>> {
    const values = await profile(district, period);
    const expected = new Map<string, Figures>();
    for (const item of indicators) {
      const value = values.get(item.code);
      if (!value) continue;
      const comparison = await positions(item.code, period);
      const entry = comparison.entries.find((candidate) => candidate.district.code === district);
      expected.set(item.name, {
        district: value.suppressed ? 'dolt för att skydda små tal' : figure(value.value, item),
        city: figure(value.cityValue, item),
        position: entry?.position ? expectedWords(entry.position, item.direction, comparison.limitBasis) : '–',
      });
    }
    return expected;
  }

  /**
   * The page's table against the API's figures, period by period (the i-th period shown, oldest first), and the trend
   * of the period picked (`main`) as the same comparison tests it, with the way it goes where the indicator has one.
   */
  async function expectDistrictTable(
    district: string,
    periodsShown: string[],
    main = periodsShown[periodsShown.length - 1],
  ): Promise<void> {
    const shown = await districtTable();
    for (const [i, period] of periodsShown.entries()) {
      const expected = await expectedDistrictFigures(district, period);
      expect(shown.size).toBe(expected.size);
      const mismatched = [...expected].filter(([name, figures]) => JSON.stringify(shown.get(name)?.periods[i]) !== JSON.stringify(figures));
      expect(mismatched.map(([name, figures]) => ({ name, period, expected: figures, shown: shown.get(name)?.periods[i] }))).toEqual([]);
    }
    const TRENDS: Record<string, string> = {
      RISING: 'Stigande',
      FALLING: 'Fallande',
      STABLE: 'Ingen säkerställd förändring',
      UNKNOWN: 'Okänd',
    };
    const trends: { name: string; shown?: string; expected: string }[] = [];
    for (const item of indicators) {
      const entry = (await positions(item.code, main)).entries.find((candidate) => candidate.district.code === district);
      if (!entry) continue;
      const way = entry.improving === true ? ', åt det bättre hållet' : entry.improving === false ? ', åt det sämre hållet' : '';
      trends.push({ name: item.name, shown: shown.get(item.name)?.trend, expected: `${TRENDS[entry.trend]}${way}` });
    }
    expect(trends.filter((trend) => trend.shown !== trend.expected)).toEqual([]);
  }

  it('says on Översikt whether a district is better or worse than the city, by the indicator’s direction, with its description one click away', async () => {
    const before = { ...transferred };
    await page.goto(`${origin}/dashboard/#/`);
    await page.getByRole('heading', { name: 'Barn och unga' }).waitFor();
    await expect(page.getByLabel('Period').inputValue()).resolves.toBe(periods[0]);
    console.log(
      `Översikt, first load after sign-in: ${transferred.operations - before.operations} GraphQL operations, ${transferred.bytes - before.bytes} bytes`,
    );

    // One indicator where above is good, one where above is bad, one where neither is better.
    for (const code of ['CS-IA14', 'AS-WAIT', 'CS-PLACE']) {
      const comparison = await positions(code, periods[0]);
      const { name, direction } = comparison.indicator;
      const outside = comparison.entries.filter((entry) => !entry.suppressed && entry.position && entry.position !== 'INSIDE');
      expect(outside.length).toBeGreaterThan(0);
      const row = rowOf(page.locator('.overview-table'), name);
      const shown = Object.fromEntries(
        await row
          .getByRole('listitem')
          .evaluateAll((items) =>
            items.map((item) => [item.querySelector('a')?.textContent ?? '', item.querySelector('.verdict-words')?.textContent ?? '']),
          ),
      );
      expect(shown).toEqual(
        Object.fromEntries(outside.map((entry) => [entry.district.name, expectedWords(entry.position!, direction, comparison.limitBasis)])),
      );
      // Where the limits were widened for overdispersion, the row says so and by how much.
      const limits = (await row.locator('td').last().textContent()) ?? '';
      if (comparison.limitsWidened) {
        const phi = comparison.dispersionFactor!.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(limits).toContain(`Överspridning säkerställd (φ = ${phi}`);
      } else {
        expect(limits).not.toContain('vidgade');
      }
    }
    // In the demo data the same side of the city reads both ways: above is better on one indicator, worse on the other.
    const ia14 = rowOf(page.locator('.overview-table'), indicator('CS-IA14').name);
    const wait = rowOf(page.locator('.overview-table'), indicator('AS-WAIT').name);
    await expect(ia14.getByText('Bättre än staden').count()).resolves.toBeGreaterThan(0);
    await expect(ia14.getByText('Sämre än staden').count()).resolves.toBeGreaterThan(0);
    await expect(wait.getByText('Sämre än staden').count()).resolves.toBeGreaterThan(0);
    await screenshot('oversikt');
    expect(await accessibilityViolations()).toEqual([]);

    // What the indicator measures and what a good value is: one click on a button named after it.
    const about = page.getByRole('button', { name: `Om indikatorn ${indicator('AS-WAIT').name}` });
    await expect(about.getAttribute('aria-expanded')).resolves.toBe('false');
    await about.click();
    await expect(about.getAttribute('aria-expanded')).resolves.toBe('true');
    const text = page.locator(`[id="${await about.getAttribute('aria-controls')}"]`);
    await expect(text.textContent()).resolves.toContain(indicator('AS-WAIT').description);
    await expect(text.textContent()).resolves.toContain('Lågt värde är bra');
    await screenshot('oversikt-om-indikatorn');
    expect(await accessibilityViolations()).toEqual([]);

    // Another period: the picker puts it in the URL, and the districts listed follow the API's positions of that period.
    await page.getByLabel('Period').selectOption({ label: periodLabel(periods[1]) });
    await page.waitForURL(new RegExp(`period=${periods[1]}`));
    await settled('caption', `Stadsdelarna mot staden per indikator, ${periodLabel(periods[1])}`);
    const earlier = await positions('CS-IA14', periods[1]);
    const listed = await rowOf(page.locator('.overview-table'), earlier.indicator.name)
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.querySelector('a')?.textContent ?? ''));
    expect(listed.sort()).toEqual(
      earlier.entries
        .filter((entry) => !entry.suppressed && entry.position && entry.position !== 'INSIDE')
        .map((entry) => entry.district.name)
        .sort(),
    );
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('shows Stadsdel for the period picked, with the API’s figures and positions of that period', async () => {
    await page.goto(`${origin}/dashboard/#/stadsdel/angered`);
    await page.getByRole('heading', { name: 'Stadsdel: Angered' }).waitFor();
    await page.locator('.indicator-table').first().waitFor();
    await expect(page.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe(periods[0]);
    await expectDistrictTable('angered', [periods[0]]);

    const period = periods[2];
    await page.getByLabel('Period', { exact: true }).selectOption({ label: periodLabel(period) });
    await page.waitForURL(new RegExp(`period=${period}`));
    await settled('caption', `Indikatorer, ${periodLabel(period)},`);
    await expectDistrictTable('angered', [period]);
    // Sparklines end at the period shown and write their scale beside them.
    const ranges = await page.locator('.spark-range').allTextContents();
    expect(ranges.length).toBeGreaterThan(0);
    const end = periodLabel(period).replace(' kvartal ', ' kv. ');
    expect(ranges.filter((range) => !range.endsWith(end))).toEqual([]);
    await expect(page.locator('.spark-max').count()).resolves.toBe(ranges.length);
    await expect(page.locator('.spark-min').count()).resolves.toBe(ranges.length);
    await screenshot('stadsdel-period');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('compares two periods of a district side by side', async () => {
    const [older, newer] = [periods[3], periods[0]];
    await page.goto(`${origin}/dashboard/#/stadsdel/vastra-hisingen?period=${newer}`);
    await page.locator('.indicator-table').first().waitFor();
    await page.getByLabel('Jämför med period').selectOption({ label: periodLabel(older) });
    await page.waitForURL(new RegExp(`jamfor=${older}`));
    await settled('caption', `Indikatorer, ${periodLabel(older)} jämfört med ${periodLabel(newer)}`);
    await expect(page.locator('.indicator-table').first().locator('thead th.period-head').allTextContents()).resolves.toEqual([
      periodLabel(older),
      periodLabel(newer),
    ]);
    await expectDistrictTable('vastra-hisingen', [older, newer], newer);
    // Side by side fits a common laptop: the page does not scroll sideways at 1,280 px.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
    // … and the tables themselves fit: nothing hidden in their scroll regions.
    await expect(
      page.locator('.table-scroll').evaluateAll((regions) => regions.filter((region) => region.scrollWidth > region.clientWidth).length),
    ).resolves.toBe(0);
    await screenshot('stadsdel-jamforelse');
    expect(await accessibilityViolations()).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('keeps the focus on a picker changed with the arrow keys while the page updates', async () => {
    // Stadsdel: two steps back in time with the period picker.
    // The page before showed another district: its tables stay until Lundby's come, so wait for Lundby's.
    await page.goto(`${origin}/dashboard/#/stadsdel/lundby`);
    await settled('h1', 'Stadsdel: Lundby');
    const picker = page.getByLabel('Period', { exact: true });
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(new RegExp(`period=${periods[2]}`));
    await settled('caption', `Indikatorer, ${periodLabel(periods[2])},`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pick-period');
    await expect(picker.inputValue()).resolves.toBe(periods[2]);
    await expectDistrictTable('lundby', [periods[2]]);
    expect(await accessibilityViolations()).toEqual([]);

    // Stadsdel's district picker changes the page's path, yet it is the same page: the picker keeps the focus.
    const districtPicker = page.getByLabel('Stadsdel', { exact: true });
    const districts = await districtPicker
      .locator('option')
      .evaluateAll((options) => options.map((option) => ({ code: (option as HTMLOptionElement).value, name: option.textContent ?? '' })));
    const next = districts[districts.findIndex((district) => district.code === 'lundby') + 1];
    await districtPicker.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(new RegExp(`stadsdel/${next.code}\\?period=${periods[2]}`));
    await settled('h1', `Stadsdel: ${next.name}`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pick-district');
    await expectDistrictTable(next.code, [periods[2]]);

    // Trattdiagram: two steps down the indicator picker.
    await page.goto(`${origin}/dashboard/#/trattdiagram?indikator=CS-IA14`);
    await page.locator('.funnel-plot .point').first().waitFor();
    const indicatorPicker = page.getByLabel('Indikator');
    await indicatorPicker.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = indicators[2];
    await page.waitForURL(new RegExp(`indikator=${third.code}`));
    await settled('.figure-title', `${third.name}, `);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pick-indicator');
    await expect(page.locator('.figure-title').textContent()).resolves.toContain(third.name);
    await screenshot('trattdiagram-tangentbord');
    expect(await accessibilityViolations()).toEqual([]);
  });
});
