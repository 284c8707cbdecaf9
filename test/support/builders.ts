import type { AreaKey } from '@samsyn/core';
import type { SubgraphRuntime } from '@samsyn/runtime';

/**
 * Builders: a test arranges the rows it needs in its own schemas (started with `seed: false`) instead of
 * counting on the demo data. Each writes straight to the table it names and returns what the test needs next.
 */
type Db = SubgraphRuntime['db'];

/** An area as the API spells it (core's AREA_LIST). */
export type AreaCode = AreaKey;

/** A district of the organisation register (organisation subgraph). */
export async function buildDistrict(
  db: Db,
  district: { code: string; name?: string; population?: number | null; validFrom?: string; validTo?: string | null },
): Promise<{ id: string; code: string }> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO district (code, name, population, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      district.code,
      district.name ?? district.code,
      district.population ?? null,
      district.validFrom ?? '2011-01-01',
      district.validTo ?? null,
    ],
  );
  return { id: row.id, code: district.code };
}

/** A process leader of the organisation register (organisation subgraph). */
export async function buildProcessLeader(
  db: Db,
  leader: { name: string; email: string; areas: AreaCode[]; title?: string },
): Promise<void> {
  await db.query(`INSERT INTO process_leader (name, title, email, areas) VALUES ($1, $2, $3, $4)`, [
    leader.name,
    leader.title ?? 'Processledare',
    leader.email,
    leader.areas,
  ]);
}

/** A document with one version (published and in force from `validFrom` unless another status is given). */
export async function buildDocument(
  db: Db,
  document: {
    area: AreaCode;
    slug: string;
    title: string;
    kind?: 'ROUTINE' | 'GUIDELINE' | 'METHOD';
    summary?: string;
    body?: string;
    status?: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED';
    validFrom?: string;
    reviewBy?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<{ documentId: string; versionId: string }> {
  const status = document.status ?? 'PUBLISHED';
  const [{ id: documentId }] = await db.query<{ id: string }[]>(
    `INSERT INTO document (area, kind, slug, created_by) VALUES ($1, $2, $3, 'test') RETURNING id`,
    [document.area, document.kind ?? 'ROUTINE', document.slug],
  );
  const [{ id: versionId }] = await db.query<{ id: string }[]>(
    `INSERT INTO document_version (document_id, number, status, title, summary, body, valid_from, published_at, review_by, details, created_by, updated_by)
     VALUES ($1, 1, $2, $3, $4, $5, $6, CASE WHEN $2 = 'PUBLISHED' THEN now() END, $7, $8, 'test', 'test') RETURNING id`,
    [
      documentId,
      status,
      document.title,
      document.summary ?? '',
      document.body ?? '',
      status === 'PUBLISHED' ? (document.validFrom ?? '2025-01-01') : null,
      document.reviewBy ?? null,
      JSON.stringify(document.details ?? {}),
    ],
  );
  return { documentId, versionId };
}

/** An indicator of an area (a proportion reported quarterly unless told otherwise). */
export async function buildIndicator(
  db: Db,
  indicator: {
    code: string;
    area: AreaCode;
    name?: string;
    kind?: 'PROPORTION' | 'RATE' | 'MEDIAN' | 'MEAN';
    direction?: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEITHER';
    periodicity?: 'YEAR' | 'QUARTER' | 'MONTH';
    ratePer?: number | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO indicator (code, area, name, description, kind, unit, direction, periodicity, rate_per) VALUES ($1, $2, $3, '', $4, 'andel', $5, $6, $7)`,
    [
      indicator.code,
      indicator.area,
      indicator.name ?? indicator.code,
      indicator.kind ?? 'PROPORTION',
      indicator.direction ?? 'HIGHER_IS_BETTER',
      indicator.periodicity ?? 'QUARTER',
      indicator.ratePer ?? null,
    ],
  );
}
