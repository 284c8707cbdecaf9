/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { AXE_SOURCE, centrumHiddenInLatestQuarter, LATEST_DEMO_PERIOD, launchChromium, OUTPUT } from './browser';

interface ComparisonEntry {
  district: { code: string };
  suppressed: boolean;
  position: string | null;
}

// A real browser on 2 shared cores: each step may wait for the page longer than the suite's default.
jest.setTimeout(180_000);

/** The real dashboard in a real Chromium, against the whole supergraph served over HTTP by the gateway. */
describe('the dashboard in a browser', () => {
  let graph: TestSupergraph;
  let server: RunningHttpService;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page made to a host other than the gateway's. */
  const foreign: string[] = [];
  let transferred = 0;
  let analystToken: string;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    graph = await startSupergraph();
    server = await serveGateway(graph.gateway, testConfig('gateway', graph.suffix, { HOST: '127.0.0.1' }), 0);
    origin = new URL(server.url).origin;
    analystToken = await tokenFor({ roles: ['analyst'] });
    await centrumHiddenInLatestQuarter(graph);
    // Chromium's own flags from the package, less the two that would switch off the same-origin rules under test.
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    page = await context.newPage();
    // Generous limits: CI runs this on 2 shared cores; a healthy page answers in a few seconds.
    page.setDefaultTimeout(90_000);
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

  /** WCAG 2.1 A and AA rules of axe-core, run in the page as it is shown. */
  async function accessibilityViolations(): Promise<{ id: string; nodes: string[] }[]> {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      (
        window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }),
    );
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(OUTPUT, `dashboard-${name}.png`), fullPage: true });
  }

  it('signs in with a development role offered by the gateway', async () => {
    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/dashboard/`);
    await page.getByRole('link', { name: 'Logga in' }).click();
    await page.getByLabel(/Analytiker/).check();
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForSelector('text=Inloggad: Analytiker (utveckling)');
    expect(page.url()).toBe(`${origin}/dashboard/#/`);
  });

  it(`draws the funnel plot of CS-IA14 for ${LATEST_DEMO_PERIOD}: a point per shown district, suppressed districts listed and not drawn`, async () => {
    const started = performance.now();
    const before = transferred;
    await page.goto(`${origin}/dashboard/#/trattdiagram?indikator=CS-IA14`);
    await page.waitForSelector('.funnel-plot .point');
    const firstPlotMs = performance.now() - started;

    const { childServices } = await api<{ childServices: { comparison: { entries: ComparisonEntry[] } } }>(
      `query ($period: Period!) { childServices { comparison(indicator: "CS-IA14", period: $period, overdispersion: MULTIPLICATIVE) { entries { district { code } suppressed position } } } }`,
      { period: LATEST_DEMO_PERIOD },
    );
    const entries = childServices.comparison.entries;
    const shown = entries.filter((entry) => !entry.suppressed).map((entry) => entry.district.code);
    const hidden = entries.filter((entry) => entry.suppressed).map((entry) => entry.district.code);
    expect(hidden).toContain('centrum');

    await expect(page.locator('#pick-period').inputValue()).resolves.toBe(LATEST_DEMO_PERIOD);
    const drawn = await page
      .locator('.funnel-plot .point')
      .evaluateAll((points) => points.map((p) => [p.getAttribute('data-district'), p.getAttribute('data-position')]));
    expect(drawn.map(([code]) => code).sort()).toEqual([...shown].sort());
    expect(Object.fromEntries(drawn)).toEqual(
      Object.fromEntries(entries.filter((e) => !e.suppressed).map((e) => [e.district.code, e.position])),
    );
    const listed = await page
      .locator('.suppressed li')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('data-district'), item.textContent]));
    expect(listed.map(([code]) => code).sort()).toEqual([...hidden].sort());
    expect(listed.filter(([, text]) => !text?.endsWith('dolt för att skydda små tal'))).toEqual([]);
    // The same figures as a table, one row per district.
    await expect(page.locator('.funnel-table tbody tr').count()).resolves.toBe(entries.length);
    await expect(page.locator('.method').textContent()).resolves.toMatch(/binomial|vidgade för överspridning/);
    // The curves are drawn: the city line and four limits.
    await expect(page.locator('.funnel-plot .limit').count()).resolves.toBe(4);
    await expect(page.locator('.funnel-plot .city-line').count()).resolves.toBe(1);

    await screenshot('trattdiagram');
    console.log(
      `time to the first funnel plot: ${Math.round(firstPlotMs)} ms; transferred ${transferred - before} bytes for the page (after sign-in, assets revalidated)`,
    );
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('draws the curves the API computes, adjusted for overdispersion by default where it is significant, and exact ones chosen in the picker', async () => {
    const curveOf = async (overdispersion: string) => {
      const { childServices } = await api<{
        childServices: { comparison: { limitsWidened: boolean; dispersionFactor: number; limitCurve: { cases: number }[] } };
      }>(
        `query Curve($period: Period!, $overdispersion: Overdispersion!) {
          childServices { comparison(indicator: "CS-IA14", period: $period, overdispersion: $overdispersion) {
            limitsWidened dispersionFactor limitCurve { cases } } } }`,
        { period: LATEST_DEMO_PERIOD, overdispersion },
      );
      return childServices.comparison;
    };
    const upper998 = () => page.locator('.funnel-plot .limit-998').first().getAttribute('d');
    const widened = await curveOf('MULTIPLICATIVE');
    await page.goto(`${origin}/dashboard/#/trattdiagram?indikator=CS-IA14&period=${LATEST_DEMO_PERIOD}`);
    await page.waitForSelector('.funnel-plot .point');
    // One vertex per point of the API's curve: the page draws what the API computed, nothing of its own.
    expect(((await upper998()) ?? '').split(/[ML]/).filter(Boolean)).toHaveLength(widened.limitCurve.length);
    const defaultPath = await upper998();
    await expect(page.locator('#pick-overdispersion').inputValue()).resolves.toBe('MULTIPLICATIVE');
    const note = (await page.locator('.method').textContent()) ?? '';
    if (widened.limitsWidened) {
      expect(note).toContain(
        `φ = ${widened.dispersionFactor.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
      );
      expect(note).toMatch(/vidgade/);
    } else {
      expect(note).toMatch(/oförändrade/);
    }
    await screenshot('trattdiagram-overspridning');
    // What is adjusted for multiple testing, and what not, is said beside the table.
    await expect(page.locator('.adjustment-note').textContent()).resolves.toMatch(/Benjamini–Hochberg/);

    const exact = await curveOf('NONE');
    await page.selectOption('#pick-overdispersion', 'NONE');
    await page.waitForURL(/spridning=NONE/);
    await page.waitForFunction(() => /Ingen justering för överspridning/.test(document.querySelector('.method')?.textContent ?? ''));
    expect(((await upper998()) ?? '').split(/[ML]/).filter(Boolean)).toHaveLength(exact.limitCurve.length);
    if (widened.limitsWidened) expect(await upper998()).not.toBe(defaultPath);
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('changes indicator and period with the keyboard, and the URL follows', async () => {
    await page.locator('#pick-indicator').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/indikator=CS-INV4M/);
    await page.waitForSelector('.funnel-plot .point');
    await expect(page.locator('.figure-title').textContent()).resolves.toMatch(/2026 kvartal 3/);
    await page.locator('#pick-period').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/period=2026-Q2/);
    await page.waitForFunction(() => document.querySelector('.figure-title')?.textContent?.endsWith('2026 kvartal 2'));
  });

  it('shows a district across all four areas, with sparklines and adoption', async () => {
    await page.goto(`${origin}/dashboard/#/stadsdel/angered`);
    await page.waitForSelector('.district-area');
    const areas = await page.locator('.district-area').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-area')));
    expect(areas).toEqual(['CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT']);
    await expect(page.locator('h1').textContent()).resolves.toBe('Stadsdel: Angered');
    // Every indicator row has its sparkline, or says why there is none; each reads out its values.
    const rows = await page.locator('.district-area .indicator-table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(4 * 2);
    await expect(page.locator('.district-area .indicator-table tbody tr :is(svg.sparkline, .sparkline-empty)').count()).resolves.toBe(rows);
    const labels = await page.locator('svg.sparkline').evaluateAll((lines) => lines.map((line) => line.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => !/^Serie 2023 kvartal 4–2026 kvartal 3: /.test(label))).toEqual([]);
    await expect(page.locator('.adoption-summary').count()).resolves.toBe(4);
    await screenshot('stadsdel');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('marks in the adoption matrix exactly the cells the API reports as lagging', async () => {
    await page.goto(`${origin}/dashboard/#/inforande?omrade=CHILD_SERVICES`);
    await page.waitForSelector('table.matrix');
    const { childServices } = await api<{
      childServices: { documents: { edges: { node: { slug: string; adoption: { district: { code: string }; lagging: boolean }[] } }[] } };
    }>(`{ childServices { documents(first: 100) { edges { node { slug adoption { district { code } lagging } } } } } }`);
    const expected = childServices.documents.edges.flatMap(({ node }) =>
      node.adoption.filter((a) => a.lagging).map((a) => `${node.slug}/${a.district.code}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    const marked = await page
      .locator('table.matrix td[data-lagging="true"]')
      .evaluateAll((cells) =>
        cells.map((cell) => `${cell.closest('tr')?.getAttribute('data-document')}/${cell.getAttribute('data-district')}`),
      );
    expect(marked.sort()).toEqual(expected.sort());
    await screenshot('inforande');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('shows the overview of every area for the latest period', async () => {
    await page.goto(`${origin}/dashboard/#/`);
    await page.waitForSelector('.area-summary');
    await expect(page.locator('.area-summary h2').allTextContents()).resolves.toEqual([
      'Barn och unga',
      'Vuxen',
      'Funktionshinder',
      'Försörjningsstöd',
    ]);
    await expect(page.locator('main').textContent()).resolves.toContain('2026 kvartal 3');
    await screenshot('oversikt');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('is used by keyboard: skip link, menu, and focus on the new page', async () => {
    await page.goto('about:blank');
    await page.goto(`${origin}/dashboard/#/`);
    await page.waitForSelector('.area-summary');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('innehall');

    await page.goto('about:blank');
    await page.goto(`${origin}/dashboard/#/`);
    await page.waitForSelector('.area-summary');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // Översikt
    await page.keyboard.press('Tab'); // Trattdiagram
    await page.keyboard.press('Tab'); // Stadsdel
    await page.keyboard.press('Tab'); // Införande
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Införande');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.matrix');
    expect(new URL(page.url()).hash).toBe('#/inforande');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('innehall');
    await expect(page.locator('nav[aria-label="Huvudmeny"] a[aria-current="page"]').textContent()).resolves.toBe('Införande');
  });

  it('reads published documents without signing in, and shows the sign-in page without violations', async () => {
    await page.goto(`${origin}/dashboard/#/logga-in`);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForSelector('text=Inloggad:', { state: 'detached' });
    await screenshot('logga-in');
    expect(await accessibilityViolations()).toEqual([]);
    await page.goto(`${origin}/dashboard/#/inforande?omrade=DISABILITY`);
    await page.waitForSelector('ul.documents li');
    await expect(page.locator('table.matrix').count()).resolves.toBe(0);
    await page.goto(`${origin}/dashboard/#/trattdiagram`);
    await page.waitForSelector('text=Jämförelser och införande visas för inloggade');
  });

  it('serves GraphiQL at /graphql from its own assets', async () => {
    await page.goto(`${origin}/graphql`);
    // GraphiQL's bundle is large: parsing it takes a while on a busy 2-core machine.
    await page.waitForSelector('.graphiql-container', { timeout: 100_000 });
    await screenshot('graphiql');
  }, 120_000);

  it('made no request to any host but the gateway', () => {
    expect(foreign).toEqual([]);
  });
});
