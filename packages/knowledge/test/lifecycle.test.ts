import { swedishToday } from '@samsyn/core';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
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
  mutation Publish($versionId: ID!, $validFrom: Date!, $expectedRevision: Int!) {
    childServices { publish(versionId: $versionId, validFrom: $validFrom, expectedRevision: $expectedRevision) { ...VersionFields } }
  }
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
/** Publishes `versionId` as read at `expectedRevision`. */
const publish = (versionId: string, expectedRevision: number, validFrom: string, token = jonas) =>
  mutate(PUBLISH, { versionId, validFrom, expectedRevision }, token);
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
  const published = await publish(draft.id, 1, validFrom);
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
    const published = await publish(v1.id, 4, today);
    expect(published.data).toMatchObject({ status: 'PUBLISHED', validFrom: today, publishedBy: 'Jonas Prov' });

    const v2 = (
      await createDraft({ documentId: v1.documentId, body: 'Steg 1. Steg 2. Steg 3. Steg 4.', changeSummary: 'Nytt steg 4.' }, jonas)
    ).data!;
    expect(v2).toMatchObject({
      number: 2,
      status: 'DRAFT',
      title: 'Rutin för hembesök',
      legalBasis: ['SoL 20 kap. 3 §', 'SoL 14 kap. 1 §'],
    });
    await submit(v2.id, jonas);
    const p2 = await publish(v2.id, 1, today, anna);
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
    ['publish a draft', () => Promise.resolve(), (v) => publish(v.id, v.revision, today), 'DRAFT'],
    ['return a draft to draft', () => Promise.resolve(), (v) => returnToDraft(v.id, 'Varför?'), 'DRAFT'],
    [
      'update a published version',
      async (v) => {
        await submit(v.id);
        await publish(v.id, v.revision, today);
      },
      (v) => updateDraft(v.id, v.revision, { title: 'X' }),
      'PUBLISHED',
    ],
    [
      'publish a published version again',
      async (v) => {
        await submit(v.id);
        await publish(v.id, v.revision, today);
      },
      (v) => publish(v.id, v.revision, today),
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
    expect(await publish(draft.id, 1, '2020-01-01')).toHaveErrorCode('BAD_USER_INPUT');
    expect(await createDraft({ kind: 'ROUTINE', slug: 'Inte OK!', title: 'T' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await createDraft({ kind: 'ROUTINE', slug: 'tom-titel', title: '  ' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await updateDraft(other.id, 1, { slug: 'ny' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await submit('00000000-0000-4000-8000-000000000000')).toHaveErrorCode('NOT_FOUND');
    expect(await submit('not-a-uuid')).toHaveErrorCode('NOT_FOUND');
  });

  it('refuses free text without bounds: a 2,800-character slug, 51 legal references, 20 kB of details, a 2,001-character reason or comment', async () => {
    const draft = await draftDocument();
    const stored = async () => (await readDocument(draft.documentId, anna))?.versions;
    const before = await stored();
    const slug = Array.from({ length: 2_800 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    expect(await createDraft({ kind: 'ROUTINE', slug, title: 'Lång adress' })).toHaveErrorCode('BAD_USER_INPUT');
    const references = Array.from({ length: 51 }, (_, i) => `SoL 11 kap. ${i + 1} §`);
    expect(await updateDraft(draft.id, 1, { legalBasis: references })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await updateDraft(draft.id, 1, { details: { notes: 'x'.repeat(20_001) } })).toHaveErrorCode('BAD_USER_INPUT');
    const fifty = await updateDraft(draft.id, 1, { legalBasis: references.slice(0, 50) });
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data?.legalBasis).toHaveLength(50);

    await submit(draft.id);
    expect(await returnToDraft(draft.id, 'x'.repeat(2_001))).toHaveErrorCode('BAD_USER_INPUT');
    expect(await retire(draft.documentId, 'x'.repeat(2_001))).toHaveErrorCode('BAD_USER_INPUT');
    expect((await stored())?.map((version) => version.status)).toEqual(['IN_REVIEW']);
    expect(before).toEqual([expect.objectContaining({ status: 'DRAFT' })]);
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
    const [ra, rb] = await Promise.all([publish(a.id, 1, today, jonas), publish(b.id, 1, today, admin)]);
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
    const v2 = (await createDraft({ documentId: v1.documentId, body: 'Ny lydelse.', changeSummary: 'Ny lydelse från ' + future })).data!;
    await submit(v2.id);
    await publish(v2.id, 1, future);

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

describe('the owner of a document', () => {
  const OWNER = `#graphql
    query Owner($id: ID) { childServices { document(id: $id) { ownerName owner { id } } } }`;
  const TRANSFER = `#graphql
    mutation Transfer($documentId: ID!, $to: OwnerInput!) {
      childServices { transferOwnership(documentId: $documentId, to: $to) { id ownerName owner { id } } }
    }`;
  const owner = async (id: string) =>
    (
      await graph.subgraph<{ childServices: { document: { ownerName: string | null; owner: { id: string } | null } } }>(
        'child-services',
        OWNER,
        {
          variables: { id },
          token: anna,
        },
      )
    ).data?.childServices.document;

  it('is the leader who created it, and passes to another leader by transferOwnership, audited', async () => {
    const draft = await draftDocument('Rutin med ägare');
    expect(await owner(draft.documentId)).toEqual({ ownerName: 'Anna Exempel', owner: null });

    const jonasInDirectory = { id: '5a5a0000-0000-4000-8000-000000000002', name: 'Jonas Prov' };
    expect(await mutate(TRANSFER, { documentId: draft.documentId, to: jonasInDirectory }, maria)).toHaveErrorCode('FORBIDDEN');
    expect(await mutate(TRANSFER, { documentId: draft.documentId, to: jonasInDirectory }, analyst)).toHaveErrorCode('FORBIDDEN');
    expect(await mutate(TRANSFER, { documentId: draft.documentId, to: { id: 'x', name: ' ' } }, anna)).toHaveErrorCode('BAD_USER_INPUT');
    const transferred = await mutate(TRANSFER, { documentId: draft.documentId, to: jonasInDirectory }, anna);
    expect(transferred.errors).toBeUndefined();
    expect(transferred.data).toMatchObject({ ownerName: 'Jonas Prov', owner: { id: jonasInDirectory.id } });
    expect(await owner(draft.documentId)).toEqual({ ownerName: 'Jonas Prov', owner: { id: jonasInDirectory.id } });
    const [entry] = await db().query<{ actor_name: string; before: unknown; after: unknown }[]>(
      `SELECT actor_name, before, after FROM audit_log WHERE document_id = $1 AND action = 'transferOwnership'`,
      [draft.documentId],
    );
    expect(entry).toEqual({
      actor_name: 'Anna Exempel',
      before: { ownerId: 'anna', ownerName: 'Anna Exempel' },
      after: { ownerId: jonasInDirectory.id, ownerName: 'Jonas Prov' },
    });
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
    expect(await publish(draft.id, 1, today, anna)).toHaveErrorCode('FORBIDDEN');
    expect(await auditActions(draft.documentId)).not.toContain('publish');
    expect((await publish(draft.id, 1, today, jonas)).data?.status).toBe('PUBLISHED');
  });

  it('does not publish a version changed after the reviewer read it: the swap is a CONFLICT, the revision read is published', async () => {
    const bo = await tokenFor({ sub: 'bo', name: 'Bo Granskare', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const created = await draftDocument('Rutin som Bo läser');
    const submitted = (await submit(created.id, anna)).data!;
    expect(submitted.revision).toBe(1);
    // Bo reads revision 1 …
    const read = await graph.subgraph<{ childServices: { document: { versions: { revision: number; title: string }[] } } }>(
      'child-services',
      `#graphql
      query Review($id: ID) { childServices { document(id: $id) { versions { revision title } } } }`,
      { variables: { id: created.documentId }, token: bo },
    );
    expect(read.data?.childServices.document.versions).toEqual([{ revision: 1, title: 'Rutin som Bo läser' }]);
    // … while Anna takes it back, swaps the title and submits it again.
    const returned = (await returnToDraft(created.id, 'Jag tar tillbaka den.', anna)).data!;
    expect(returned.revision).toBe(2);
    const swapped = (await updateDraft(created.id, 2, { title: 'SWAPPED TITLE' }, anna)).data!;
    expect(swapped.revision).toBe(3);
    expect((await submit(created.id, anna)).data).toMatchObject({ status: 'IN_REVIEW', revision: 3 });

    const stale = await publish(created.id, 1, today, bo);
    expect(stale).toHaveErrorCode('CONFLICT');
    expect(stale.errors?.[0].extensions).toMatchObject({ expectedRevision: 1, actualRevision: 3 });
    const stored = await db().query<{ status: string; published_at: Date | null }[]>(
      `SELECT status, published_at FROM document_version WHERE id = $1`,
      [created.id],
    );
    expect(stored).toEqual([{ status: 'IN_REVIEW', published_at: null }]);
    expect(await auditActions(created.documentId)).not.toContain('publish');

    // Bo reads the swapped text (revision 3) and publishes what he saw.
    const published = await publish(created.id, 3, today, bo);
    expect(published.errors).toBeUndefined();
    expect(published.data).toMatchObject({ status: 'PUBLISHED', title: 'SWAPPED TITLE', revision: 3, publishedBy: 'Bo Granskare' });
    const [entry] = await db().query<{ after: { publishedRevision: number; revision: number } }[]>(
      `SELECT after FROM audit_log WHERE document_id = $1 AND action = 'publish'`,
      [created.documentId],
    );
    expect(entry.after).toMatchObject({ publishedRevision: 3, revision: 3 });
  });

  it('binds four eyes to everyone who wrote or changed the text: the author may not publish what another submitted', async () => {
    const bo = await tokenFor({ sub: 'bo', name: 'Bo Granskare', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const carl = await tokenFor({ sub: 'carl', name: 'Carl Tredje', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const written = await draftDocument('Annas text som Bo skickar');
    const submitted = await submit(written.id, bo);
    expect(submitted.data).toMatchObject({ status: 'IN_REVIEW', submittedBy: 'Bo Granskare' });

    const byAuthor = await publish(written.id, 1, today, anna);
    expect(byAuthor).toHaveErrorCode('FORBIDDEN');
    expect(byAuthor.errors?.[0].message).toMatch(/wrote or changed/);
    expect(await publish(written.id, 1, today, bo)).toHaveErrorCode('FORBIDDEN');

    // Whoever changed the text in between is bound too: Jonas edits after a return, so he may not publish either.
    await returnToDraft(written.id, 'Förtydliga steg 2.', carl);
    await updateDraft(written.id, 2, { body: 'Steg 1. Steg 2, förtydligat.' }, jonas);
    await submit(written.id, anna);
    expect(await publish(written.id, 3, today, jonas)).toHaveErrorCode('FORBIDDEN');
    expect(await auditActions(written.documentId)).not.toContain('publish');

    const refusals = await graph.subgraph<{ childServices: { document: { versions: { publishRefusal: string | null }[] } } }>(
      'child-services',
      `#graphql
      query MayPublish($id: ID) { childServices { document(id: $id) { versions { publishRefusal } } } }`,
      { variables: { id: written.documentId }, token: carl },
    );
    expect(refusals.data?.childServices.document.versions).toEqual([{ publishRefusal: null }]);
    const forAnna = await graph.subgraph<{ childServices: { document: { versions: { publishRefusal: string | null }[] } } }>(
      'child-services',
      `#graphql
      query MayPublish($id: ID) { childServices { document(id: $id) { versions { publishRefusal } } } }`,
      { variables: { id: written.documentId }, token: anna },
    );
    expect(forAnna.data?.childServices.document.versions[0].publishRefusal).toMatch(/wrote or changed/);

    const byCarl = await publish(written.id, 3, today, carl);
    expect(byCarl.errors).toBeUndefined();
    expect(byCarl.data).toMatchObject({ status: 'PUBLISHED', publishedBy: 'Carl Tredje' });
  });

  it('fills the editors of versions written before they were kept from the audit log, without the reviewer who returned one', async () => {
    const draft = await draftDocument('Rutin från före uppgraderingen');
    await updateDraft(draft.id, 1, { summary: 'Jonas ändring' }, jonas);
    await submit(draft.id, anna);
    await returnToDraft(draft.id, 'Inte än.', admin);
    const editorsNow = () => db().query<{ edited_by: string[] }[]>(`SELECT edited_by FROM document_version WHERE id = $1`, [draft.id]);
    expect(await editorsNow()).toEqual([{ edited_by: ['anna', 'jonas'] }]);

    const migration = ALL_SUBGRAPHS['child-services'].migrations.find((m) => new m().name === 'VersionEditors1764100001000')!;
    const runner = db().createQueryRunner();
    try {
      await runner.query(`ALTER TABLE document_version DROP COLUMN edited_by`);
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    expect(await editorsNow()).toEqual([{ edited_by: ['anna', 'jonas'] }]);
  });

  it('submits only the revision read when the submitter names it', async () => {
    const draft = await draftDocument();
    await updateDraft(draft.id, 1, { summary: 'Ändrad av någon annan' }, jonas);
    const stale = await mutate(
      `#graphql
      mutation SubmitRead($versionId: ID!, $expectedRevision: Int) {
        childServices { submitForReview(versionId: $versionId, expectedRevision: $expectedRevision) { status } }
      }`,
      { versionId: draft.id, expectedRevision: 1 },
      anna,
    );
    expect(stale).toHaveErrorCode('CONFLICT');
    expect(stale.errors?.[0].extensions).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    expect((await submit(draft.id)).data?.status).toBe('IN_REVIEW');
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
