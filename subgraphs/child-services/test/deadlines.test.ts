import { swedishToday } from '@samsyn/core';
import { addDays, addMonths } from '../src/deadlines/calendar';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

describe('calendar arithmetic for statutory limits', () => {
  it('counts days across month ends, leap days and the year end', () => {
    expect(addDays('2026-01-20', 14)).toBe('2026-02-03');
    expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it('counts months to the same date, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 4)).toBe('2024-06-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2026-09-15', 4)).toBe('2027-01-15');
  });
});

describe('childServices.deadlines', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['child-services'] });
  });
  afterAll(() => graph.close());

  const DEADLINES = `#graphql
    query Deadlines($received: Date!, $started: Date) {
      childServices {
        deadlines(reportReceivedOn: $received, investigationStartedOn: $started) {
          initialAssessment { due days legalBasis routineVersion { number title } }
          investigation { due months legalBasis routineVersion { number } }
        }
      }
    }`;
  const deadlines = async (received: string, started?: string) => {
    const result = await graph.subgraph<{ childServices: { deadlines: Record<string, unknown> } | null }>('child-services', DEADLINES, {
      variables: { received, started },
    });
    return { ...result, deadlines: result.data?.childServices?.deadlines };
  };

  it('gives 14 days for the initial assessment and 4 months for the investigation, with their legal basis and routine', async () => {
    const { deadlines: result } = await deadlines('2026-10-30', '2026-10-31');
    expect(result).toEqual({
      initialAssessment: {
        due: '2026-11-13',
        days: 14,
        legalBasis: 'SoL 20 kap. 2 §',
        routineVersion: { number: 2, title: 'Rutin för mottagande av orosanmälan och förhandsbedömning' },
      },
      investigation: { due: '2027-02-28', months: 4, legalBasis: 'SoL 20 kap. 3 §', routineVersion: { number: 2 } },
    });
  });

  it('still answers the deprecated flat fields, with the same dates as the deadline objects', async () => {
    const { data, errors } = await graph.subgraph(
      'child-services',
      `#graphql
      query FlatDeadlines {
        childServices {
          deadlines(reportReceivedOn: "2026-10-30", investigationStartedOn: "2026-10-31") {
            initialAssessmentDue investigationDue legalBasis routineVersion { number }
          }
        }
      }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.childServices).toEqual({
      deadlines: {
        initialAssessmentDue: '2026-11-13',
        investigationDue: '2027-02-28',
        legalBasis: ['SoL 20 kap. 2 §', 'SoL 20 kap. 3 §'],
        routineVersion: { number: 2 },
      },
    });
  });

  it('uses the routine version in force on the day the report came in', async () => {
    expect((await deadlines('2025-08-01')).deadlines).toMatchObject({
      initialAssessment: { due: '2025-08-15', routineVersion: { number: 1 } },
    });
  });

  it('follows a new routine version that changes the rule, from the day it comes into force', async () => {
    const anna = await tokenFor({ sub: 'anna', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const jonas = await tokenFor({ sub: 'jonas', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const { data } = await graph.subgraph<{ childServices: { document: { id: string } } }>(
      'child-services',
      `#graphql
      query Routine { childServices { document(slug: "orosanmalan-och-forhandsbedomning") { id } } }`,
    );
    const documentId = data!.childServices.document.id;
    const draft = await graph.subgraph<{ childServices: { createDraft: { id: string } } }>(
      'child-services',
      `#graphql
      mutation DraftRule($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
      {
        variables: {
          input: {
            documentId,
            details: { deadlines: { initialAssessmentDays: 10, investigationMonths: 3 } },
            changeSummary: 'Kortare frister.',
          },
        },
        token: anna,
      },
    );
    expect(draft.errors).toBeUndefined();
    const versionId = draft.data!.childServices.createDraft.id;
    const submitted = await graph.subgraph(
      'child-services',
      `#graphql
      mutation Submit($id: ID!) { childServices { submitForReview(versionId: $id) { id } } }`,
      { variables: { id: versionId }, token: anna },
    );
    expect(submitted.errors).toBeUndefined();
    const from = addDays(swedishToday(), 30);
    const published = await graph.subgraph(
      'child-services',
      `#graphql
      mutation Publish($id: ID!, $from: Date!) { childServices { publish(versionId: $id, validFrom: $from, expectedRevision: 1) { number } } }`,
      {
        variables: { id: versionId, from },
        token: jonas,
      },
    );
    expect(published.errors).toBeUndefined();
    expect(published.data).toEqual({ childServices: { publish: { number: 3 } } });

    expect((await deadlines(addDays(from, -1))).deadlines).toMatchObject({
      initialAssessment: { due: addDays(from, 13), routineVersion: { number: 2 } },
    });
    expect((await deadlines(from, from)).deadlines).toMatchObject({
      initialAssessment: { due: addDays(from, 10), routineVersion: { number: 3 } },
      investigation: { due: addMonths(from, 3), routineVersion: { number: 3 } },
    });
  });

  it('refuses an investigation that starts before the report, and a day with no routine in force', async () => {
    expect(await deadlines('2026-05-10', '2026-05-01')).toHaveErrorCode('BAD_USER_INPUT');
    const before = await deadlines('2020-01-01');
    expect(before).toHaveErrorCode('BAD_USER_INPUT');
    expect(before.errors?.[0].message).toMatch(/No routine in force on 2020-01-01/);
  });
});
