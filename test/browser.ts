import fs from 'node:fs';
import path from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';
import { tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** What the browser tests share: a real Chromium, where their screenshots go, and axe-core. */

// @sparticuz/chromium is an ES module: required (Node 20.19 loads it), typed by hand for this CommonJS module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('@sparticuz/chromium') as SparticuzChromium & { default?: SparticuzChromium };
const chromium = loaded.default ?? loaded;
interface SparticuzChromium {
  args: string[];
  executablePath(): Promise<string>;
}

/** Screenshots (and printed PDFs) for people to look at; the folder is ignored by git. */
export const OUTPUT = path.resolve(__dirname, 'output');

/** axe-core's script, put into a page to check it against WCAG 2.1 A/AA. */
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Headless Chromium from the npm package, with web security on (the package's defaults turn it off). */
export async function launchChromium(): Promise<Browser> {
  const args = chromium.args.filter((arg) => !['--disable-web-security', '--allow-running-insecure-content'].includes(arg));
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}

/** The demo data's latest quarter, the one the dashboard opens on. */
export const LATEST_DEMO_PERIOD = '2026-Q3';

/**
 * Centrum reports too few cases of CS-IA14 for the latest quarter, so the funnel has a district it must hide. A
 * correction that ends hidden hides the period's city total from then on (else the new total minus the old one would
 * give it), so an admin then republishes the period, as the city does once its figures are final (docs/statistics.md).
 */
export async function centrumHiddenInLatestQuarter(graph: TestSupergraph): Promise<void> {
  const report = await graph.query(
    `mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }`,
    {
      token: await tokenFor({ roles: ['district-system'], district: 'centrum' }),
      variables: { input: [{ indicator: 'CS-IA14', district: 'centrum', period: LATEST_DEMO_PERIOD, numerator: 2, denominator: 3 }] },
    },
  );
  if (report.errors) throw new Error(`Centrum's report was refused: ${JSON.stringify(report.errors)}`);
  const republished = await graph.query(
    `mutation ($period: Period!) { childServices { republishFigures(period: $period) { hiddenAfter } } }`,
    { token: await tokenFor({ roles: ['admin'] }), variables: { period: LATEST_DEMO_PERIOD } },
  );
  if (republished.errors) throw new Error(`republishFigures was refused: ${JSON.stringify(republished.errors)}`);
}
