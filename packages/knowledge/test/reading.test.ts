import { buildDocument, startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

/** Reading documents as a district system does: search, paging, cache hints and SQL cost. */
let graph: TestSupergraph;

/** The documents this file reads: slug, title and body, all published. */
const DOCUMENTS = [
  ['orosanmalan-och-forhandsbedomning', 'Rutin för mottagande av orosanmälan och förhandsbedömning', 'Hur en orosanmälan tas emot.'],
  ['barnavardsutredning', 'Rutin för barnavårdsutredning', 'Utredningen inleds efter förhandsbedömningen.'],
  ['overvagande-av-placering', 'Övervägande och omprövning av placering', 'Var sjätte månad.'],
  ['riktlinje-familjehem', 'Riktlinje för familjehemsvård', 'Familjehemmet erbjuds grundutbildning.'],
  ['samtal-med-barn', 'Metod för samtal med barn', 'Barnets röst.'],
  ['dokumentation', 'Rutin för dokumentation', 'Journalföring.'],
  ['skyddsbedomning', 'Rutin för skyddsbedömning', 'Samma dag.'],
  ['uppfoljning', 'Rutin för uppföljning av insatser', 'Varje kvartal.'],
  ['ekonomiskt-bistand-till-unga', 'Riktlinje för stöd till unga vuxna', 'Efter 18 år.'],
] as const;

beforeAll(async () => {
  graph = await startSupergraph({ only: ['child-services'], seed: false });
  for (const [slug, title, body] of DOCUMENTS) await buildDocument(db(), { area: 'CHILD_SERVICES', slug, title, body });
});
afterAll(() => graph.close());

const db = () => graph.subgraphs['child-services']!.db;

type Slugs = { childServices: { documents: { edges: { node: { slug: string } }[] } } };
const SEARCH = `#graphql
  query Search($q: String) { childServices { documents(search: $q) { edges { node { slug } } } } }`;

const search = async (words: string) => {
  const { data, errors } = await graph.subgraph<Slugs>('child-services', SEARCH, { variables: { q: words } });
  expect(errors).toBeUndefined();
  return data!.childServices.documents.edges.map((edge) => edge.node.slug);
};

describe('Swedish search', () => {
  it('finds the base form from an inflected one, and the other way round', async () => {
    expect(await search('orosanmälningar')).toContain('orosanmalan-och-forhandsbedomning');
    expect(await search('orosanmälan')).toContain('orosanmalan-och-forhandsbedomning');
    expect(await search('placeringen')).toContain('overvagande-av-placering');
    expect(await search('familjehemmen')).toContain('riktlinje-familjehem');
  });

  it('ranks a title match first and finds nothing for words no document has', async () => {
    expect(await search('förhandsbedömning')).toEqual(['orosanmalan-och-forhandsbedomning', 'barnavardsutredning']);
    expect(await search('rymdfärja')).toEqual([]);
  });
});

describe('paging', () => {
  type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { slug: string } }[] };
  const PAGE = `#graphql
    query Page($after: String) {
      childServices { documents(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }
    }`;
  const page = (after?: string) => graph.subgraph<{ childServices: { documents: Page } }>('child-services', PAGE, { variables: { after } });

  it('pages with opaque cursors and counts all matches', async () => {
    const first = (await page()).data!.childServices.documents;
    const second = (await page(first.pageInfo.endCursor)).data!.childServices.documents;
    const third = (await page(second.pageInfo.endCursor)).data!.childServices.documents;
    expect(first.totalCount).toBe(DOCUMENTS.length);
    expect([first.edges.length, second.edges.length, third.edges.length]).toEqual([4, 4, 1]);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const slugs = [...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.slug);
    expect([...slugs].sort()).toEqual(DOCUMENTS.map(([slug]) => slug).sort());
    expect(await page('not-a-cursor')).toHaveErrorCode('BAD_USER_INPUT');
  });

  it('costs the same number of SQL statements for 10 documents as for 50', async () => {
    await db().query(`
      WITH docs AS (
        INSERT INTO document (area, kind, slug, created_by)
        SELECT 'CHILD_SERVICES', 'ROUTINE', 'genererad-' || n, 'test' FROM generate_series(1, 60) AS n RETURNING id, slug)
      INSERT INTO document_version (document_id, number, status, title, valid_from, published_at, created_by, updated_by, review_by)
      SELECT id, 1, 'PUBLISHED', 'Genererad rutin ' || slug, '2025-01-01', now(), 'test', 'test', '2025-06-30' FROM docs`);
    const LIST = `#graphql
      query DocumentList($first: Int!) {
        childServices {
          documents(first: $first) {
            totalCount
            edges { node { slug title targetGroup overdueForReview owner { id } current { number title legalBasis } versions { number status } } }
          }
        }
      }`;
    const statements = async (first: number) => {
      const before = graph.sqlCounts()['child-services'];
      const { errors, data } = await graph.subgraph<{ childServices: { documents: { edges: unknown[] } } }>('child-services', LIST, {
        variables: { first },
      });
      expect(errors).toBeUndefined();
      expect(data?.childServices.documents.edges).toHaveLength(first);
      return graph.sqlCounts()['child-services'] - before;
    };
    const overdue = await graph.subgraph(
      'child-services',
      `#graphql
      query Overdue { childServices { document(slug: "genererad-1") { overdueForReview } } }`,
    );
    expect(overdue.data).toEqual({ childServices: { document: { overdueForReview: true } } });
    const ten = await statements(10);
    const fifty = await statements(50);
    expect(fifty).toBe(ten);
    expect(ten).toBeLessThanOrEqual(3);
  });
});

describe('cache hints', () => {
  it('lets published content be cached publicly and never caches drafts', async () => {
    const published = await graph.subgraph(
      'child-services',
      `#graphql
      query Published { childServices { documents(first: 3) { edges { node { title current { title body } } } } } }`,
    );
    expect(published.errors).toBeUndefined();
    expect(published.headers.get('cache-control')).toBe('max-age=300, public');

    const leader = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const drafts = await graph.subgraph(
      'child-services',
      `#graphql
      query Drafts { childServices { documents(status: DRAFT) { edges { node { title } } } } }`,
      { token: leader },
    );
    expect(drafts.errors).toBeUndefined();
    expect(drafts.headers.get('cache-control')).toBe('no-store');
    const versions = await graph.subgraph(
      'child-services',
      `#graphql
      query Versions { childServices { documents(first: 1) { edges { node { versions { status } } } } } }`,
      { token: leader },
    );
    expect(versions.errors).toBeUndefined();
    expect(versions.headers.get('cache-control')).toBe('no-store');
  });

  it('never lets a cache keep a document shown by its draft', async () => {
    const leader = await tokenFor({ roles: ['process-leader'], areas: ['CHILD_SERVICES'] });
    const created = await graph.subgraph(
      'child-services',
      `#graphql
      mutation ($input: DraftInput!) { childServices { createDraft(input: $input) { id } } }`,
      {
        token: leader,
        variables: { input: { kind: 'ROUTINE', slug: 'bara-utkast', title: 'Utkastets titel', summary: 'S', body: 'B', legalBasis: [] } },
      },
    );
    expect(created.errors).toBeUndefined();
    const [bySlug, titleInList] = await Promise.all([
      graph.subgraph('child-services', `{ childServices { document(slug: "bara-utkast") { slug } } }`, { token: leader }),
      graph.subgraph('child-services', `{ childServices { document(slug: "bara-utkast") { title targetGroup } } }`, { token: leader }),
    ]);
    expect(bySlug.data).toEqual({ childServices: { document: { slug: 'bara-utkast' } } });
    expect(titleInList.data).toEqual({ childServices: { document: { title: 'Utkastets titel', targetGroup: null } } });
    expect(bySlug.headers.get('cache-control')).toBe('no-store');
    expect(titleInList.headers.get('cache-control')).toBe('no-store');
    // A published document read the same way stays cacheable.
    const published = await graph.subgraph('child-services', `{ childServices { document(slug: "dokumentation") { slug title } } }`, {
      token: leader,
    });
    expect(published.data).toEqual({ childServices: { document: { slug: 'dokumentation', title: 'Rutin för dokumentation' } } });
    expect(published.headers.get('cache-control')).toBe('max-age=300, private');
  });
});
