import fs from 'node:fs';
import path from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';

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
