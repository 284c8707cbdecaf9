import { swedishToday } from '@samsyn/core';
import { buildDocument, startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** Att göra: what waits for a process leader in an area. */
let graph: TestSupergraph;
let anna: string;
let jonas: string;
let analyst: string;
let angered: string;
const today = swedishToday();
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  anna = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  analyst = await tokenFor({ sub: 'analyst', name: 'Ada Analytiker', roles: ['analyst'] });
  angered = await tokenFor({ sub: 'angered-system', name: 'Angered', roles: ['district-system'], district: 'angered' });
});
afterAll(() => graph.close());

type Listed = { title: string; returnComment: string | null; returnedBy: string | null; reviewBy: string | null };
type Tasks = {
  drafts: Listed[];
  returned: Listed[];
  toReview: Listed[];
  reviewDue: Listed[];
  unansweredFeedback: { text: string; document: { slug: string } }[];
};
const MY_TASKS = `#graphql
  fragment Listed on DocumentVersion { title returnComment returnedBy reviewBy }
  query MyTasks {
    childServices {
      myTasks {
        drafts { ...Listed } returned { ...Listed } toReview { ...Listed } reviewDue { ...Listed }
        unansweredFeedback { text document { slug } }
      }
    }
  }`;
async function myTasks(token?: string) {
  return graph.subgraph<{ childServices: { myTasks: Tasks | null } }>('child-services', MY_TASKS, { token });
}
async function run<T>(document: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await graph.subgraph<{ childServices: Record<string, T> }>('child-services', document, { variables, token });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!.childServices)[0];
}
const createDraft = (input: Record<string, unknown>, token: string) =>
  run<{ id: string; revision: number }>(
    `#graphql
    mutation CreateDraft($input: DraftInput!) { childServices { createDraft(input: $input) { id revision } } }`,
    { input },
    token,
  );
const submit = (versionId: string, token: string) =>
  run(
    `#graphql
    mutation Submit($versionId: ID!) { childServices { submitForReview(versionId: $versionId) { id } } }`,
    { versionId },
    token,
  );
const returnToDraft = (versionId: string, comment: string, token: string) =>
  run(
    `#graphql
    mutation Return($versionId: ID!, $comment: String!) { childServices { returnToDraft(versionId: $versionId, comment: $comment) { id } } }`,
    { versionId, comment },
    token,
  );

describe('Att göra', () => {
  it('lists my drafts, what was returned to me with its comment, what waits for my review, reviews due and open synpunkter', async () => {
    const db = graph.subgraphs['child-services']!.db;
    await createDraft({ kind: 'ROUTINE', slug: 'annas-utkast', title: 'Annas utkast' }, anna);
    const returned = await createDraft({ kind: 'ROUTINE', slug: 'tillbakaskickad', title: 'Tillbakaskickad' }, anna);
    await submit(returned.id, anna);
    await returnToDraft(returned.id, 'Lägg till lagrum.', jonas);
    const waiting = await createDraft({ kind: 'GUIDELINE', slug: 'jonas-riktlinje', title: 'Jonas riktlinje' }, jonas);
    await submit(waiting.id, jonas);
    await buildDocument(db, { area: 'CHILD_SERVICES', slug: 'passerad', title: 'Revision passerad', reviewBy: addDays(today, -3) });
    await buildDocument(db, { area: 'CHILD_SERVICES', slug: 'snart', title: 'Revision snart', reviewBy: addDays(today, 20) });
    await buildDocument(db, { area: 'CHILD_SERVICES', slug: 'senare', title: 'Revision senare', reviewBy: addDays(today, 90) });
    const withFeedback = await buildDocument(db, { area: 'CHILD_SERVICES', slug: 'med-synpunkt', title: 'Med synpunkt' });
    await run(
      `#graphql
      mutation Leave($versionId: ID!) { childServices { leaveFeedback(input: { versionId: $versionId, text: "Oklart steg 3." }) { id } } }`,
      { versionId: withFeedback.versionId },
      angered,
    );

    const forAnna = await myTasks(anna);
    expect(forAnna.errors).toBeUndefined();
    expect(forAnna.data!.childServices.myTasks).toEqual({
      drafts: [expect.objectContaining({ title: 'Annas utkast' })],
      returned: [expect.objectContaining({ title: 'Tillbakaskickad', returnComment: 'Lägg till lagrum.', returnedBy: 'Jonas Prov' })],
      toReview: [expect.objectContaining({ title: 'Jonas riktlinje' })],
      reviewDue: [
        expect.objectContaining({ title: 'Revision passerad', reviewBy: addDays(today, -3) }),
        expect.objectContaining({ title: 'Revision snart' }),
      ],
      unansweredFeedback: [{ text: 'Oklart steg 3.', document: { slug: 'med-synpunkt' } }],
    });

    // Jonas sees his own submission nowhere to review, and Anna's drafts are not his.
    const forJonas = (await myTasks(jonas)).data!.childServices.myTasks!;
    expect(forJonas.toReview).toEqual([]);
    expect(forJonas.drafts).toEqual([]);
    expect(forJonas.returned).toEqual([]);
  });

  it('is for process leaders of the area and admins only', async () => {
    expect(await myTasks()).toHaveErrorCode('UNAUTHENTICATED');
    expect(await myTasks(analyst)).toHaveErrorCode('FORBIDDEN');
    expect(await myTasks(angered)).toHaveErrorCode('FORBIDDEN');
  });
});
