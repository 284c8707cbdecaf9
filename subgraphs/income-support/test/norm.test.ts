import fs from 'node:fs';
import path from 'node:path';
import { swedishToday } from '@samsyn/core';
import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

const SHARED_CSV = path.resolve(__dirname, '../../../../shared/data/riksnorm-2026.csv');

describe('the national norm', () => {
  let graph: TestSupergraph;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['income-support'] });
  });
  afterAll(() => graph.close());

  const NORM = `#graphql
    query NationalNorm($year: Int!, $household: HouseholdInput!) {
      incomeSupport { nationalNorm(year: $year, household: $household) { year total lines { label kind age amount } normVersion { title validFrom } } }
    }`;
  type Norm = { year: number; total: number; lines: { label: string; kind: string; age: number | null; amount: number }[] };
  const norm = async (household: Record<string, unknown>, year = 2026) => {
    const response = await graph.subgraph<{ incomeSupport: { nationalNorm: Norm } | null }>('income-support', NORM, {
      variables: { year, household },
    });
    return { ...response, result: response.data?.incomeSupport?.nationalNorm };
  };

  it('gives one adult living alone 3 940 + 1 280 = 5 220 kr, naming the norm version', async () => {
    const { result } = await norm({ adults: 1 });
    expect(result).toMatchObject({
      year: 2026,
      total: 5220,
      normVersion: { title: 'Riksnormen för försörjningsstöd 2026', validFrom: '2026-01-01' },
    });
    expect(result?.lines.map((line) => [line.kind, line.amount])).toEqual([
      ['ADULT', 3940],
      ['HOUSEHOLD', 1280],
    ]);
  });

  it('gives a couple 7 100 + 1 410 = 8 510 kr', async () => {
    expect((await norm({ adults: 2 })).result?.total).toBe(8510);
  });

  it('adds each child by age, with the lower amount for a young child with free lunch', async () => {
    // 7 100 + 2 740 (0 år) + 2 720 (5 år, lunch: 4–6 år) + 4 390 (12 år) + 2 330 (5 personer) = 19 280
    const { result } = await norm({ adults: 2, children: [{ age: 0 }, { age: 5, freeLunch: true }, { age: 12 }] });
    expect(result?.total).toBe(19280);
    expect(result?.lines.map((line) => line.amount)).toEqual([7100, 2740, 2720, 4390, 2330]);
    // free lunch has no lower amount from 7 years: 3 940 + 3 820 + 1 410
    expect((await norm({ adults: 1, children: [{ age: 8, freeLunch: true }] })).result?.total).toBe(9170);
    // 19–20 year olds are still children in the norm: 3 940 + 5 000 + 1 410
    expect((await norm({ adults: 1, children: [{ age: 19 }] })).result?.total).toBe(10350);
  });

  it('adds the difference between six and seven members for each member over seven', async () => {
    // 7 100 + 6 × 3 820 + (2 830 + 190) = 33 040
    expect((await norm({ adults: 2, children: Array.from({ length: 6 }, () => ({ age: 8 })) })).result?.total).toBe(33040);
  });

  it('refuses invalid households and a year with no published norm, clearly', async () => {
    for (const household of [
      { adults: 0 },
      { adults: 3 },
      { adults: 1, children: [{ age: -1 }] },
      { adults: 1, children: [{ age: 21 }] },
    ]) {
      expect(await norm(household)).toHaveErrorCode('BAD_USER_INPUT');
    }
    const noNorm = await norm({ adults: 1 }, 2027);
    expect(noNorm).toHaveErrorCode('BAD_USER_INPUT');
    expect(noNorm.errors?.[0].message).toBe('No national norm for 2027 has been published.');
  });

  it('publishes a new year like any document: drafted, reviewed, and published by someone else', async () => {
    const lena = await tokenFor({ sub: 'lena', roles: ['process-leader'], areas: ['INCOME_SUPPORT'] });
    const omar = await tokenFor({ sub: 'omar', roles: ['process-leader'], areas: ['INCOME_SUPPORT'] });
    const table = {
      year: 2027,
      children: [
        { fromAge: 0, toAge: 6, amount: 3000 },
        { fromAge: 7, toAge: 20, amount: 4000 },
      ],
      adultSingle: 4000,
      adultCouple: 7200,
      householdCommon: [1300, 1450, 1800, 2050, 2350, 2650, 2850],
      source: 'SoF 12 kap. 2 §',
    };
    const CREATE = `#graphql
      mutation CreateNormDraft($t: NormTableInput!) { incomeSupport { createNormDraft(table: $t) { id number } } }`;
    const incomplete = await graph.subgraph('income-support', CREATE, {
      variables: { t: { ...table, householdCommon: [1300] } },
      token: lena,
    });
    expect(incomplete).toHaveErrorCode('BAD_USER_INPUT');
    const draft = await graph.subgraph<{ incomeSupport: { createNormDraft: { id: string; number: number } } }>('income-support', CREATE, {
      variables: { t: table },
      token: lena,
    });
    expect(draft.errors).toBeUndefined();
    const id = draft.data!.incomeSupport.createNormDraft.id;
    const submitted = await graph.subgraph(
      'income-support',
      `#graphql
      mutation SubmitNorm($id: ID!) { incomeSupport { submitForReview(versionId: $id) { id } } }`,
      { variables: { id }, token: lena },
    );
    expect(submitted.errors).toBeUndefined();
    expect(await norm({ adults: 1 }, 2027)).toHaveErrorCode('BAD_USER_INPUT');
    const publish = (token: string) =>
      graph.subgraph(
        'income-support',
        `#graphql
        mutation PublishNorm($id: ID!, $from: Date!) { incomeSupport { publish(versionId: $id, validFrom: $from, expectedRevision: 1) { status } } }`,
        { variables: { id, from: swedishToday() }, token },
      );
    expect(await publish(lena)).toHaveErrorCode('FORBIDDEN');
    expect((await publish(omar)).data).toEqual({ incomeSupport: { publish: { status: 'PUBLISHED' } } });
    expect((await norm({ adults: 1 }, 2027)).result?.total).toBe(5300);
    expect((await norm({ adults: 1 }, 2026)).result?.total).toBe(5220);
  });

  (fs.existsSync(SHARED_CSV) ? it : it.skip)('ships the same 2026 table as the reference data', () => {
    expect(fs.readFileSync(path.resolve(__dirname, '../seed/riksnorm-2026.csv'), 'utf8')).toBe(fs.readFileSync(SHARED_CSV, 'utf8'));
  });
});
