import { isUuid, type Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { DOCUMENT_COLUMNS, toDocument, toVersion, VERSION_COLUMNS, type DocumentRow, type VersionRow } from './document.rows';
import { type DocumentKind, type DocumentVersion, type KnowledgeDocument, VersionStatus } from './document.types';

export interface DocumentFilter {
  kind?: DocumentKind | null;
  /** PUBLISHED means: in force on `day`. Other statuses: documents with a version in that status. */
  status: VersionStatus;
  targetGroup?: string | null;
  search?: string | null;
  day: string;
  window: PageWindow;
}

/**
 * Which part of the ordered list a page is, by 1-based positions: after `after`, before `before`
 * (when given), then the `first` from the start or the `last` from the end of what remains.
 */
export interface PageWindow {
  after: number;
  before: number | null;
  first: number | null;
  last: number | null;
}

/** A listed document together with the version it was listed by and its place in the whole list. */
export interface ListedDocument {
  document: KnowledgeDocument;
  version: DocumentVersion;
  position: number;
}

/**
 * What "in force" means, said once. A version has been published when it is PUBLISHED or SUPERSEDED
 * (a superseded version stays in force until its successor's validFrom); the version of a document in
 * force on a day is its published version with the latest validFrom on or before that day
 * (highest number first). The SQL below and `wasPublished` are the only statements of it.
 */
const PUBLISHED = `v.status IN ('PUBLISHED', 'SUPERSEDED')`;

/** SQL condition on `document_version v`: published and valid from `day` (a parameter such as `$2`) or earlier. */
export function inForceOn(day: string): string {
  return `${PUBLISHED} AND v.valid_from <= ${day}`;
}

/** The order in which the first row per document is its version in force (with `DISTINCT ON (v.document_id)`). */
export const IN_FORCE_ORDER = 'v.valid_from DESC, v.number DESC';

/** Whether a version has been published, so that it is, was or will be in force. */
export function wasPublished(version: Pick<DocumentVersion, 'status'>): boolean {
  return version.status === VersionStatus.PUBLISHED || version.status === VersionStatus.SUPERSEDED;
}

/** Reads documents and versions of one area: every method is one SQL statement. */
export class DocumentReader {
  constructor(private readonly db: Db) {}

  /** One page of documents, each with the version it matched; `total` counts all pages. */
  async page(area: Area, filter: DocumentFilter): Promise<{ items: ListedDocument[]; total: number }> {
    const params: unknown[] = [area];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Superseded and retired versions are listed only if they were ever published.
    const versionCondition =
      filter.status === VersionStatus.PUBLISHED
        ? inForceOn(param(filter.day))
        : `v.status = ${param(filter.status)}${filter.status === VersionStatus.SUPERSEDED || filter.status === VersionStatus.RETIRED ? ' AND v.published_at IS NOT NULL' : ''}`;
    const versionOrder = filter.status === VersionStatus.PUBLISHED ? IN_FORCE_ORDER : 'v.number DESC';
    const where = ['d.area = $1'];
    if (filter.kind) where.push(`d.kind = ${param(filter.kind)}`);
    if (filter.targetGroup) where.push(`v.target_group ILIKE ${param(`%${filter.targetGroup}%`)}`);
    let order = 'v.title, d.id';
    if (filter.search?.trim()) {
      const query = param(filter.search);
      where.push(`v.search @@ swedish_search_query(${query})`);
      order = `ts_rank(v.search, swedish_search_query(${query})) DESC, v.title, d.id`;
    }
    const { after, before, first, last } = filter.window;
    const bounds = [`position > ${param(after)}::bigint`];
    if (before !== null) bounds.push(`position < ${param(before)}::bigint`);
    if (first !== null) bounds.push(`position <= ${param(after + first)}::bigint`);
    if (last !== null)
      bounds.push(
        `position >= ${before !== null ? `${param(before)}::bigint` : '(SELECT count(*) + 1 FROM listed)'} - ${param(last)}::bigint`,
      );
    // The total comes with every page, also an empty one: hence the one-row left join.
    const rows: (DocumentRow & VersionRow & { position: string | null; total: string })[] = await this.db.query(
      `WITH listed AS (
         SELECT ${DOCUMENT_COLUMNS}, ${VERSION_COLUMNS}, row_number() OVER (ORDER BY ${order}) AS position
         FROM document d
         JOIN LATERAL (
           SELECT * FROM document_version v WHERE v.document_id = d.id AND ${versionCondition}
           ORDER BY ${versionOrder} LIMIT 1
         ) v ON true
         WHERE ${where.join(' AND ')}
       )
       SELECT page.*, (SELECT count(*) FROM listed) AS total
       FROM (VALUES (1)) AS one
       LEFT JOIN (SELECT * FROM listed WHERE ${bounds.join(' AND ')}) AS page ON true
       ORDER BY page.position`,
      params,
    );
    return {
      items: rows
        .filter((row) => row.position !== null)
        .map((row) => ({ document: toDocument(row), version: toVersion(row, row.d_area), position: Number(row.position) })),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  async documentsByIds(ids: readonly string[]): Promise<KnowledgeDocument[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: DocumentRow[] = await this.db.query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.id = ANY($1)`, [valid]);
    return rows.map(toDocument);
  }

  async documentBySlug(area: Area, slug: string): Promise<KnowledgeDocument | null> {
    const rows: DocumentRow[] = await this.db.query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.area = $1 AND d.slug = $2`, [
      area,
      slug,
    ]);
    return rows[0] ? toDocument(rows[0]) : null;
  }

  async documentsBySlugs(area: Area, slugs: readonly string[]): Promise<KnowledgeDocument[]> {
    const rows: DocumentRow[] = await this.db.query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.area = $1 AND d.slug = ANY($2)`, [
      area,
      slugs,
    ]);
    return rows.map(toDocument);
  }

  /** The published (or superseded) versions of a document of the area, newest first. */
  async publishedVersionsOf(area: Area, slug: string): Promise<DocumentVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE d.area = $1 AND d.slug = $2 AND ${PUBLISHED} ORDER BY v.number DESC`,
      [area, slug],
    );
    return rows.map((row) => toVersion(row, area));
  }

  /** The versions in force on `day` of the documents of an area and kind whose version in force holds a number at `path` of its details. */
  async inForceWithNumberAt(area: Area, kind: DocumentKind, path: string[], day: string): Promise<DocumentVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (v.document_id) ${VERSION_COLUMNS}
         FROM document_version v JOIN document d ON d.id = v.document_id
         WHERE d.area = $1 AND d.kind = $2 AND ${inForceOn('$4')}
         ORDER BY v.document_id, ${IN_FORCE_ORDER}
       ) AS v WHERE jsonb_typeof(v.details #> $3) = 'number'`,
      [area, kind, path, day],
    );
    return rows.map((row) => toVersion(row, area));
  }

  /** The version in force on `day` of each document (those with none are left out). */
  async inForce(documentIds: readonly string[], day: string): Promise<DocumentVersion[]> {
    const rows: (VersionRow & { area: Area })[] = await this.db.query(
      `SELECT DISTINCT ON (v.document_id) ${VERSION_COLUMNS}, d.area
       FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE v.document_id = ANY($1) AND ${inForceOn('$2')}
       ORDER BY v.document_id, ${IN_FORCE_ORDER}`,
      [documentIds.filter(isUuid), day],
    );
    return rows.map((row) => toVersion(row, row.area));
  }

  /** The version in force on `day` of every document of the area. */
  async inForceInArea(area: Area, day: string): Promise<DocumentVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT DISTINCT ON (v.document_id) ${VERSION_COLUMNS}
       FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE d.area = $1 AND ${inForceOn('$2')}
       ORDER BY v.document_id, ${IN_FORCE_ORDER}`,
      [area, day],
    );
    return rows.map((row) => toVersion(row, area));
  }

  /** All versions of each document, newest first. */
  async versionsOf(documentIds: readonly string[]): Promise<DocumentVersion[]> {
    const rows: (VersionRow & { area: Area })[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS}, d.area FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE v.document_id = ANY($1) ORDER BY v.document_id, v.number DESC`,
      [documentIds.filter(isUuid)],
    );
    return rows.map((row) => toVersion(row, row.area));
  }

  async versionsByIds(ids: readonly string[]): Promise<DocumentVersion[]> {
    const rows: (VersionRow & { area: Area })[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS}, d.area FROM document_version v JOIN document d ON d.id = v.document_id WHERE v.id = ANY($1)`,
      [ids.filter(isUuid)],
    );
    return rows.map((row) => toVersion(row, row.area));
  }
}
