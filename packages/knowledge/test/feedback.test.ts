import http from 'node:http';
import type net from 'node:net';
import { swedishToday } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { buildDocument, startSupergraph, tokenFor, type GraphQLResult, type TestSupergraph } from '@samsyn/test-support';

/** Synpunkter: districts and people leave them on published versions, the area's process leaders answer them. */
let graph: TestSupergraph;
let child: SubgraphRuntime;
let jonas: string;
let anna: string;
let maria: string;
let analyst: string;
let angered: string;
let lundby: string;
const today = swedishToday();

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false, subgraphEnv: { WEBHOOK_POLL_INTERVAL_MS: '50' } });
  child = graph.subgraphs['child-services']!;
  anna = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  jonas = await tokenFor({ sub: 'jonas', name: 'Jonas Prov', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  maria = await tokenFor({ sub: 'maria', name: 'Maria Testsson', roles: ['process-leader'], areas: ['ADULT_SERVICES'] });
  analyst = await tokenFor({ sub: 'analyst', name: 'Ada Analytiker', roles: ['analyst'] });
  angered = await tokenFor({ sub: 'angered-system', name: 'Angereds verksamhetssystem', roles: ['district-system'], district: 'angered' });
  lundby = await tokenFor({ sub: 'lundby-system', name: 'Lundbys verksamhetssystem', roles: ['district-system'], district: 'lundby' });
});
afterAll(() => graph.close());

type Feedback = {
  id: string;
  text: string;
  section: string | null;
  status: string;
  author: string;
  district: { code: string } | null;
  answer: string | null;
  answeredBy: string | null;
  addressed: boolean;
  addressedBy: { id: string } | null;
  version: { id: string; number: number };
  document: { id: string };
};
const FEEDBACK_FIELDS = `#graphql
  fragment FeedbackFields on Feedback {
    id text section status author district { code } answer answeredBy addressed addressedBy { id } version { id number } document { id }
  }`;
const LEAVE = `#graphql
  mutation Leave($input: FeedbackInput!) { childServices { leaveFeedback(input: $input) { ...FeedbackFields } } }
  ${FEEDBACK_FIELDS}`;
const ANSWER = `#graphql
  mutation Answer($id: ID!, $answer: String!) { childServices { answerFeedback(feedbackId: $id, answer: $answer) { ...FeedbackFields } } }
  ${FEEDBACK_FIELDS}`;
const LINK = `#graphql
  mutation Link($id: ID!, $versionId: ID) { childServices { linkFeedbackToDraft(feedbackId: $id, versionId: $versionId) { ...FeedbackFields } } }
  ${FEEDBACK_FIELDS}`;
const AREA_FEEDBACK = `#graphql
  query AreaFeedback($status: FeedbackStatus) { childServices { feedback(status: $status) { ...FeedbackFields } } }
  ${FEEDBACK_FIELDS}`;
const DOCUMENT_FEEDBACK = `#graphql
  query DocumentFeedback($id: ID) { childServices { document(id: $id) { feedback { ...FeedbackFields } } } }
  ${FEEDBACK_FIELDS}`;

async function mutate<T = Feedback>(document: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>> {
  const result = await graph.subgraph<{ childServices: Record<string, T> }>('child-services', document, { variables, token });
  return { ...result, data: result.data?.childServices ? Object.values(result.data.childServices)[0] : undefined };
}
const leave = (input: Record<string, unknown>, token = angered) => mutate(LEAVE, { input }, token);
const answer = (id: string, text: string, token = jonas) => mutate(ANSWER, { id, answer: text }, token);

async function areaFeedback(token: string | undefined, status?: string) {
  return graph.subgraph<{ childServices: { feedback: Feedback[] | null } }>('child-services', AREA_FEEDBACK, {
    variables: { status },
    token,
  });
}
async function documentFeedback(id: string, token: string) {
  const result = await graph.subgraph<{ childServices: { document: { feedback: Feedback[] | null } | null } }>(
    'child-services',
    DOCUMENT_FEEDBACK,
    { variables: { id }, token },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.childServices.document!.feedback!;
}

let slugs = 0;
const publishedRoutine = (title = 'Rutin för orosanmälan') =>
  buildDocument(child.db, { area: 'CHILD_SERVICES', slug: `synpunkt-${++slugs}`, title, validFrom: today });

async function auditOf(documentId: string) {
  return child.db.query<{ action: string; actor_name: string }[]>(
    `SELECT action, actor_name FROM audit_log WHERE document_id = $1 AND entity = 'feedback' ORDER BY id`,
    [documentId],
  );
}

describe('synpunkter', () => {
  it('lets a district system leave one for its district; the area’s leaders answer it and only that district sees the answer', async () => {
    const { documentId, versionId } = await publishedRoutine();
    const left = await leave({ versionId, text: 'Vem ringer tillbaka till anmälaren?', section: 'Steg 2' });
    expect(left.errors).toBeUndefined();
    expect(left.data).toMatchObject({
      status: 'OPEN',
      author: 'Angereds verksamhetssystem',
      district: { code: 'angered' },
      section: 'Steg 2',
      answer: null,
      version: { id: versionId, number: 1 },
      document: { id: documentId },
    });
    const feedbackId = left.data!.id;

    expect((await areaFeedback(jonas, 'OPEN')).data?.childServices.feedback?.map((f) => f.id)).toContain(feedbackId);
    expect((await documentFeedback(documentId, lundby)).map((f) => f.id)).toEqual([]);
    expect((await areaFeedback(lundby)).data?.childServices.feedback?.map((f) => f.id)).not.toContain(feedbackId);
    expect(await areaFeedback(undefined)).toHaveErrorCode('UNAUTHENTICATED');

    expect(await answer(feedbackId, 'Jag svarar', lundby)).toHaveErrorCode('FORBIDDEN');
    expect(await answer(feedbackId, 'Jag svarar', maria)).toHaveErrorCode('FORBIDDEN');
    expect(await answer(feedbackId, '   ')).toHaveErrorCode('BAD_USER_INPUT');
    const answered = await answer(feedbackId, 'Handläggaren ringer inom en arbetsdag; det står nu i steg 2.');
    expect(answered.errors).toBeUndefined();
    expect(answered.data).toMatchObject({ status: 'ANSWERED', answeredBy: 'Jonas Prov' });

    expect(await documentFeedback(documentId, angered)).toEqual([
      expect.objectContaining({
        id: feedbackId,
        status: 'ANSWERED',
        answer: 'Handläggaren ringer inom en arbetsdag; det står nu i steg 2.',
      }),
    ]);
    expect((await areaFeedback(jonas, 'OPEN')).data?.childServices.feedback?.map((f) => f.id)).not.toContain(feedbackId);
    expect(await auditOf(documentId)).toEqual([
      { action: 'leaveFeedback', actor_name: 'Angereds verksamhetssystem' },
      { action: 'answerFeedback', actor_name: 'Jonas Prov' },
    ]);
  });

  it('lets a signed-in person leave one, seen by that person and the area’s leaders, not by district systems', async () => {
    const { documentId, versionId } = await publishedRoutine('Rutin för placering');
    const left = await leave({ versionId, text: 'Mallen för vårdplan saknas.' }, analyst);
    expect(left.errors).toBeUndefined();
    expect(left.data).toMatchObject({ author: 'Ada Analytiker', district: null, section: null });
    expect((await documentFeedback(documentId, analyst)).map((f) => f.id)).toEqual([left.data!.id]);
    expect((await documentFeedback(documentId, anna)).map((f) => f.id)).toEqual([left.data!.id]);
    expect(await documentFeedback(documentId, angered)).toEqual([]);
    const otherPerson = await tokenFor({ sub: 'analyst-2', name: 'Bea Analytiker', roles: ['analyst'] });
    expect(await documentFeedback(documentId, otherPerson)).toEqual([]);
  });

  it('takes none on a draft (answered as an unknown version), nor an empty or overlong text', async () => {
    const draft = await buildDocument(child.db, { area: 'CHILD_SERVICES', slug: `utkast-${++slugs}`, title: 'Utkast', status: 'DRAFT' });
    const onDraft = await leave({ versionId: draft.versionId, text: 'Hej' });
    expect(onDraft).toHaveErrorCode('NOT_FOUND');
    expect(onDraft.errors?.[0].message).toBe(`No published version ${draft.versionId} in this area.`);
    expect(await leave({ versionId: '00000000-0000-4000-8000-000000000000', text: 'Hej' })).toHaveErrorCode('NOT_FOUND');
    const { versionId } = await publishedRoutine();
    expect(await leave({ versionId, text: '  ' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await leave({ versionId, text: 'x'.repeat(5_001) })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await mutate(LEAVE, { input: { versionId, text: 'Hej' } }, undefined)).toHaveErrorCode('UNAUTHENTICATED');
    expect(await child.db.query(`SELECT id FROM feedback WHERE version_id = $1`, [draft.versionId])).toEqual([]);
  });

  it('links one to the draft that addresses it: leaders see the draft, the district only that it is addressed', async () => {
    const { documentId, versionId } = await publishedRoutine('Rutin för hembesök');
    const feedbackId = (await leave({ versionId, text: 'Hembesök bör göras två och två.' })).data!.id;
    const draft = await graph.subgraph<{ childServices: { createDraft: { id: string } } }>(
      'child-services',
      `#graphql
      mutation NewDraft($documentId: ID!) { childServices { createDraft(input: { documentId: $documentId, body: "Hembesök görs två och två." }) { id } } }`,
      { variables: { documentId }, token: anna },
    );
    const draftId = draft.data!.childServices.createDraft.id;
    const other = await publishedRoutine('En annan rutin');

    expect(await mutate(LINK, { id: feedbackId, versionId: draftId }, angered)).toHaveErrorCode('FORBIDDEN');
    expect(await mutate(LINK, { id: feedbackId, versionId: other.versionId }, jonas)).toHaveErrorCode('BAD_USER_INPUT');
    expect(await mutate(LINK, { id: feedbackId, versionId }, jonas)).toHaveErrorCode('BAD_USER_INPUT');
    const linked = await mutate(LINK, { id: feedbackId, versionId: draftId }, jonas);
    expect(linked.errors).toBeUndefined();
    expect(linked.data).toMatchObject({ addressed: true, addressedBy: { id: draftId }, status: 'OPEN' });
    expect(await documentFeedback(documentId, angered)).toEqual([expect.objectContaining({ addressed: true, addressedBy: null })]);
    expect((await auditOf(documentId)).map((entry) => entry.action)).toEqual(['leaveFeedback', 'linkFeedbackToDraft']);
    const addressing = await graph.subgraph<{
      childServices: { document: { versions: { number: number; addressesFeedback: { id: string }[] }[] } };
    }>(
      'child-services',
      `#graphql
      query Addressing($id: ID) { childServices { document(id: $id) { versions { number addressesFeedback { id } } } } }`,
      { variables: { id: documentId }, token: jonas },
    );
    expect(addressing.data?.childServices.document.versions).toEqual([
      { number: 2, addressesFeedback: [{ id: feedbackId }] },
      { number: 1, addressesFeedback: [] },
    ]);
    expect((await mutate(LINK, { id: feedbackId, versionId: null }, jonas)).data).toMatchObject({ addressed: false });
  });

  it('tells a new answer in the change feed to its district only, and delivers it to the district’s webhook', async () => {
    const deliveries: { type: string; data: Record<string, unknown> }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries.push(JSON.parse(body));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`;
      const subscribed = await graph.query(
        `#graphql
        mutation Subscribe($url: String!) { childServices { subscribeWebhook(url: $url, types: [FEEDBACK_ANSWERED]) { secret } } }`,
        { token: angered, variables: { url } },
      );
      expect(subscribed.errors).toBeUndefined();
      const { documentId, versionId } = await publishedRoutine('Rutin för samverkan');
      const feedbackId = (await leave({ versionId, text: 'Hur samverkar vi med skolan?' })).data!.id;
      await answer(feedbackId, 'Se avsnitt 3.');

      const deadline = Date.now() + 20_000;
      while (!deliveries.some((d) => d.data.feedbackId === feedbackId) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(deliveries.filter((d) => d.data.feedbackId === feedbackId)).toEqual([
        expect.objectContaining({
          type: 'FEEDBACK_ANSWERED',
          data: expect.objectContaining({ feedbackId, documentId, versionId, districtCode: 'angered' }),
        }),
      ]);

      type Feed = { childServices: { changes: { edges: { node: { type: string; payload: { feedbackId: string } } }[] } } };
      const feed = (token: string) =>
        graph.query<Feed>(
          `#graphql
          query Feed { childServices { changes(types: [FEEDBACK_RECEIVED, FEEDBACK_ANSWERED], first: 500) { edges { node { type payload } } } } }`,
          { token },
        );
      const seen = async (token: string) =>
        (await feed(token))
          .data!.childServices.changes.edges.filter((edge) => edge.node.payload.feedbackId === feedbackId)
          .map((edge) => edge.node.type);
      expect(await seen(angered)).toEqual(['FEEDBACK_RECEIVED', 'FEEDBACK_ANSWERED']);
      expect(await seen(lundby)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
