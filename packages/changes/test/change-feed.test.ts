import { inTransaction, swedishToday } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';
import { Area } from '@samsyn/area';
import { ChangeType, prune, recordChange } from '@samsyn/changes';
import { DocumentLifecycle, recordDueNotices } from '@samsyn/knowledge';
import { buildDocument, startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** The outbox and the change feed of an area, read through the gateway as a district system or a dashboard would. */
let graph: TestSupergraph;
let child: SubgraphRuntime;
let leader: string;
let angered: string;
let analyst: string;
const today = swedishToday();

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  child = graph.subgraphs['child-services']!;
  leader = await tokenFor({ sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
  angered = await tokenFor({ sub: 'angered-system', roles: ['district-system'], district: 'angered' });
  analyst = await tokenFor({ roles: ['analyst'] });
});
afterAll(() => graph.close());
beforeEach(async () => {
  await child.db.query(`DELETE FROM change_event`);
});

interface Change {
  id: string;
  type: ChangeType;
  area: string;
  subjectIds: string[];
  districtCode: string | null;
  payload: Record<string, unknown>;
}
interface Page {
  childServices: { changes: { edges: { cursor: string; node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}
const CHANGES = `#graphql
  query Changes($after: String, $types: [ChangeType!], $first: Int) {
    childServices {
      changes(after: $after, types: $types, first: $first) {
        edges { cursor node { id type area subjectIds districtCode payload } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;
const PUBLISH = `#graphql
  mutation Publish($versionId: ID!, $validFrom: Date!) { childServices { publish(versionId: $versionId, validFrom: $validFrom, expectedRevision: 1) { id status } } }`;

/**
 * Waits until the feed can show every committed event: it shows a transaction's events once every older writing
 * transaction of the server has ended, and other tests' long reports may run beside these.
 */
async function settled(): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    const [{ hidden }] = await child.db.query<{ hidden: number }[]>(
      `SELECT count(*)::int AS hidden FROM change_event WHERE tx >= pg_snapshot_xmin(pg_current_snapshot())`,
    );
    if (hidden === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('events stayed hidden for 30 s');
}
async function feed(token: string | undefined, variables: Record<string, unknown> = {}) {
  return graph.query<Page>(CHANGES, { token, variables });
}
/** Every change the token sees, page by page from the start. */
async function allChanges(token: string, first = 100): Promise<Change[]> {
  await settled();
  const seen: Change[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors } = await feed(token, { after, first });
    expect(errors).toBeUndefined();
    const page = data!.childServices.changes;
    seen.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return seen;
  }
}
const angeredReport = (code = 'angered') => ({
  type: ChangeType.FIGURES_REPORTED,
  area: Area.CHILD_SERVICES,
  subjectIds: [code],
  districtCode: code,
  payload: { periods: ['2026-Q3'] },
});

describe('the change feed', () => {
  it('tells of a published version once, with what a district system needs to decide to fetch it', async () => {
    const { documentId, versionId } = await buildDocument(child.db, {
      area: 'CHILD_SERVICES',
      slug: 'orosanmalan',
      title: 'Rutin för orosanmälan',
      status: 'IN_REVIEW',
    });
    const published = await graph.query(PUBLISH, { token: leader, variables: { versionId, validFrom: today } });
    expect(published.errors).toBeUndefined();

    const changes = await allChanges(angered);
    expect(changes).toEqual([
      expect.objectContaining({
        type: 'VERSION_PUBLISHED',
        area: 'CHILD_SERVICES',
        subjectIds: [documentId, versionId],
        districtCode: null,
        payload: {
          documentId,
          slug: 'orosanmalan',
          title: 'Rutin för orosanmälan',
          version: 1,
          versionId,
          validFrom: today,
          changeKind: 'SUBSTANTIVE',
        },
      }),
    ]);
  });

  it('tells nothing of a publish that rolled back', async () => {
    const { versionId } = await buildDocument(child.db, {
      area: 'CHILD_SERVICES',
      slug: 'rollback',
      title: 'Rutin som inte blev',
      status: 'IN_REVIEW',
    });
    const principal = { sub: 'anna', name: 'Anna Exempel', roles: ['process-leader' as const], areas: ['CHILD_SERVICES'] };
    await expect(
      inTransaction(child.db.manager, async (tx) => {
        await new DocumentLifecycle(tx, principal, today).publish(Area.CHILD_SERVICES, versionId, today, 1);
        // The publish wrote its event in this transaction; then something later in it fails.
        expect(await tx.query(`SELECT type FROM change_event`)).toEqual([{ type: 'VERSION_PUBLISHED' }]);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');

    expect(await allChanges(analyst)).toEqual([]);
    const [version] = await child.db.query<{ status: string }[]>(`SELECT status FROM document_version WHERE id = $1`, [versionId]);
    expect(version.status).toBe('IN_REVIEW');
  });

  it('resumes from any saved cursor without gaps or repeats across 1,000 events, written while it is read', async () => {
    const write = async (from: number, to: number) => {
      // Ten writers at once, each committing a handful per transaction: positions commit out of order.
      const batches = Array.from({ length: 10 }, (_, writer) => writer);
      await Promise.all(
        batches.map((writer) =>
          (async () => {
            for (let n = from + writer * 5; n < to; n += 50) {
              await inTransaction(child.db.manager, async (tx) => {
                for (let k = n; k < Math.min(n + 5, to); k++) {
                  await recordChange(tx, { ...angeredReport(), subjectIds: [`event-${k}`], districtCode: null });
                }
              });
            }
          })(),
        ),
      );
    };
    await write(0, 500);
    const read: string[] = [];
    let after: string | null = null;
    const pageThrough = async () => {
      for (;;) {
        const { data, errors } = await feed(analyst, { after, first: 37 });
        expect(errors).toBeUndefined();
        const page = data!.childServices.changes;
        read.push(...page.edges.map((edge) => edge.node.subjectIds[0]));
        after = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) return;
      }
    };
    // Reading while the second half is written: each page is resumed from the cursor the previous one gave.
    await Promise.all([write(500, 1000), pageThrough()]);
    await settled();
    await pageThrough();

    expect(read).toHaveLength(1000);
    expect(new Set(read).size).toBe(1000);
    const inOrder: { subject: string }[] = await child.db.query(`SELECT subject_ids[1] AS subject FROM change_event ORDER BY tx, position`);
    expect(read).toEqual(inOrder.map((row) => row.subject));
  });

  it('orders by transaction as a number: the event of transaction 9 comes before that of transaction 10', async () => {
    // Transaction ids far below any running one, so both are shown; written in the opposite order.
    await child.db.query(
      `INSERT INTO change_event (tx, type, area, subject_ids, payload) VALUES ('10', 'FIGURES_REPORTED', 'CHILD_SERVICES', '{tio}', '{}'),
         ('9', 'FIGURES_REPORTED', 'CHILD_SERVICES', '{nio}', '{}')`,
    );
    try {
      const order = (await allChanges(analyst)).map((change) => change.subjectIds[0]).filter((subject) => ['nio', 'tio'].includes(subject));
      expect(order).toEqual(['nio', 'tio']);
    } finally {
      await child.db.query(`DELETE FROM change_event WHERE subject_ids[1] IN ('nio', 'tio')`);
    }
  });

  it('does not pass an event whose transaction commits after a later one: a cursor saved in between still gets it', async () => {
    const slow = child.db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await recordChange(slow.manager, { ...angeredReport(), subjectIds: ['first-taken, committed last'], districtCode: null });
      await inTransaction(child.db.manager, (tx) =>
        recordChange(tx, { ...angeredReport(), subjectIds: ['taken later, committed first'], districtCode: null }),
      );

      const between = await feed(analyst);
      expect(between.data!.childServices.changes.edges).toEqual([]);
      const saved = between.data!.childServices.changes.pageInfo.endCursor;
      await slow.commitTransaction();
      await settled();

      const later = await feed(analyst, { after: saved });
      expect(later.data!.childServices.changes.edges.map((edge) => edge.node.subjectIds[0])).toEqual([
        'first-taken, committed last',
        'taken later, committed first',
      ]);
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
    }
  });

  it("shows a district system the area's changes and its own district's, never another district's", async () => {
    await inTransaction(child.db.manager, async (tx) => {
      await recordChange(tx, angeredReport('angered'));
      await recordChange(tx, angeredReport('backa'));
      await recordChange(tx, { ...angeredReport(), districtCode: null, subjectIds: ['area-wide'] });
    });
    expect((await allChanges(angered)).map((change) => change.subjectIds[0])).toEqual(['angered', 'area-wide']);
    expect((await allChanges(analyst)).map((change) => change.subjectIds[0])).toEqual(['angered', 'backa', 'area-wide']);
  });

  it('filters by type and keeps the cursor moving', async () => {
    await inTransaction(child.db.manager, async (tx) => {
      await recordChange(tx, { ...angeredReport(), districtCode: null, subjectIds: ['report'] });
      await recordChange(tx, { ...angeredReport(), type: ChangeType.DOCUMENT_RETIRED, districtCode: null, subjectIds: ['retired'] });
    });
    await settled();
    const { data } = await feed(analyst, { types: ['DOCUMENT_RETIRED'] });
    expect(data!.childServices.changes.edges.map((edge) => edge.node.subjectIds)).toEqual([['retired']]);
  });

  it('refuses a reader without a token, a cursor it did not hand out, an empty list of types and a page size out of range', async () => {
    expect(await feed(undefined)).toHaveErrorCode('UNAUTHENTICATED');
    expect(await feed(analyst, { after: 'not-a-cursor' })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await feed(analyst, { first: 0 })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await feed(analyst, { first: 501 })).toHaveErrorCode('BAD_USER_INPUT');
    expect(await feed(analyst, { types: [] })).toHaveErrorCode('BAD_USER_INPUT');
  });

  it('records a version coming into force and a review date passed once, however many replicas look', async () => {
    const inForce = await buildDocument(child.db, {
      area: 'CHILD_SERVICES',
      slug: 'i-kraft',
      title: 'Rutin i kraft i dag',
      validFrom: today,
    });
    const overdue = await buildDocument(child.db, {
      area: 'CHILD_SERVICES',
      slug: 'forsenad',
      title: 'Rutin som skulle ha setts över',
      validFrom: '2024-01-01',
      reviewBy: '2025-01-01',
    });
    // Two replicas' rounds at once, then another round later the same day.
    await Promise.all([recordDueNotices(child.db.manager, today), recordDueNotices(child.db.manager, today)]);
    await child.background.tick('document-notices');

    const mine = new Set([inForce.versionId, overdue.versionId]);
    const changes = (await allChanges(angered)).filter((change) => mine.has(change.subjectIds[1]));
    expect(changes.map((change) => [change.type, change.subjectIds[1]])).toEqual([
      ['VERSION_IN_FORCE', inForce.versionId],
      ['REVIEW_OVERDUE', overdue.versionId],
    ]);
    expect(changes[1].payload).toMatchObject({ slug: 'forsenad', reviewBy: '2025-01-01' });

    // The events pruned with age (the version is still overdue): not told again.
    await child.db.query(`UPDATE change_event SET occurred_at = now() - interval '91 days'`);
    await prune(child.db.manager, 90);
    await recordDueNotices(child.db.manager, today);
    expect((await allChanges(angered)).filter((change) => mine.has(change.subjectIds[1]))).toEqual([]);
  });

  it('keeps events 90 days, and longer while a webhook subscription still waits for them (only those it would get)', async () => {
    await inTransaction(child.db.manager, async (tx) => {
      for (const subject of ['old', 'recent']) await recordChange(tx, { ...angeredReport(), districtCode: null, subjectIds: [subject] });
    });
    await child.db.query(`UPDATE change_event SET occurred_at = now() - interval '91 days' WHERE subject_ids[1] = 'old'`);
    await prune(child.db.manager, 90);
    expect((await allChanges(analyst)).map((change) => change.subjectIds[0])).toEqual(['recent']);

    // An event of a type the waiting subscription does not take is not kept for it.
    await inTransaction(child.db.manager, (tx) =>
      recordChange(tx, { ...angeredReport(), type: ChangeType.ADOPTION_CHANGED, districtCode: null, subjectIds: ['adoption'] }),
    );
    await child.db.query(`UPDATE change_event SET occurred_at = now() - interval '91 days'`);
    await child.db.query(
      `INSERT INTO webhook_subscription (owner_id, url, types, secret_sealed, delivered_tx, delivered_position, created_by)
       VALUES ('admin', 'https://mottagare.example/hook', ARRAY['FIGURES_REPORTED'], 'sealed', '0', 0, 'admin')`,
    );
    await prune(child.db.manager, 90);
    expect((await allChanges(analyst)).map((change) => change.subjectIds[0])).toEqual(['recent']);
    await child.db.query(`DELETE FROM webhook_subscription`);
  });
});
