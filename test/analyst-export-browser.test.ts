/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { RunningHttpService } from '@samsyn/core';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { AXE_SOURCE, launchChromium, OUTPUT } from './browser';

const LATEST_DEMO_PERIOD = '2026-Q3';

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
      if (!sessionStorage.getItem('test.seeded')) {
        localStorage.setItem('samsyn.token', token);
        sessionStorage.setItem('test.seeded', '1');
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
    // Centrum reports too few cases for the latest quarter, so the funnel has a district it must hide.
    const report = await graph.query(
      `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
      {
        token: await tokenFor({ roles: ['district-system'], district: 'centrum' }),
        variables: { input: [{ indicator: 'CS-IA14', district: 'centrum', period: LATEST_DEMO_PERIOD, numerator: 2, denominator: 3 }] },
      },
    );
    expect(report.errors).toBeUndefined();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  it('measures the first load of each page and the time to the first funnel', async () => {
    const pages: [string, string, string][] = [
      ['Översikt', '#/', '.area-summary'],
      ['Trattdiagram', `#/trattdiagram?indikator=CS-IA14&period=${LATEST_DEMO_PERIOD}`, '.funnel-plot .point'],
      ['Stadsdel', '#/stadsdel/angered', '.district-area'],
      ['Införande', '#/inforande?omrade=CHILD_SERVICES', 'table.matrix'],
      ['Dokument', '#/dokument', 'ul.documents li, .document-list li, main h1'],
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
      await view.waitForLoadState('networkidle');
      lines.push(`${name}: ${bytes} bytes transferred, shown after ${Math.round(shownMs)} ms`);
      await context.close();
    }
    console.log(`first load of each page (fresh browser, signed in):\n${lines.join('\n')}`);
    expect(lines).toHaveLength(pages.length);
  });
});
