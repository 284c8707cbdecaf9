/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { swedishToday } from '@samsyn/core';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { AXE_SOURCE, launchChromium, OUTPUT } from './browser';

const DASHBOARD = path.resolve(__dirname, '../packages/dashboard');

/**
 * Every way a body could try to run something: a script, event handlers (one that fires by itself: <details open
 * ontoggle>), javascript: links in Markdown and in HTML, an iframe, SVG, and things that would load from elsewhere.
 */
const XSS_BODY = [
  '## Steg',
  '',
  '1. Läs anmälan.',
  '2. Ring vårdnadshavaren.',
  '',
  "<script>window.__xss = 'script'; alert('script')</script>",
  '',
  '<img src="x" onerror="window.__xss = \'img\'; alert(\'img\')">',
  '',
  "<details open ontoggle=\"window.__xss = 'details'; alert('details')\"><summary>Mer</summary>text</details>",
  '',
  '<svg onload="window.__xss = \'svg\'; alert(\'svg\')"><circle r="5"/></svg>',
  '',
  '<iframe src="javascript:alert(\'iframe\')"></iframe>',
  '',
  "[Markdownlänk](javascript:window.__xss='md-link';alert('md-link')) och <a href=\"javascript:window.__xss='html-link';alert('html-link')\">HTML-länk</a>",
  '',
  '<a href="#" onclick="window.__xss = \'onclick\'; alert(\'onclick\')">Klicklänk</a>',
  '',
  '<form action="https://evil.example/steal"><button>Skicka</button></form>',
  '',
  '<style>@import url("https://evil.example/x.css"); body { background: url("https://evil.example/bg.png") }</style>',
  '',
  '![spårningspixel](https://evil.example/pixel.png)',
  '',
  '<p style="background: url(https://evil.example/style.png)">Stilad</p>',
].join('\n');

/** What a page must not have after rendering an XSS body: checked in the page. */
async function inertBody(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const problems: string[] = [];
    const container = document.querySelector(root);
    if (!container) return [`no ${root}`];
    for (const element of container.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'img', 'svg', 'style', 'form', 'button', 'object', 'embed'].includes(tag)) problems.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) problems.push(`${tag}[${attribute.name}]`);
        if (attribute.name === 'style') problems.push(`${tag}[style]`);
        if (/^\s*javascript:/i.test(attribute.value)) problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
    }
    return problems;
  }, selector);
}

// A real browser on 2 shared cores: each step may wait for the page longer than the suite's default.
jest.setTimeout(180_000);

/** The public reading side (Dokument, Lagrum), sign-in and the shared Markdown component, in a real Chromium. */
describe('reading documents and law texts in a browser', () => {
  let graph: TestSupergraph;
  let server: RunningHttpService;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request any page made to a host other than the gateway's. */
  const foreign: string[] = [];
  const today = swedishToday();
  let leaderA: string;
  let leaderB: string;
  /** The documents this test publishes, by role. */
  let readable: { slug: string; title: string };
  let hostile: { slug: string; title: string };

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

  /** A leader (A) writes and submits a guideline; another (B) publishes it from today. */
  async function publishGuideline(input: { slug: string; title: string; summary: string; body: string; legalBasis: string[] }) {
    const created = await graph.query<{ childServices: { createDraft: { id: string } } }>(
      `mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
      {
        token: leaderA,
        variables: { input: { kind: 'GUIDELINE', targetGroup: 'Barn och unga 0–20 år', reviewBy: '2027-06-30', ...input } },
      },
    );
    expect(created.errors).toBeUndefined();
    const versionId = created.data!.childServices.createDraft.id;
    const submitted = await graph.query<{ childServices: { submitForReview: { revision: number } } }>(
      `mutation ($v: ID!) { childServices { submitForReview(versionId: $v) { revision } } }`,
      { token: leaderA, variables: { v: versionId } },
    );
    expect(submitted.errors).toBeUndefined();
    // The reviewer publishes the revision they read (leader-api: publish names expectedRevision).
    const published = await graph.query(
      `mutation ($v: ID!, $d: Date!, $r: Int!) { childServices { publish(versionId: $v, validFrom: $d, expectedRevision: $r) { id } } }`,
      {
        token: leaderB,
        variables: { v: versionId, d: today, r: submitted.data!.childServices.submitForReview.revision },
      },
    );
    expect(published.errors).toBeUndefined();
    return { slug: input.slug, title: input.title };
  }

  /** WCAG 2.1 A and AA rules of axe-core, run in the page as it is shown. */
  async function accessibilityViolations(on: Page = page): Promise<{ id: string; nodes: string[] }[]> {
    await on.evaluate(AXE_SOURCE);
    const result = await on.evaluate(() =>
      (
        window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  }

  async function screenshot(name: string, on: Page = page): Promise<void> {
    await on.screenshot({ path: path.join(OUTPUT, `web-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    graph = await startSupergraph();
    server = await serveGateway(graph.gateway, testConfig('gateway', graph.suffix, { HOST: '127.0.0.1' }), 0);
    origin = new URL(server.url).origin;
    const leader = (sub: string, name: string) => tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'], sub, name });
    leaderA = await leader('leader-a', 'Anna Andersson');
    leaderB = await leader('leader-b', 'Bertil Berg');
    const steps = Array.from(
      { length: 40 },
      (_, index) =>
        `${index + 1}. Handläggaren dokumenterar hembesöket i journalen och stämmer av med arbetsledaren före nästa steg, enligt punkt ${index + 1}.`,
    ).join('\n');
    readable = await publishGuideline({
      slug: 'hembesok-vid-utredning',
      title: 'Riktlinje för hembesök vid utredning',
      summary: 'Hur och när socialtjänsten gör hembesök under en utredning om barn.',
      body: `## Syfte\n\nHembesök ger en bild av **barnets vardag**. Läs även [Socialstyrelsens stöd](https://www.socialstyrelsen.se/).\n\n## Så går det till\n\n- Boka tid med vårdnadshavaren.\n- Var två från socialtjänsten.\n\n## Steg för steg\n\n${steps}\n`,
      legalBasis: ['SoL 20 kap. 2 §', 'LSS 9 §', 'SoF 12 kap. 2 §', 'LVU 2 §'],
    });
    hostile = await publishGuideline({
      slug: 'riktlinje-med-skadlig-kod',
      title: 'Riktlinje med skadlig kod i texten',
      summary: 'En text som försöker köra skript hos läsaren.',
      body: XSS_BODY,
      legalBasis: ['SoL 20 kap. 3 §'],
    });
    // Chromium's own flags from the package, less the two that would switch off the same-origin rules under test.
    browser = await launchChromium();
    context = await newContext();
    page = await newPage(context);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  it('lists the published documents without signing in, each title the link to it, and finds one by Swedish full-text search', async () => {
    await page.goto(`${origin}/dashboard/`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Dokument', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#/dokument');
    await page.getByRole('link', { name: readable.title }).waitFor();
    await expect(page.getByRole('link', { name: 'Logga in' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('dokument');

    const search = page.getByRole('searchbox');
    await expect(search.getAttribute('type')).resolves.toBe('search');
    // Another inflection than the text's ("hembesöket", "hembesök"): the API's Swedish stemming finds it.
    await search.fill('hembesöken');
    await search.press('Enter');
    await page.waitForFunction(() => location.hash.includes('sok='));
    await page.getByText(/matchar ”hembesöken”/).waitFor();
    const titles = await page.locator('.document-list a.document-title').allTextContents();
    expect(titles).toContain(readable.title);
    expect(titles).not.toContain(hostile.title);
    await screenshot('dokument-sok');

    await page.getByLabel('Dokumenttyp').selectOption('ROUTINE');
    await page.getByText(/Inga dokument matchar/).waitFor();
    await page.getByLabel('Dokumenttyp').selectOption('GUIDELINE');
    await page.getByLabel('Område').selectOption('CHILD_SERVICES');
    await page.getByRole('link', { name: readable.title }).click();
    expect(new URL(page.url()).hash).toBe(`#/dokument/barn-och-unga/${readable.slug}`);
  });

  it('shows the version in force rendered from Markdown, with lagrum linked to the law text, dates, owner and versions', async () => {
    await page.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${readable.slug}`);
    await page.getByRole('heading', { level: 1, name: readable.title }).waitFor();
    const body = page.getByRole('region', { name: 'Dokumentets text' });
    // The body's "##" sits under the page's <h1>; its list and bold text are HTML.
    await expect(body.getByRole('heading', { level: 3, name: 'Syfte' }).count()).resolves.toBe(1);
    await expect(body.locator('strong').textContent()).resolves.toBe('barnets vardag');
    await expect(body.locator('ol > li').count()).resolves.toBe(40);
    await expect(body.getByRole('link', { name: 'Socialstyrelsens stöd' }).getAttribute('rel')).resolves.toBe('noopener noreferrer');
    const facts = page.locator('dl.document-facts');
    await expect(facts.textContent()).resolves.toContain(`Gäller från${today}`);
    await expect(facts.textContent()).resolves.toContain('Revideras senast2027-06-30');
    await expect(facts.textContent()).resolves.toContain('Ägare');
    await expect(facts.textContent()).resolves.toContain('MålgruppBarn och unga 0–20 år');
    // Known lagrum link to their text; a law Samsyn has no text of stays text.
    const lagrum = facts.locator('ul.lagrum');
    await expect(
      lagrum.getByRole('link').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')])),
    ).resolves.toEqual([
      ['SoL 20 kap. 2 §', '#/lag/sol/20/2'],
      ['LSS 9 §', '#/lag/lss/9'],
      ['SoF 12 kap. 2 §', '#/lag/sof/12/2'],
    ]);
    await expect(lagrum.textContent()).resolves.toContain('LVU 2 §');
    await expect(page.getByRole('table').getByText('Gäller', { exact: true }).count()).resolves.toBe(1);
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('dokument-las');

    await lagrum.getByRole('link', { name: 'SoL 20 kap. 2 §' }).click();
    await page.getByRole('heading', { level: 1, name: 'SoL 20 kap. 2 §' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/lag/sol/20/2');
    await page.getByText('inom fjorton dagar efter det att anmälan har kommit in').waitFor();
    await page.getByRole('link', { name: 'Nästa: 3 §' }).waitFor();
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('lag-paragraf');

    await page.getByRole('link', { name: 'Lagrum', exact: true }).click();
    await page.getByRole('link', { name: 'Lag om stöd och service till vissa funktionshindrade (1993:387)' }).click();
    await page.getByRole('link', { name: '9 a §' }).waitFor();
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('loads a document in a new browser with under 100 kB transferred, a law text only when a section is opened', async () => {
    const fresh = await newContext();
    const files: string[] = [];
    const sizes: Promise<number>[] = [];
    fresh.on('requestfinished', (request) => {
      files.push(new URL(request.url()).pathname);
      sizes.push(
        request.sizes().then(
          (size) => size.responseBodySize + size.responseHeadersSize,
          () => 0,
        ),
      );
    });
    const transferredSoFar = async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    const view = await newPage(fresh);
    const started = performance.now();
    await view.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${readable.slug}`);
    await view.getByRole('region', { name: 'Dokumentets text' }).getByRole('heading', { name: 'Syfte' }).waitFor();
    const shownMs = performance.now() - started;
    await view.waitForLoadState('networkidle');
    const documentBytes = await transferredSoFar();
    expect(files).not.toContain('/assets/law/sol.json');
    await view.getByRole('link', { name: 'SoL 20 kap. 2 §' }).click();
    await view.getByText('inom fjorton dagar').waitFor();
    await view.waitForLoadState('networkidle');
    expect(files).toContain('/assets/law/sol.json');
    const lawBytes = (await transferredSoFar()) - documentBytes;
    console.log(
      `first load of a document: ${documentBytes} bytes transferred (gzip), shown after ${Math.round(shownMs)} ms; opening SoL 20 kap. 2 § then ${lawBytes} bytes more`,
    );
    expect(documentBytes).toBeLessThan(100_000);
    await view.close();
  });

  it('prints a document on A4 without the navigation, its identity and date in the margin of every page', async () => {
    await page.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${readable.slug}`);
    await page.getByRole('heading', { level: 1, name: readable.title }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      await printed();
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  async function printed(): Promise<void> {
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
    await expect(page.locator('.breadcrumbs').isVisible()).resolves.toBe(false);
    await expect(page.locator('.printed').isVisible()).resolves.toBe(true);
    // The page margins' content, which Chromium repeats on every printed page.
    const pageRule = await page.evaluate(() =>
      document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules])
        .map((rule) => rule.cssText)
        .join('\n'),
    );
    expect(pageRule.toLowerCase()).toContain('size: a4');
    expect(pageRule).toContain(`Riktlinje: ${readable.title}, version 1`);
    expect(pageRule).toContain(`Gäller från ${today}`);
    expect(pageRule).toContain('counter(page)');
    await screenshot('dokument-utskrift');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    fs.writeFileSync(path.join(OUTPUT, 'web-dokument-utskrift.pdf'), pdf);
    const text = pdf.toString('latin1');
    // A4 is 595 × 842 points; the 40 steps take more than one page.
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((match) => [
      Math.round(Number(match[1])),
      Math.round(Number(match[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const [width, height] of boxes) expect([Math.abs(width - 595.3) < 1, Math.abs(height - 841.9) < 1]).toEqual([true, true]);
  }

  it('runs nothing of a body with scripts, event handlers and javascript: links in the reading view, even without the CSP', async () => {
    // The gateway's CSP alone would stop inline scripts; with it bypassed, what is tested is the sanitiser.
    for (const bypassCSP of [false, true]) {
      const reader = await newContext({ bypassCSP });
      const view = await newPage(reader);
      const dialogs: string[] = [];
      const messages: string[] = [];
      view.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      view.on('console', (message) => messages.push(message.text()));
      view.on('pageerror', (error) => messages.push(String(error)));
      await view.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${hostile.slug}`);
      const body = view.getByRole('region', { name: 'Dokumentets text' });
      await body.getByRole('heading', { name: 'Steg' }).waitFor();
      await expect(body.locator('ol > li').count()).resolves.toBe(2);
      await expect(body.getByText('Stilad').count()).resolves.toBe(1);
      expect(await inertBody(view, '.document-body')).toEqual([]);
      if (!bypassCSP) await screenshot('dokument-xss', view);
      for (const name of ['Markdownlänk', 'HTML-länk', 'Klicklänk']) await body.getByText(name).click();
      await view.waitForTimeout(500);
      expect(await view.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      // The CSP's reports of what it blocked (DOMPurify parses the body in an inert document of the page) are no output of a payload.
      const payloadOutput = messages.filter((message) => !message.includes('Content Security Policy'));
      expect(payloadOutput.filter((message) => /xss|script|img|svg|details|link|onclick|iframe/i.test(message))).toEqual([]);
      if (!bypassCSP) {
        await view.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${hostile.slug}`);
        await body.getByRole('heading', { name: 'Steg' }).waitFor();
        expect(await accessibilityViolations(view)).toEqual([]);
      }
      await view.close();
    }
  });

  it('runs nothing in the Markdown component as the editor previews it, keystroke by keystroke', async () => {
    // The component as the dashboard bundles it, in a page of its own with no CSP: an editor and its live preview.
    const bundle = await build({
      stdin: {
        contents: `
          import { render } from 'preact';
          import { useState } from 'preact/hooks';
          import { Markdown } from './src/components/Markdown';
          function Preview() {
            const [text, setText] = useState('');
            return (<>
              <label for="text">Text</label>
              <textarea id="text" value={text} onInput={(event) => setText(event.currentTarget.value)} />
              <Markdown source={text} label="Förhandsgranskning" />
            </>);
          }
          render(<Preview />, document.getElementById('app'));`,
        resolveDir: DASHBOARD,
        loader: 'tsx',
      },
      bundle: true,
      format: 'iife',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      outdir: path.join(OUTPUT, 'preview-bundle'),
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
    const preview = await newPage(context);
    const dialogs: string[] = [];
    preview.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await preview.setContent(
      '<!doctype html><html lang="sv"><head><title>Förhandsgranskning</title></head><body><div id="app"></div></body></html>',
    );
    await preview.addScriptTag({ content: script });
    const editor = preview.getByLabel('Text');
    // Typed in pieces, so every half-written tag is previewed on the way (as a person typing would).
    for (let start = 0; start < XSS_BODY.length; start += 40)
      await editor.pressSequentially(XSS_BODY.slice(start, start + 40), { delay: 0 });
    const rendered = preview.getByRole('region', { name: 'Förhandsgranskning' });
    await rendered.getByRole('heading', { name: 'Steg' }).waitFor();
    expect(await inertBody(preview, '.markdown')).toEqual([]);
    for (const name of ['Markdownlänk', 'HTML-länk', 'Klicklänk']) await rendered.getByText(name).click();
    await preview.waitForTimeout(500);
    expect(await preview.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await preview.close();
  });

  it('asks for a name at sign-in and returns to the document the person came from; the session is shared by the tabs', async () => {
    await page.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${readable.slug}`);
    await page.getByRole('heading', { level: 1, name: readable.title }).waitFor();
    await page.locator('.signed-in').getByRole('link', { name: 'Logga in' }).click();
    await page.getByLabel('Namn').fill('Cecilia Cederlund');
    await page.getByLabel(/Processledare/).check();
    expect(await accessibilityViolations()).toEqual([]);
    await screenshot('logga-in-namn');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Inloggad: Cecilia Cederlund').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/dokument/barn-och-unga/${readable.slug}`);
    await page.getByRole('heading', { level: 1, name: readable.title }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link', { name: 'Arbetsyta' }).getAttribute('href')).resolves.toBe('#/arbetsyta');
    await expect(menu.getByRole('link', { name: 'Att göra' }).getAttribute('href')).resolves.toBe('#/att-gora');

    // Another tab of the same browser is signed in too.
    const other = await newPage(context);
    await other.goto(`${origin}/dashboard/#/dokument`);
    await other.getByText('Inloggad: Cecilia Cederlund').waitFor();
    await other.close();

    // An analyst sees no Arbetsyta.
    await page.locator('.signed-in').getByRole('link', { name: 'Byt roll' }).click();
    await page.getByLabel('Namn').fill('Ali Analytiker');
    await page.getByLabel(/Analytiker/).check();
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Inloggad: Ali Analytiker').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/dokument/barn-och-unga/${readable.slug}`);
    await expect(menu.getByRole('link', { name: 'Arbetsyta' }).count()).resolves.toBe(0);
    await expect(menu.getByRole('link', { name: 'Att göra' }).count()).resolves.toBe(0);
  });

  it('lets GraphiQL at /graphql send its requests as the person signed in on the dashboard', async () => {
    const graphiql = await newPage(context);
    const authorizations: (string | undefined)[] = [];
    graphiql.on('request', (request) => {
      if (request.url() === `${origin}/graphql` && request.method() === 'POST') authorizations.push(request.headers().authorization);
    });
    const token = await page.evaluate(() => localStorage.getItem('samsyn.token'));
    expect(token).toBeTruthy();
    await graphiql.goto(`${origin}/graphql`);
    await graphiql.waitForSelector('.graphiql-container', { timeout: 100_000 });
    // GraphiQL asks for the schema at once: with the dashboard's token.
    for (let waited = 0; authorizations.length === 0 && waited < 60_000; waited += 250) await graphiql.waitForTimeout(250);
    expect(authorizations[0]).toBe(`Bearer ${token}`);
    await graphiql.getByText('Frågorna skickas som Ali Analytiker').first().waitFor();
    await screenshot('graphiql-inloggad', graphiql);
    await graphiql.close();
  }, 150_000);

  it('ends the session when its token expires, saying so', async () => {
    const reader = await newContext();
    const view = await newPage(reader);
    await view.goto(`${origin}/dashboard/#/dokument`);
    const shortLived = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'], sub: 'leader-f', name: 'Frida Fors' }, '15s');
    await view.evaluate((token) => localStorage.setItem('samsyn.token', token), shortLived);
    await view.reload();
    await view.getByText('Inloggad: Frida Fors').waitFor();
    await view.getByRole('alert').getByText('Din inloggning har gått ut.').waitFor({ timeout: 30_000 });
    await expect(view.getByText('Inloggad: Frida Fors').count()).resolves.toBe(0);
    await expect(view.evaluate(() => localStorage.getItem('samsyn.token'))).resolves.toBeNull();
    await expect(view.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arbetsyta' }).count()).resolves.toBe(0);
    expect(await accessibilityViolations(view)).toEqual([]);
    await screenshot('utloggad', view);
    await view.close();
  });

  it('shows behind a proxy that adds Authorization what that person may do, without signing in', async () => {
    const leaderToken = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'], sub: 'leader-d', name: 'Doris Dahl' });
    const analystToken = await tokenFor({ roles: ['analyst'], sub: 'analyst-e', name: 'Erik Ek' });
    for (const [token, name, leads] of [
      [leaderToken, 'Doris Dahl', true],
      [analystToken, 'Erik Ek', false],
    ] as const) {
      const proxied = await newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const view = await newPage(proxied);
      await view.goto(`${origin}/dashboard/#/dokument`);
      // No token of its own: who it is comes from the proxy's header alone.
      await view.evaluate(() => localStorage.removeItem('samsyn.token'));
      await view.reload();
      await view.getByText(`Inloggad: ${name}`).waitFor();
      const menu = view.getByRole('navigation', { name: 'Huvudmeny' });
      await expect(menu.getByRole('link', { name: 'Arbetsyta' }).count()).resolves.toBe(leads ? 1 : 0);
      await expect(view.evaluate(() => localStorage.getItem('samsyn.token'))).resolves.toBeNull();
      await view.close();
    }
  });

  it('made no request to any host but the gateway', () => {
    expect(foreign).toEqual([]);
  });
});
