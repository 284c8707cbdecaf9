import type { Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { IN_FORCE_ORDER, inForceOn } from '../documents/document.reader';
import { toVersion, VERSION_COLUMNS, type VersionRow } from '../documents/document.rows';
import type { DocumentVersion } from '../documents/document.types';

/** How far ahead a review date counts as due. */
export const REVIEW_DUE_WITHIN_DAYS = 30;

/** The lists of a process leader's Att göra in one area: each one statement. */
export class LeaderTaskReader {
  constructor(
    private readonly db: Db,
    private readonly area: Area,
  ) {}

  /** Drafts `sub` wrote or changed that nobody has returned, most recently changed first. */
  drafts(sub: string): Promise<DocumentVersion[]> {
    return this.versions(`v.status = 'DRAFT' AND $2 = ANY(v.edited_by) AND v.returned_at IS NULL`, [sub], 'v.updated_at DESC');
  }

  /** Drafts `sub` wrote or changed that a reviewer returned (with returnComment), most recently returned first. */
  returned(sub: string): Promise<DocumentVersion[]> {
    return this.versions(`v.status = 'DRAFT' AND $2 = ANY(v.edited_by) AND v.returned_at IS NOT NULL`, [sub], 'v.returned_at DESC');
  }

  /** Versions in review that `sub` may publish (it neither wrote, changed nor submitted them), longest waiting first. */
  toReview(sub: string): Promise<DocumentVersion[]> {
    return this.versions(
      `v.status = 'IN_REVIEW' AND NOT ($2 = ANY(v.edited_by)) AND v.submitted_by IS DISTINCT FROM $2`,
      [sub],
      'v.submitted_at, v.id',
    );
  }

  /** Versions in force today whose review date (revideras senast) has passed or comes within 30 days, earliest first. */
  async reviewDue(today: string): Promise<DocumentVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (v.document_id) ${VERSION_COLUMNS}
         FROM document_version v JOIN document d ON d.id = v.document_id
         WHERE d.area = $1 AND d.retired_at IS NULL AND ${inForceOn('$2::date')}
         ORDER BY v.document_id, ${IN_FORCE_ORDER}
       ) AS v WHERE v.review_by <= $2::date + $3::int ORDER BY v.review_by, v.id`,
      [this.area, today, REVIEW_DUE_WITHIN_DAYS],
    );
    return rows.map((row) => toVersion(row, this.area));
  }

  private async versions(condition: string, parameters: unknown[], order: string): Promise<DocumentVersion[]> {
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE d.area = $1 AND ${condition} ORDER BY ${order}`,
      [this.area, ...parameters],
    );
    return rows.map((row) => toVersion(row, this.area));
  }
}
