import { swedishToday } from '@samsyn/core';
import { startSupergraph, tokenFor, type GraphQLResult, type TestSupergraph } from '@samsyn/test-support';

/** The document lifecycle, exercised on the child-services subgraph directly, as a district system or a process leader would. */
let graph: TestSupergraph;
let anna: string;
let jonas: string;
let maria: string;
let admin: string;
let analyst: string;
const today = swedishToday();

const VERSION =
  'id documentId number status title summary body legalBasis validFrom revision submittedBy returnComment publishedBy changeSummary';

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  anna = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  maria = await tokenFor({ sub: 'maria', name: 'Maria Testsson', roles: ['process-leader'], areas: ['ADULT_SERVICES'] });
  admin = await tokenFor({ sub: 'admin', name: 'Admin', roles: ['admin'] });
  analyst = await tokenFor({ sub: 'analyst', name: 'Analytiker', roles: ['analyst'] });
});
afterAll(() => graph.close());

type Version = { id: string; documentId: string; number: number; status: string; revision: number; [field: string]: unknown };

function run(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResult> {
  return graph.subgraph('child-services', query, { variables, token });
}

/** Runs one mutation of ChildServicesMutations and returns its result or its first error. */
async function mutate(field: string, args: string, variables: Record<string, unknown>, token: string | undefined, selection = VERSION) {
  const argDefs = Object.keys(variables)
    .map((name) => `$${name}: ${TYPES[name]}`)
    .join(', ');
  const result = await run(`mutation (${argDefs}) { childServices { ${field}(${args}) { ${selection} } } }`, variables, token);
  const data = (result.data?.childServices as Record<string, unknown> | undefined)?.[field];
  return { data: data as Version, error: result.errors?.[0] };
}

const TYPES: Record<string, string> = {
  input: 'DraftInput!',
  versionId: 'ID!',
  documentId: 'ID!',
  expectedRevision: 'Int!',
  validFrom: 'Date!',
  comment: 'String!',
  reason: 'String!',
};

const createDraft = (input: Record<string, unknown>, token = anna) => mutate('createDraft', 'input: $input', { input }, token);
const updateDraft = (versionId: string, expectedRevision: number, input: Record<string, unknown>, token = anna) =>
  mutate(
    'updateDraft',
    'versionId: $versionId, expectedRevision: $expectedRevision, input: $input',
    { versionId, expectedRevision, input },
    token,
  );
const submit = (versionId: string, token = anna) => mutate('submitForReview', 'versionId: $versionId', { versionId }, token);
const returnToDraft = (versionId: string, comment: string, token = jonas) =>
  mutate('returnToDraft', 'versionId: $versionId, comment: $comment', { versionId, comment }, token);
const publish = (versionId: string, validFrom: string, token = jonas) =>
  mutate('publish', 'versionId: $versionId, validFrom: $validFrom', { versionId, validFrom }, token);
const retire = (documentId: string, reason: string, token = anna) =>
  mutate('retire', 'documentId: $documentId, reason: $reason', { documentId, reason }, token, 'id retiredReason');

let slugs = 0;
const newDocument = (title = 'Rutin för hembesök') =>
  createDraft({
    kind: 'ROUTINE',
    slug: `rutin-${++slugs}`,
    title,
    summary: 'Sammanfattning',
    body: 'Steg 1. Steg 2.',
    legalBasis: ['SoL 20 kap. 3 §'],
  });

/** Creates, submits (Anna) and publishes (Jonas) a new document; returns version 1. */
async function publishedDocument(title?: string, validFrom = today): Promise<Version> {
  const { data: draft } = await newDocument(title);
  await submit(draft.id);
  const { data, error } = await publish(draft.id, validFrom);
  expect(error).toBeUndefined();
  return data;
}

async function auditActions(documentId: string): Promise<string[]> {
  const rows: { action: string }[] = await graph.subgraphs['child-services']!.db.query(
    `SELECT action FROM audit_log WHERE document_id = $1 ORDER BY id`,
    [documentId],
  );
  return rows.map((row) => row.action);
}

async function readDocument(id: string, token?: string, on?: string) {
  const result = await run(
    `query ($id: ID, $on: Date) { childServices { document(id: $id) { id title current(on: $on) { number status } versions { number status } } } }`,
    { id, on },
    token,
  );
  return (
    result.data?.childServices as {
      document: { current: { number: number } | null; versions: { number: number; status: string }[] } | null;
    }
  ).document;
}

describe('the document lifecycle', () => {
  it('takes a document from draft through review to published, and a new version supersedes it', async () => {
    const created = await newDocument();
    expect(created.error).toBeUndefined();
    expect(created.data).toMatchObject({ number: 1, status: 'DRAFT', revision: 1, legalBasis: ['SoL 20 kap. 3 §'] });
    const v1 = created.data;

    const updated = await updateDraft(v1.id, 1, { body: 'Steg 1. Steg 2. Steg 3.' });
    expect(updated.data).toMatchObject({ status: 'DRAFT', revision: 2, body: 'Steg 1. Steg 2. Steg 3.', title: 'Rutin för hembesök' });

    expect((await submit(v1.id)).data).toMatchObject({ status: 'IN_REVIEW', submittedBy: 'Anna Exempel' });
    const returned = await returnToDraft(v1.id, 'Lägg till lagrum för dokumentation.');
    expect(returned.data).toMatchObject({ status: 'DRAFT', revision: 3, returnComment: 'Lägg till lagrum för dokumentation.' });
    await updateDraft(v1.id, 3, { legalBasis: ['SoL 20 kap. 3 §', 'SoL 14 kap. 1 §'] });
    await submit(v1.id);
    const published = await publish(v1.id, today);
    expect(published.data).toMatchObject({ status: 'PUBLISHED', validFrom: today, publishedBy: 'Jonas Prov' });

    const v2 = (await createDraft({ documentId: v1.documentId, changeSummary: 'Nytt steg 4.' }, jonas)).data;
    expect(v2).toMatchObject({
      number: 2,
      status: 'DRAFT',
      title: 'Rutin för hembesök',
      legalBasis: ['SoL 20 kap. 3 §', 'SoL 14 kap. 1 §'],
    });
    await submit(v2.id, jonas);
    const p2 = await publish(v2.id, today, anna);
    expect(p2.error).toBeUndefined();

    const document = await readDocument(v1.documentId);
    expect(document?.current?.number).toBe(2);
    expect(document?.versions).toEqual([
      { number: 2, status: 'PUBLISHED' },
      { number: 1, status: 'SUPERSEDED' },
    ]);
    expect(await auditActions(v1.documentId)).toEqual([
      'createDocument',
      'createDraft',
      'updateDraft',
      'submitForReview',
      'returnToDraft',
      'updateDraft',
      'submitForReview',
      'publish',
      'createDraft',
      'submitForReview',
      'publish',
    ]);
  });

  it('retires a document: nothing is in force any more and it takes no new versions', async () => {
    const v1 = await publishedDocument();
    const retired = await retire(v1.documentId, 'Ersatt av stadsgemensam rutin.');
    expect(retired.data).toMatchObject({ retiredReason: 'Ersatt av stadsgemensam rutin.' });
    const document = await readDocument(v1.documentId);
    expect(document?.current).toBeNull();
    expect(document?.versions).toEqual([{ number: 1, status: 'RETIRED' }]);
    // A draft that was never published stays hidden after retirement.
    const withDraft = await publishedDocument('Rutin med hemligt utkast');
    await createDraft({ documentId: withDraft.documentId, title: 'Opublicerat utkast' });
    await retire(withDraft.documentId, 'Utgår.');
    expect((await readDocument(withDraft.documentId))?.versions).toEqual([{ number: 1, status: 'RETIRED' }]);
    const retiredList = await run('{ childServices { documents(status: RETIRED, search: "utkast") { edges { node { title } } } } }', {});
    expect(JSON.stringify(retiredList.data)).not.toContain('Opublicerat');

    const again = await createDraft({ documentId: v1.documentId });
    expect(again.error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await retire(v1.documentId, 'Igen')).error?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [
      'update a version in review',
      async (v: Version) => {
        await submit(v.id);
        return updateDraft(v.id, v.revision, { title: 'X' });
      },
      'IN_REVIEW',
    ],
    [
      'submit a version already in review',
      async (v: Version) => {
        await submit(v.id);
        return submit(v.id);
      },
      'IN_REVIEW',
    ],
    ['publish a draft', async (v: Version) => publish(v.id, today), 'DRAFT'],
    ['return a draft to draft', async (v: Version) => returnToDraft(v.id, 'Varför?'), 'DRAFT'],
    [
      'update a published version',
      async (v: Version) => {
        await submit(v.id);
        await publish(v.id, today);
        return updateDraft(v.id, v.revision, { title: 'X' });
      },
      'PUBLISHED',
    ],
    [
      'publish a published version again',
      async (v: Version) => {
        await submit(v.id);
        await publish(v.id, today);
        return publish(v.id, today);
      },
      'PUBLISHED',
    ],
  ])('refuses to %s, naming the current status, and writes nothing', async (_, attempt, status) => {
    const { data: draft } = await newDocument();
    const before = await auditActions(draft.documentId);
    const { error } = await attempt(draft);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', status });
    expect(error?.message).toContain(status);
    // The steps that set the stage were audited; the refused one was not.
    const after = await auditActions(draft.documentId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.filter((action) => action === 'publish').length).toBeLessThanOrEqual(1);
    expect(after.length - before.length).toBeLessThanOrEqual(2);
  });

  it('refuses bad input with BAD_USER_INPUT: past validFrom, bad slug, empty title, unknown version', async () => {
    const { data: draft } = await newDocument();
    await submit(draft.id);
    expect((await publish(draft.id, '2020-01-01')).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await createDraft({ kind: 'ROUTINE', slug: 'Inte OK!', title: 'T' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await createDraft({ kind: 'ROUTINE', slug: 'tom-titel', title: '  ' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await updateDraft(draft.id, 1, { slug: 'ny' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await submit('00000000-0000-4000-8000-000000000000')).error?.extensions?.code).toBe('NOT_FOUND');
    expect((await submit('not-a-uuid')).error?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives exactly one of 20 concurrent updates with the same revision, the others CONFLICT with the current revision', async () => {
    const { data: draft } = await newDocument();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => updateDraft(draft.id, 1, { summary: `Version ${i}` })));
    const succeeded = results.filter((result) => result.data);
    const conflicts = results.filter((result) => result.error?.extensions?.code === 'CONFLICT');
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0].error?.extensions).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    const [{ revision, summary }] = await graph.subgraphs['child-services']!.db.query(
      `SELECT revision, summary FROM document_version WHERE id = $1`,
      [draft.id],
    );
    expect(revision).toBe(2);
    expect(summary).toBe(succeeded[0].data.summary);
    expect((await auditActions(draft.documentId)).filter((action) => action === 'updateDraft')).toHaveLength(1);
  });

  it('publishes exactly one of two drafts of a document published at the same time; the other gets a clear error', async () => {
    const v1 = await publishedDocument();
    const a = (await createDraft({ documentId: v1.documentId, summary: 'Förslag A' }, anna)).data;
    const b = (await createDraft({ documentId: v1.documentId, summary: 'Förslag B' }, anna)).data;
    await submit(a.id);
    await submit(b.id);
    const [ra, rb] = await Promise.all([publish(a.id, today, jonas), publish(b.id, today, admin)]);
    const winners = [ra, rb].filter((result) => result.data);
    const losers = [ra, rb].filter((result) => result.error);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].error?.extensions?.code).toBe('CONFLICT');
    expect(losers[0].error?.message).toMatch(/was published after this draft was started/);
    const rows: { status: string }[] = await graph.subgraphs['child-services']!.db.query(
      `SELECT status FROM document_version WHERE document_id = $1 AND status = 'PUBLISHED'`,
      [v1.documentId],
    );
    expect(rows).toHaveLength(1);
    expect((await readDocument(v1.documentId))?.current?.number).toBe(winners[0].data.number);
  });

  it('keeps the previous version in force until a future validFrom, then switches on that day', async () => {
    const v1 = await publishedDocument('Rutin med framtida version');
    const future = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${future}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const v2 = (await createDraft({ documentId: v1.documentId, changeSummary: 'Ny lydelse från ' + future })).data;
    await submit(v2.id);
    await publish(v2.id, future);

    expect((await readDocument(v1.documentId))?.current?.number).toBe(1);
    expect((await readDocument(v1.documentId, undefined, dayBefore))?.current?.number).toBe(1);
    expect((await readDocument(v1.documentId, undefined, future))?.current?.number).toBe(2);
    const listed = await run(
      `query ($on: Date) { childServices { documents(validOn: $on, search: "framtida") { edges { node { current(on: $on) { number } } } } } }`,
      { on: future },
    );
    expect(listed.data).toEqual({ childServices: { documents: { edges: [{ node: { current: { number: 2 } } }] } } });
  });
});

describe('who may do what with documents', () => {
  it('refuses a process leader of another area, an analyst and an anonymous caller, writing nothing', async () => {
    const countDocuments = async () =>
      Number((await graph.subgraphs['child-services']!.db.query(`SELECT count(*) AS n FROM document`))[0].n);
    const before = await countDocuments();
    const input = { kind: 'ROUTINE', slug: 'obehorig', title: 'Obehörig' };
    expect((await createDraft(input, maria)).error?.extensions?.code).toBe('FORBIDDEN');
    expect((await createDraft(input, analyst)).error?.extensions?.code).toBe('FORBIDDEN');
    expect((await mutate('createDraft', 'input: $input', { input }, undefined)).error?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countDocuments()).toBe(before);
    expect((await createDraft({ ...input, slug: 'admin-far' }, admin)).error).toBeUndefined();
  });

  it('does not let the submitter publish their own version (four eyes)', async () => {
    const { data: draft } = await newDocument();
    await submit(draft.id, anna);
    const own = await publish(draft.id, today, anna);
    expect(own.error?.extensions?.code).toBe('FORBIDDEN');
    expect((await auditActions(draft.documentId)).includes('publish')).toBe(false);
    expect((await publish(draft.id, today, jonas)).data.status).toBe('PUBLISHED');
  });

  it('shows drafts, reviews and the audit history only to the area’s process leaders and admins', async () => {
    const v1 = await publishedDocument('Offentlig rutin med utkast');
    await createDraft({ documentId: v1.documentId }, anna);
    const draftOnly = (await newDocument('Bara utkast')).data;

    expect((await readDocument(v1.documentId))?.versions).toEqual([{ number: 1, status: 'PUBLISHED' }]);
    expect((await readDocument(v1.documentId, anna))?.versions).toEqual([
      { number: 2, status: 'DRAFT' },
      { number: 1, status: 'PUBLISHED' },
    ]);
    expect(await readDocument(draftOnly.documentId)).toBeNull();
    expect(await readDocument(draftOnly.documentId, maria)).toBeNull();
    expect((await readDocument(draftOnly.documentId, admin))?.versions).toEqual([{ number: 1, status: 'DRAFT' }]);

    const drafts = (token?: string) => run('{ childServices { documents(status: DRAFT) { totalCount } } }', {}, token);
    expect((await drafts()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await drafts(maria)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const jonasDrafts = await drafts(jonas);
    expect(jonasDrafts.errors).toBeUndefined();
    expect(jonasDrafts.data).toMatchObject({ childServices: { documents: { totalCount: expect.any(Number) } } });

    const history = (token?: string) =>
      run('query ($id: ID) { childServices { document(id: $id) { history { action actor } } } }', { id: v1.documentId }, token);
    expect((await history()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await history(analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await history(jonas)).data).toMatchObject({
      childServices: { document: { history: expect.arrayContaining([{ action: 'publish', actor: 'Jonas Prov' }]) } },
    });
  });
});
