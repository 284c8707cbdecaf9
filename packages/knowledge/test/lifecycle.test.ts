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

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  anna = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  maria = await tokenFor({ sub: 'maria', name: 'Maria Testsson', roles: ['process-leader'], areas: ['ADULT_SERVICES'] });
  admin = await tokenFor({ sub: 'admin', name: 'Admin', roles: ['admin'] });
  analyst = await tokenFor({ sub: 'analyst', name: 'Analytiker', roles: ['analyst'] });
});
afterAll(() => graph.close());

type Version = {
  id: string;
  documentId: string;
  number: number;
  status: string;
  title: string;
  summary: string;
  body: string;
  legalBasis: string[];
  validFrom: string | null;
  revision: number;
  submittedBy: string | null;
  returnComment: string | null;
  publishedBy: string | null;
  changeSummary: string | null;
};
/** A mutation's result: `data` is the version (or document) the mutation returned, `errors` as sent. */
type Mutated<T = Version> = GraphQLResult<T>;

const VERSION_FIELDS = `#graphql
  fragment VersionFields on DocumentVersion {
    id documentId number status title summary body legalBasis validFrom revision submittedBy returnComment publishedBy changeSummary
  }`;
const CREATE_DRAFT = `#graphql
  mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { ...VersionFields } } }
  ${VERSION_FIELDS}`;
const UPDATE_DRAFT = `#graphql
  mutation UpdateDraft($versionId: ID!, $expectedRevision: Int!, $input: DraftInput!) {
    childServices { updateDraft(versionId: $versionId, expectedRevision: $expectedRevision, input: $input) { ...VersionFields } }
  }
  ${VERSION_FIELDS}`;
const SUBMIT = `#graphql
  mutation SubmitForReview($versionId: ID!) { childServices { submitForReview(versionId: $versionId) { ...VersionFields } } }
  ${VERSION_FIELDS}`;
const RETURN_TO_DRAFT = `#graphql
  mutation ReturnToDraft($versionId: ID!, $comment: String!) {
    childServices { returnToDraft(versionId: $versionId, comment: $comment) { ...VersionFields } }
  }
  ${VERSION_FIELDS}`;
const PUBLISH = `#graphql
  mutation Publish($versionId: ID!, $validFrom: Date!) { childServices { publish(versionId: $versionId, validFrom: $validFrom) { ...VersionFields } } }
  ${VERSION_FIELDS}`;
const RETIRE = `#graphql
  mutation Retire($documentId: ID!, $reason: String!) { childServices { retire(documentId: $documentId, reason: $reason) { id retiredReason } } }`;
const READ_DOCUMENT = `#graphql
  query ReadDocument($id: ID, $on: Date) {
    childServices { document(id: $id) { id title current(on: $on) { number status } versions { number status } } }
  }`;

/** Runs one mutation of ChildServicesMutations; `data` is its field's value. */
async function mutate<T = Version>(document: string, variables: Record<string, unknown>, token: string | undefined): Promise<Mutated<T>> {
  const result = await graph.subgraph<{ childServices: Record<string, T> }>('child-services', document, { variables, token });
  const data = result.data?.childServices ? Object.values(result.data.childServices)[0] : undefined;
  return { ...result, data };
}

const createDraft = (input: Record<string, unknown>, token = anna) => mutate(CREATE_DRAFT, { input }, token);
const updateDraft = (versionId: string, expectedRevision: number, input: Record<string, unknown>, token = anna) =>
  mutate(UPDATE_DRAFT, { versionId, expectedRevision, input }, token);
const submit = (versionId: string, token = anna) => mutate(SUBMIT, { versionId }, token);
const returnToDraft = (versionId: string, comment: string, token = jonas) => mutate(RETURN_TO_DRAFT, { versionId, comment }, token);
const publish = (versionId: string, validFrom: string, token = jonas) => mutate(PUBLISH, { versionId, validFrom }, token);
const retire = (documentId: string, reason: string, token = anna) =>
  mutate<{ id: string; retiredReason: string | null }>(RETIRE, { documentId, reason }, token);

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

/** A new draft (by Anna), failing the test if it is refused. */
async function draftDocument(title?: string): Promise<Version> {
  const created = await newDocument(title);
  expect(created.errors).toBeUndefined();
  return created.data!;
}

/** Creates, submits (Anna) and publishes (Jonas) a new document; returns version 1. */
async function publishedDocument(title?: string, validFrom = today): Promise<Version> {
  const draft = await draftDocument(title);
  await submit(draft.id);
  const published = await publish(draft.id, validFrom);
  expect(published.errors).toBeUndefined();
  return published.data!;
}

const db = () => graph.subgraphs['child-services']!.db;

async function auditActions(documentId: string): Promise<string[]> {
  const rows = await db().query<{ action: string }[]>(`SELECT action FROM audit_log WHERE document_id = $1 ORDER BY id`, [documentId]);
  return rows.map((row) => row.action);
}

type ReadDocument = {
  childServices: {
    document: {
      id: string;
      title: string;
      current: { number: number; status: string } | null;
      versions: { number: number; status: string }[];
    } | null;
  };
};
async function readDocument(id: string, token?: string, on?: string) {
  const result = await graph.subgraph<ReadDocument>('child-services', READ_DOCUMENT, { variables: { id, on }, token });
  expect(result.errors).toBeUndefined();
  return result.data!.childServices.document;
}

describe('the document lifecycle', () => {
  it('takes a document from draft through review to published, and a new version supersedes it', async () => {
    const created = await newDocument();
    expect(created.errors).toBeUndefined();
    expect(created.data).toMatchObject({ number: 1, status: 'DRAFT', revision: 1, legalBasis: ['SoL 20 kap. 3 §'] });
    const v1 = created.data!;

    const updated = await updateDraft(v1.id, 1, { body: 'Steg 1. Steg 2. Steg 3.' });
    expect(updated.data).toMatchObject({ status: 'DRAFT', revision: 2, body: 'Steg 1. Steg 2. Steg 3.', title: 'Rutin för hembesök' });

    expect((await submit(v1.id)).data).toMatchObject({ status: 'IN_REVIEW', submittedBy: 'Anna Exempel' });
    const returned = await returnToDraft(v1.id, 'Lägg till lagrum för dokumentation.');
    expect(returned.data).toMatchObject({ status: 'DRAFT', revision: 3, returnComment: 'Lägg till lagrum för dokumentation.' });
    await updateDraft(v1.id, 3, { legalBasis: ['SoL 20 kap. 3 §', 'SoL 14 kap. 1 §'] });
    await submit(v1.id);
    const published = await publish(v1.id, today);
    expect(published.data).toMatchObject({ status: 'PUBLISHED', validFrom: today, publishedBy: 'Jonas Prov' });

    const v2 = (await createDraft({ documentId: v1.documentId, changeSummary: 'Nytt steg 4.' }, jonas)).data!;
    expect(v2).toMatchObject({
      number: 2,
      status: 'DRAFT',
      title: 'Rutin för hembesök',
      legalBasis: ['SoL 20 kap. 3 §', 'SoL 14 kap. 1 §'],
    });
    await submit(v2.id, jonas);
    const p2 = await publish(v2.id, today, anna);
    expect(p2.errors).toBeUndefined();

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
    const retiredList = await graph.subgraph<{ childServices: { documents: { edges: { node: { title: string } }[] } } }>(
      'child-services',
      `#graphql
      query RetiredDocuments { childServices { documents(status: RETIRED, search: "utkast") { edges { node { title } } } } }`,
    );
    expect(retiredList.errors).toBeUndefined();
    const retiredTitles = retiredList.data!.childServices.documents.edges.map((edge) => edge.node.title);
    expect(retiredTitles).toEqual(['Rutin med hemligt utkast']);

    expect(await createDraft({ documentId: v1.documentId })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await retire(v1.documentId, 'Igen')).toHaveErrorCode('BAD_USER_INPUT');
  });

  // Each case: the steps that set the stage (all allowed), then the one step that is refused.
  it.each<[string, (v: Version) => Promise<unknown>, (v: Version) => Promise<Mutated>, string]>([
    ['update a version in review', (v) => submit(v.id), (v) => updateDraft(v.id, v.revision, { title: 'X' }), 'IN_REVIEW'],
    ['submit a version already in review', (v) => submit(v.id), (v) => submit(v.id), 'IN_REVIEW'],
    ['publish a draft', () => Promise.resolve(), (v) => publish(v.id, today), 'DRAFT'],
    ['return a draft to draft', () => Promise.resolve(), (v) => returnToDraft(v.id, 'Varför?'), 'DRAFT'],
    [
      'update a published version',
      async (v) => {
        await submit(v.id);
        await publish(v.id, today);
      },
      (v) => updateDraft(v.id, v.revision, { title: 'X' }),
      'PUBLISHED',
    ],
    [
      'publish a published version again',
      async (v) => {
        await submit(v.id);
        await publish(v.id, today);
      },
      (v) => publish(v.id, today),
      'PUBLISHED',
    ],
  ])('refuses to %s, naming the current status, and writes nothing', async (_, arrange, refused, status) => {
    const draft = await draftDocument();
    await arrange(draft);
    const stored = () =>
      db().query<{ status: string; revision: number; title: string }[]>(
        `SELECT status, revision, title FROM document_version WHERE id = $1`,
        [draft.id],
      );
    const [versionBefore, auditBefore] = [await stored(), await auditActions(draft.documentId)];
    const result = await refused(draft);
    expect(result).toHaveErrorCode('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.status).toBe(status);
    expect(result.errors?.[0].message).toContain(status);
    expect(versionBefore).toEqual([expect.objectContaining({ status })]);
    expect(await stored()).toEqual(versionBefore);
    expect(await auditActions(draft.documentId)).toEqual(auditBefore);
  });

  it('refuses bad input with BAD_USER_INPUT: past validFrom, bad slug, empty title, unknown version', async () => {
    const draft = await draftDocument();
    const other = await draftDocument();
    await submit(draft.id);
    expect(await publish(draft.id, '2020-01-01')).toHaveErrorCode('BAD_USER_INPUT');
    expect(await createDraft({ kind: 'ROUTINE', slug: 'Inte OK!', title: 'T' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await createDraft({ kind: 'ROUTINE', slug: 'tom-titel', title: '  ' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await updateDraft(other.id, 1, { slug: 'ny' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await submit('00000000-0000-4000-8000-000000000000')).toHaveErrorCode('NOT_FOUND');
    expect(await submit('not-a-uuid')).toHaveErrorCode('NOT_FOUND');
  });

  it('gives exactly one of 20 concurrent updates with the same revision, the others CONFLICT with the current revision', async () => {
    const draft = await draftDocument();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => updateDraft(draft.id, 1, { summary: `Version ${i}` })));
    const succeeded = results.filter((result) => result.data);
    const conflicts = results.filter((result) => !result.data);
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) expect(conflict).toHaveErrorCode('CONFLICT');
    expect(conflicts[0].errors?.[0].extensions).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    const stored = await db().query<{ revision: number; summary: string }[]>(
      `SELECT revision, summary FROM document_version WHERE id = $1`,
      [draft.id],
    );
    expect(stored).toEqual([{ revision: 2, summary: succeeded[0].data!.summary }]);
    expect((await auditActions(draft.documentId)).filter((action) => action === 'updateDraft')).toHaveLength(1);
  });

  it('publishes exactly one of two drafts of a document published at the same time; the other gets a clear error', async () => {
    const v1 = await publishedDocument();
    const a = (await createDraft({ documentId: v1.documentId, summary: 'Förslag A' }, anna)).data!;
    const b = (await createDraft({ documentId: v1.documentId, summary: 'Förslag B' }, anna)).data!;
    await submit(a.id);
    await submit(b.id);
    const [ra, rb] = await Promise.all([publish(a.id, today, jonas), publish(b.id, today, admin)]);
    const winners = [ra, rb].filter((result) => result.data);
    const losers = [ra, rb].filter((result) => !result.data);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toHaveErrorCode('CONFLICT');
    expect(losers[0].errors?.[0].message).toMatch(/was published after this draft was started/);
    const rows = await db().query<{ status: string }[]>(
      `SELECT status FROM document_version WHERE document_id = $1 AND status = 'PUBLISHED'`,
      [v1.documentId],
    );
    expect(rows).toHaveLength(1);
    expect((await readDocument(v1.documentId))?.current?.number).toBe(winners[0].data!.number);
  });

  it('keeps the previous version in force until a future validFrom, then switches on that day', async () => {
    const v1 = await publishedDocument('Rutin med framtida version');
    const future = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.parse(`${future}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const v2 = (await createDraft({ documentId: v1.documentId, changeSummary: 'Ny lydelse från ' + future })).data!;
    await submit(v2.id);
    await publish(v2.id, future);

    expect((await readDocument(v1.documentId))?.current?.number).toBe(1);
    expect((await readDocument(v1.documentId, undefined, dayBefore))?.current?.number).toBe(1);
    expect((await readDocument(v1.documentId, undefined, future))?.current?.number).toBe(2);
    const listed = await graph.subgraph(
      'child-services',
      `#graphql
      query InForceOn($on: Date) { childServices { documents(validOn: $on, search: "framtida") { edges { node { current(on: $on) { number } } } } } }`,
      { variables: { on: future } },
    );
    expect(listed.data).toEqual({ childServices: { documents: { edges: [{ node: { current: { number: 2 } } }] } } });
  });
});

describe('who may do what with documents', () => {
  it('refuses a process leader of another area, an analyst and an anonymous caller, writing nothing', async () => {
    const countDocuments = async () => (await db().query<{ n: string }[]>(`SELECT count(*) AS n FROM document`))[0].n;
    const before = await countDocuments();
    const input = { kind: 'ROUTINE', slug: 'obehorig', title: 'Obehörig' };
    expect(await createDraft(input, maria)).toHaveErrorCode('FORBIDDEN');
    expect(await createDraft(input, analyst)).toHaveErrorCode('FORBIDDEN');
    expect(await mutate(CREATE_DRAFT, { input }, undefined)).toHaveErrorCode('UNAUTHENTICATED');
    expect(await countDocuments()).toBe(before);
    const byAdmin = await createDraft({ ...input, slug: 'admin-far' }, admin);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data).toMatchObject({ number: 1, status: 'DRAFT' });
  });

  it('does not let the submitter publish their own version (four eyes)', async () => {
    const draft = await draftDocument();
    await submit(draft.id, anna);
    expect(await publish(draft.id, today, anna)).toHaveErrorCode('FORBIDDEN');
    expect(await auditActions(draft.documentId)).not.toContain('publish');
    expect((await publish(draft.id, today, jonas)).data?.status).toBe('PUBLISHED');
  });

  it('shows drafts, reviews and the audit history only to the area’s process leaders and admins', async () => {
    const v1 = await publishedDocument('Offentlig rutin med utkast');
    await createDraft({ documentId: v1.documentId }, anna);
    const draftOnly = await draftDocument('Bara utkast');

    expect((await readDocument(v1.documentId))?.versions).toEqual([{ number: 1, status: 'PUBLISHED' }]);
    expect((await readDocument(v1.documentId, anna))?.versions).toEqual([
      { number: 2, status: 'DRAFT' },
      { number: 1, status: 'PUBLISHED' },
    ]);
    expect(await readDocument(draftOnly.documentId)).toBeNull();
    expect(await readDocument(draftOnly.documentId, maria)).toBeNull();
    expect((await readDocument(draftOnly.documentId, admin))?.versions).toEqual([{ number: 1, status: 'DRAFT' }]);

    const drafts = (token?: string) =>
      graph.subgraph<{ childServices: { documents: { totalCount: number } } }>(
        'child-services',
        `#graphql
        query DraftCount { childServices { documents(status: DRAFT) { totalCount } } }`,
        { token },
      );
    expect(await drafts()).toHaveErrorCode('UNAUTHENTICATED');
    expect(await drafts(maria)).toHaveErrorCode('FORBIDDEN');
    const [{ n: draftsStored }] = await db().query<{ n: number }[]>(
      `SELECT count(DISTINCT document_id)::int AS n FROM document_version WHERE status = 'DRAFT'`,
    );
    const jonasDrafts = await drafts(jonas);
    expect(jonasDrafts.errors).toBeUndefined();
    expect(jonasDrafts.data?.childServices.documents.totalCount).toBe(draftsStored);

    const history = (token?: string) =>
      graph.subgraph(
        'child-services',
        `#graphql
        query History($id: ID) { childServices { document(id: $id) { history { action actor } } } }`,
        { variables: { id: v1.documentId }, token },
      );
    expect(await history()).toHaveErrorCode('UNAUTHENTICATED');
    expect(await history(analyst)).toHaveErrorCode('FORBIDDEN');
    expect((await history(jonas)).data).toMatchObject({
      childServices: { document: { history: expect.arrayContaining([{ action: 'publish', actor: 'Jonas Prov' }]) } },
    });
  });
});
