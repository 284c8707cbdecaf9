/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { parse } from 'csv-parse/sync';
import { AXE_SOURCE, centrumHiddenInLatestQuarter, LATEST_DEMO_PERIOD, launchChromium, OUTPUT } from './browser';

// read-excel-file is an ES module with a CommonJS build: required, typed by hand for this CommonJS test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const readXlsxFile = (require('read-excel-file/node') as { default: ReadXlsxFile }).default;
type ReadXlsxFile = (file: string) => Promise<{ sheet: string; data: (string | number | boolean | Date | null)[][] }[]>;

// A real browser on 2 shared cores: each step may wait for the page longer than the suite's default.
jest.setTimeout(240_000);

/** What an analyst does with the dashboard beyond reading it: export, print, deep links and sessions, Införande on a laptop. */
describe('the analyst dashboard: export, print, sign-in and Införande in a browser', () => {
  let graph: TestSupergraph;
  let server: RunningHttpService;
  let origin: string;
  let browser: Browser;
  let analystToken: string;
  /** Every request a page made to a host other than the gateway's. */
  const foreign: string[] = [];

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', ...options });
    await created.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank')
        return route.continue();
      foreign.push(url);
      return route.abort();
    });
    return created;
  }

  async function newPage(on: BrowserContext): Promise<Page> {
    const created = await on.newPage();
    created.setDefaultTimeout(90_000);
    return created;
  }

  /** A browser whose tabs start signed in as the analyst (the token kept as the page keeps it). */
  async function signedInContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const created = await newContext(options);
    await created.addInitScript((token) => {
      try {
        if (!sessionStorage.getItem('test.seeded')) {
          localStorage.setItem('samsyn.token', token);
          sessionStorage.setItem('test.seeded', '1');
        }
      } catch {
        // about:blank has no storage.
      }
    }, analystToken);
    return created;
  }

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    graph = await startSupergraph();
    server = await serveGateway(graph.gateway, testConfig('gateway', graph.suffix, { HOST: '127.0.0.1' }), 0);
    origin = new URL(server.url).origin;
    analystToken = await tokenFor({ roles: ['analyst'], sub: 'analyst-b', name: 'Berit Analytiker' });
    await centrumHiddenInLatestQuarter(graph);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  interface Entry {
    district: { code: string; name: string };
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppressed: boolean;
    position: string | null;
    adjustedPosition: string | null;
    rank: number | null;
    rankLower: number | null;
    rankUpper: number | null;
    lower95: number | null;
    upper95: number | null;
    lower998: number | null;
    upper998: number | null;
  }

  async function api<T>(query: string, variables: Record<string, unknown> = {}, token = analystToken): Promise<T> {
    const { data, errors } = await graph.query<T>(query, { token, variables });
    expect(errors).toBeUndefined();
    return data as T;
  }

  /** WCAG 2.1 A and AA rules of axe-core, run in the page as it is shown. */
  async function accessibilityViolations(on: Page): Promise<{ id: string; nodes: string[] }[]> {
    await on.evaluate(AXE_SOURCE);
    const result = await on.evaluate(() =>
      (
        window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  }

  async function screenshot(on: Page, name: string): Promise<void> {
    await on.screenshot({ path: path.join(OUTPUT, `analyst-${name}.png`), fullPage: true });
  }

  const FUNNEL = `#/trattdiagram?indikator=CS-IA14&period=${LATEST_DEMO_PERIOD}`;
  const POSITIONS: Record<string, string> = {
    INSIDE: 'Inom gränserna',
    ABOVE_95: 'Över 95 %-gränsen',
    ABOVE_99_8: 'Över 99,8 %-gränsen',
    BELOW_95: 'Under 95 %-gränsen',
    BELOW_99_8: 'Under 99,8 %-gränsen',
  };
  /** A proportion as the page shows it: per cent with one decimal. */
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

  /** The rows the funnel's files must hold: the API's comparison as the page shows it, hidden entries as hidden. */
  async function expectedFunnelRows(): Promise<unknown[][]> {
    const { childServices } = await api<{ childServices: { comparison: { entries: Entry[] } } }>(
      `query ($period: Period!) { childServices { comparison(indicator: "CS-IA14", period: $period, overdispersion: MULTIPLICATIVE, multiplicity: BENJAMINI_HOCHBERG) {
        entries { district { code name } value numerator denominator suppressed position adjustedPosition rank rankLower rankUpper lower95 upper95 lower998 upper998 } } } }`,
      { period: LATEST_DEMO_PERIOD },
    );
    const rows = childServices.comparison.entries.map((e) =>
      e.suppressed
        ? [e.district.name, 'dolt för att skydda små tal', null, null, null, null, null, null, null, null, null, null, null]
        : [
            e.district.name,
            percent(e.value),
            e.numerator,
            e.denominator,
            percent(e.lower95),
            percent(e.upper95),
            percent(e.lower998),
            percent(e.upper998),
            e.position && POSITIONS[e.position],
            e.adjustedPosition && POSITIONS[e.adjustedPosition],
            e.rank,
            e.rankLower,
            e.rankUpper,
          ],
    );
    expect(rows.filter((row) => row[1] === 'dolt för att skydda små tal').map((row) => row[0])).toContain('Centrum');
    return rows;
  }

  /** Signs in on the sign-in page as a person would: a name, the analyst's role, the button. */
  async function signInAsAnalyst(on: Page): Promise<void> {
    await on.getByLabel('Namn').fill('Berit Analytiker');
    await on.getByLabel(/Analytiker/).check();
    await on.getByRole('button', { name: 'Logga in' }).click();
    await on.getByText('Inloggad: Berit Analytiker').waitFor();
  }

  let context: BrowserContext;
  let page: Page;

  it('returns a signed-out deep link to the funnel after signing in, and shares the session with a second tab', async () => {
    context = await newContext();
    page = await newPage(context);
    await page.goto(`${origin}/dashboard/${FUNNEL}`);
    const notice = page.getByRole('main').getByRole('alert');
    await notice.getByText('Jämförelser och införande visas för inloggade').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await notice.getByRole('link', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await signInAsAnalyst(page);
    expect(new URL(page.url()).hash).toBe(FUNNEL);
    await page.waitForSelector('.funnel-plot .point');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A second tab of the same browser is signed in as well, and signing out there signs out this one.
    const other = await newPage(context);
    await other.goto(`${origin}/dashboard/#/inforande?omrade=CHILD_SERVICES`);
    await other.getByText('Inloggad: Berit Analytiker').waitFor();
    await other.waitForSelector('table.matrix');
    await other.goto(`${origin}/dashboard/#/logga-in`);
    await other.getByRole('button', { name: 'Logga ut' }).click();
    await page.locator('.signed-in').getByRole('link', { name: 'Logga in' }).waitFor();
    await page.getByRole('main').getByText('Jämförelser och införande visas för inloggade').waitFor();
    // Signing in again in the other tab brings this one back, on its own page.
    await other.goto(`${origin}/dashboard/#/logga-in`);
    await signInAsAnalyst(other);
    await page.getByText('Inloggad: Berit Analytiker').waitFor();
    await page.waitForSelector('.funnel-plot .point');
    expect(new URL(page.url()).hash).toBe(FUNNEL);
    await other.close();
  });

  it('downloads the funnel table as CSV for Swedish Excel, with the API’s figures and hidden entries as hidden', async () => {
    const expected = await expectedFunnelRows();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`trattdiagram-CS-IA14-${LATEST_DEMO_PERIOD}.csv`);
    const bytes = fs.readFileSync(await download.path());
    fs.writeFileSync(path.join(OUTPUT, 'analyst-trattdiagram.csv'), bytes);
    // UTF-8 with a byte-order mark, so Excel reads å, ä and ö.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes.toString('utf8').slice(1), { delimiter: ';', relax_column_count: true });
    const about = Object.fromEntries(
      records
        .slice(
          1,
          records.findIndex((row) => row.length === 1 && row[0] === ''),
        )
        .map((row) => [row[0], row[1]]),
    );
    expect(about.Period).toBe(`2026 kvartal 3 (${LATEST_DEMO_PERIOD})`);
    expect(about.Metod).toMatch(/binomialgränser|vidgade för överspridning/);
    expect(about.Uttaget).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const header = records.findIndex((row) => row[0] === 'Stadsdel');
    expect(records[header]).toContain('Värde (%)');
    // Decimal commas, no thousands separators: read back as numbers.
    const number = (cell: string) => (cell === '' ? null : /^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell);
    const rows = records.slice(header + 1).map((row) => row.map(number));
    expect(rows).toEqual(expected);
  });

  it('downloads the funnel table as an Excel workbook with the same rows, its limit curves on a sheet of their own', async () => {
    const expected = await expectedFunnelRows();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`trattdiagram-CS-IA14-${LATEST_DEMO_PERIOD}.xlsx`);
    const file = path.join(OUTPUT, 'analyst-trattdiagram.xlsx');
    await download.saveAs(file);
    const sheets = await readXlsxFile(file);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Tabell', 'Kontrollgränser']);
    const data = sheets[0].data;
    const about = new Map(
      data.filter((row) => row.length >= 2 && typeof row[0] === 'string').map((row) => [String(row[0]), String(row[1])]),
    );
    expect(about.get('Period')).toBe(`2026 kvartal 3 (${LATEST_DEMO_PERIOD})`);
    expect(about.get('Metod')).toMatch(/binomialgränser|vidgade för överspridning/);
    expect(about.get('Uttaget')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const header = data.findIndex((row) => row[0] === 'Stadsdel');
    const rows = data.slice(header + 1).map((row) => [...row, ...Array<null>(13).fill(null)].slice(0, 13));
    expect(rows).toEqual(expected);
    expect(sheets[1].data.length).toBeGreaterThan(10);
  });

  it('downloads a district’s indicator table as shown on Stadsdel, with the period and method', async () => {
    await page.goto(`${origin}/dashboard/#/stadsdel/angered?period=${LATEST_DEMO_PERIOD}`);
    await page.waitForSelector('.district-area');
    const area = page.locator('.district-area[data-area="CHILD_SERVICES"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      area
        .getByRole('group', { name: /^Hämta indikatorerna/ })
        .getByRole('button', { name: 'Ladda ner CSV' })
        .click(),
    ]);
    const records: string[][] = parse(fs.readFileSync(await download.path(), 'utf8').slice(1), {
      delimiter: ';',
      relax_column_count: true,
    });
    const about = new Map(records.filter((row) => row.length === 2).map((row) => [row[0], row[1]]));
    expect(about.get('Period')).toBe(`2026 kvartal 3 (${LATEST_DEMO_PERIOD})`);
    expect(about.get('Metod')).toMatch(/kontrollgränserna/);
    const header = records.findIndex((row, i) => i > 0 && row.length > 2);
    const shown = await area
      .locator('.indicator-table tbody tr th')
      .evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(records.slice(header + 1).map((row) => row[0])).toEqual(shown);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${origin}/dashboard/${FUNNEL}`);
    await page.waitForSelector('.funnel-plot .point');
  });

  it('prints the funnel on A4 without navigation, with the plot, the period and the method', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Ladda ner CSV' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('.funnel-plot').isVisible()).resolves.toBe(true);
      await expect(page.locator('.figure-title').textContent()).resolves.toContain('2026 kvartal 3');
      await expect(page.locator('.method').isVisible()).resolves.toBe(true);
      await expect(page.locator('.print-note').textContent()).resolves.toMatch(/^Utskrift från Samsyn \d{4}-\d{2}-\d{2} \d{2}:\d{2}: http/);
      await screenshot(page, 'trattdiagram-utskrift');
      const pdf = await page.pdf({ preferCSSPageSize: true });
      fs.writeFileSync(path.join(OUTPUT, 'analyst-trattdiagram.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.filter(([w, h]) => !(w === 595 && h === 842))).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows Införande at 1,366 × 768 without sideways scrolling: a legend, upcoming versions, and only the lagging on request', async () => {
    // A version of a routine published for a later day, acknowledged ahead by one district.
    const leaderA = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'], sub: 'leader-a', name: 'Anna Alm' });
    const leaderB = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'], sub: 'leader-b', name: 'Bo Berg' });
    const { childServices: found } = await api<{ childServices: { document: { id: string; title: string } } }>(
      `{ childServices { document(slug: "signs-of-safety") { id title } } }`,
    );
    const { childServices: drafted } = await api<{ childServices: { createDraft: { id: string } } }>(
      `mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
      { input: { documentId: found.document.id, summary: 'Signs of Safety i alla utredningar från och med nästa år.' } },
      leaderA,
    );
    const versionId = drafted.createDraft.id;
    const { childServices: submitted } = await api<{ childServices: { submitForReview: { revision: number } } }>(
      `mutation ($v: ID!) { childServices { submitForReview(versionId: $v) { revision } } }`,
      { v: versionId },
      leaderA,
    );
    const inThirtyDays = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { childServices: published } = await api<{ childServices: { publish: { number: number } } }>(
      `mutation ($v: ID!, $d: Date!, $r: Int!) { childServices { publish(versionId: $v, validFrom: $d, expectedRevision: $r) { number } } }`,
      { v: versionId, d: inThirtyDays, r: submitted.submitForReview.revision },
      leaderB,
    );
    await api(
      `mutation ($v: ID!) { childServices { acknowledge(versionId: $v, status: ACKNOWLEDGED) { lagging } } }`,
      { v: versionId },
      await tokenFor({ roles: ['district-system'], district: 'centrum' }),
    );

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${origin}/dashboard/#/inforande?omrade=CHILD_SERVICES`);
    await page.waitForSelector('table.matrix');
    const scrolls = () =>
      page.evaluate(() => {
        const region = document.querySelector('.matrix-scroll')!;
        return {
          page: document.scrollingElement!.scrollWidth <= window.innerWidth,
          matrix: region.scrollWidth <= region.clientWidth,
        };
      });
    // Neither the page nor the matrix scrolls sideways: every district is in view.
    await expect(scrolls()).resolves.toEqual({ page: true, matrix: true });
    await page.getByRole('heading', { name: 'Förklaring' }).waitFor();
    const row = page.locator(`tr[data-document="signs-of-safety"]`);
    await expect(row.locator('th').textContent()).resolves.toContain(`Kommande: version ${published.publish.number} från ${inThirtyDays}`);
    await expect(row.locator('td[data-district="centrum"] .upcoming-cell').textContent()).resolves.toMatch(
      new RegExp(`v${published.publish.number}: kvitterad$`),
    );
    await expect(row.locator('td[data-district="angered"] .upcoming-cell').textContent()).resolves.toMatch(/ej kvitterad$/);
    await screenshot(page, 'inforande-1366');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Only the lagging: the documents some district lags on, and the districts that lag.
    const { childServices } = await api<{
      childServices: { documents: { edges: { node: { slug: string; adoption: { district: { code: string }; lagging: boolean }[] } }[] } };
    }>(`{ childServices { documents(first: 100) { edges { node { slug adoption { district { code } lagging } } } } } }`);
    const laggingDocuments = childServices.documents.edges
      .filter(({ node }) => node.adoption.some((a) => a.lagging))
      .map(({ node }) => node.slug);
    const laggingDistricts = new Set(
      childServices.documents.edges.flatMap(({ node }) => node.adoption.filter((a) => a.lagging).map((a) => a.district.code)),
    );
    await page.getByLabel('Visa bara eftersläpande').check();
    await page.waitForURL(/slapar=ja/);
    const shownRows = () => page.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document')));
    await expect(shownRows()).resolves.toEqual(expect.arrayContaining(laggingDocuments));
    await expect(shownRows().then((rows) => rows.length)).resolves.toBe(laggingDocuments.length);
    const shownColumns = await page
      .locator('table.matrix thead th[data-district]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-district')));
    expect([...shownColumns].sort()).toEqual([...laggingDistricts].sort());
    await expect(scrolls()).resolves.toEqual({ page: true, matrix: true });
    await screenshot(page, 'inforande-eftersläpande');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Visa bara eftersläpande').uncheck();
    await page.waitForURL((url) => !url.hash.includes('slapar'));
    await expect(page.locator('table.matrix thead th[data-district]').count()).resolves.toBe(10);

    // Printed across an A4 page, without the navigation.
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('table.matrix').isVisible()).resolves.toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      fs.writeFileSync(path.join(OUTPUT, 'analyst-inforande.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('ends the session when its token expires, saying so, and signs in again to the same funnel', async () => {
    const reader = await newContext();
    const view = await newPage(reader);
    await view.goto(`${origin}/dashboard/#/dokument`);
    const shortLived = await tokenFor({ roles: ['analyst'], sub: 'analyst-c', name: 'Cilla Kort' }, '25s');
    await view.evaluate((token) => localStorage.setItem('samsyn.token', token), shortLived);
    await view.goto(`${origin}/dashboard/${FUNNEL}`);
    await view.reload();
    await view.getByText('Inloggad: Cilla Kort').waitFor();
    await view.waitForSelector('.funnel-plot .point');
    const expired = view.getByRole('alert').filter({ hasText: 'Din inloggning har gått ut.' });
    await expired.waitFor({ timeout: 60_000 });
    await expect(view.getByText('Inloggad: Cilla Kort').count()).resolves.toBe(0);
    // The funnel stays while the page asks again (pickers keep their place), and goes once the answer says signed out.
    await view.locator('.funnel-plot').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await accessibilityViolations(view)).toEqual([]);
    await screenshot(view, 'utgangen');
    await expired.getByRole('link', { name: 'Logga in igen' }).click();
    await signInAsAnalyst(view);
    expect(new URL(view.url()).hash).toBe(FUNNEL);
    await view.waitForSelector('.funnel-plot .point');
    // Pages are closed, not contexts: the packaged Chromium runs in one process, and closing a context can end it.
    await view.close();
  });

  it('measures the first load of each page and the time to the first funnel', async () => {
    const pages: [string, string, string][] = [
      ['Översikt', '#/', '.area-summary'],
      ['Trattdiagram', `#/trattdiagram?indikator=CS-IA14&period=${LATEST_DEMO_PERIOD}`, '.funnel-plot .point'],
      ['Stadsdel', '#/stadsdel/angered', '.district-area'],
      ['Införande', '#/inforande?omrade=CHILD_SERVICES', 'table.matrix'],
      ['Dokument', '#/dokument', '.document-list li'],
    ];
    const lines: string[] = [];
    for (const [name, hash, ready] of pages) {
      const context = await signedInContext();
      let bytes = 0;
      context.on('requestfinished', async (request) => {
        const sizes = await request.sizes().catch(() => null);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      const view = await newPage(context);
      const started = performance.now();
      await view.goto(`${origin}/dashboard/${hash}`);
      await view.waitForSelector(ready);
      const shownMs = performance.now() - started;
      await view.waitForLoadState('networkidle').catch(() => undefined);
      lines.push(`${name}: ${bytes} bytes transferred, shown after ${Math.round(shownMs)} ms`);
      console.log(lines[lines.length - 1]);
      await view.close();
    }
    console.log(`first load of each page (fresh browser, signed in):\n${lines.join('\n')}`);
    expect(lines).toHaveLength(pages.length);
  }, 600_000);

  it('made no request to any host but the gateway', () => {
    expect(foreign).toEqual([]);
  });
});
