import { daysBetween, swedishToday } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { buildDocument, startSupergraph, tokenFor, type GraphQLResult, type TestSupergraph } from '@samsyn/test-support';

/** Following up a document: editorial and substantive changes, lag, and acknowledgements of a version not yet in force. */
let graph: TestSupergraph;
let child: SubgraphRuntime;
let anna: string;
let jonas: string;
const systems: Record<string, string> = {};
const today = swedishToday();
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  child = graph.subgraphs['child-services']!;
  anna = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  for (const district of ['angered', 'lundby', 'centrum']) {
    systems[district] = await tokenFor({ sub: `${district}-system`, roles: ['district-system'], district });
  }
  // Centrum is known to the area through another document: it lags on the ones below.
  const other = await buildDocument(child.db, { area: 'CHILD_SERVICES', slug: 'annan-rutin', title: 'Annan rutin' });
  await acknowledge(other.versionId, 'centrum', 'ACKNOWLEDGED');
});
afterAll(() => graph.close());

async function call<T>(document: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<T>> {
  const result = await graph.subgraph<{ childServices: Record<string, T> }>('child-services', document, { variables, token });
  return { ...result, data: result.data?.childServices ? Object.values(result.data.childServices)[0] : undefined };
}
async function acknowledge(versionId: string, district: string, status: 'ACKNOWLEDGED' | 'IMPLEMENTED') {
  const result = await call<{ upcomingStatus: string | null; currentStatus: string | null }>(
    `#graphql
    mutation Acknowledge($versionId: ID!, $status: AdoptionStatus!) {
      childServices { acknowledge(versionId: $versionId, status: $status) { currentStatus upcomingStatus } }
    }`,
    { versionId, status },
    systems[district],
  );
  expect(result.errors).toBeUndefined();
  return result.data!;
}
/** A new version of `documentId` by Anna with `input`, submitted; returns its id. */
async function submittedVersion(input: Record<string, unknown>): Promise<string> {
  const created = await call<{ id: string }>(
    `#graphql
    mutation Draft($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
    { input },
    anna,
  );
  expect(created.errors).toBeUndefined();
  await call(
    `#graphql
    mutation Submit($id: ID!) { childServices { submitForReview(versionId: $id) { id } } }`,
    { id: created.data!.id },
    anna,
  );
  return created.data!.id;
}
const publish = (versionId: string, validFrom: string, changeKind?: string) =>
  call<{ number: number; changeKind: string; requirementsSince: string }>(
    `#graphql
    mutation Publish($versionId: ID!, $validFrom: Date!, $changeKind: ChangeKind = SUBSTANTIVE) {
      childServices { publish(versionId: $versionId, validFrom: $validFrom, expectedRevision: 1, changeKind: $changeKind) { number changeKind requirementsSince } }
    }`,
    { versionId, validFrom, changeKind },
    jonas,
  );

type Standing = {
  district: { code: string };
  lagging: boolean;
  daysLagging: number | null;
  currentStatus: string | null;
  upcomingStatus: string | null;
  upcomingVersion: { number: number } | null;
};
async function standings(documentId: string): Promise<Record<string, Omit<Standing, 'district'>>> {
  const result = await graph.subgraph<{ childServices: { document: { adoption: Standing[] } } }>(
    'child-services',
    `#graphql
    query FollowUp($id: ID) {
      childServices { document(id: $id) { adoption { district { code } lagging daysLagging currentStatus upcomingStatus upcomingVersion { number } } } }
    }`,
    { variables: { id: documentId }, token: jonas },
  );
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(result.data!.childServices.document.adoption.map(({ district, ...rest }) => [district.code, rest]));
}

describe('editorial and substantive changes', () => {
  it('carries acknowledgements over an editorial change, and asks again after a substantive one, lagging from its validFrom', async () => {
    const v1 = await buildDocument(child.db, {
      area: 'CHILD_SERVICES',
      slug: 'hembesok',
      title: 'Rutin för hembesök',
      validFrom: '2025-01-01',
    });
    await acknowledge(v1.versionId, 'angered', 'ACKNOWLEDGED');
    await acknowledge(v1.versionId, 'lundby', 'IMPLEMENTED');

    const editorial = await publish(await submittedVersion({ documentId: v1.documentId, body: 'Förtydligad text.' }), today, 'EDITORIAL');
    expect(editorial.errors).toBeUndefined();
    expect(editorial.data).toEqual({ number: 2, changeKind: 'EDITORIAL', requirementsSince: '2025-01-01' });
    const afterEditorial = await standings(v1.documentId);
    expect(afterEditorial.angered).toMatchObject({ lagging: false, currentStatus: 'ACKNOWLEDGED' });
    expect(afterEditorial.lundby).toMatchObject({ lagging: false, currentStatus: 'IMPLEMENTED' });
    // Centrum never acknowledged: it lags since the requirements came into force, not since the clarification.
    expect(afterEditorial.centrum).toMatchObject({ lagging: true, daysLagging: daysBetween('2025-01-01', today), currentStatus: null });
    const carried = await child.db.query<{ district: string; status: string }[]>(
      `SELECT a.district, a.status FROM adoption a JOIN document_version v ON v.id = a.version_id
       WHERE a.document_id = $1 AND v.number = 2 ORDER BY a.district`,
      [v1.documentId],
    );
    expect(carried).toEqual([
      { district: 'angered', status: 'ACKNOWLEDGED' },
      { district: 'lundby', status: 'IMPLEMENTED' },
    ]);

    const substantive = await publish(await submittedVersion({ documentId: v1.documentId, body: 'Nytt krav: två handläggare.' }), today);
    expect(substantive.data).toEqual({ number: 3, changeKind: 'SUBSTANTIVE', requirementsSince: today });
    const afterSubstantive = await standings(v1.documentId);
    for (const district of ['angered', 'lundby', 'centrum']) {
      expect(afterSubstantive[district]).toMatchObject({ lagging: true, daysLagging: 0, currentStatus: null });
    }
    await acknowledge(
      (await child.db.query<{ id: string }[]>(`SELECT id FROM document_version WHERE document_id = $1 AND number = 3`, [v1.documentId]))[0]
        .id,
      'angered',
      'IMPLEMENTED',
    );
    expect((await standings(v1.documentId)).angered).toMatchObject({ lagging: false, currentStatus: 'IMPLEMENTED' });
  });

  it('refuses to publish a version identical to the one published before, and an editorial first version', async () => {
    const v1 = await buildDocument(child.db, { area: 'CHILD_SERVICES', slug: 'oforandrad', title: 'Oförändrad rutin', body: 'Text.' });
    const same = await submittedVersion({ documentId: v1.documentId, changeSummary: 'Ingen ändring i sak.' });
    const refused = await publish(same, today);
    expect(refused).toHaveErrorCode('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/identical to version 1/);
    expect(refused.errors?.[0].extensions).toMatchObject({ identicalTo: 1 });
    const [{ status }] = await child.db.query<{ status: string }[]>(`SELECT status FROM document_version WHERE id = $1`, [same]);
    expect(status).toBe('IN_REVIEW');

    const first = await submittedVersion({ kind: 'ROUTINE', slug: 'ny-rutin', title: 'Ny rutin' });
    expect(await publish(first, today, 'EDITORIAL')).toHaveErrorCode('BAD_USER_INPUT');
  });
});

describe('a published version not yet in force', () => {
  it('takes acknowledgements ahead, and the follow-up shows them beside the standing on the version in force', async () => {
    const v1 = await buildDocument(child.db, { area: 'CHILD_SERVICES', slug: 'framtida', title: 'Rutin med framtida version' });
    await acknowledge(v1.versionId, 'lundby', 'IMPLEMENTED');
    const future = addDays(today, 14);
    const v2 = await submittedVersion({ documentId: v1.documentId, body: 'Ny lydelse.' });
    expect((await publish(v2, future)).errors).toBeUndefined();

    expect(await acknowledge(v2, 'angered', 'ACKNOWLEDGED')).toEqual({ currentStatus: null, upcomingStatus: 'ACKNOWLEDGED' });
    const followUp = await standings(v1.documentId);
    expect(followUp.angered).toMatchObject({ upcomingStatus: 'ACKNOWLEDGED', upcomingVersion: { number: 2 }, lagging: true });
    expect(followUp.lundby).toMatchObject({ currentStatus: 'IMPLEMENTED', upcomingStatus: null, lagging: false });

    const upcoming = await graph.subgraph<{ childServices: { document: { upcoming: { number: number; validFrom: string } } } }>(
      'child-services',
      `#graphql
      query Upcoming($id: ID) { childServices { document(id: $id) { upcoming { number validFrom } } } }`,
      { variables: { id: v1.documentId } },
    );
    expect(upcoming.data?.childServices.document.upcoming).toEqual({ number: 2, validFrom: future });
  });

  it('shows acknowledgements of a new document’s first version before it comes into force', async () => {
    const first = await submittedVersion({ kind: 'ROUTINE', slug: 'helt-ny', title: 'Helt ny rutin' });
    expect((await publish(first, addDays(today, 7))).errors).toBeUndefined();
    await acknowledge(first, 'angered', 'ACKNOWLEDGED');
    const [{ document_id: documentId }] = await child.db.query<{ document_id: string }[]>(
      `SELECT document_id FROM document_version WHERE id = $1`,
      [first],
    );
    const followUp = await standings(documentId);
    expect(followUp.angered).toEqual({
      lagging: false,
      daysLagging: null,
      currentStatus: null,
      upcomingStatus: 'ACKNOWLEDGED',
      upcomingVersion: { number: 1 },
    });
  });
});
