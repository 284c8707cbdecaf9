/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningHttpService } from '@samsyn/runtime';
import { serveGateway } from '@samsyn/gateway';
import { startSupergraph, testConfig, tokenFor, type TestSupergraph } from '@samsyn/test-support';
import { AXE_SOURCE, launchChromium, OUTPUT } from './browser';

/** A routine in force in the demo data with one version and nothing in work. */
const ROUTINE = 'utredning-av-barns-behov';

// A real browser on 2 shared cores: each step may wait for the page longer than the suite's default.
jest.setTimeout(240_000);

interface Leader {
  context: BrowserContext;
  page: Page;
  token: string;
  name: string;
  /** Bytes of response bodies and headers received since the context opened. */
  transferred: () => number;
}

/** Two process leaders of Barn och unga in two browser contexts, signed in as a proxy would: by Authorization. */
describe('the process leaders’ workspace in a browser', () => {
  let graph: TestSupergraph;
  let server: RunningHttpService;
  let origin: string;
  let browser: Browser;
  let anna: Leader;
  let bo: Leader;
  /** Every request a page made to a host other than the gateway's. */
  const foreign: string[] = [];
  /** Dialogs opened and console messages logged by any page: a payload that ran would show here. */
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const executed: string[] = [];

  async function leader(sub: string, name: string): Promise<Leader> {
    const token = await tokenFor({ sub, name, roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    let transferred = 0;
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    // A payload that ran calls one of these; the page itself never does.
    await context.exposeFunction('samsynExecuted', (what: string) => executed.push(what));
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${name}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${name}: ${error.message}`));
    return { context, page, token, name, transferred: () => transferred };
  }

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    graph = await startSupergraph();
    server = await serveGateway(graph.gateway, testConfig('gateway', graph.suffix, { HOST: '127.0.0.1' }), 0);
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    anna = await leader('aino-alm', 'Aino Alm');
    bo = await leader('bo-berg', 'Bo Berg');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await graph?.close();
  });

  async function api<T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await graph.query<T>(query, { token, variables });
    expect(errors).toBeUndefined();
    return data as T;
  }

  async function documentId(slug: string): Promise<string> {
    const { childServices } = await api<{ childServices: { document: { id: string } } }>(
      `query ($slug: String!) { childServices { document(slug: $slug) { id } } }`,
      anna.token,
      { slug },
    );
    return childServices.document.id;
  }

  /** WCAG 2.1 A and AA rules of axe-core, run in the page as it is shown. */
  async function accessibilityViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      (
        window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(OUTPUT, `workspace-${name}.png`), fullPage: true });
  }

  it('writes, returns, resubmits and publishes a routine with four eyes, and follows up the districts', async () => {
    const started = performance.now();
    const { page: a } = anna;
    const { page: b } = bo;

    // A: Arbetsyta lists the routine in force; Ny version opens a draft prefilled from it.
    await a.goto(`${origin}/dashboard/#/arbetsyta`);
    await a.getByRole('button', { name: 'Nytt dokument' }).waitFor();
    const row = a.locator('tr', { has: a.getByRole('link', { name: 'Rutin för utredning av barns behov av skydd eller stöd' }) });
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'arbetsyta');
    await row.getByRole('button', { name: 'Ny version' }).click();
    await a.waitForURL(/#\/utkast\//);
    const text = a.getByLabel('Text', { exact: true });
    await expect(text.inputValue()).resolves.toContain('## Steg');
    await expect(a.getByLabel('Titel', { exact: true }).inputValue()).resolves.toBe(
      'Rutin för utredning av barns behov av skydd eller stöd',
    );
    for (const field of ['Typ', 'Sammanfattning', 'Lagrum', 'Målgrupp', 'Revideras senast']) {
      await expect(a.getByLabel(field, { exact: true }).count()).resolves.toBe(1);
    }

    // A writes a list and a link; the preview shows them rendered as the reader will see them.
    const body = await text.inputValue();
    const added = [
      '',
      '## Checklista vid inledning',
      '- Barnet har fått information',
      '- Vårdnadshavare har underrättats',
      '',
      'Se [Socialstyrelsens BBIC](https://www.socialstyrelsen.se/bbic) för mallar.',
    ].join('\n');
    await text.fill(`${body}\n${added}`);
    await a.getByLabel('Revideras senast', { exact: true }).fill('2027-12-31');
    // Lagrum is checked while typing: an unknown chapter is pointed out, a known section links to its text.
    const lagrum = a.getByLabel('Lagrum', { exact: true });
    const lagrumBefore = await lagrum.inputValue();
    await lagrum.fill(`${lagrumBefore}\nSoL 99 kap. 1 §`);
    await a.locator('#lagrum-check .field-error', { hasText: 'SoL 99 kap. 1 §' }).waitFor();
    await expect(lagrum.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(a.locator('#lagrum-check a', { hasText: 'SoL 20 kap. 3 §' }).getAttribute('href')).resolves.toMatch(
      /^#\/lag\/sol\/20\/3$/,
    );
    await lagrum.fill(lagrumBefore);
    await expect(a.locator('#lagrum-check .field-error').count()).resolves.toBe(0);
    const preview = a.locator('.preview');
    await preview.locator('li', { hasText: 'Vårdnadshavare har underrättats' }).waitFor();
    await expect(preview.locator('a', { hasText: 'Socialstyrelsens BBIC' }).getAttribute('href')).resolves.toBe(
      'https://www.socialstyrelsen.se/bbic',
    );
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'utkast');
    await a.getByRole('button', { name: 'Spara utkast' }).click();
    await a.getByText(/Utkastet är sparat/).waitFor();
    await a.getByRole('button', { name: 'Skicka för granskning' }).click();
    await a.waitForURL(/#\/granska\//);
    // Four eyes: the author's own Publicera is disabled and says why.
    const ownPublish = a.getByRole('button', { name: 'Publicera' });
    await expect(ownPublish.isDisabled()).resolves.toBe(true);
    await expect(a.locator('#fyra-ogon').textContent()).resolves.toMatch(/fyra ögon/);
    await screenshot(a, 'granska-egen');

    // B: Att göra shows it waiting for review, with a count in the menu; first load measured.
    const before = bo.transferred();
    const loadStarted = performance.now();
    await b.goto(`${origin}/dashboard/#/att-gora`);
    const waiting = b.locator('section', { has: b.getByRole('heading', { name: /Väntar på min granskning/ }) });
    const link = waiting.getByRole('link', { name: 'Rutin för utredning av barns behov av skydd eller stöd' });
    await link.waitFor();
    const firstLoadMs = performance.now() - loadStarted;
    const firstLoadBytes = bo.transferred() - before;
    await expect(b.getByRole('link', { name: 'Att göra', exact: true }).count()).resolves.toBe(1);
    await expect(b.locator('.nav-count').textContent()).resolves.toMatch(/^\d+$/);
    expect(await accessibilityViolations(b)).toEqual([]);
    await screenshot(b, 'att-gora');

    // B reads the diff against the version in force: inline and side by side, plus the changed fields.
    await link.click();
    await b.waitForURL(/#\/granska\//);
    await b.locator('.diff ins', { hasText: 'Vårdnadshavare har underrättats' }).waitFor();
    await expect(b.locator('.changed-fields tr[data-field="reviewBy"]').count()).resolves.toBe(1);
    await b.getByLabel('Sida vid sida').check();
    await b.locator('.diff-after ins', { hasText: 'Checklista vid inledning' }).waitFor();
    expect(await accessibilityViolations(b)).toEqual([]);
    await screenshot(b, 'granska');

    // Returning needs a comment.
    await b.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await b.getByText('Skriv en kommentar').waitFor();
    await b.getByLabel('Kommentar', { exact: true }).fill('Lägg till att barnets åsikter ska dokumenteras i checklistan.');
    await b.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await b.waitForURL(/#\/att-gora/);

    // A sees the comment in Att göra, changes the draft and resubmits.
    await a.goto(`${origin}/dashboard/#/att-gora`);
    await a.reload();
    const returned = a.locator('section', { has: a.getByRole('heading', { name: /Tillbakaskickade till mig/ }) });
    await returned.getByText('Lägg till att barnets åsikter ska dokumenteras i checklistan.').waitFor();
    await expect(returned.textContent()).resolves.toContain('Bo Berg skrev:');
    await screenshot(a, 'att-gora-tillbaka');
    await returned.getByRole('link', { name: 'Rutin för utredning av barns behov av skydd eller stöd' }).click();
    await a.waitForURL(/#\/utkast\//);
    await a.getByText('Lägg till att barnets åsikter ska dokumenteras i checklistan.').waitFor();
    const resubmitted = a.getByLabel('Text', { exact: true });
    await resubmitted.fill(
      (await resubmitted.inputValue()).replace(
        '- Vårdnadshavare har underrättats',
        '- Vårdnadshavare har underrättats\n- Barnets åsikter är dokumenterade',
      ),
    );
    await a.getByRole('button', { name: 'Skicka för granskning' }).click();
    await a.waitForURL(/#\/granska\//);

    // B publishes it as a substantive change from today.
    await b.goto(`${origin}/dashboard/#/att-gora`);
    await b.reload();
    await b
      .locator('section', { has: b.getByRole('heading', { name: /Väntar på min granskning/ }) })
      .getByRole('link', { name: /Rutin för utredning/ })
      .click();
    await b.locator('.diff ins', { hasText: 'Barnets åsikter är dokumenterade' }).waitFor();
    const today = await b.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
    await expect(b.getByLabel('Gäller från', { exact: true }).inputValue()).resolves.toBe(today);
    await b.getByLabel('Ändringens art', { exact: true }).selectOption({ label: 'Saklig' });
    await b.getByRole('button', { name: 'Publicera' }).click();
    await b.waitForURL(/#\/uppfoljning\//);

    // A district system acknowledges the new version through the API; the follow-up page shows it.
    const id = await documentId(ROUTINE);
    const { childServices } = await api<{ childServices: { document: { current: { id: string; number: number } } } }>(
      `query ($id: ID!) { childServices { document(id: $id) { current { id number } } } }`,
      bo.token,
      { id },
    );
    expect(childServices.document.current.number).toBe(2);
    const district = await tokenFor({ roles: ['district-system'], district: 'angered' });
    await api(
      `mutation ($versionId: ID!) { childServices { acknowledge(versionId: $versionId, status: ACKNOWLEDGED) { lagging } } }`,
      district,
      { versionId: childServices.document.current.id },
    );
    await b.reload();
    const angered = b.locator('.adoption-table tr[data-district="angered"]');
    await angered.waitFor();
    await expect(angered.locator('.current-status').textContent()).resolves.toBe('Kvitterad');
    await expect(b.locator('.adoption-table tr[data-district="lundby"] .current-status').textContent()).resolves.toMatch(/^Ej kvitterad/);
    await expect(b.locator('.versions-table tbody tr').first().textContent()).resolves.toContain('Saklig');
    await expect(b.locator('.history-table tr[data-action="publish"]').count()).resolves.toBeGreaterThan(0);
    await expect(b.locator('.versions-table tbody tr').count()).resolves.toBe(2);
    expect(await accessibilityViolations(b)).toEqual([]);
    await screenshot(b, 'uppfoljning');

    const flowMs = performance.now() - started;
    console.log(
      `workspace flow: ${Math.round(flowMs)} ms in the browser; first load of Att göra: ${firstLoadBytes} bytes transferred, ${Math.round(firstLoadMs)} ms`,
    );
  });

  it('shows a district’s synpunkt in Att göra, answers it with Svara, and links it to the draft that addresses it', async () => {
    const { page: a } = anna;
    const id = await documentId(ROUTINE);
    const { childServices } = await api<{ childServices: { document: { current: { id: string } } } }>(
      `query ($id: ID!) { childServices { document(id: $id) { current { id } } } }`,
      anna.token,
      { id },
    );
    const district = await tokenFor({
      sub: 'system-lundby',
      name: 'Lundbys verksamhetssystem',
      roles: ['district-system'],
      district: 'lundby',
    });
    const left = await api<{ childServices: { leaveFeedback: { id: string } } }>(
      `mutation ($input: FeedbackInput!) { childServices { leaveFeedback(input: $input) { id } } }`,
      district,
      {
        input: {
          versionId: childServices.document.current.id,
          section: 'Checklista vid inledning',
          text: 'Gäller checklistan även vid förlängning?',
        },
      },
    );
    const feedbackId = left.childServices.leaveFeedback.id;

    // B, signed in, leaves one in the reading view.
    await bo.page.goto(`${origin}/dashboard/#/dokument/barn-och-unga/${ROUTINE}`);
    await bo.page.getByLabel('Synpunkt', { exact: true }).fill('Vem ansvarar för checklistan?');
    await bo.page.getByRole('button', { name: 'Lämna synpunkt' }).click();
    await bo.page.getByText('Tack! Synpunkten är lämnad.').waitFor();
    expect(await accessibilityViolations(bo.page)).toEqual([]);
    await screenshot(bo.page, 'dokument-synpunkt');

    await a.goto(`${origin}/dashboard/#/arbetsyta`);
    await a.goto(`${origin}/dashboard/#/att-gora`);
    const open = a.locator('section', { has: a.getByRole('heading', { name: /Obesvarade synpunkter/ }) });
    const item = open.locator(`[data-feedback="${feedbackId}"]`);
    await item.getByText('Gäller checklistan även vid förlängning?').waitFor();
    await expect(item.textContent()).resolves.toContain('Lundby');
    await expect(open.getByRole('link', { name: 'Rutin för utredning av barns behov av skydd eller stöd' }).count()).resolves.toBe(2);
    await open.getByText('Vem ansvarar för checklistan?').waitFor();
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'att-gora-synpunkt');
    await item.getByLabel('Svar', { exact: true }).fill('Ja, checklistan gäller också när utredningen förlängs.');
    await item.getByRole('button', { name: 'Svara' }).click();
    await a.locator(`[data-feedback="${feedbackId}"]`).waitFor({ state: 'detached' });

    // The district sees the answer.
    const seen = await api<{ childServices: { feedback: { id: string; status: string; answer: string; answeredBy: string }[] } }>(
      `{ childServices { feedback { id status answer answeredBy } } }`,
      district,
    );
    expect(seen.childServices.feedback.find((entry) => entry.id === feedbackId)).toEqual({
      id: feedbackId,
      status: 'ANSWERED',
      answer: 'Ja, checklistan gäller också när utredningen förlängs.',
      answeredBy: 'Aino Alm',
    });

    // A starts the version that addresses it and links the synpunkt to it on the follow-up page.
    await a.goto(`${origin}/dashboard/#/uppfoljning/${id}?omrade=CHILD_SERVICES`);
    await a.getByRole('button', { name: 'Ny version' }).click();
    await a.waitForURL(/#\/utkast\//);
    await a.goto(`${origin}/dashboard/#/uppfoljning/${id}?omrade=CHILD_SERVICES`);
    const answered = a.locator(`[data-feedback="${feedbackId}"]`);
    await answered.getByLabel('Åtgärdas i').selectOption({ label: 'Version 3' });
    await answered.getByRole('button', { name: 'Koppla till utkast' }).click();
    await a.locator(`[data-feedback="${feedbackId}"]`, { hasText: 'Kopplad till version 3' }).waitFor();
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'uppfoljning-synpunkt');
  });

  it('writes a new routine with its deadline rules, and its owner is the leader who created it', async () => {
    const { page: a } = anna;
    await a.goto(`${origin}/dashboard/#/arbetsyta`);
    await a.getByRole('button', { name: 'Nytt dokument' }).click();
    await a.waitForURL(/#\/nytt-dokument/);
    await a.getByLabel('Typ', { exact: true }).selectOption({ label: 'Rutin' });
    await a.getByLabel('Titel', { exact: true }).fill('Rutin för samordnad individuell plan');
    await a.getByLabel('Sammanfattning', { exact: true }).fill('När och hur en SIP tas initiativ till och följs upp.');
    await a.getByLabel('Text', { exact: true }).fill('## Steg\n1. Fråga den enskilde om samtycke.\n2. Kalla till möte.');
    await a.getByLabel('Lagrum', { exact: true }).fill('SoL 16 kap. 4 §');
    await a.getByLabel('Målgrupp', { exact: true }).fill('Barn och unga med behov av insatser från flera huvudmän');
    await a.getByLabel('Revideras senast', { exact: true }).fill('2027-12-31');
    await a.getByRole('button', { name: 'Lägg till frist' }).click();
    await a.getByLabel('Regel 1').fill('meetingWithinDays');
    await a.getByLabel('Regel 1').blur();
    await a.getByLabel('Värde 1').fill('14');
    await a.getByLabel('Värde 1').blur();
    await expect(a.locator('.preview ol li').count()).resolves.toBe(2);
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'nytt-dokument');
    await a.getByRole('button', { name: 'Spara utkast' }).click();
    await a.waitForURL(/#\/utkast\//);
    const documentIdOfDraft = new URL(a.url().replace('#/', '')).searchParams.get('dokument');
    const { childServices } = await api<{
      childServices: {
        document: { kind: string; ownerName: string; versions: { details: Record<string, unknown>; legalBasis: string[] }[] };
      };
    }>(`query ($id: ID!) { childServices { document(id: $id) { kind ownerName versions { details legalBasis } } } }`, anna.token, {
      id: documentIdOfDraft,
    });
    expect(childServices.document).toEqual({
      kind: 'ROUTINE',
      ownerName: 'Aino Alm',
      versions: [{ details: { deadlines: { meetingWithinDays: 14 } }, legalBasis: ['SoL 16 kap. 4 §'] }],
    });
    await a.goto(`${origin}/dashboard/#/uppfoljning/${documentIdOfDraft}?omrade=CHILD_SERVICES`);
    await expect(a.locator('.facts .owner').textContent()).resolves.toBe('Aino Alm');
    // Ownership is handed to another leader of the area.
    await a.getByLabel('Ny ägare').selectOption({ label: 'Jonas Prov' });
    await a.getByRole('button', { name: 'Byt ägare' }).click();
    await a.locator('.facts .owner', { hasText: 'Jonas Prov' }).waitFor();
    expect(await accessibilityViolations(a)).toEqual([]);
  });

  it('refuses to publish a version identical to the one before, and follows up a version published for a later day', async () => {
    const { page: b } = bo;
    const draftOf = async (slug: string, input: Record<string, unknown>) => {
      const id = await documentId(slug);
      const { childServices } = await api<{ childServices: { createDraft: { id: string; revision: number } } }>(
        `mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id revision } } }`,
        anna.token,
        { input: { documentId: id, ...input } },
      );
      await api(`mutation ($id: ID!) { childServices { submitForReview(versionId: $id) { id } } }`, anna.token, {
        id: childServices.createDraft.id,
      });
      return { id, versionId: childServices.createDraft.id };
    };
    const publishIn = async (documentIdOf: string, versionId: string, validFrom: string, kind: string) => {
      await b.goto(`${origin}/dashboard/#/granska/${documentIdOf}?omrade=CHILD_SERVICES&version=${versionId}`);
      await b.getByLabel('Gäller från', { exact: true }).fill(validFrom);
      await b.getByLabel('Ändringens art', { exact: true }).selectOption({ label: kind });
      await b.getByRole('button', { name: 'Publicera' }).click();
    };

    // Nothing changed: the API refuses and the page says so.
    const same = await draftOf('bbic', {});
    const today = await b.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
    await publishIn(same.id, same.versionId, today, 'Redaktionell');
    await b.getByText(/Versionen är identisk med den som publicerades före den/).waitFor();
    expect(await accessibilityViolations(b)).toEqual([]);
    await screenshot(b, 'granska-identisk');

    // Published for a later day: a district's acknowledgement of it shows before it comes into force.
    const later = await draftOf('signs-of-safety', { summary: 'Signs of Safety i alla utredningar av barns behov från och med 2027.' });
    const inThirtyDays = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    await publishIn(later.id, later.versionId, inThirtyDays, 'Saklig');
    await b.waitForURL(new RegExp(`#/uppfoljning/${later.id}`));
    const district = await tokenFor({ roles: ['district-system'], district: 'centrum' });
    await api(
      `mutation ($versionId: ID!) { childServices { acknowledge(versionId: $versionId, status: ACKNOWLEDGED) { lagging } } }`,
      district,
      { versionId: later.versionId },
    );
    await b.reload();
    const centrum = b.locator('.adoption-table tr[data-district="centrum"]');
    await centrum.locator('.upcoming-status', { hasText: /^Kvitterad$/ }).waitFor();
    await expect(b.locator('.adoption-table thead').textContent()).resolves.toMatch(/Kommande version \d+/);
    expect(await accessibilityViolations(b)).toEqual([]);
    await screenshot(b, 'uppfoljning-kommande');
  });

  it('shows what another leader saved meanwhile on a CONFLICT, merges it, and never overwrites it silently', async () => {
    const { page: a } = anna;
    const id = await documentId('riktlinje-barn-och-unga');
    const { childServices } = await api<{ childServices: { createDraft: { id: string; revision: number } } }>(
      `mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id revision } } }`,
      anna.token,
      { input: { documentId: id } },
    );
    const draft = childServices.createDraft;
    await a.goto(`${origin}/dashboard/#/utkast/${draft.id}?omrade=CHILD_SERVICES&dokument=${id}`);
    await a.getByLabel('Målgrupp', { exact: true }).fill('Barn och unga 0–20 år och deras vårdnadshavare');
    // Meanwhile B changes the summary of the same draft.
    await api(
      `mutation ($id: ID!, $revision: Int!) { childServices { updateDraft(versionId: $id, expectedRevision: $revision, input: { summary: "Bos sammanfattning." }) { revision } } }`,
      bo.token,
      { id: draft.id, revision: draft.revision },
    );
    await a.getByRole('button', { name: 'Spara utkast' }).click();
    const conflict = a.locator('.conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Bo Berg');
    const added = await conflict.locator('[data-field="summary"] ins').allTextContents();
    expect(added.join(' ')).toMatch(/Bos.*sammanfattning/);
    // Their change is merged into the form; A's own change is still there; nothing saved yet.
    await expect(a.getByLabel('Sammanfattning', { exact: true }).inputValue()).resolves.toBe('Bos sammanfattning.');
    await expect(a.getByLabel('Målgrupp', { exact: true }).inputValue()).resolves.toBe('Barn och unga 0–20 år och deras vårdnadshavare');
    expect(await accessibilityViolations(a)).toEqual([]);
    await screenshot(a, 'konflikt');
    await a.getByRole('button', { name: 'Spara utkast' }).click();
    await a.getByText(/Utkastet är sparat/).waitFor();
    const saved = await api<{ childServices: { document: { versions: { id: string; summary: string; targetGroup: string }[] } } }>(
      `query ($id: ID!) { childServices { document(id: $id) { versions { id summary targetGroup } } } }`,
      anna.token,
      { id },
    );
    expect(saved.childServices.document.versions.find((v) => v.id === draft.id)).toMatchObject({
      summary: 'Bos sammanfattning.',
      targetGroup: 'Barn och unga 0–20 år och deras vårdnadshavare',
    });
  });

  it('executes nothing of a body with script, event-handler and javascript: payloads, in the preview or the diff', async () => {
    const { page: a } = anna;
    const { page: b } = bo;
    const payload = [
      '## Försök',
      '<script>window.samsynExecuted("script")</script>',
      '<img src="x" onerror="window.samsynExecuted(\'onerror\')">',
      '<svg onload="window.samsynExecuted(\'svg\')"></svg>',
      '[Klicka här](javascript:window.samsynExecuted("javascript-link"))',
      '<a href="javascript:alert(1)">Länk</a>',
      '<iframe src="javascript:alert(2)"></iframe>',
    ].join('\n\n');
    await a.goto(`${origin}/dashboard/#/arbetsyta`);
    await a
      .locator('tr', { has: a.getByRole('link', { name: /Rutin för övervägande/ }) })
      .getByRole('button', { name: 'Ny version' })
      .click();
    await a.waitForURL(/#\/utkast\//);
    await a.getByLabel('Text', { exact: true }).fill(payload);
    await a.locator('.preview', { hasText: 'Försök' }).waitFor();
    // Clicking the links does nothing either.
    for (const name of ['Klicka här', 'Länk']) {
      const links = a.locator('.preview a', { hasText: name });
      if ((await links.count()) > 0)
        await links
          .first()
          .click({ timeout: 5_000 })
          .catch(() => undefined);
    }
    await expect(a.locator('.preview script, .preview [onerror], .preview [onload], .preview iframe').count()).resolves.toBe(0);
    await expect(a.locator('.preview a[href^="javascript:"]').count()).resolves.toBe(0);
    await a.getByRole('button', { name: 'Skicka för granskning' }).click();
    await a.waitForURL(/#\/granska\//);
    const url = new URL(a.url());

    await b.goto(url.toString());
    await b.locator('.diff ins', { hasText: 'onerror' }).first().waitFor();
    await b.getByLabel('Sida vid sida').check();
    await b.locator('.diff-after ins').first().waitFor();
    await b.waitForTimeout(500);
    await screenshot(b, 'granska-skadlig-text');
    expect(executed).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((message) => !/Failed to load resource/.test(message))).toEqual([]);
  });

  it('made no request to any host but the gateway', () => {
    expect(foreign).toEqual([]);
  });
});
